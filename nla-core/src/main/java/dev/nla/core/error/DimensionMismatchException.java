package dev.nla.core.error;

/**
 * Thrown when the shapes of the operands of an operation are incompatible, for example when the
 * inner dimensions of a matrix product differ. The message names the operation and every shape
 * involved.
 */
public class DimensionMismatchException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found, with the shapes
     */
    public DimensionMismatchException(String message) {
        super(message);
    }
}
