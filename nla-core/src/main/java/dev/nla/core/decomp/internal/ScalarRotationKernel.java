package dev.nla.core.decomp.internal;

/** Plain-Java {@link RotationKernel}, used when the Vector API module is absent. */
final class ScalarRotationKernel implements RotationKernel {
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
        for (int t = 0; t < count; t++) {
            int j = forward ? t : count - 1 - t;
            double cj = c[cOff + j];
            double sj = s[sOff + j];
            if (cj == 1.0 && sj == 0.0) {
                continue;
            }
            int p = off + (col0 + j) * ld;
            int q = p + ld;
            for (int i = rowStart; i < rowEnd; i++) {
                double y = a[q + i];
                double x = a[p + i];
                a[q + i] = cj * y - sj * x;
                a[p + i] = sj * y + cj * x;
            }
        }
    }
}
