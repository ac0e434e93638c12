package dev.nla.sketch.estimate;

import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;

/**
 * A randomized estimator of \(\operatorname{diag}(A)\) for a square operator from products with
 * random vectors: {@link HutchinsonDiagonal} and {@link XDiag}.
 */
public interface DiagonalEstimator {
    /**
     * A short name for reports.
     *
     * @return the name
     */
    String name();

    /**
     * Estimates \(\operatorname{diag}(A)\) with (at most) {@code matvecs} products.
     *
     * @param a       the \(n \times n\) operator; not modified
     * @param matvecs the budget of products with \(A\) or \(A^{\mathsf T}\)
     * @param state   the random state of the test vectors; not modified
     * @return the estimate, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if {@code a} is not square or is empty
     * @throws IllegalArgumentException   if {@code matvecs} is out of range for the estimator
     */
    Sampled<DiagonalEstimate> estimate(LinearOperator a, int matvecs, RngState state);
}
