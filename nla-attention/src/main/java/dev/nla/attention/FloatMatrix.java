package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A dense single-precision matrix for the float32 attention paths: \(r \times c\) entries stored
 * column-major and compact in a {@code float[]} (entry \((i, j)\) at {@code data[i + j * rows]}), the
 * layout of a compact {@link DenseMatrix}.
 *
 * <p>{@code nla-core} matrices are double-only; this record is the minimal float32 type the exact
 * attention kernels need (test 21 of the attention spec: softmax stability at \(\beta = 30\) in
 * float32). It is a thin wrapper: the array is not copied, so a caller that keeps a reference to it
 * can change the entries.
 *
 * @param rows \(r \ge 0\)
 * @param cols \(c \ge 0\)
 * @param data the entries, length \(rc\), column-major
 */
public record FloatMatrix(int rows, int cols, float[] data) {
    /**
     * Validates the shape.
     *
     * @param rows \(r\)
     * @param cols \(c\)
     * @param data the entries
     * @throws NullPointerException       if {@code data} is null
     * @throws IllegalArgumentException   if a dimension is negative
     * @throws DimensionMismatchException if {@code data.length != rows * cols}
     */
    public FloatMatrix {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Objects.requireNonNull(data, "data");
        if ((long) rows * cols != data.length) {
            throw new DimensionMismatchException("a " + rows + "x" + cols + " float matrix needs " + (long) rows * cols
                    + " entries, got " + data.length);
        }
    }

    /**
     * A zero matrix.
     *
     * @param rows \(r \ge 0\)
     * @param cols \(c \ge 0\)
     * @return a new matrix of zeros
     * @throws IllegalArgumentException if a dimension is negative or \(rc\) exceeds {@link
     *     DenseMatrix#MAX_ELEMENTS}
     */
    public static FloatMatrix zeros(int rows, int cols) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Require.sizeWithin("float matrix entries", (long) rows * cols, DenseMatrix.MAX_ELEMENTS);
        return new FloatMatrix(rows, cols, new float[rows * cols]);
    }

    /**
     * Rounds a double matrix to single precision (round to nearest, as {@code (float) x}).
     *
     * @param a the matrix; not modified
     * @return a new float matrix of the same shape
     * @throws NullPointerException if {@code a} is null
     */
    public static FloatMatrix fromDouble(DenseMatrix a) {
        Objects.requireNonNull(a, "a");
        FloatMatrix f = zeros(a.rows(), a.cols());
        double[] src = a.data();
        for (int j = 0; j < a.cols(); j++) {
            int s = a.offset() + j * a.ld();
            int t = j * a.rows();
            for (int i = 0; i < a.rows(); i++) {
                f.data[t + i] = (float) src[s + i];
            }
        }
        return f;
    }

    /**
     * The exact double-precision copy.
     *
     * @return a new compact double matrix with the same entries
     */
    public DenseMatrix toDouble() {
        double[] d = new double[data.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = data[i];
        }
        return DenseMatrix.wrap(rows, cols, d);
    }

    /**
     * Entry \((i, j)\).
     *
     * @param i row, \(0 \le i \lt r\)
     * @param j column, \(0 \le j \lt c\)
     * @return the entry
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public float get(int i, int j) {
        Objects.checkIndex(i, rows);
        Objects.checkIndex(j, cols);
        return data[i + j * rows];
    }

    /**
     * Requires every entry to be finite.
     *
     * @param name the matrix name for the message
     * @throws NonFiniteValueException at the first NaN or infinite entry (column by column)
     */
    public void requireFinite(String name) {
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                float x = data[i + j * rows];
                if (!Float.isFinite(x)) {
                    throw new NonFiniteValueException(name, i, j, x);
                }
            }
        }
    }

    /**
     * The shape, e.g. {@code FloatMatrix[3x4]} (records would print the whole array).
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "FloatMatrix[" + rows + "x" + cols + "]";
    }

    /**
     * Equality of shape and entries ({@code Float.compare} semantics per entry).
     *
     * @param o the other object
     * @return {@code true} if {@code o} is a float matrix with the same shape and entries
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof FloatMatrix f && f.rows == rows && f.cols == cols && java.util.Arrays.equals(f.data, data);
    }

    /**
     * A hash of shape and entries.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + java.util.Arrays.hashCode(data);
    }
}
