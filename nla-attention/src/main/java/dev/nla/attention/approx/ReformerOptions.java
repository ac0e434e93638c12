package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link ReformerAttention}.
 *
 * @param chunkSize queries per sorted chunk \(c \ge 1\) (the method's size parameter)
 * @param rounds    hash rounds \(n_r \ge 1\) (default {@value #DEFAULT_ROUNDS}, as in the Reformer
 *     paper's experiments)
 * @param buckets   buckets \(B\) per round, even and \(\ge 2\), or {@value #AUTO_BUCKETS} for about
 *     one bucket per chunk, \(B = 2\lceil n/(2c)\rceil\) (default)
 * @param scaling   the score scale (default \(1/\sqrt d\))
 */
public record ReformerOptions(int chunkSize, int rounds, int buckets, Scaling scaling) {
    /** Default hash rounds. */
    public static final int DEFAULT_ROUNDS = 4;

    /** The value of {@link #buckets()} that chooses \(B\) from \(n\) and \(c\). */
    public static final int AUTO_BUCKETS = 0;

    /**
     * Validates the options.
     *
     * @param chunkSize \(c\)
     * @param rounds    \(n_r\)
     * @param buckets   \(B\) or {@value #AUTO_BUCKETS}
     * @param scaling   the scaling
     * @throws IllegalArgumentException if {@code chunkSize < 1}, {@code rounds < 1}, or {@code
     *     buckets} is neither 0 nor an even number \(\ge 2\)
     * @throws NullPointerException     if {@code scaling} is null
     */
    public ReformerOptions {
        Require.positive("chunkSize", chunkSize);
        Require.positive("rounds", rounds);
        if (buckets != AUTO_BUCKETS && (buckets < 2 || buckets % 2 != 0)) {
            throw new IllegalArgumentException("buckets must be 0 (auto) or even and >= 2, got " + buckets);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Chunk size \(c\), {@value #DEFAULT_ROUNDS} rounds, automatic buckets, scaling \(1/\sqrt d\).
     *
     * @param chunkSize \(c \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code chunkSize < 1}
     */
    public static ReformerOptions of(int chunkSize) {
        return new ReformerOptions(chunkSize, DEFAULT_ROUNDS, AUTO_BUCKETS, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another number of rounds.
     *
     * @param r \(n_r \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code r < 1}
     */
    public ReformerOptions withRounds(int r) {
        return new ReformerOptions(chunkSize, r, buckets, scaling);
    }

    /**
     * These options with another number of buckets.
     *
     * @param b even \(B \ge 2\), or {@value #AUTO_BUCKETS}
     * @return new options
     * @throws IllegalArgumentException if {@code b} is invalid
     */
    public ReformerOptions withBuckets(int b) {
        return new ReformerOptions(chunkSize, rounds, b, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public ReformerOptions withScaling(Scaling s) {
        return new ReformerOptions(chunkSize, rounds, buckets, s);
    }
}
