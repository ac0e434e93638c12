package dev.nla.sketch.estimate;

import java.util.Objects;

/**
 * The result of a tolerance-driven trace estimator: the last estimate, whether the tolerance was
 * met, and the estimate after every round.
 *
 * @param estimate       the last estimate (with its error estimate and all products used)
 * @param converged      whether the error estimate met the {@link TraceTolerance}; false when the
 *     product budget ran out first
 * @param traceHistory   the estimate after each round
 * @param errorHistory   the error estimate after each round
 * @param matvecHistory  the products used up to each round
 */
public record AdaptiveTraceEstimate(
        TraceEstimate estimate, boolean converged, double[] traceHistory, double[] errorHistory, long[] matvecHistory) {
    /**
     * Validates and copies.
     *
     * @param estimate      the last estimate
     * @param converged     whether the tolerance was met
     * @param traceHistory  estimates per round; copied
     * @param errorHistory  error estimates per round; copied
     * @param matvecHistory products per round; copied
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the histories differ in length
     */
    public AdaptiveTraceEstimate {
        Objects.requireNonNull(estimate, "estimate");
        traceHistory = Objects.requireNonNull(traceHistory, "traceHistory").clone();
        errorHistory = Objects.requireNonNull(errorHistory, "errorHistory").clone();
        matvecHistory = Objects.requireNonNull(matvecHistory, "matvecHistory").clone();
        if (errorHistory.length != traceHistory.length || matvecHistory.length != traceHistory.length) {
            throw new IllegalArgumentException("histories differ in length: " + traceHistory.length + ", "
                    + errorHistory.length + ", " + matvecHistory.length);
        }
    }

    /**
     * The estimate of \(\operatorname{tr}(A)\).
     *
     * @return the last estimate
     */
    public double trace() {
        return estimate.trace();
    }

    /**
     * The error estimate of the last round.
     *
     * @return the standard error
     */
    public double errorEstimate() {
        return estimate.errorEstimate();
    }

    /**
     * All products with the operator used.
     *
     * @return the count
     */
    public long matvecs() {
        return estimate.matvecs();
    }

    /**
     * The estimate after each round.
     *
     * @return a copy
     */
    @Override
    public double[] traceHistory() {
        return traceHistory.clone();
    }

    /**
     * The error estimate after each round.
     *
     * @return a copy
     */
    @Override
    public double[] errorHistory() {
        return errorHistory.clone();
    }

    /**
     * The products used up to each round.
     *
     * @return a copy
     */
    @Override
    public long[] matvecHistory() {
        return matvecHistory.clone();
    }
}
