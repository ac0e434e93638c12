package dev.nla.core.matrix;

import dev.nla.core.error.Require;

/**
 * The shape \(m \times n\) of a matrix.
 *
 * @param rows number of rows \(m \ge 0\)
 * @param cols number of columns \(n \ge 0\)
 */
public record Shape(int rows, int cols) {
    /**
     * Validates the shape.
     *
     * @param rows number of rows \(m \ge 0\)
     * @param cols number of columns \(n \ge 0\)
     * @throws IllegalArgumentException if {@code rows < 0} or {@code cols < 0}
     */
    public Shape {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
    }

    /**
     * Number of entries \(mn\), as a {@code long} so that it cannot overflow.
     *
     * @return {@code rows * cols}
     */
    public long size() {
        return (long) rows * cols;
    }

    /**
     * The shape of the transpose.
     *
     * @return \(n \times m\)
     */
    public Shape transpose() {
        return new Shape(cols, rows);
    }

    /**
     * Formats the shape as {@code "rowsxcols"}, the form used in error messages.
     *
     * @return e.g. {@code "3x4"}
     */
    @Override
    public String toString() {
        return rows + "x" + cols;
    }
}
