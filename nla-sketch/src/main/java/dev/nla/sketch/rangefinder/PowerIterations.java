package dev.nla.sketch.rangefinder;

import dev.nla.core.error.Require;

/**
 * The number \(q\) of power iterations of a randomized SVD: a fixed count, or {@link #AUTO},
 * scikit-learn's rule.
 *
 * <p>{@code AUTO} resolves, for target rank \(k\) and an \(m \times n\) input, to \(q = 7\) if \(k
 * \lt 0.1\min(m, n)\) and \(q = 4\) otherwise (scikit-learn {@code randomized_svd(n_iter="auto")},
 * [Pedregosa et al. 2011]): small target ranks of large matrices sit in the slowly decaying part of
 * the spectrum more often, where more iterations pay off. The rule is a heuristic; each iteration
 * costs two passes over \(A\).
 */
public final class PowerIterations {
    /** scikit-learn's rule: 7 if \(k \lt 0.1\min(m, n)\), else 4. */
    public static final PowerIterations AUTO = new PowerIterations(-1);

    private final int count;

    private PowerIterations(int count) {
        this.count = count;
    }

    /**
     * A fixed number of power iterations.
     *
     * @param q \(q \ge 0\)
     * @return the value
     * @throws IllegalArgumentException if {@code q < 0}
     */
    public static PowerIterations of(int q) {
        Require.nonNegative("powerIterations", q);
        return new PowerIterations(q);
    }

    /**
     * Whether this is {@link #AUTO}.
     *
     * @return {@code true} for the automatic rule
     */
    public boolean isAutomatic() {
        return count < 0;
    }

    /**
     * The number of power iterations for a target rank and input shape.
     *
     * @param rank target rank \(k \ge 1\)
     * @param rows \(m \ge 1\)
     * @param cols \(n \ge 1\)
     * @return \(q\): the fixed count, or the rule's value for {@link #AUTO}
     */
    public int resolve(int rank, int rows, int cols) {
        if (count >= 0) {
            return count;
        }
        return rank < 0.1 * Math.min(rows, cols) ? 7 : 4;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PowerIterations p && p.count == count;
    }

    @Override
    public int hashCode() {
        return Integer.hashCode(count);
    }

    /**
     * {@code "auto"} or the count.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return count < 0 ? "auto" : Integer.toString(count);
    }
}
