package dev.nla.core.testing;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * Unit roundoff and the standard error bounds that tests compare against. Every tolerance in the
 * test suites comes from here or from a theorem cited next to the assertion.
 */
public final class Tolerances {
    /** Unit roundoff of IEEE double, \(u = 2^{-53}\). */
    public static final double U = 0x1.0p-53;

    /** Machine epsilon \(\varepsilon = 2u = 2^{-52}\) (LAPACK's {@code dlamch('E')} is \(u\)). */
    public static final double EPS = 0x1.0p-52;

    private Tolerances() {}

    /**
     * \(\gamma_k = ku / (1 - ku)\) [Higham 2002, Lemma 3.1]: the relative error bound of a sum or
     * inner product of \(k\) terms in any order.
     *
     * @param k number of terms
     * @return \(\gamma_k\)
     */
    public static double gamma(long k) {
        double ku = k * U;
        return ku / (1 - ku);
    }

    /**
     * Componentwise GEMM bound \(|C - \hat C| \le c\,\gamma_k\,|\alpha||\operatorname{op}(A)||\operatorname{op}(B)| +
     * c\,\gamma_k|\beta||C|\), entry by entry, with safety factor \(c = 2\) (as RandBLAS' {@code
     * reference_left_apply}: \(2ku\)). Computed naively in double; the bound's own rounding error is
     * far below the bound.
     *
     * @param alpha scale of the product
     * @param a     \(\operatorname{op}(A)\), already transposed if needed, \(m \times k\)
     * @param b     \(\operatorname{op}(B)\), \(k \times n\)
     * @param beta  scale of the old \(C\)
     * @param c     old \(C\), \(m \times n\) (ignored if \(\beta = 0\))
     * @return the bound, \(m \times n\)
     */
    public static DenseMatrix gemmBound(double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int m = a.rows();
        int k = a.cols();
        int n = b.cols();
        double g = 2 * gamma(Math.max(k, 1) + 2);
        DenseMatrix bound = DenseMatrix.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += Math.abs(a.get(i, p) * b.get(p, j));
                }
                double t = Math.abs(alpha) * s;
                if (beta != 0) {
                    t += Math.abs(beta * c.get(i, j));
                }
                // The smallest normal number keeps exact-zero products from demanding exact zeros
                // when an underflow occurs in a different order.
                bound.set(i, j, g * t + Double.MIN_NORMAL);
            }
        }
        return bound;
    }

    /**
     * Backward-stable factorization residual \(c \cdot \max(m,n) \cdot u \cdot \|A\|_F\) with \(c =
     * 10\), the scale of LAPACK's test ratios.
     *
     * @param a the factored matrix
     * @return the tolerance for \(\|A - \text{factors}\|_F\)
     */
    public static double factorizationResidual(Matrix a) {
        return 10.0 * Math.max(Math.max(a.rows(), a.cols()), 1) * U * frobenius(a);
    }

    /**
     * \(\|A\|_F\), computed naively (independently of the kernels under test).
     *
     * @param a the matrix
     * @return the Frobenius norm
     */
    public static double frobenius(Matrix a) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double v = a.get(i, j);
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }
}
