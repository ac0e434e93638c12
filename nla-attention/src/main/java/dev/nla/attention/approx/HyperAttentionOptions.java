package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link HyperAttention}.
 *
 * @param blockSize         queries per sortLSH block \(b \ge 1\) (paper default 256)
 * @param samples           uniformly sampled residual keys \(s \ge 1\) (paper default 256)
 * @param hashBits          hyperplanes of the sortLSH, \(1 \le r \le 30\) (default {@value
 *     #DEFAULT_HASH_BITS})
 * @param minSequenceLength \(n_{\min} \ge 1\): problems (and recursion pieces) with at most this many
 *     queries are computed exactly (default {@value #DEFAULT_MIN_SEQUENCE_LENGTH}; lower it to reach
 *     the approximate path on small inputs)
 * @param scaling           the score scale (default \(1/\sqrt d\))
 */
public record HyperAttentionOptions(int blockSize, int samples, int hashBits, int minSequenceLength, Scaling scaling) {
    /** Default number of hyperplanes (the paper's 7). */
    public static final int DEFAULT_HASH_BITS = 7;

    /** Default block size and number of samples (the paper's 256). */
    public static final int DEFAULT_SIZE = 256;

    /** Default exact threshold \(n_{\min}\) (the paper's 4096). */
    public static final int DEFAULT_MIN_SEQUENCE_LENGTH = 4096;

    /**
     * Validates the options.
     *
     * @param blockSize         \(b\)
     * @param samples           \(s\)
     * @param hashBits          \(r\)
     * @param minSequenceLength \(n_{\min}\)
     * @param scaling           the scaling
     * @throws IllegalArgumentException if a size is below 1 or {@code hashBits} is outside \([1,
     *     30]\)
     * @throws NullPointerException     if {@code scaling} is null
     */
    public HyperAttentionOptions {
        Require.positive("blockSize", blockSize);
        Require.positive("samples", samples);
        Require.inRange("hashBits", hashBits, 1, 30);
        Require.positive("minSequenceLength", minSequenceLength);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The paper's defaults: \(b = s = 256\), 7 hyperplanes, \(n_{\min} = 4096\), scaling \(1/\sqrt d\).
     *
     * @return the options
     */
    public static HyperAttentionOptions defaults() {
        return of(DEFAULT_SIZE);
    }

    /**
     * Block size and samples both \(r\), other options at their defaults.
     *
     * @param size \(b = s \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static HyperAttentionOptions of(int size) {
        return new HyperAttentionOptions(
                size, size, DEFAULT_HASH_BITS, DEFAULT_MIN_SEQUENCE_LENGTH, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another block size.
     *
     * @param b \(b \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code b < 1}
     */
    public HyperAttentionOptions withBlockSize(int b) {
        return new HyperAttentionOptions(b, samples, hashBits, minSequenceLength, scaling);
    }

    /**
     * These options with another number of samples.
     *
     * @param s \(s \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code s < 1}
     */
    public HyperAttentionOptions withSamples(int s) {
        return new HyperAttentionOptions(blockSize, s, hashBits, minSequenceLength, scaling);
    }

    /**
     * These options with another number of hyperplanes.
     *
     * @param bits \(1 \le r \le 30\)
     * @return new options
     * @throws IllegalArgumentException if out of range
     */
    public HyperAttentionOptions withHashBits(int bits) {
        return new HyperAttentionOptions(blockSize, samples, bits, minSequenceLength, scaling);
    }

    /**
     * These options with another exact threshold.
     *
     * @param nMin \(n_{\min} \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code nMin < 1}
     */
    public HyperAttentionOptions withMinSequenceLength(int nMin) {
        return new HyperAttentionOptions(blockSize, samples, hashBits, nMin, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public HyperAttentionOptions withScaling(Scaling s) {
        return new HyperAttentionOptions(blockSize, samples, hashBits, minSequenceLength, s);
    }
}
