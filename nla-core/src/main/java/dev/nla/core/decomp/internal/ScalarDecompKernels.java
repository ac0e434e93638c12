package dev.nla.core.decomp.internal;

/** Plain-Java {@link DecompKernels}, used when the Vector API module is absent. */
final class ScalarDecompKernels implements DecompKernels {
    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public void applyRotations(
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

    @Override
    public double dot(int n, double[] x, int xOff, double[] y, int yOff) {
        double s = 0.0;
        double c = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            // a group of four products, two roundings deep, then TwoSum into (s, c)
            double p = Math.fma(x[xOff + i + 1], y[yOff + i + 1], x[xOff + i] * y[yOff + i])
                    + Math.fma(x[xOff + i + 3], y[yOff + i + 3], x[xOff + i + 2] * y[yOff + i + 2]);
            double t = s + p;
            double z = t - s;
            c += (s - (t - z)) + (p - z);
            s = t;
        }
        for (; i < n; i++) {
            double p = x[xOff + i] * y[yOff + i];
            double t = s + p;
            double z = t - s;
            c += Math.fma(x[xOff + i], y[yOff + i], -p) + ((s - (t - z)) + (p - z));
            s = t;
        }
        return s + c;
    }
}
