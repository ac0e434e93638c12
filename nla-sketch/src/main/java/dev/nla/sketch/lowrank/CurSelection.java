package dev.nla.sketch.lowrank;

/** How {@link Cur} chooses its \(k\) columns and \(k\) rows. */
public enum CurSelection {
    /**
     * Interpolative decomposition: columns by QR with column pivoting of the sketch \(B =
     * Q^{\mathsf T}A\), rows by QR with column pivoting of \(A(:, J)^{\mathsf T}\) [Voronin and
     * Martinsson 2017].
     */
    INTERPOLATIVE,
    /**
     * Leverage scores: columns (rows) drawn without replacement with probabilities proportional to
     * the squared row norms of the approximate top-\(k\) right (left) singular vectors of a
     * randomized SVD [Mahoney and Drineas 2009]. Relative-error guarantees need \(O(k\log
     * k/\varepsilon^2)\) samples; with \(k\) samples this is a cheap heuristic.
     */
    LEVERAGE_SCORES,
    /**
     * Discrete empirical interpolation on the approximate top-\(k\) singular vectors of a randomized
     * SVD, deterministic given them [Sorensen and Embree 2016].
     */
    DEIM
}
