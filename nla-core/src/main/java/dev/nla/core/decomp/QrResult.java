package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * An explicit QR factorization \(A = QR\): \(Q\) with orthonormal columns and \(R\) upper
 * trapezoidal.
 *
 * <p>The record owns its matrices: they were allocated for it and are shared with nobody else. The
 * accessors return them without copying, so a caller that modifies them modifies the result.
 *
 * @param q \(Q\), \(m \times p\) with orthonormal columns (\(p = \min(m, n)\) for a thin and
 *     \(p = m\) for a full factorization)
 * @param r \(R\), \(p \times n\), zero below its diagonal
 */
public record QrResult(DenseMatrix q, DenseMatrix r) {
    /**
     * Validates the shapes.
     *
     * @param q \(Q\), \(m \times p\) with orthonormal columns (\(p = \min(m, n)\) for a thin and
     *     \(p = m\) for a full factorization)
     * @param r \(R\), \(p \times n\), zero below its diagonal
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if {@code q.cols() != r.rows()}
     */
    public QrResult {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(r, "r");
        if (q.cols() != r.rows()) {
            throw new DimensionMismatchException(
                    "QrResult: q is " + q.shape() + " and r is " + r.shape() + "; need q.cols() == r.rows()");
        }
    }
}
