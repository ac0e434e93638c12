package dev.nla.core.error;

/**
 * Thrown when an input that must be finite holds NaN or an infinity. The message names the input,
 * the position and the value, for example {@code "a has a non-finite entry NaN at (0, 1)"}.
 */
public class NonFiniteValueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /** Row of the offending entry, or -1 for a scalar argument. */
    private final int row;

    /** Column of the offending entry, or -1 for a scalar argument. */
    private final int col;

    /** The offending value. */
    private final double value;

    /**
     * Creates the exception for entry {@code (row, col)} of the named input.
     *
     * @param name  name of the offending argument
     * @param row   row index of the first non-finite entry found
     * @param col   column index of the first non-finite entry found
     * @param value the non-finite value
     */
    public NonFiniteValueException(String name, int row, int col, double value) {
        super(name + " has a non-finite entry " + value + " at (" + row + ", " + col + ")");
        this.row = row;
        this.col = col;
        this.value = value;
    }

    /**
     * Creates the exception for a non-finite scalar argument.
     *
     * @param name  name of the offending argument
     * @param value the non-finite value
     */
    public NonFiniteValueException(String name, double value) {
        super(name + " must be finite, got " + value);
        this.row = -1;
        this.col = -1;
        this.value = value;
    }

    /**
     * Row of the offending entry.
     *
     * @return the row index, or {@code -1} for a scalar argument
     */
    public int row() {
        return row;
    }

    /**
     * Column of the offending entry.
     *
     * @return the column index, or {@code -1} for a scalar argument
     */
    public int col() {
        return col;
    }

    /**
     * The offending value.
     *
     * @return NaN or an infinity
     */
    public double value() {
        return value;
    }
}
