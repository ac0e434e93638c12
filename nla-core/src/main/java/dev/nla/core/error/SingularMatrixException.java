package dev.nla.core.error;

/**
 * Thrown when a matrix that must be invertible is exactly or numerically singular, for example a
 * zero pivot in an LU factorization or a zero diagonal entry in a triangular solve. The message
 * names the offending index and value.
 */
public class SingularMatrixException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message where singularity was detected, with the pivot index and value
     */
    public SingularMatrixException(String message) {
        super(message);
    }
}
