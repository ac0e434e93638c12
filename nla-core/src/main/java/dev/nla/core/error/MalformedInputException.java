package dev.nla.core.error;

/**
 * Thrown when a file or stream being read is malformed, truncated or uses an unsupported feature.
 * The message names the source, the position (byte offset or line) and what was found.
 */
public class MalformedInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found, with the position
     */
    public MalformedInputException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a cause.
     *
     * @param message what was expected and what was found, with the position
     * @param cause   the underlying failure
     */
    public MalformedInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
