package dev.nla.core.matrix;

/**
 * Runs the Hipparchus conversions through ordinary compiled calls, for a class loader that has no
 * Commons Math (see {@link RealMatrixConversionsTest}). Its method signature uses JDK types only.
 */
public final class HipparchusOnlyProbe {
    private HipparchusOnlyProbe() {}

    /**
     * Exports to Hipparchus and imports back.
     *
     * @param values row arrays
     * @return the round-tripped row arrays
     */
    public static double[][] roundTrip(double[][] values) {
        return RealMatrixConversions.fromHipparchus(RealMatrixConversions.toHipparchus(DenseMatrix.of(values)))
                .toArray();
    }
}
