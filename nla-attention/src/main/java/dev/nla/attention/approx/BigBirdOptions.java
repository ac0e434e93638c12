package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link BigBirdAttention}.
 *
 * @param blockSize    block size \(b \ge 1\) (the method's size parameter; BigBird uses 64)
 * @param randomBlocks random key blocks \(r_b \ge 0\) per block row (default {@value
 *     #DEFAULT_RANDOM_BLOCKS}, as in BigBird-ITC)
 * @param scaling      the score scale (default \(1/\sqrt d\))
 */
public record BigBirdOptions(int blockSize, int randomBlocks, Scaling scaling) {
    /** Default random blocks per block row. */
    public static final int DEFAULT_RANDOM_BLOCKS = 3;

    /**
     * Validates the options.
     *
     * @param blockSize    \(b\)
     * @param randomBlocks \(r_b\)
     * @param scaling      the scaling
     * @throws IllegalArgumentException if {@code blockSize < 1} or {@code randomBlocks < 0}
     * @throws NullPointerException     if {@code scaling} is null
     */
    public BigBirdOptions {
        Require.positive("blockSize", blockSize);
        Require.nonNegative("randomBlocks", randomBlocks);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Block size \(b\), {@value #DEFAULT_RANDOM_BLOCKS} random blocks, scaling \(1/\sqrt d\).
     *
     * @param blockSize \(b \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code blockSize < 1}
     */
    public static BigBirdOptions of(int blockSize) {
        return new BigBirdOptions(blockSize, DEFAULT_RANDOM_BLOCKS, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another number of random blocks.
     *
     * @param r \(r_b \ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code r < 0}
     */
    public BigBirdOptions withRandomBlocks(int r) {
        return new BigBirdOptions(blockSize, r, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public BigBirdOptions withScaling(Scaling s) {
        return new BigBirdOptions(blockSize, randomBlocks, s);
    }
}
