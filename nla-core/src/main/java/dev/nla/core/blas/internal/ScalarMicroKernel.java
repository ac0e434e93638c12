package dev.nla.core.blas.internal;

/**
 * A 4 x 4 scalar micro-kernel: sixteen accumulators in local variables, separate multiply and add
 * (portable: fast on hardware without FMA), final merge with {@link Math#fma}.
 */
final class ScalarMicroKernel implements MicroKernel {
    static final int MR = 4;
    static final int NR = 4;

    @Override
    public int mr() {
        return MR;
    }

    @Override
    public int nr() {
        return NR;
    }

    @Override
    public void compute(
            int kc,
            double[] a,
            int aOff,
            double[] b,
            int bOff,
            double alpha,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        double c00 = 0, c10 = 0, c20 = 0, c30 = 0;
        double c01 = 0, c11 = 0, c21 = 0, c31 = 0;
        double c02 = 0, c12 = 0, c22 = 0, c32 = 0;
        double c03 = 0, c13 = 0, c23 = 0, c33 = 0;
        for (int p = 0; p < kc; p++) {
            int ai = aOff + p * MR;
            int bi = bOff + p * NR;
            double a0 = a[ai];
            double a1 = a[ai + 1];
            double a2 = a[ai + 2];
            double a3 = a[ai + 3];
            double b0 = b[bi];
            double b1 = b[bi + 1];
            double b2 = b[bi + 2];
            double b3 = b[bi + 3];
            c00 += a0 * b0;
            c10 += a1 * b0;
            c20 += a2 * b0;
            c30 += a3 * b0;
            c01 += a0 * b1;
            c11 += a1 * b1;
            c21 += a2 * b1;
            c31 += a3 * b1;
            c02 += a0 * b2;
            c12 += a1 * b2;
            c22 += a2 * b2;
            c32 += a3 * b2;
            c03 += a0 * b3;
            c13 += a1 * b3;
            c23 += a2 * b3;
            c33 += a3 * b3;
        }
        store(c, cOff, alpha, beta, c00, c10, c20, c30);
        store(c, cOff + ldc, alpha, beta, c01, c11, c21, c31);
        store(c, cOff + 2 * ldc, alpha, beta, c02, c12, c22, c32);
        store(c, cOff + 3 * ldc, alpha, beta, c03, c13, c23, c33);
    }

    private static void store(
            double[] c, int off, double alpha, double beta, double s0, double s1, double s2, double s3) {
        if (beta == 0.0) {
            c[off] = s0 * alpha;
            c[off + 1] = s1 * alpha;
            c[off + 2] = s2 * alpha;
            c[off + 3] = s3 * alpha;
        } else {
            c[off] = Math.fma(s0, alpha, c[off] * beta);
            c[off + 1] = Math.fma(s1, alpha, c[off + 1] * beta);
            c[off + 2] = Math.fma(s2, alpha, c[off + 2] * beta);
            c[off + 3] = Math.fma(s3, alpha, c[off + 3] * beta);
        }
    }
}
