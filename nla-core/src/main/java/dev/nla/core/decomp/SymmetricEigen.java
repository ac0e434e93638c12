package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotConvergedException;
import dev.nla.core.matrix.Matrix;

/**
 * Eigendecomposition \(A = Z \Lambda Z^{\mathsf T}\) of a real symmetric \(n \times n\) matrix.
 *
 * <p>Only the <em>lower triangle</em> of the input is read (LAPACK's {@code UPLO = 'L'}): the
 * matrix decomposed is \(\operatorname{tril}(A) + \operatorname{tril}(A, -1)^{\mathsf T}\), whatever
 * the strict upper triangle holds. Implementations: {@link Decompositions#symmetricEigen()} (pure
 * Java) and {@link Decompositions#nativeSymmetricEigen()} (LAPACK dsyevd). The input is never
 * modified.
 */
public interface SymmetricEigen {
    /**
     * Eigenvalues ascending and eigenvectors, same as {@code decompose(a, EigenOrder.ASCENDING)}.
     *
     * @param a the symmetric \(n \times n\) matrix (lower triangle read); not modified; finite
     * @return \(\Lambda\) ascending and \(Z\)
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a} is not square
     * @throws NonFiniteValueException    if the lower triangle has a NaN or infinite entry
     * @throws NotConvergedException      if the iteration fails to converge (not observed in
     *     practice)
     */
    default EigenResult decompose(Matrix a) {
        return decompose(a, EigenOrder.ASCENDING);
    }

    /**
     * Eigenvalues and eigenvectors in the requested order.
     *
     * @param a     the symmetric \(n \times n\) matrix (lower triangle read); not modified; finite
     * @param order ascending or descending eigenvalues
     * @return \(\Lambda\) and \(Z\); see {@link EigenResult} for the sign convention
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square
     * @throws NonFiniteValueException    if the lower triangle has a NaN or infinite entry
     * @throws NotConvergedException      if the iteration fails to converge (not observed in
     *     practice)
     */
    EigenResult decompose(Matrix a, EigenOrder order);

    /**
     * The eigenvalues only (no eigenvectors are formed, which is several times cheaper).
     *
     * @param a     the symmetric \(n \times n\) matrix (lower triangle read); not modified; finite
     * @param order ascending or descending
     * @return the \(n\) eigenvalues in {@code order}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square
     * @throws NonFiniteValueException    if the lower triangle has a NaN or infinite entry
     * @throws NotConvergedException      if the iteration fails to converge (not observed in
     *     practice)
     */
    double[] eigenvalues(Matrix a, EigenOrder order);
}
