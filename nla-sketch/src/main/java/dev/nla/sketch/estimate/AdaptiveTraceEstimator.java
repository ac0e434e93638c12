package dev.nla.sketch.estimate;

import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;

/** A trace estimator that can also run until its error estimate meets a tolerance. */
public interface AdaptiveTraceEstimator extends TraceEstimator {
    /**
     * Estimates \(\operatorname{tr}(A)\) until the error estimate meets {@code tolerance} or the
     * product budget runs out (reported as not converged, not thrown).
     *
     * @param a         the \(n \times n\) operator; not modified
     * @param tolerance the stopping rule and budget
     * @param state     the random state of the test vectors; not modified
     * @return the estimate with its history, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if {@code a} is not square or is empty
     * @throws IllegalArgumentException   if the budget cannot pay for the first round
     */
    Sampled<AdaptiveTraceEstimate> estimate(LinearOperator a, TraceTolerance tolerance, RngState state);
}
