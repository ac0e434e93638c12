package dev.nla.core.decomp;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotConvergedException;
import dev.nla.core.matrix.Matrix;

/**
 * Singular value decomposition \(A = U \Sigma V^{\mathsf T}\) of a real \(m \times n\) matrix.
 *
 * <p>Implementations: {@link Decompositions#svd()} (pure Java, Golub–Kahan bidiagonalization and
 * Demmel–Kahan bidiagonal QR) and {@link Decompositions#nativeSvd()} (LAPACK dgesdd). Every
 * implementation returns singular values sorted decreasingly and applies the sign convention of
 * {@link SvdResult}. The input is never modified.
 */
public interface Svd {
    /**
     * The thin SVD, same as {@code decompose(a, SvdVectors.THIN)}.
     *
     * @param a the \(m \times n\) matrix, dense or sparse; not modified; must be finite
     * @return \(U\) (\(m \times k\)), \(\sigma\) (length \(k = \min(m, n)\)), \(V^{\mathsf T}\) (\(k
     *     \times n\))
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} has a NaN or infinite entry (the message names
     *     its position)
     * @throws NotConvergedException   if the iteration fails to converge (not observed in practice)
     */
    default SvdResult decompose(Matrix a) {
        return decompose(a, SvdVectors.THIN);
    }

    /**
     * The SVD with thin or full singular vectors.
     *
     * @param a       the \(m \times n\) matrix, dense or sparse; not modified; must be finite
     * @param vectors {@link SvdVectors#THIN} or {@link SvdVectors#FULL}
     * @return the decomposition; see {@link SvdResult} for shapes and signs
     * @throws NullPointerException    if an argument is null
     * @throws NonFiniteValueException if {@code a} has a NaN or infinite entry
     * @throws NotConvergedException   if the iteration fails to converge (not observed in practice)
     */
    SvdResult decompose(Matrix a, SvdVectors vectors);

    /**
     * The singular values only (no vectors are formed, which is several times cheaper).
     *
     * @param a the \(m \times n\) matrix; not modified; must be finite
     * @return \(\sigma_1 \ge \dots \ge \sigma_k \ge 0\), \(k = \min(m, n)\)
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} has a NaN or infinite entry
     * @throws NotConvergedException   if the iteration fails to converge (not observed in practice)
     */
    double[] singularValues(Matrix a);
}
