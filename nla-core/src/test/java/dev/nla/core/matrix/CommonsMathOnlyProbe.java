package dev.nla.core.matrix;

/**
 * Runs the Commons Math conversions through ordinary compiled calls, for a class loader that has no
 * Hipparchus (see {@link RealMatrixConversionsTest}). Its method signature uses JDK types only.
 */
public final class CommonsMathOnlyProbe {
    private CommonsMathOnlyProbe() {}

    /**
     * Exports to Commons Math and imports back.
     *
     * @param values row arrays
     * @return the round-tripped row arrays
     */
    public static double[][] roundTrip(double[][] values) {
        return RealMatrixConversions.fromCommonsMath(RealMatrixConversions.toCommonsMath(DenseMatrix.of(values)))
                .toArray();
    }
}
