package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link TopKAttention}.
 *
 * @param k          scores kept per row, \(k \ge 1\) (the method's size parameter)
 * @param queryChunk query rows per chunk \(c \ge 1\) (default {@value #DEFAULT_QUERY_CHUNK}): the
 *     score tile is \(c \times m\); it changes the memory, not the result
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record TopKOptions(int k, int queryChunk, Scaling scaling) {
    /** Default query chunk. */
    public static final int DEFAULT_QUERY_CHUNK = 64;

    /**
     * Validates the options.
     *
     * @param k          \(k\)
     * @param queryChunk \(c\)
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code k < 1} or {@code queryChunk < 1}
     * @throws NullPointerException     if {@code scaling} is null
     */
    public TopKOptions {
        Require.positive("k", k);
        Require.positive("queryChunk", queryChunk);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * \(k\) scores per row, default chunk, scaling \(1/\sqrt d\).
     *
     * @param k \(k \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code k < 1}
     */
    public static TopKOptions of(int k) {
        return new TopKOptions(k, DEFAULT_QUERY_CHUNK, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another query chunk.
     *
     * @param rows \(c \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public TopKOptions withQueryChunk(int rows) {
        return new TopKOptions(k, rows, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public TopKOptions withScaling(Scaling s) {
        return new TopKOptions(k, queryChunk, s);
    }
}
