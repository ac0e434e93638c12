package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link SamplingAttention}.
 *
 * @param samples    number of sampled keys \(s \ge 1\) (the method's size parameter)
 * @param uniformMix weight \(\gamma \in [0, 1]\) of the uniform part of the sampling law (default
 *     {@value #DEFAULT_UNIFORM_MIX}); \(\gamma = 0\) is pure \(\|v_j\|\) sampling, \(\gamma = 1\)
 *     uniform sampling
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record SamplingOptions(int samples, double uniformMix, Scaling scaling) {
    /** Default uniform mixing weight: a quarter, which bounds \(1/p_j\) by \(4m\). */
    public static final double DEFAULT_UNIFORM_MIX = 0.25;

    /**
     * Validates the options.
     *
     * @param samples    \(s\)
     * @param uniformMix \(\gamma\)
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code samples < 1} or \(\gamma \notin [0, 1]\)
     * @throws NullPointerException     if {@code scaling} is null
     */
    public SamplingOptions {
        Require.positive("samples", samples);
        if (!(uniformMix >= 0.0 && uniformMix <= 1.0)) {
            throw new IllegalArgumentException("uniformMix must lie in [0, 1], got " + uniformMix);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * \(s\) samples, mixing {@value #DEFAULT_UNIFORM_MIX}, scaling \(1/\sqrt d\).
     *
     * @param samples \(s \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code samples < 1}
     */
    public static SamplingOptions of(int samples) {
        return new SamplingOptions(samples, DEFAULT_UNIFORM_MIX, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another mixing weight.
     *
     * @param gamma \(\gamma \in [0, 1]\)
     * @return new options
     * @throws IllegalArgumentException if \(\gamma \notin [0, 1]\)
     */
    public SamplingOptions withUniformMix(double gamma) {
        return new SamplingOptions(samples, gamma, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public SamplingOptions withScaling(Scaling s) {
        return new SamplingOptions(samples, uniformMix, s);
    }
}
