package dev.nla.core.decomp.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link RotationKernel} on the Vector API: each rotation updates the two column segments with
 * vectors of the preferred species. Loaded only when {@code jdk.incubator.vector} is present.
 */
final class VectorMicroKernelRotation implements RotationKernel {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    /**
     * Whether the preferred species holds at least two doubles (otherwise the scalar kernel is as
     * fast).
     *
     * @return {@code true} if this kernel is worth using
     */
    static boolean hardwareSupported() {
        return SPECIES.length() >= 2;
    }

    @Override
    public void apply(
            double[] a,
            int off,
            int ld,
            int rowStart,
            int rowEnd,
            int col0,
            int count,
            double[] c,
            int cOff,
            double[] s,
            int sOff,
            boolean forward) {
        int lanes = SPECIES.length();
        int vectorEnd = rowStart + (rowEnd - rowStart) / lanes * lanes;
        for (int t = 0; t < count; t++) {
            int j = forward ? t : count - 1 - t;
            double cj = c[cOff + j];
            double sj = s[sOff + j];
            if (cj == 1.0 && sj == 0.0) {
                continue;
            }
            int p = off + (col0 + j) * ld;
            int q = p + ld;
            int i = rowStart;
            for (; i < vectorEnd; i += lanes) {
                DoubleVector y = DoubleVector.fromArray(SPECIES, a, q + i);
                DoubleVector x = DoubleVector.fromArray(SPECIES, a, p + i);
                y.mul(cj).sub(x.mul(sj)).intoArray(a, q + i);
                x.mul(cj).add(y.mul(sj)).intoArray(a, p + i);
            }
            for (; i < rowEnd; i++) {
                double y = a[q + i];
                double x = a[p + i];
                a[q + i] = cj * y - sj * x;
                a[p + i] = sj * y + cj * x;
            }
        }
    }
}
