package dev.nla.core.matrix;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import java.util.Arrays;
import java.util.Objects;

/**
 * An immutable sparse \(m \times n\) matrix in compressed sparse row (CSR) or compressed sparse
 * column (CSC) form.
 *
 * <p>Storage: for CSR the <em>major</em> index is the row and the <em>minor</em> index the column;
 * for CSC the reverse. The stored entries of major line \(r\) are {@code values[p]} at minor index
 * {@code indices[p]} for {@code pointers[r] <= p < pointers[r + 1]}. Within a line, minor indices are
 * strictly increasing (sorted, no duplicates). Explicitly stored zeros are allowed and kept.
 *
 * <p>Build one with {@link #builder(int, int)} (coordinate triplets, duplicates summed), from dense
 * data with {@link #fromDense(Matrix, Format)}, or from validated compressed arrays with {@link
 * #of(Format, int, int, int[], int[], double[])}. {@link #transpose()} is free: the CSR form of
 * \(A\) is the CSC form of \(A^{\mathsf T}\) on the same arrays.
 */
public final class SparseMatrix implements Matrix {
    /** The compressed layout of a {@link SparseMatrix}. */
    public enum Format {
        /** Compressed sparse rows: rows are the major index. */
        CSR,
        /** Compressed sparse columns: columns are the major index. */
        CSC
    }

    /** Receives the stored entries of a sparse matrix, one at a time. */
    @FunctionalInterface
    public interface EntryConsumer {
        /**
         * Called once per stored entry.
         *
         * @param row   row index
         * @param col   column index
         * @param value stored value
         */
        void accept(int row, int col, double value);
    }

    private final Format format;
    private final int rows;
    private final int cols;
    private final int[] pointers;
    private final int[] indices;
    private final double[] values;

    SparseMatrix(Format format, int rows, int cols, int[] pointers, int[] indices, double[] values) {
        this.format = format;
        this.rows = rows;
        this.cols = cols;
        this.pointers = pointers;
        this.indices = indices;
        this.values = values;
    }

    /**
     * A coordinate (COO) builder for an \(m \times n\) sparse matrix.
     *
     * @param rows \(m \ge 0\)
     * @param cols \(n \ge 0\)
     * @return an empty builder
     * @throws IllegalArgumentException if a size is negative
     */
    public static CooBuilder builder(int rows, int cols) {
        return new CooBuilder(rows, cols);
    }

