package dev.nla.core.decomp;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * Outcome of a Newton–Schulz pseudo-inverse iteration.
 *
 * @param pseudoInverse  the last iterate \(X_k\), \(n \times m\) (owned by the record)
 * @param converged      whether the relative change fell below the tolerance within the cap
 * @param iterations     number of iterations performed, \(0 \le k \le k_{\max}\)
 * @param relativeChange the last relative change \(\|X_k - X_{k-1}\|_F / \|X_k\|_F\) (NaN if no
 *     iteration ran)
 */
public record NewtonSchulzResult(DenseMatrix pseudoInverse, boolean converged, int iterations, double relativeChange) {
    /**
     * Validates the record.
     *
     * @param pseudoInverse  the last iterate
     * @param converged      whether the tolerance was met
     * @param iterations     iterations performed, {@code >= 0}
     * @param relativeChange the last relative change
     * @throws NullPointerException     if {@code pseudoInverse} is null
     * @throws IllegalArgumentException if {@code iterations} is negative
     */
    public NewtonSchulzResult {
        Objects.requireNonNull(pseudoInverse, "pseudoInverse");
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be >= 0, got " + iterations);
        }
    }
}
