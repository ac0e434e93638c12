package dev.nla.core.decomp;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * QR factorization with column pivoting \(AP = QR\) (Businger–Golub), the rank-revealing QR of
 * LAPACK {@code dgeqp3}: at step \(j\) the remaining column of largest norm is moved to position
 * \(j\). The diagonal of \(R\) is then non-increasing in magnitude and reveals the numerical rank
 * (see {@link PivotedQrResult#rank(double)}).
 *
 * <p>Implementations: the blocked algorithm of Quintana-Ortí, Sun and Bischof [QSB 1998] with
 * Drmač and Bujanović's safe norm downdating [Drmač and Bujanović 2008] in Java ({@link
 * Decompositions#pivotedQr()}), and LAPACK {@code dgeqp3} ({@link Decompositions#nativePivotedQr()}).
 * Both are backward stable: \(\|AP - QR\|_F = O(mnu\|A\|_F)\).
 */
public interface PivotedQr {
    /**
     * Factors \(AP = QR\).
     *
     * @param a the \(m \times n\) matrix, dense or sparse; not modified; must be finite
     * @return the factorization in newly allocated storage
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} holds NaN or an infinity
     */
    PivotedQrResult factor(Matrix a);

    /**
     * Factors \(AP = QR\) in the storage of {@code overwrittenA}, which becomes the factors of the
     * result.
     *
     * @param overwrittenA the \(m \times n\) matrix; overwritten; must be finite
     * @return the factorization
     * @throws NullPointerException    if {@code overwrittenA} is null
     * @throws NonFiniteValueException if it holds NaN or an infinity (it is then not modified)
     */
    PivotedQrResult factorInPlace(DenseMatrix overwrittenA);
}
