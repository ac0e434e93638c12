package dev.nla.core.decomp;

import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Householder QR factorization \(A = QR\) of an \(m \times n\) matrix: \(Q\) orthogonal, \(R\)
 * upper trapezoidal, \(k = \min(m, n)\) reflectors.
 *
 * <p>The computed factors are backward stable: \(\hat Q \hat R = A + \Delta A\) with \(\|\Delta
 * A\|_F \le c\,mn\,u\,\|A\|_F\) and \(\|\hat Q^{\mathsf T}\hat Q - I\|_F \le c\,mn\,u\) for a small
 * constant \(c\) [Higham 2002, Thm 19.4], whatever the conditioning of \(A\). Implementations:
 * blocked compact-WY Householder QR in Java ({@link Decompositions#qr()}) and LAPACK {@code
 * dgeqrf}/{@code dorgqr}/{@code dormqr} ({@link Decompositions#nativeQr()}); both produce the same
 * {@link CompactQr} layout, so a factorization from one can be used with the other.
 */
public interface Qr {
    /**
     * Factors \(A = QR\) and returns the compact form (reflectors and \(R\)).
     *
     * @param a the \(m \times n\) matrix, dense or sparse; not modified; must be finite
     * @return the compact factorization, in newly allocated storage
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} holds NaN or an infinity (the message names the
     *     first position found)
     */
    CompactQr factor(Matrix a);

    /**
     * Factors \(A = QR\) in the storage of {@code overwrittenA}, which becomes the {@link
     * CompactQr#factors()} of the result (no copy of \(A\) is made).
     *
     * @param overwrittenA the \(m \times n\) matrix; overwritten by \(R\) and the reflectors; must
     *     be finite
     * @return the compact factorization, whose {@code factors()} is {@code overwrittenA}
     * @throws NullPointerException    if {@code overwrittenA} is null
     * @throws NonFiniteValueException if {@code overwrittenA} holds NaN or an infinity (it is then
     *     not modified)
     */
    CompactQr factorInPlace(DenseMatrix overwrittenA);

    /**
     * Factors \(A = QR\) with explicit \(Q\) and \(R\).
     *
     * @param a    the \(m \times n\) matrix; not modified; must be finite
     * @param mode {@link QrMode#THIN} (\(Q\) is \(m \times k\)) or {@link QrMode#FULL} (\(Q\) is
     *     \(m \times m\))
     * @return \(Q\) and \(R\) in new matrices
     * @throws NullPointerException       if an argument is null
     * @throws NonFiniteValueException    if {@code a} holds NaN or an infinity
     * @throws SizeLimitExceededException if the requested \(Q\) has more than {@link
     *     DenseMatrix#MAX_ELEMENTS} entries (e.g. a full \(Q\) of a very tall matrix)
     */
    QrResult decompose(Matrix a, QrMode mode);

    /**
     * Forms \(Q\) from a compact factorization (LAPACK {@code dorgqr}).
     *
     * @param qr   the factorization; not modified
     * @param mode {@link QrMode#THIN}: the first \(k\) columns of \(Q\); {@link QrMode#FULL}: all
     *     \(m\)
     * @return a new \(m \times k\) or \(m \times m\) matrix with orthonormal columns
     * @throws NullPointerException       if an argument is null
     * @throws SizeLimitExceededException if the requested \(Q\) has more than {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    DenseMatrix q(CompactQr qr, QrMode mode);

    /**
     * Multiplies by \(Q\) or \(Q^{\mathsf T}\) without forming it (LAPACK {@code dormqr}): \(C
     * \leftarrow \operatorname{op}(Q)\,C\) ({@code LEFT}, \(C\) has \(m\) rows) or \(C \leftarrow
     * C\,\operatorname{op}(Q)\) ({@code RIGHT}, \(C\) has \(m\) columns), with the full \(m \times m\)
     * orthogonal \(Q\).
     *
     * @param qr           the factorization; not modified
     * @param side         whether \(Q\) multiplies from the left or the right
     * @param trans        {@code NO_TRANSPOSE} for \(Q\), {@code TRANSPOSE} for \(Q^{\mathsf T}\)
     * @param overwrittenC \(C\); overwritten by the product; must not share storage with {@code qr}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(C\) does not have \(m\) rows ({@code LEFT}) or \(m\)
     *     columns ({@code RIGHT})
     * @throws IllegalArgumentException   if {@code overwrittenC} shares storage with the factors
     */
    void applyQ(CompactQr qr, Side side, Transpose trans, DenseMatrix overwrittenC);

    /**
     * The product \(\operatorname{op}(Q)\,C\) in a new matrix, without forming \(Q\).
     *
     * @param qr    the factorization; not modified
     * @param trans {@code NO_TRANSPOSE} for \(QC\), {@code TRANSPOSE} for \(Q^{\mathsf T}C\)
     * @param c     \(C\), \(m \times p\), dense or sparse; not modified
     * @return a new \(m \times p\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code c.rows() != qr.rows()}
     */
    default DenseMatrix multiplyQ(CompactQr qr, Transpose trans, Matrix c) {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(c, "c");
        if (c.rows() != qr.rows()) {
            throw new DimensionMismatchException(
                    "multiplyQ: Q is " + qr.rows() + "x" + qr.rows() + " but c is " + c.shape());
        }
        DenseMatrix out = DenseMatrix.zeros(c.rows(), c.cols());
        out.copyFrom(c);
        applyQ(qr, Side.LEFT, trans, out);
        return out;
    }
}
