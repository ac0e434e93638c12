package dev.nla.core.error;

/**
 * Thrown when a matrix that must be symmetric positive definite is not, for example when a
 * Cholesky factorization meets a non-positive pivot. The message names the pivot index and value.
 */
public class NotPositiveDefiniteException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message where definiteness failed, with the pivot index and value
     */
    public NotPositiveDefiniteException(String message) {
        super(message);
    }
}
