package dev.nla.core.decomp;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * LU factorization with partial pivoting \(PA = LU\), and the linear solves, determinants and
 * condition estimates built on it.
 *
 * <p>The computed factors satisfy \(\hat L\hat U = PA + \Delta A\) with \(|\Delta A| \le
 * \gamma_n |\hat L||\hat U|\) [Higham 2002, Thm 9.3]; with partial pivoting \(|l_{ij}| \le 1\) and
 * the growth factor is small in practice, so \(\|PA - LU\|_F = O(nu\|A\|_F)\). Implementations:
 * recursive LU in Java ({@link Decompositions#lu()}) and LAPACK {@code dgetrf}/{@code
 * dgetrs}/{@code dgecon} ({@link Decompositions#nativeLu()}).
 */
public interface Lu {
    /**
     * Factors \(PA = LU\). A singular matrix is factored too (some \(u_{ii} = 0\)); solves with it
     * throw.
     *
     * @param a the \(m \times n\) matrix, dense or sparse; not modified; must be finite
     * @return the factorization in newly allocated storage
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} holds NaN or an infinity
     */
    LuResult factor(Matrix a);

    /**
     * Factors \(PA = LU\) in the storage of {@code overwrittenA}, which becomes the result's {@code
     * factors()}.
     *
     * @param overwrittenA the \(m \times n\) matrix; overwritten by \(L\) and \(U\); must be finite
     * @return the factorization
     * @throws NullPointerException    if {@code overwrittenA} is null
     * @throws NonFiniteValueException if it holds NaN or an infinity (it is then not modified)
     */
    LuResult factorInPlace(DenseMatrix overwrittenA);

    /**
     * Solves \(\operatorname{op}(A)X = B\) with the factorization of a square \(A\).
     *
     * @param lu    the factorization of a square matrix; not modified
     * @param trans {@code NO_TRANSPOSE} for \(AX = B\), {@code TRANSPOSE} for \(A^{\mathsf T}X =
     *     B\)
     * @param b     \(B\), \(n \times p\), dense or sparse; not modified; must be finite
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the factored matrix is not square or {@code b.rows() !=
     *     n}
     * @throws NonFiniteValueException    if {@code b} holds NaN or an infinity
     * @throws SingularMatrixException    if some \(u_{ii} = 0\); the message names \(i\)
     */
    DenseMatrix solve(LuResult lu, Transpose trans, Matrix b);

    /**
     * An estimate of the reciprocal 1-norm condition number \(1/(\|A\|_1\|A^{-1}\|_1)\) of a square
     * factored matrix (LAPACK {@code dgecon}: Hager–Higham estimation of \(\|A^{-1}\|_1\) by a few
     * solves), never below the truth and usually within a factor 3 of it.
     *
     * @param lu the factorization of a square matrix; not modified
     * @return the estimate in \([0, 1]\): 0 if \(A\) is exactly singular or a solve overflows
     * @throws NullPointerException       if {@code lu} is null
     * @throws DimensionMismatchException if the factored matrix is not square
     */
    double reciprocalCondition(LuResult lu);

    /**
     * Solves \(AX = B\) with the factorization: {@code solve(lu, NO_TRANSPOSE, b)}.
     *
     * @param lu the factorization of a square matrix; not modified
     * @param b  \(B\), \(n \times p\); not modified
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not match
     * @throws NonFiniteValueException    if {@code b} holds NaN or an infinity
     * @throws SingularMatrixException    if \(A\) is exactly singular
     */
    default DenseMatrix solve(LuResult lu, Matrix b) {
        return solve(lu, Transpose.NO_TRANSPOSE, b);
    }

    /**
     * Solves the square system \(AX = B\) by LU with partial pivoting: {@code solve(factor(a), b)}.
     *
     * @param a the \(n \times n\) matrix; not modified; must be finite
     * @param b \(B\), \(n \times p\); not modified; must be finite
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square or {@code b.rows() != n}
     * @throws NonFiniteValueException    if an input holds NaN or an infinity
     * @throws SingularMatrixException    if \(A\) is exactly singular (a zero pivot)
     */
    default DenseMatrix solve(Matrix a, Matrix b) {
        java.util.Objects.requireNonNull(a, "a");
        java.util.Objects.requireNonNull(b, "b");
        if (a.rows() != a.cols()) {
            throw new DimensionMismatchException("solve: a must be square, got " + a.shape());
        }
        return solve(factor(a), Transpose.NO_TRANSPOSE, b);
    }
}
