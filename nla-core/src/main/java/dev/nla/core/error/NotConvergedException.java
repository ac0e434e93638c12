package dev.nla.core.error;

/**
 * Thrown by a method that promises a converged answer when its iteration stops without meeting the
 * tolerance. Iterative solvers that can report partial progress return a result with a
 * {@code converged()} flag instead of throwing.
 */
public class NotConvergedException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Number of iterations performed. */
    private final int iterations;

    /**
     * Creates the exception.
     *
     * @param message    what did not converge, with the tolerance and the last residual
     * @param iterations the number of iterations performed
     */
    public NotConvergedException(String message, int iterations) {
        super(message + " (after " + iterations + " iterations)");
        this.iterations = iterations;
    }

    /**
     * Number of iterations performed before giving up.
     *
     * @return the iteration count
     */
    public int iterations() {
        return iterations;
    }
}
