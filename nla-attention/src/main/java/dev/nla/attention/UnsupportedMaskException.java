package dev.nla.attention;

/**
 * Thrown when a method is asked for a mask it cannot honour, typically a causal mask from a method
 * whose approximation mixes future tokens into every output (Linformer, Nyströmformer, ...): such a
 * method must refuse rather than return a non-causal result (the lesson of xformers issues #107 and
 * #751).
 */
public class UnsupportedMaskException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked and which method refused it
     */
    public UnsupportedMaskException(String message) {
        super(message);
    }
}
