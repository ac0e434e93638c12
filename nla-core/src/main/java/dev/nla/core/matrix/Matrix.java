package dev.nla.core.matrix;

/**
 * A read-only \(m \times n\) matrix of real numbers.
 *
 * <p>The hierarchy is closed: a matrix is either {@link DenseMatrix} (column-major, possibly a view
 * into a larger array) or {@link SparseMatrix} (compressed rows or columns). Implementations may
 * share storage with other matrices; {@link #copy()} returns an independent copy.
 */
public sealed interface Matrix permits DenseMatrix, SparseMatrix {
    /**
     * Number of rows.
     *
     * @return \(m \ge 0\)
     */
    int rows();

    /**
     * Number of columns.
     *
     * @return \(n \ge 0\)
     */
    int cols();

    /**
     * Entry \(a_{ij}\).
     *
     * @param i row index, {@code 0 <= i < rows()}
     * @param j column index, {@code 0 <= j < cols()}
     * @return the entry (zero for an entry not stored in a sparse matrix)
     * @throws IndexOutOfBoundsException if {@code (i, j)} is outside the matrix; the message names
     *     the index and the shape
     */
    double get(int i, int j);

    /**
     * An independent copy that shares no storage with this matrix.
     *
     * @return a copy of the same type and shape
     */
    Matrix copy();

    /**
     * This matrix as a dense matrix: {@code this} for a dense matrix, a new dense copy otherwise.
     *
     * @return a dense matrix with the same entries
     * @throws dev.nla.core.error.SizeLimitExceededException if a sparse matrix has more than
     *     {@link DenseMatrix#MAX_ELEMENTS} entries in dense form
     */
    DenseMatrix toDense();

    /**
     * The shape of this matrix.
     *
     * @return {@code rows() x cols()}
     */
    default Shape shape() {
        return new Shape(rows(), cols());
    }

    /**
     * Whether this matrix is \(1 \times n\) or \(m \times 1\), the shapes accepted as vectors by
     * the level-1 and level-2 kernels.
     *
     * @return {@code true} if {@code rows() == 1 || cols() == 1}
     */
    default boolean isVector() {
        return rows() == 1 || cols() == 1;
    }
}
