package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A two-sided interpolative decomposition \(A \approx W\,A(I, J)\,X\): \(k\) rows \(I\) and \(k\)
 * columns \(J\) of \(A\), a row interpolation matrix \(W \in \mathbb{R}^{m \times k}\) with \(W(I, :)
 * = I_k\) and a column interpolation matrix \(X \in \mathbb{R}^{k \times n}\) with \(X(:, J) = I_k\).
 *
 * @param rows                 the indices \(I\); owned by the record
 * @param columns              the indices \(J\); owned by the record
 * @param rowInterpolation     \(W\), \(m \times k\)
 * @param skeleton             \(A(I, J)\), \(k \times k\)
 * @param columnInterpolation  \(X\), \(k \times n\)
 * @param passes               passes over \(A\)
 * @param matvecs              vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record TwoSidedId(
        int[] rows,
        int[] columns,
        DenseMatrix rowInterpolation,
        DenseMatrix skeleton,
        DenseMatrix columnInterpolation,
        int passes,
        long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param rows                 the indices \(I\); owned by the record
     * @param columns              the indices \(J\); owned by the record
     * @param rowInterpolation     \(W\), \(m \times k\)
     * @param skeleton             \(A(I, J)\), \(k \times k\)
     * @param columnInterpolation  \(X\), \(k \times n\)
     * @param passes               passes over \(A\)
     * @param matvecs              vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit \(k\) rows and columns
     */
    public TwoSidedId {
        Objects.requireNonNull(rows, "rows");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(rowInterpolation, "rowInterpolation");
        Objects.requireNonNull(skeleton, "skeleton");
        Objects.requireNonNull(columnInterpolation, "columnInterpolation");
        int k = columns.length;
        if (rows.length != k
                || rowInterpolation.cols() != k
                || skeleton.rows() != k
                || skeleton.cols() != k
                || columnInterpolation.rows() != k) {
            throw new DimensionMismatchException("TwoSidedId: " + rows.length + " rows, " + k + " columns, W "
                    + rowInterpolation.shape() + ", skeleton " + skeleton.shape() + ", X "
                    + columnInterpolation.shape());
        }
    }

    /**
     * The rank \(k\).
     *
     * @return the number of rows and columns
     */
    public int rank() {
        return columns.length;
    }

    /**
     * \(W\,A(I, J)\,X\) as a dense matrix.
     *
     * @return a new \(m \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        if (rank() == 0) {
            return DenseMatrix.zeros(rowInterpolation.rows(), columnInterpolation.cols());
        }
        return Blas.multiply(Blas.multiply(rowInterpolation, skeleton), columnInterpolation);
    }
}
