package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link SvdOracleAttention}.
 *
 * @param rank            target rank \(r \ge 1\) (default {@value #DEFAULT_RANK}); at most \(\min(n,
 *     m)\) at compute time
 * @param method          exact or randomized SVD (default {@link Method#EXACT})
 * @param oversampling    extra sketch columns \(p \ge 0\) of the randomized SVD (default {@value
 *     #DEFAULT_OVERSAMPLING})
 * @param powerIterations power iterations \(q \ge 0\) of the randomized SVD (default {@value
 *     #DEFAULT_POWER_ITERATIONS})
 * @param maxElements     largest attention matrix \(nm\) the oracle may form (default {@value
 *     #DEFAULT_MAX_ELEMENTS}, 512 MiB); larger problems are refused before allocating
 * @param scaling         the score scale (default \(1/\sqrt d\))
 */
public record SvdOracleOptions(
        int rank, Method method, int oversampling, int powerIterations, long maxElements, Scaling scaling) {
    /** Default rank. */
    public static final int DEFAULT_RANK = 64;

    /** Default oversampling (the spec's test 13). */
    public static final int DEFAULT_OVERSAMPLING = 10;

    /** Default power iterations (the spec's test 13). */
    public static final int DEFAULT_POWER_ITERATIONS = 2;

    /** Default size limit of the attention matrix, \(2^{26}\) entries. */
    public static final long DEFAULT_MAX_ELEMENTS = 1L << 26;

    /** How the truncated SVD is computed. */
    public enum Method {
        /**
         * Thin SVD of the full matrix ({@code nla-core}: native LAPACK when a library loads, else pure
         * Java): the exact optimum.
         */
        EXACT,
        /**
         * Randomized SVD [HMT 2011, Alg. 4.4 + 5.1]: Gaussian test matrix with
         * \(r + p\) columns, \(q\) power iterations re-orthonormalised by QR, SVD of the small
         * projection.
         */
        RANDOMIZED
    }

    /**
     * Validates the options.
     *
     * @param rank            \(r\)
     * @param method          the SVD
     * @param oversampling    \(p\)
     * @param powerIterations \(q\)
     * @param maxElements     the size limit
     * @param scaling         the scaling
     * @throws IllegalArgumentException if {@code rank < 1}, {@code oversampling < 0}, {@code
     *     powerIterations < 0} or {@code maxElements < 1}
     * @throws NullPointerException     if {@code method} or {@code scaling} is null
     */
    public SvdOracleOptions {
        Require.positive("rank", rank);
        Objects.requireNonNull(method, "method");
        Require.nonNegative("oversampling", oversampling);
        Require.nonNegative("powerIterations", powerIterations);
        if (maxElements < 1) {
            throw new IllegalArgumentException("maxElements must be positive, got " + maxElements);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The defaults with rank \(r\): exact SVD.
     *
     * @param rank \(r \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static SvdOracleOptions of(int rank) {
        return new SvdOracleOptions(
                rank,
                Method.EXACT,
                DEFAULT_OVERSAMPLING,
                DEFAULT_POWER_ITERATIONS,
                DEFAULT_MAX_ELEMENTS,
                Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another SVD.
     *
     * @param value the method
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public SvdOracleOptions withMethod(Method value) {
        return new SvdOracleOptions(rank, value, oversampling, powerIterations, maxElements, scaling);
    }

    /**
     * These options with another number of power iterations.
     *
     * @param value \(q \ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public SvdOracleOptions withPowerIterations(int value) {
        return new SvdOracleOptions(rank, method, oversampling, value, maxElements, scaling);
    }

    /**
     * These options with another oversampling.
     *
     * @param value \(p \ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code value < 0}
     */
    public SvdOracleOptions withOversampling(int value) {
        return new SvdOracleOptions(rank, method, value, powerIterations, maxElements, scaling);
    }

    /**
     * These options with another size limit.
     *
     * @param value largest \(nm\), \(\ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public SvdOracleOptions withMaxElements(long value) {
        return new SvdOracleOptions(rank, method, oversampling, powerIterations, value, scaling);
    }
}
