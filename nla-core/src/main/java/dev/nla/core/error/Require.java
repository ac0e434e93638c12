package dev.nla.core.error;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;

/**
 * Precondition checks that throw the typed exceptions of this package with messages naming the
 * offending values. Each check is O(1) except {@link #allFinite}, which scans its input once.
 */
public final class Require {
    private Require() {}

    /**
     * Requires {@code value > 0}.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value <= 0}
     */
    public static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value > 0} and finite.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is not a positive finite number (NaN
     *     included)
     */
    public static double positive(String name, double value) {
        if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be positive and finite, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static int nonNegative(String name, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0}.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public static long nonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be non-negative, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code value >= 0} and finite, the rule for tolerances.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is negative, NaN or infinite
     */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(name + " must be non-negative and finite, got " + value);
        }
        return value;
    }

    /**
     * Requires {@code low <= value <= high}.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @param low   smallest allowed value
     * @param high  largest allowed value
     * @return {@code value}
     * @throws IllegalArgumentException if {@code value} is outside {@code [low, high]}
     */
    public static int inRange(String name, int value, int low, int high) {
        if (value < low || value > high) {
            throw new IllegalArgumentException(name + " must be in [" + low + ", " + high + "], got " + value);
        }
        return value;
    }

    /**
     * Requires a finite scalar.
     *
     * @param name  parameter name for the message
     * @param value the value
     * @return {@code value}
     * @throws NonFiniteValueException if {@code value} is NaN or infinite
     */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new NonFiniteValueException(name, value);
        }
        return value;
    }

    /**
     * Requires {@code a.cols() == b.rows()}, the condition for the product \(AB\).
     *
     * @param op name of the operation for the message
     * @param a  left operand
     * @param b  right operand
     * @throws NullPointerException       if {@code a} or {@code b} is null
     * @throws DimensionMismatchException if the inner dimensions differ; the message shows both
     *     shapes
     */
    public static void multipliable(String op, Matrix a, Matrix b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.cols() != b.rows()) {
            throw new DimensionMismatchException(op + ": inner dimensions differ, a is " + a.rows() + "x" + a.cols()
                    + ", b is " + b.rows() + "x" + b.cols());
        }
    }

    /**
     * Requires two matrices of the same shape.
     *
     * @param op name of the operation for the message
     * @param a  first operand
     * @param b  second operand
     * @throws NullPointerException       if {@code a} or {@code b} is null
     * @throws DimensionMismatchException if the shapes differ
     */
    public static void sameShape(String op, Matrix a, Matrix b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new DimensionMismatchException(
                    op + ": shapes differ, " + a.rows() + "x" + a.cols() + " vs " + b.rows() + "x" + b.cols());
        }
    }

    /**
     * Requires a square matrix.
     *
     * @param name parameter name for the message
     * @param a    the matrix
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a.rows() != a.cols()}
     */
    public static void square(String name, Matrix a) {
        Objects.requireNonNull(a, name);
        if (a.rows() != a.cols()) {
            throw new DimensionMismatchException(name + " must be square, got " + a.rows() + "x" + a.cols());
        }
    }

    /**
     * Requires a matrix of the given shape.
     *
     * @param name parameter name for the message
     * @param a    the matrix
     * @param rows expected rows
     * @param cols expected columns
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if the shape differs
     */
    public static void shape(String name, Matrix a, int rows, int cols) {
        Objects.requireNonNull(a, name);
        if (a.rows() != rows || a.cols() != cols) {
            throw new DimensionMismatchException(
                    name + " must be " + rows + "x" + cols + ", got " + a.rows() + "x" + a.cols());
        }
    }

    /**
     * Requires a vector: a \(1 \times n\) or \(n \times 1\) matrix.
     *
     * @param name parameter name for the message
     * @param a    the matrix
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if neither dimension is 1
     */
    public static void vector(String name, Matrix a) {
        Objects.requireNonNull(a, name);
        if (!a.isVector()) {
            throw new DimensionMismatchException(
                    name + " must be a vector (1xn or nx1), got " + a.rows() + "x" + a.cols());
        }
    }

    /**
     * Requires every entry of {@code a} to be finite, scanning it once.
     *
     * @param name parameter name for the message
     * @param a    the matrix; not modified
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException at the first NaN or infinite entry (column by column), naming
     *     its position and value
     */
    public static void allFinite(String name, Matrix a) {
        Objects.requireNonNull(a, name);
        if (a instanceof DenseMatrix d) {
            double[] data = d.data();
            for (int j = 0; j < d.cols(); j++) {
                int base = d.offset() + j * d.ld();
                for (int i = 0; i < d.rows(); i++) {
                    double v = data[base + i];
                    if (!Double.isFinite(v)) {
                        throw new NonFiniteValueException(name, i, j, v);
                    }
                }
            }
        } else {
            SparseMatrix s = (SparseMatrix) a;
            s.forEachNonZero((i, j, v) -> {
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException(name, i, j, v);
                }
            });
        }
    }

    /**
     * Requires every entry of an array to be finite.
     *
     * @param name   parameter name for the message
     * @param values the values; not modified
     * @throws NullPointerException    if {@code values} is null
     * @throws NonFiniteValueException at the first NaN or infinite entry, naming its index as
     *     position {@code (index, 0)}
     */
    public static void allFinite(String name, double[] values) {
        Objects.requireNonNull(values, name);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new NonFiniteValueException(name, i, 0, values[i]);
            }
        }
    }

    /**
     * Requires a planned allocation of {@code requested} elements to stay within {@code limit}.
     *
     * @param what      description of what would be allocated
     * @param requested number of elements
     * @param limit     largest number of elements allowed
     * @throws SizeLimitExceededException if {@code requested > limit}
     */
    public static void sizeWithin(String what, long requested, long limit) {
        if (requested > limit || requested < 0) {
            throw new SizeLimitExceededException(what, requested, limit);
        }
    }
}
