package dev.nla.core.matrix;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense \(m \times n\) matrix stored column-major in a {@code double[]} with an offset and a
 * leading dimension, as in LAPACK.
 *
 * <p>Entry \(a_{ij}\) lives at {@code data[offset + i + j * ld]} with {@code ld >= max(1, rows)}.
 * A block or a column panel is a {@code DenseMatrix} sharing {@code data} with its parent and
 * differing only in {@code offset}, {@code rows} and {@code cols}: {@link #view}, {@link #columns},
 * {@link #column} and {@link #row} never copy. Writing through a view writes the parent.
 *
 * <p>The shape and the storage layout are fixed at construction; the entries are mutable
 * ({@link #set}, and the kernels of {@code dev.nla.core.blas} write into an output matrix). Methods
 * that only read say "not modified" of their arguments; use {@link #copy()} to get an independent
 * matrix.
 *
 * <p>The number of stored entries is limited by the size of a Java array: see
 * {@link #MAX_ELEMENTS}.
 */
public final class DenseMatrix implements Matrix {
    /**
     * Largest number of entries \(mn\) of a newly allocated dense matrix ({@code Integer.MAX_VALUE -
     * 8}, the largest array most JVMs allocate). Allocating more throws {@link
     * SizeLimitExceededException} before any memory is requested.
     */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE - 8L;

    private final double[] data;
    private final int offset;
    private final int rows;
    private final int cols;
    private final int ld;

    private DenseMatrix(double[] data, int offset, int rows, int cols, int ld) {
        this.data = data;
        this.offset = offset;
        this.rows = rows;
        this.cols = cols;
        this.ld = ld;
    }

    /**
     * A new \(m \times n\) matrix of zeros with compact storage ({@code ld = max(1, rows)}).
     *
     * @param rows \(m \ge 0\)
     * @param cols \(n \ge 0\)
     * @return the zero matrix
     * @throws IllegalArgumentException   if {@code rows < 0} or {@code cols < 0}
     * @throws SizeLimitExceededException if \(mn\) exceeds {@link #MAX_ELEMENTS}
     */
    public static DenseMatrix zeros(int rows, int cols) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        long size = (long) rows * cols;
        if (size > MAX_ELEMENTS) {
            throw new SizeLimitExceededException("dense " + rows + "x" + cols + " matrix", size, MAX_ELEMENTS);
        }
        return new DenseMatrix(new double[(int) size], 0, rows, cols, Math.max(1, rows));
    }

    /**
     * The \(n \times n\) identity matrix.
     *
     * @param n order \(n \ge 0\)
     * @return \(I_n\)
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public static DenseMatrix identity(int n) {
        DenseMatrix eye = zeros(n, n);
        for (int i = 0; i < n; i++) {
            eye.data[i + i * eye.ld] = 1.0;
        }
        return eye;
    }

    /**
     * The square diagonal matrix \(\operatorname{diag}(d_0, \dots, d_{n-1})\).
     *
     * @param diagonal the diagonal entries; not modified
     * @return a new \(n \times n\) matrix
     * @throws NullPointerException if {@code diagonal} is null
     */
    public static DenseMatrix diagonal(double... diagonal) {
        Objects.requireNonNull(diagonal, "diagonal");
        DenseMatrix d = zeros(diagonal.length, diagonal.length);
        for (int i = 0; i < diagonal.length; i++) {
            d.data[i + i * d.ld] = diagonal[i];
        }
        return d;
    }

    /**
     * A new matrix holding a copy of a row-indexed array {@code values[i][j]} \(= a_{ij}\).
     *
     * @param values rectangular array of rows; not modified. An empty array gives a \(0 \times 0\)
     *     matrix; an array of empty rows gives an \(m \times 0\) matrix.
     * @return a compact copy
     * @throws NullPointerException       if {@code values} or one of its rows is null
     * @throws DimensionMismatchException if the rows have different lengths; the message names the
     *     first row whose length differs
     */
    public static DenseMatrix of(double[][] values) {
        Objects.requireNonNull(values, "values");
        int m = values.length;
        int n = m == 0 ? 0 : Objects.requireNonNull(values[0], "values[0]").length;
        DenseMatrix a = zeros(m, n);
        for (int i = 0; i < m; i++) {
            double[] row = values[i];
            if (row == null) {
                throw new NullPointerException("values[" + i + "]");
            }
            if (row.length != n) {
                throw new DimensionMismatchException(
                        "ragged array: values[0] has length " + n + " but values[" + i + "] has length " + row.length);
            }
            for (int j = 0; j < n; j++) {
                a.data[i + j * a.ld] = row[j];
            }
        }
        return a;
    }

    /**
     * A matrix that wraps (does not copy) a column-major array: \(a_{ij}\) = {@code
     * columnMajor[i + j * rows]}.
     *
     * @param rows        \(m \ge 0\)
     * @param cols        \(n \ge 0\)
     * @param columnMajor at least \(mn\) values; shared with the result, so writes to either are
     *     seen by both
     * @return the wrapping matrix
     * @throws NullPointerException       if {@code columnMajor} is null
     * @throws IllegalArgumentException   if {@code rows < 0} or {@code cols < 0}
     * @throws DimensionMismatchException if {@code columnMajor.length < rows * cols}
     */
    public static DenseMatrix wrap(int rows, int cols, double[] columnMajor) {
        return wrap(columnMajor, 0, rows, cols, Math.max(1, rows));
    }

    /**
     * A matrix that wraps (does not copy) an array with an offset and a leading dimension:
     * \(a_{ij}\) = {@code data[offset + i + j * ld]}.
     *
     * @param data   the storage; shared with the result
     * @param offset index of \(a_{00}\), {@code >= 0}
     * @param rows   \(m \ge 0\)
     * @param cols   \(n \ge 0\)
     * @param ld     leading dimension, {@code ld >= max(1, rows)}
     * @return the wrapping matrix
     * @throws NullPointerException       if {@code data} is null
     * @throws IllegalArgumentException   if a size is negative or {@code ld < max(1, rows)}
     * @throws DimensionMismatchException if the last entry {@code offset + (cols-1)*ld + rows - 1}
     *     lies outside {@code data}
     */
    public static DenseMatrix wrap(double[] data, int offset, int rows, int cols, int ld) {
        Objects.requireNonNull(data, "data");
        Require.nonNegative("offset", offset);
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        if (ld < Math.max(1, rows)) {
            throw new IllegalArgumentException(
                    "leading dimension ld = " + ld + " must be >= max(1, rows) = " + Math.max(1, rows));
        }
        if (rows > 0 && cols > 0) {
            long end = offset + (long) (cols - 1) * ld + rows;
            if (end > data.length) {
                throw new DimensionMismatchException("a " + rows + "x" + cols + " matrix at offset " + offset
                        + " with ld " + ld + " needs " + end + " array elements, the array has " + data.length);
            }
        } else if (offset > data.length) {
            throw new DimensionMismatchException(
                    "offset " + offset + " is past the end of an array of length " + data.length);
        }
        return new DenseMatrix(data, offset, rows, cols, ld);
    }

    /**
     * A new matrix copied from a row-major array: \(a_{ij}\) = {@code rowMajor[i * cols + j]}.
     *
     * @param rows     \(m \ge 0\)
     * @param cols     \(n \ge 0\)
     * @param rowMajor at least \(mn\) values; not modified
     * @return a compact column-major copy
     * @throws NullPointerException       if {@code rowMajor} is null
     * @throws IllegalArgumentException   if {@code rows < 0} or {@code cols < 0}
     * @throws DimensionMismatchException if {@code rowMajor.length < rows * cols}
     */
    public static DenseMatrix fromRowMajor(int rows, int cols, double[] rowMajor) {
        Objects.requireNonNull(rowMajor, "rowMajor");
        DenseMatrix a = zeros(rows, cols);
        if ((long) rows * cols > rowMajor.length) {
            throw new DimensionMismatchException("a " + rows + "x" + cols + " matrix needs " + (long) rows * cols
                    + " values, the array has " + rowMajor.length);
        }
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                a.data[i + j * a.ld] = rowMajor[i * cols + j];
            }
        }
        return a;
    }

    /**
     * A new \(n \times 1\) column vector holding a copy of {@code values}.
     *
     * @param values the entries; not modified
     * @return the column vector
     * @throws NullPointerException if {@code values} is null
     */
    public static DenseMatrix columnVector(double... values) {
        Objects.requireNonNull(values, "values");
        return new DenseMatrix(values.clone(), 0, values.length, 1, Math.max(1, values.length));
    }

    /**
     * A new \(1 \times n\) row vector holding a copy of {@code values}.
     *
     * @param values the entries; not modified
     * @return the row vector
     * @throws NullPointerException if {@code values} is null
     */
    public static DenseMatrix rowVector(double... values) {
        Objects.requireNonNull(values, "values");
        return new DenseMatrix(values.clone(), 0, 1, values.length, 1);
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
     * The backing array, shared with this matrix and with every view of the same storage. Entry
     * \(a_{ij}\) is {@code data()[offset() + i + j * ld()]}. Intended for kernels; writes through it
     * change the matrix.
     *
     * @return the storage array (not a copy)
     */
    public double[] data() {
        return data;
    }

    /**
     * Index of \(a_{00}\) in {@link #data()}.
     *
     * @return the offset, {@code >= 0}
     */
    public int offset() {
        return offset;
    }

    /**
     * The leading dimension: the distance in {@link #data()} between \(a_{ij}\) and \(a_{i,j+1}\).
     *
     * @return {@code ld >= max(1, rows())}
     */
    public int ld() {
        return ld;
    }

    /**
     * Whether the columns are stored back to back ({@code ld == rows}, or the matrix has at most one
     * column), so that the \(mn\) entries occupy {@code data[offset, offset + rows*cols)}.
     *
     * @return {@code true} for compact storage
     */
    public boolean isCompact() {
        return ld == rows || cols <= 1;
    }

    @Override
    public double get(int i, int j) {
        checkIndex(i, j);
        return data[offset + i + j * ld];
    }

    /**
     * Sets entry \(a_{ij}\) (and the same entry of every view sharing the storage).
     *
     * @param i     row index, {@code 0 <= i < rows()}
     * @param j     column index, {@code 0 <= j < cols()}
     * @param value the new value
     * @throws IndexOutOfBoundsException if {@code (i, j)} is outside the matrix
     */
    public void set(int i, int j, double value) {
        checkIndex(i, j);
        data[offset + i + j * ld] = value;
    }

    /**
     * Adds to entry \(a_{ij}\).
     *
     * @param i     row index, {@code 0 <= i < rows()}
     * @param j     column index, {@code 0 <= j < cols()}
     * @param value the increment
     * @throws IndexOutOfBoundsException if {@code (i, j)} is outside the matrix
     */
    public void add(int i, int j, double value) {
        checkIndex(i, j);
        data[offset + i + j * ld] += value;
    }

    /**
     * A view of the block \(A[r : r + p,\; c : c + q]\), sharing storage with this matrix.
     *
     * @param row      first row \(r\)
     * @param col      first column \(c\)
     * @param rowCount number of rows \(p \ge 0\)
     * @param colCount number of columns \(q \ge 0\)
     * @return the \(p \times q\) view
     * @throws IndexOutOfBoundsException if the block does not fit in the matrix; the message names
     *     the block and the shape
     */
    public DenseMatrix view(int row, int col, int rowCount, int colCount) {
        if (row < 0
                || col < 0
                || rowCount < 0
                || colCount < 0
                || (long) row + rowCount > rows
                || (long) col + colCount > cols) {
            throw new IndexOutOfBoundsException("block [" + row + ":" + ((long) row + rowCount) + ", " + col + ":"
                    + ((long) col + colCount) + "] is outside a " + rows + "x" + cols + " matrix");
        }
        int newOffset = (rowCount == 0 || colCount == 0) ? offset : offset + row + col * ld;
        return new DenseMatrix(data, newOffset, rowCount, colCount, ld);
    }

    /**
     * A view of the column panel \(A[:, c : c + q]\).
     *
     * @param col      first column \(c\)
     * @param colCount number of columns \(q \ge 0\)
     * @return the \(m \times q\) view
     * @throws IndexOutOfBoundsException if the panel does not fit
     */
    public DenseMatrix columns(int col, int colCount) {
        return view(0, col, rows, colCount);
    }

    /**
     * A view of the row block \(A[r : r + p, :]\).
     *
     * @param row      first row \(r\)
     * @param rowCount number of rows \(p \ge 0\)
     * @return the \(p \times n\) view
     * @throws IndexOutOfBoundsException if the block does not fit
     */
    public DenseMatrix rowBlock(int row, int rowCount) {
        return view(row, 0, rowCount, cols);
    }

    /**
     * A view of column \(j\) as an \(m \times 1\) matrix.
     *
     * @param j column index
     * @return the column view
     * @throws IndexOutOfBoundsException if {@code j} is out of range
     */
    public DenseMatrix column(int j) {
        return view(0, j, rows, 1);
    }

    /**
     * A view of row \(i\) as a \(1 \times n\) matrix (stride {@code ld} in the storage).
     *
     * @param i row index
     * @return the row view
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public DenseMatrix row(int i) {
        return view(i, 0, 1, cols);
    }

    /**
     * Whether this matrix and {@code other} share at least one storage element, so that writing one
     * could change the other. Exact for views with the same leading dimension whose columns do not
     * wrap (every view made by {@link #view} and its relatives); conservative (array-range
     * intersection) otherwise. Kernels use it to refuse outputs that alias inputs.
     *
     * @param other the other matrix; not modified
     * @return {@code true} if the two may share an element
     * @throws NullPointerException if {@code other} is null
     */
    public boolean overlaps(DenseMatrix other) {
        Objects.requireNonNull(other, "other");
        if (data != other.data || rows == 0 || cols == 0 || other.rows == 0 || other.cols == 0) {
            return false;
        }
        long l = ld;
        if (l == other.ld) {
            long r1 = offset % l;
            long q1 = offset / l;
            long r2 = other.offset % l;
            long q2 = other.offset / l;
            if (r1 + rows <= l && r2 + other.rows <= l) {
                boolean rowsMeet = r1 < r2 + other.rows && r2 < r1 + rows;
                boolean colsMeet = q1 < q2 + other.cols && q2 < q1 + cols;
                return rowsMeet && colsMeet;
            }
        }
        long start = offset;
        long end = offset + (long) (cols - 1) * ld + rows;
        long otherStart = other.offset;
        long otherEnd = other.offset + (long) (other.cols - 1) * other.ld + other.rows;
        return start < otherEnd && otherStart < end;
    }

    /**
     * A compact copy that shares no storage with this matrix.
     *
     * @return the copy, with {@code ld = max(1, rows)}
     */
    @Override
    public DenseMatrix copy() {
        DenseMatrix c = zeros(rows, cols);
        c.copyFrom(this);
        return c;
    }

    @Override
    public DenseMatrix toDense() {
        return this;
    }

    /**
     * A new compact matrix holding \(A^{\mathsf T}\).
     *
     * @return the \(n \times m\) transpose (a copy)
     */
    public DenseMatrix transpose() {
        DenseMatrix t = zeros(cols, rows);
        for (int j = 0; j < cols; j++) {
            int src = offset + j * ld;
            for (int i = 0; i < rows; i++) {
                t.data[j + i * t.ld] = data[src + i];
            }
        }
        return t;
    }

    /**
     * Copies the entries of {@code source} into this matrix. The two may be views of the same
     * storage only if they do not overlap.
     *
     * @param source matrix of the same shape; not modified
     * @throws NullPointerException       if {@code source} is null
     * @throws DimensionMismatchException if the shapes differ
     */
    public void copyFrom(Matrix source) {
        Objects.requireNonNull(source, "source");
        Require.sameShape("copyFrom", this, source);
        if (rows == 0 || cols == 0) {
            return;
        }
        if (source instanceof DenseMatrix d) {
            for (int j = 0; j < cols; j++) {
                System.arraycopy(d.data, d.offset + j * d.ld, data, offset + j * ld, rows);
            }
        } else {
            fill(0.0);
            ((SparseMatrix) source).forEachNonZero((i, j, v) -> data[offset + i + j * ld] = v);
        }
    }

    /**
     * Sets every entry to {@code value}.
     *
     * @param value the value
     */
    public void fill(double value) {
        if (rows == 0) {
            return;
        }
        for (int j = 0; j < cols; j++) {
            int start = offset + j * ld;
            Arrays.fill(data, start, start + rows, value);
        }
    }

    /**
     * The entries as a new row-indexed array {@code result[i][j]} \(= a_{ij}\).
     *
     * @return a new \(m \times n\) array
     */
    public double[][] toArray() {
        double[][] out = new double[rows][cols];
        for (int j = 0; j < cols; j++) {
            int src = offset + j * ld;
            for (int i = 0; i < rows; i++) {
                out[i][j] = data[src + i];
            }
        }
        return out;
    }

    /**
     * The entries as a new compact column-major array.
     *
     * @return a new array of length \(mn\)
     */
    public double[] toColumnMajorArray() {
        double[] out = new double[rows * cols];
        for (int j = 0; j < cols && rows > 0; j++) {
            System.arraycopy(data, offset + j * ld, out, j * rows, rows);
        }
        return out;
    }

    /**
     * The entries as a new row-major array.
     *
     * @return a new array of length \(mn\) with {@code result[i * cols + j]} \(= a_{ij}\)
     */
    public double[] toRowMajorArray() {
        double[] out = new double[rows * cols];
        for (int j = 0; j < cols; j++) {
            int src = offset + j * ld;
            for (int i = 0; i < rows; i++) {
                out[i * cols + j] = data[src + i];
            }
        }
        return out;
    }

    /**
     * The shape and, for matrices with at most 100 entries, the entries row by row.
     *
     * @return a human-readable description
     */
    @Override
    public String toString() {
        StringBuilder sb =
                new StringBuilder("DenseMatrix ").append(rows).append('x').append(cols);
        if ((long) rows * cols <= 100) {
            for (int i = 0; i < rows; i++) {
                sb.append(i == 0 ? " [" : "; ");
                for (int j = 0; j < cols; j++) {
                    if (j > 0) {
                        sb.append(' ');
                    }
                    sb.append(data[offset + i + j * ld]);
                }
            }
            if (rows > 0) {
                sb.append(']');
            }
        }
        return sb.toString();
    }

    private void checkIndex(int i, int j) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(
                    "index (" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix");
        }
    }
}
