package dev.nla.sketch.estimate;

import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;

/**
 * A randomized estimator of \(\operatorname{tr}(A)\) for a square operator, from a given number of
 * products with it.
 */
public interface TraceEstimator {
    /**
     * A short name for reports, e.g. {@code "hutch++"}.
     *
     * @return the name
     */
    String name();

    /**
     * Estimates \(\operatorname{tr}(A)\) with (at most) {@code matvecs} products of \(A\) with
     * vectors.
     *
     * @param a       the \(n \times n\) operator; not modified
     * @param matvecs the budget of products; the minimum depends on the estimator
     * @param state   the random state of the test vectors; not modified
     * @return the estimate, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if {@code a} is not square or is empty
     * @throws IllegalArgumentException   if {@code matvecs} is out of range for the estimator and
     *     \(n\)
     */
    Sampled<TraceEstimate> estimate(LinearOperator a, int matvecs, RngState state);
}
