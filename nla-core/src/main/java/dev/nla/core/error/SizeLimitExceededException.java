package dev.nla.core.error;

/**
 * Thrown before a memory-hungry allocation whose size exceeds a documented limit, so that the
 * caller gets a message naming the size and the limit instead of an {@link OutOfMemoryError}.
 */
public class SizeLimitExceededException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what      what would have been allocated, e.g. {@code "dense 8x8x8x8x8 tensor"}
     * @param requested the requested number of elements
     * @param limit     the largest number of elements allowed
     */
    public SizeLimitExceededException(String what, long requested, long limit) {
        super(what + " needs " + requested + " elements, over the limit of " + limit);
    }

    /**
     * Creates the exception with a free-form message.
     *
     * @param message the message, naming the size and the limit
     */
    public SizeLimitExceededException(String message) {
        super(message);
    }
}
