package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A CUR decomposition \(A \approx CUR\) with \(C = A(:, J)\) (\(m \times k\)), \(R = A(I, :)\) (\(k
 * \times n\)) and \(U\) (\(k \times k\)).
 *
 * @param columns the column indices \(J\); owned by the record
 * @param rows    the row indices \(I\); owned by the record
 * @param c       \(C = A(:, J)\)
 * @param u       the core \(U\)
 * @param r       \(R = A(I, :)\)
 * @param passes  passes over \(A\)
 * @param matvecs vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record CurDecomposition(
        int[] columns, int[] rows, DenseMatrix c, DenseMatrix u, DenseMatrix r, int passes, long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param columns the column indices \(J\); owned by the record
     * @param rows    the row indices \(I\); owned by the record
     * @param c       \(C = A(:, J)\)
     * @param u       the core \(U\)
     * @param r       \(R = A(I, :)\)
     * @param passes  passes over \(A\)
     * @param matvecs vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit
     */
    public CurDecomposition {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(r, "r");
        if (c.cols() != columns.length
                || r.rows() != rows.length
                || u.rows() != columns.length
                || u.cols() != rows.length) {
            throw new DimensionMismatchException("CurDecomposition: " + columns.length + " columns, " + rows.length
                    + " rows, c " + c.shape() + ", u " + u.shape() + ", r " + r.shape());
        }
    }

    /**
     * \(CUR\) as a dense matrix.
     *
     * @return a new \(m \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        if (columns.length == 0 || rows.length == 0) {
            return DenseMatrix.zeros(c.rows(), r.cols());
        }
        return Blas.multiply(Blas.multiply(c, u), r);
    }
}
