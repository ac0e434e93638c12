package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A column interpolative decomposition \(A \approx CX\), \(C = A(:, J)\): \(k\) columns of \(A\) and
 * an interpolation matrix \(X \in \mathbb{R}^{k \times n}\) with \(X(:, J) = I_k\).
 *
 * @param columns       the indices \(J\), in pivot order; owned by the record (not copied)
 * @param skeleton      \(C = A(:, J)\), \(m \times k\)
 * @param interpolation \(X\), \(k \times n\)
 * @param passes        passes over \(A\)
 * @param matvecs       vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record ColumnId(int[] columns, DenseMatrix skeleton, DenseMatrix interpolation, int passes, long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param columns       the indices \(J\), in pivot order; owned by the record (not copied)
     * @param skeleton      \(C = A(:, J)\), \(m \times k\)
     * @param interpolation \(X\), \(k \times n\)
     * @param passes        passes over \(A\)
     * @param matvecs       vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit \(k\) columns
     */
    public ColumnId {
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(skeleton, "skeleton");
        Objects.requireNonNull(interpolation, "interpolation");
        if (skeleton.cols() != columns.length || interpolation.rows() != columns.length) {
            throw new DimensionMismatchException("ColumnId: " + columns.length + " columns, skeleton "
                    + skeleton.shape() + ", interpolation " + interpolation.shape());
        }
    }

    /**
     * The rank \(k\).
     *
     * @return the number of columns
     */
    public int rank() {
        return columns.length;
    }

    /**
     * \(CX\) as a dense matrix.
     *
     * @return a new \(m \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        if (rank() == 0) {
            return DenseMatrix.zeros(skeleton.rows(), interpolation.cols());
        }
        return Blas.multiply(skeleton, interpolation);
    }
}
