package dev.nla.sketch.estimate;

import dev.nla.core.error.Require;

/**
 * When an adaptive trace estimator stops: at the first round where its error estimate satisfies
 * \[ \mathrm{err} \le \mathrm{relative}\cdot|\hat t| + \mathrm{absolute}, \]
 * or when the next round would exceed {@code maxMatvecs} products (then the result is flagged not
 * converged). XTrace's {@code xtrace_tol} rule [Epperly, Tropp and Webber 2024].
 *
 * <p>The estimators start with {@code initialVectors} test vectors and double their number every
 * round, so they use at most about twice the products the tolerance needs, and recompute the
 * estimate \(O(\log)\) times. Set the tolerances <b>conservatively</b>: XTrace's and XNysTrace's
 * error estimates tend to underestimate the true error and fluctuate (the XTrace README's
 * warning); in this library's tests the true error stays below twice the requested tolerance in
 * most runs, not in all.
 *
 * @param relative       relative tolerance \(\ge 0\), finite
 * @param absolute       absolute tolerance \(\ge 0\), finite
 * @param maxMatvecs     most products with the operator, \(\ge 1\)
 * @param initialVectors test vectors of the first round, \(\ge 2\) (a standard error from fewer
 *     samples is meaningless); default 8
 */
public record TraceTolerance(double relative, double absolute, long maxMatvecs, int initialVectors) {
    /** Default {@link #initialVectors()}. */
    public static final int DEFAULT_INITIAL_VECTORS = 8;

    /**
     * Validates the tolerance.
     *
     * @param relative       \(\ge 0\), finite
     * @param absolute       \(\ge 0\), finite
     * @param maxMatvecs     \(\ge 1\)
     * @param initialVectors \(\ge 2\)
     * @throws IllegalArgumentException if a tolerance is negative, NaN or infinite, {@code
     *     maxMatvecs < 1} or {@code initialVectors < 2}; the message names the value
     */
    public TraceTolerance {
        Require.nonNegative("relative tolerance", relative);
        Require.nonNegative("absolute tolerance", absolute);
        if (maxMatvecs < 1) {
            throw new IllegalArgumentException("maxMatvecs must be at least 1, got " + maxMatvecs);
        }
        if (initialVectors < 2) {
            throw new IllegalArgumentException("initialVectors must be at least 2, got " + initialVectors);
        }
    }

    /**
     * A tolerance with the default {@link #initialVectors()} (8).
     *
     * @param relative   relative tolerance \(\ge 0\)
     * @param absolute   absolute tolerance \(\ge 0\)
     * @param maxMatvecs most products, \(\ge 1\)
     * @return the tolerance
     * @throws IllegalArgumentException if a value is out of range
     */
    public static TraceTolerance of(double relative, double absolute, long maxMatvecs) {
        return new TraceTolerance(relative, absolute, maxMatvecs, DEFAULT_INITIAL_VECTORS);
    }

    /**
     * Whether an estimate meets the tolerance.
     *
     * @param trace the estimate \(\hat t\)
     * @param error its error estimate
     * @return {@code error <= relative |trace| + absolute} (false when either is NaN)
     */
    public boolean isMet(double trace, double error) {
        return error <= relative * Math.abs(trace) + absolute;
    }
}
