package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * Cholesky factorization \(A = LL^{\mathsf T}\) of a symmetric positive definite matrix, and the
 * solves and condition estimate built on it.
 *
 * <p>Only the lower triangle of \(A\) (diagonal included) is read; the strictly upper triangle is
 * ignored, as in LAPACK {@code dpotrf} with {@code uplo = 'L'}. The computed factor satisfies
 * \(\hat L \hat L^{\mathsf T} = A + \Delta A\), \(|\Delta A| \le \gamma_{n+1} |\hat L||\hat
 * L|^{\mathsf T}\) [Higham 2002, Thm 10.3], so \(\|A - \hat L\hat L^{\mathsf T}\|_F = O(nu\|A\|_F)\).
 * Implementations: recursive blocked Cholesky in Java ({@link Decompositions#cholesky()}) and
 * LAPACK {@code dpotrf}/{@code dpotrs}/{@code dpocon} ({@link Decompositions#nativeCholesky()}).
 */
public interface Cholesky {
    /**
     * Factors \(A = LL^{\mathsf T}\).
     *
     * @param a the symmetric \(n \times n\) matrix; only its lower triangle is read; not modified;
     *     must be finite there
     * @return \(L\) in a new matrix, and \(\|A\|_1\)
     * @throws NullPointerException          if {@code a} is null
     * @throws DimensionMismatchException    if {@code a} is not square
     * @throws NonFiniteValueException       if the lower triangle holds NaN or an infinity
     * @throws NotPositiveDefiniteException  if a pivot is not positive, i.e. \(A\) is not (numerically)
     *     positive definite; the message names the order of the failing leading minor and the pivot
     */
    CholeskyResult factor(Matrix a);

    /**
     * Solves \(AX = B\) with a Cholesky factorization: \(LY = B\), then \(L^{\mathsf T}X = Y\).
     *
     * @param cholesky the factorization; not modified
     * @param b        \(B\), \(n \times p\), dense or sparse; not modified; must be finite
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code b.rows() != n}
     * @throws NonFiniteValueException    if {@code b} holds NaN or an infinity
     */
    DenseMatrix solve(CholeskyResult cholesky, Matrix b);

    /**
     * An estimate of the reciprocal 1-norm condition number \(1/(\|A\|_1 \|A^{-1}\|_1)\), with
     * \(\|A^{-1}\|_1\) estimated by Hager's method as refined by Higham (LAPACK {@code dlacn2}):
     * a few solves with the factors, usually within a factor 3 of the truth and never above it.
     *
     * @param cholesky the factorization; not modified
     * @return the estimate in \([0, 1]\); 0 if the solves overflow
     * @throws NullPointerException if {@code cholesky} is null
     */
    double reciprocalCondition(CholeskyResult cholesky);

    /**
     * Solves \(AX = B\) for a symmetric positive definite \(A\): {@code solve(factor(a), b)}.
     *
     * @param a the symmetric positive definite \(n \times n\) matrix (lower triangle read); not
     *     modified
     * @param b \(B\), \(n \times p\); not modified
     * @return \(X\) in a new matrix
     * @throws NullPointerException         if an argument is null
     * @throws DimensionMismatchException   if {@code a} is not square or {@code b.rows() != n}
     * @throws NonFiniteValueException      if an input holds NaN or an infinity
     * @throws NotPositiveDefiniteException if \(A\) is not positive definite
     */
    default DenseMatrix solve(Matrix a, Matrix b) {
        return solve(factor(a), b);
    }
}
