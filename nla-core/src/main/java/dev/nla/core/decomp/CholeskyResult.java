package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A Cholesky factorization \(A = LL^{\mathsf T}\) of a symmetric positive definite matrix.
 *
 * <p>The record owns its matrix and returns it without copying.
 *
 * @param l       the \(n \times n\) lower triangular factor with a positive diagonal (zero above
 *     the diagonal)
 * @param normOne \(\|A\|_1\) of the factored matrix, kept for {@link
 *     Cholesky#reciprocalCondition}
 */
public record CholeskyResult(DenseMatrix l, double normOne) {
    /**
     * Validates the components.
     *
     * @param l       the \(n \times n\) lower triangular factor with a positive diagonal (zero above
     *     the diagonal)
     * @param normOne \(\|A\|_1\) of the factored matrix, kept for {@link
     *     Cholesky#reciprocalCondition}
     * @throws NullPointerException       if {@code l} is null
     * @throws DimensionMismatchException if {@code l} is not square
     * @throws IllegalArgumentException   if {@code normOne} is negative or NaN
     */
    public CholeskyResult {
        Objects.requireNonNull(l, "l");
        if (l.rows() != l.cols()) {
            throw new DimensionMismatchException("CholeskyResult: l must be square, got " + l.shape());
        }
        if (!(normOne >= 0)) {
            throw new IllegalArgumentException("normOne must be non-negative, got " + normOne);
        }
    }

    /**
     * The order \(n\).
     *
     * @return \(n\)
     */
    public int order() {
        return l.rows();
    }

    /**
     * \(\log \det A = 2 \sum_i \log l_{ii}\), which neither overflows nor underflows where \(\det A\)
     * would.
     *
     * @return the logarithm of the determinant (0 for \(n = 0\))
     */
    public double logDeterminant() {
        double s = 0;
        for (int i = 0; i < order(); i++) {
            s += Math.log(l.get(i, i));
        }
        return 2 * s;
    }

    /**
     * \(\det A = \prod_i l_{ii}^2\); may overflow to \(+\infty\) or underflow to 0 for large
     * \(n\): use {@link #logDeterminant()} then.
     *
     * @return the determinant (1 for \(n = 0\))
     */
    public double determinant() {
        return Math.exp(logDeterminant());
    }
}