    /**
     * A sparse matrix from compressed arrays, which are validated and copied.
     *
     * @param format   CSR or CSC
     * @param rows     \(m \ge 0\)
     * @param cols     \(n \ge 0\)
     * @param pointers line starts, length (major dimension + 1), {@code pointers[0] == 0},
     *     non-decreasing; not modified
     * @param indices  minor indices, strictly increasing within each line and in range; not modified
     * @param values   stored values, same length as {@code indices}; not modified
     * @return the matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if an array length is inconsistent with the shape
     * @throws IllegalArgumentException   if pointers decrease, an index is out of range, or indices
     *     within a line are not strictly increasing; the message names the position
     */
    public static SparseMatrix of(Format format, int rows, int cols, int[] pointers, int[] indices, double[] values) {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(pointers, "pointers");
        Objects.requireNonNull(indices, "indices");
        Objects.requireNonNull(values, "values");
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        int major = format == Format.CSR ? rows : cols;
        int minor = format == Format.CSR ? cols : rows;
        if (pointers.length != major + 1L) {
            throw new DimensionMismatchException(format + " pointers of a " + rows + "x" + cols
                    + " matrix must have length " + (major + 1L) + ", got " + pointers.length);
        }
        if (indices.length != values.length) {
            throw new DimensionMismatchException(
                    "indices has length " + indices.length + " but values has length " + values.length);
        }
        int nnz = indices.length;
        if (pointers[0] != 0 || pointers[major] != nnz) {
            throw new IllegalArgumentException("pointers must start at 0 and end at nnz = " + nnz + ", got "
                    + pointers[0] + " and " + pointers[major]);
        }
        // All pointers first, so that the index scan below stays inside the arrays.
        for (int r = 0; r < major; r++) {
            if (pointers[r + 1] < pointers[r] || pointers[r + 1] > nnz) {
                throw new IllegalArgumentException("pointers must be non-decreasing and at most nnz = " + nnz
                        + ", got pointers[" + r + "] = " + pointers[r] + " and pointers[" + (r + 1) + "] = "
                        + pointers[r + 1]);
            }
        }
        for (int r = 0; r < major; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                int c = indices[p];
                if (c < 0 || c >= minor) {
                    throw new IllegalArgumentException(
                            "index " + c + " at position " + p + " is outside [0, " + minor + ")");
                }
                if (p > pointers[r] && indices[p - 1] >= c) {
                    throw new IllegalArgumentException("indices of line " + r + " are not strictly increasing at "
                            + "position " + p + ": " + indices[p - 1] + " then " + c);
                }
            }
        }
        return new SparseMatrix(format, rows, cols, pointers.clone(), indices.clone(), values.clone());
    }

    /**
     * The sparse form of a matrix, storing exactly its nonzero entries: zeros (of either sign) of a
     * dense source, and explicitly stored zeros of a sparse source, are dropped.
     *
     * @param source the matrix; not modified
     * @param format the layout of the result
     * @return a sparse matrix with the nonzeros of {@code source}; for a sparse source that stores
     *     no zeros, {@code source.withFormat(format)} (possibly {@code source} itself, as sparse
     *     matrices are immutable)
     * @throws NullPointerException       if an argument is null
     * @throws SizeLimitExceededException if the pointer array of the result would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public static SparseMatrix fromDense(Matrix source, Format format) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        if (source instanceof SparseMatrix s) {
            if (!s.hasStoredZeros()) {
                return s.withFormat(format);
            }
            CooBuilder b = builder(s.rows(), s.cols());
            s.forEachNonZero((i, j, v) -> {
                if (v != 0.0) {
                    b.add(i, j, v);
                }
            });
            return b.build(format);
        }
        DenseMatrix d = (DenseMatrix) source;
        CooBuilder b = builder(d.rows(), d.cols());
        for (int j = 0; j < d.cols(); j++) {
            for (int i = 0; i < d.rows(); i++) {
                double v = d.get(i, j);
                if (v != 0.0) {
                    b.add(i, j, v);
                }
            }
        }
        return b.build(format);
    }

    /** Whether an entry with value zero is stored explicitly. */
    private boolean hasStoredZeros() {
        for (double v : values) {
            if (v == 0.0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Throws unless a pointer array for {@code major} lines fits in one Java array.
     *
     * @param format the layout, for the message
     * @param rows   rows of the matrix
     * @param cols   columns of the matrix
     * @param major  the major dimension of {@code format}
     */
    static void checkPointerSize(Format format, int rows, int cols, int major) {
        if (major + 1L > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    format + " pointers of a " + rows + "x" + cols + " sparse matrix",
                    major + 1L,
                    DenseMatrix.MAX_ELEMENTS);
        }
    }

    /**
     * The \(n \times n\) sparse identity.
     *
     * @param n     order \(n \ge 0\)
     * @param format the layout
     * @return \(I_n\) with \(n\) stored entries
     * @throws NullPointerException       if {@code format} is null
     * @throws IllegalArgumentException   if {@code n < 0}
     * @throws SizeLimitExceededException if \(n + 1\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static SparseMatrix identity(int n, Format format) {
        Require.nonNegative("n", n);
        Objects.requireNonNull(format, "format");
        checkPointerSize(format, n, n, n);
        int[] ptr = new int[n + 1];
        int[] idx = new int[n];
        double[] val = new double[n];
        for (int i = 0; i < n; i++) {
            ptr[i + 1] = i + 1;
            idx[i] = i;
            val[i] = 1.0;
        }
        return new SparseMatrix(format, n, n, ptr, idx, val);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    /**
     * The layout of this matrix.
     *
     * @return CSR or CSC
     */
    public Format format() {
        return format;
    }

    /**
     * Number of stored entries (including explicitly stored zeros).
     *
     * @return nnz
     */
    public int nonZeroCount() {
        return values.length;
    }

    /**
     * The line pointers, shared with this matrix: read them, do not modify them.
     *
     * @return array of length (major dimension + 1)
     */
    public int[] pointers() {
        return pointers;
    }

    /**
     * The minor indices, shared with this matrix: read them, do not modify them.
     *
     * @return array of length {@link #nonZeroCount()}
     */
    public int[] indices() {
        return indices;
    }

    /**
     * The stored values, shared with this matrix: read them, do not modify them.
     *
     * @return array of length {@link #nonZeroCount()}
     */
    public double[] values() {
        return values;
    }

    @Override
    public double get(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(
                    "index (" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix");
        }
        int major = format == Format.CSR ? i : j;
        int minor = format == Format.CSR ? j : i;
        int p = Arrays.binarySearch(indices, pointers[major], pointers[major + 1], minor);
        return p >= 0 ? values[p] : 0.0;
    }

    /**
     * Calls {@code action} for every stored entry, line by line in storage order.
     *
     * @param action receives {@code (row, col, value)}
     * @throws NullPointerException if {@code action} is null
     */
    public void forEachNonZero(EntryConsumer action) {
        Objects.requireNonNull(action, "action");
        int major = format == Format.CSR ? rows : cols;
        for (int r = 0; r < major; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                if (format == Format.CSR) {
                    action.accept(r, indices[p], values[p]);
                } else {
                    action.accept(indices[p], r, values[p]);
                }
            }
        }
    }

    /**
     * \(A^{\mathsf T}\) in O(1): the same arrays read in the other layout.
     *
     * @return the \(n \times m\) transpose, sharing storage (both are immutable)
     */
    public SparseMatrix transpose() {
        Format other = format == Format.CSR ? Format.CSC : Format.CSR;
        return new SparseMatrix(other, cols, rows, pointers, indices, values);
    }

    /**
     * This matrix in the requested layout: {@code this} if it already has it, otherwise a converted
     * copy (O(nnz + m + n)).
     *
     * @param target the layout wanted
     * @return a matrix with the same entries in layout {@code target}
     * @throws NullPointerException       if {@code target} is null
     * @throws SizeLimitExceededException if the pointer array of the new layout would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public SparseMatrix withFormat(Format target) {
        Objects.requireNonNull(target, "target");
        if (target == format) {
            return this;
        }
        // Converting CSR(A) to CSC(A) is transposing the compressed arrays: a counting sort on the
        // minor index, which keeps the new minor indices (old major lines) increasing.
        int major = format == Format.CSR ? rows : cols;
        int minor = format == Format.CSR ? cols : rows;
        checkPointerSize(target, rows, cols, minor);
        int nnz = values.length;
        int[] ptr = new int[minor + 1];
        for (int p = 0; p < nnz; p++) {
            ptr[indices[p] + 1]++;
        }
        for (int c = 0; c < minor; c++) {
            ptr[c + 1] += ptr[c];
        }
        int[] next = Arrays.copyOf(ptr, minor);
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        for (int r = 0; r < major; r++) {
            for (int p = pointers[r]; p < pointers[r + 1]; p++) {
                int q = next[indices[p]]++;
                idx[q] = r;
                val[q] = values[p];
            }
        }
        return new SparseMatrix(target, rows, cols, ptr, idx, val);
    }

    /**
     * This matrix in CSR layout.
     *
     * @return {@code withFormat(Format.CSR)}
     * @throws SizeLimitExceededException if the pointer array of the new layout would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public SparseMatrix toCsr() {
        return withFormat(Format.CSR);
    }

    /**
     * This matrix in CSC layout.
     *
     * @return {@code withFormat(Format.CSC)}
     * @throws SizeLimitExceededException if the pointer array of the new layout would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    public SparseMatrix toCsc() {
        return withFormat(Format.CSC);
    }

    /**
     * A new matrix \(\alpha A\) with the same sparsity pattern.
     *
     * @param alpha the scale factor
     * @return the scaled copy
     */
    public SparseMatrix scale(double alpha) {
        double[] val = values.clone();
        for (int p = 0; p < val.length; p++) {
            val[p] *= alpha;
        }
        return new SparseMatrix(format, rows, cols, pointers, indices, val);
    }

    @Override
    public SparseMatrix copy() {
        return new SparseMatrix(format, rows, cols, pointers.clone(), indices.clone(), values.clone());
    }

    @Override
    public DenseMatrix toDense() {
        long size = (long) rows * cols;
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense form of a " + rows + "x" + cols + " sparse matrix", size, DenseMatrix.MAX_ELEMENTS);
        }
        DenseMatrix d = DenseMatrix.zeros(rows, cols);
        d.copyFrom(this);
        return d;
    }

    /**
     * The shape, the layout and the number of stored entries.
     *
     * @return e.g. {@code "SparseMatrix 5x7 CSR nnz=12"}
     */
    @Override
    public String toString() {
        return "SparseMatrix " + rows + "x" + cols + " " + format + " nnz=" + values.length;
    }
}
