package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link KdeformerAttention}.
 *
 * @param blockSize queries per LSH block \(b \ge 1\)
 * @param samples   residual samples \(s \ge 1\)
 * @param hashBits  hyperplanes of the angular LSH, \(1 \le r \le 30\) (default {@value
 *     #DEFAULT_HASH_BITS})
 * @param scaling   the score scale (default \(1/\sqrt d\))
 */
public record KdeformerOptions(int blockSize, int samples, int hashBits, Scaling scaling) {
    /** Default number of hyperplanes. */
    public static final int DEFAULT_HASH_BITS = 8;

    /**
     * Validates the options.
     *
     * @param blockSize \(b\)
     * @param samples   \(s\)
     * @param hashBits  \(r\)
     * @param scaling   the scaling
     * @throws IllegalArgumentException if {@code blockSize < 1}, {@code samples < 1} or {@code
     *     hashBits} is outside \([1, 30]\)
     * @throws NullPointerException     if {@code scaling} is null
     */
    public KdeformerOptions {
        Require.positive("blockSize", blockSize);
        Require.positive("samples", samples);
        Require.inRange("hashBits", hashBits, 1, 30);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Block size and samples both \(r\), {@value #DEFAULT_HASH_BITS} hyperplanes, scaling \(1/\sqrt d\).
     *
     * @param size \(b = s \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public static KdeformerOptions of(int size) {
        return new KdeformerOptions(size, size, DEFAULT_HASH_BITS, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another number of samples.
     *
     * @param s \(s \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code s < 1}
     */
    public KdeformerOptions withSamples(int s) {
        return new KdeformerOptions(blockSize, s, hashBits, scaling);
    }

    /**
     * These options with another block size.
     *
     * @param b \(b \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code b < 1}
     */
    public KdeformerOptions withBlockSize(int b) {
        return new KdeformerOptions(b, samples, hashBits, scaling);
    }

    /**
     * These options with another number of hyperplanes.
     *
     * @param bits \(1 \le r \le 30\)
     * @return new options
     * @throws IllegalArgumentException if out of range
     */
    public KdeformerOptions withHashBits(int bits) {
        return new KdeformerOptions(blockSize, samples, bits, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public KdeformerOptions withScaling(Scaling s) {
        return new KdeformerOptions(blockSize, samples, hashBits, s);
    }
}
