package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;

/**
 * Options of {@link RandomlyPivotedCholesky}.
 *
 * @param rank      the number of pivots \(k \ge 1\) (at most \(n\), checked by the driver)
 * @param blockSize \(b \ge 1\) pivots per step; 1 is the sequential algorithm [Chen et al. 2023, Alg.
 *     1], larger values the block variant (default 100, as in the authors' {@code block_rpcholesky}),
 *     which reads \(b\) columns at a time (GEMM-rich, far fewer passes over the data) at a small cost
 *     in accuracy
 */
public record RandomlyPivotedCholeskyOptions(int rank, int blockSize) {
    /** Default block size \(b = 100\). */
    public static final int DEFAULT_BLOCK_SIZE = 100;

    /**
     * Validates the options.
     *
     * @param rank      the number of pivots \(k \ge 1\) (at most \(n\), checked by the driver)
     * @param blockSize \(b \ge 1\) pivots per step; 1 is the sequential algorithm [Chen et al. 2023, Alg.
     *     1], larger values the block variant (default 100, as in the authors' {@code block_rpcholesky}),
     *     which reads \(b\) columns at a time (GEMM-rich, far fewer passes over the data) at a small cost
     *     in accuracy
     * @throws IllegalArgumentException if {@code rank < 1} or {@code blockSize < 1}
     */
    public RandomlyPivotedCholeskyOptions {
        Require.positive("rank", rank);
        Require.positive("blockSize", blockSize);
    }

    /**
     * The block variant with \(b = 100\).
     *
     * @param rank \(k \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static RandomlyPivotedCholeskyOptions of(int rank) {
        return new RandomlyPivotedCholeskyOptions(rank, DEFAULT_BLOCK_SIZE);
    }

    /**
     * The sequential algorithm (\(b = 1\)).
     *
     * @param rank \(k \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static RandomlyPivotedCholeskyOptions sequential(int rank) {
        return new RandomlyPivotedCholeskyOptions(rank, 1);
    }
}
