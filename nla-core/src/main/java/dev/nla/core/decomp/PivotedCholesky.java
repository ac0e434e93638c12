package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.Matrix;

/**
 * Cholesky factorization with complete pivoting of a symmetric positive semidefinite matrix,
 * stopped at the numerical rank (LAPACK {@code dpstrf}): at step \(j\) the largest remaining
 * diagonal entry of the Schur complement is moved to position \(j\), and the factorization stops
 * when it is at most \(\tau \max_i a_{ii}\).
 *
 * <p>The result satisfies \(\|P^{\mathsf T}AP - LL^{\mathsf T}\|\) of the order of the largest
 * discarded pivot plus \(O(nu\|A\|)\) [Higham 2002, §10.3], and \(l_{11} \ge l_{22} \ge \cdots\).
 * Only the lower triangle of \(A\) is read. Implementation: blocked (left-looking within a block,
 * {@code syrk} between blocks) in Java ({@link Decompositions#pivotedCholesky()}). No native
 * counterpart: {@code dev.ludovic.netlib}'s LAPACK interface does not include {@code dpstrf}.
 */
public interface PivotedCholesky {
    /**
     * Factors with the default relative tolerance \(\tau = nu\) (LAPACK's default for {@code
     * dpstrf}).
     *
     * @param a the symmetric positive semidefinite \(n \times n\) matrix; only its lower triangle
     *     is read; not modified; must be finite there
     * @return \(L\) (\(n \times r\)), the permutation and the rank
     * @throws NullPointerException         if {@code a} is null
     * @throws DimensionMismatchException   if {@code a} is not square
     * @throws NonFiniteValueException      if the lower triangle holds NaN or an infinity
     * @throws NotPositiveDefiniteException if \(A\) is clearly indefinite: a diagonal entry of the
     *     final Schur complement is below \(-\sqrt{u}\max_i a_{ii}\) (or \(A\) has a negative
     *     diagonal and no positive one); the message names the entry
     */
    PivotedCholeskyResult factor(Matrix a);

    /**
     * Factors, stopping when the largest remaining pivot is at most \(\tau \max_i a_{ii}\).
     *
     * @param a                 the symmetric positive semidefinite \(n \times n\) matrix (lower
     *     triangle read); not modified
     * @param relativeTolerance \(\tau \ge 0\), finite
     * @return \(L\) (\(n \times r\)), the permutation and the rank
     * @throws NullPointerException         if {@code a} is null
     * @throws IllegalArgumentException     if the tolerance is negative, NaN or infinite
     * @throws DimensionMismatchException   if {@code a} is not square
     * @throws NonFiniteValueException      if the lower triangle holds NaN or an infinity
     * @throws NotPositiveDefiniteException if \(A\) is clearly indefinite (see {@link
     *     #factor(Matrix)})
     */
    PivotedCholeskyResult factor(Matrix a, double relativeTolerance);
}
