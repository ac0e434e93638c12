package dev.nla.core.blas.internal;

/**
 * Overflow- and underflow-safe Euclidean norm.
 *
 * <p>{@link #blue} is Blue's three-accumulator algorithm as in LAPACK 3.10 {@code dnrm2}
 * [Blue 1978; Anderson 2017]: squares of entries above \(2^{486}\) are accumulated scaled down by
 * \(2^{-538}\), squares of entries below \(2^{-511}\) scaled up by \(2^{537}\), the rest unscaled,
 * and the three sums are combined at the end. {@link #of} first tries the plain sum of squares,
 * which is exact enough whenever it is finite and at least \(2^{-900}\): no square overflowed, and
 * the squares that underflowed contribute less than \(n \cdot 2^{-1022} \le 2^{-991}\), far below
 * one ulp of the sum.
 */
final class Nrm2 {
    private static final double TSML = 0x1.0p-511;
    private static final double TBIG = 0x1.0p486;
    private static final double SSML = 0x1.0p537;
    private static final double SBIG = 0x1.0p-538;
    private static final double FAST_PATH_MIN = 0x1.0p-900;

    private Nrm2() {}

    /** Plain sum of squares when it is safe, Blue's algorithm otherwise. */
    static double of(int n, double[] x, int off, int inc) {
        double s0 = 0.0;
        double s1 = 0.0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            double a = x[off + i * inc];
            double b = x[off + (i + 1) * inc];
            s0 += a * a;
            s1 += b * b;
        }
        if (i < n) {
            double a = x[off + i * inc];
            s0 += a * a;
        }
        double s = s0 + s1;
        return fastPathValid(s, n) ? Math.sqrt(s) : blue(n, x, off, inc);
    }

    /** Whether a plainly accumulated sum of squares {@code s} of {@code n} entries is accurate. */
    static boolean fastPathValid(double s, int n) {
        return n == 0 || (s >= FAST_PATH_MIN && s < Double.POSITIVE_INFINITY);
    }

    /** Blue's algorithm: never overflows or underflows harmfully; NaN in, NaN out. */
    static double blue(int n, double[] x, int off, int inc) {
        double asml = 0.0;
        double amed = 0.0;
        double abig = 0.0;
        boolean notBig = true;
        for (int i = 0; i < n; i++) {
            double ax = Math.abs(x[off + i * inc]);
            if (ax > TBIG) {
                double t = ax * SBIG;
                abig += t * t;
                notBig = false;
            } else if (ax < TSML) {
                if (notBig) {
                    double t = ax * SSML;
                    asml += t * t;
                }
            } else {
                amed += ax * ax;
            }
        }
        double scl;
        double sumsq;
        if (abig > 0.0) {
            if (amed > 0.0 || Double.isNaN(amed)) {
                abig += (amed * SBIG) * SBIG;
            }
            scl = 1.0 / SBIG;
            sumsq = abig;
        } else if (asml > 0.0) {
            if (amed > 0.0 || Double.isNaN(amed)) {
                double med = Math.sqrt(amed);
                double sml = Math.sqrt(asml) / SSML;
                double ymin = Math.min(med, sml);
                double ymax = Math.max(med, sml);
                scl = 1.0;
                sumsq = ymax * ymax * (1.0 + (ymin / ymax) * (ymin / ymax));
            } else {
                scl = 1.0 / SSML;
                sumsq = asml;
            }
        } else {
            scl = 1.0;
            sumsq = amed;
        }
        return scl * Math.sqrt(sumsq);
    }
}
