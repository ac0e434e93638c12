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

    @Override
    public double dot2(int n, double[] x, int xOff, double[] y, int yOff) {
        // four independent Dot2 chains (for instruction-level parallelism), merged at the end
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        double c0 = 0.0;
        double c1 = 0.0;
        double c2 = 0.0;
        double c3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            double a0 = x[xOff + i];
            double b0 = y[yOff + i];
            double p0 = a0 * b0;
            double t0 = s0 + p0;
            double z0 = t0 - s0;
            c0 += Math.fma(a0, b0, -p0) + ((s0 - (t0 - z0)) + (p0 - z0));
            s0 = t0;
            double a1 = x[xOff + i + 1];
            double b1 = y[yOff + i + 1];
            double p1 = a1 * b1;
            double t1 = s1 + p1;
            double z1 = t1 - s1;
            c1 += Math.fma(a1, b1, -p1) + ((s1 - (t1 - z1)) + (p1 - z1));
            s1 = t1;
            double a2 = x[xOff + i + 2];
            double b2 = y[yOff + i + 2];
            double p2 = a2 * b2;
            double t2 = s2 + p2;
            double z2 = t2 - s2;
            c2 += Math.fma(a2, b2, -p2) + ((s2 - (t2 - z2)) + (p2 - z2));
            s2 = t2;
            double a3 = x[xOff + i + 3];
            double b3 = y[yOff + i + 3];
            double p3 = a3 * b3;
            double t3 = s3 + p3;
            double z3 = t3 - s3;
            c3 += Math.fma(a3, b3, -p3) + ((s3 - (t3 - z3)) + (p3 - z3));
            s3 = t3;
        }
        for (; i < n; i++) {
            double a = x[xOff + i];
            double b = y[yOff + i];
            double p = a * b;
            double t = s0 + p;
            double z = t - s0;
            c0 += Math.fma(a, b, -p) + ((s0 - (t - z)) + (p - z));
            s0 = t;
        }
        // merge the four (s, c) pairs with error-free additions
        double s = s0;
        double c = c0 + c1 + c2 + c3;
        for (double sk : new double[] {s1, s2, s3}) {
            double t = s + sk;
            double z = t - s;
            c += (s - (t - z)) + (sk - z);
            s = t;
        }
        return s + c;
    }
}
