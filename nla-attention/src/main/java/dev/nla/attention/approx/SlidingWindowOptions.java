package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link SlidingWindowAttention}.
 *
 * @param window       half-width \(w \ge 0\) of the band (no default: it is the method's size
 *     parameter)
 * @param globalTokens number \(g \ge 0\) of global tokens, the first \(g\) positions (default
 *     {@value #DEFAULT_GLOBAL_TOKENS})
 * @param scaling      the score scale (default \(1/\sqrt d\))
 */
public record SlidingWindowOptions(int window, int globalTokens, Scaling scaling) {
    /** Default number of global tokens: none, a pure band. */
    public static final int DEFAULT_GLOBAL_TOKENS = 0;

    /**
     * Validates the options.
     *
     * @param window       \(w\)
     * @param globalTokens \(g\)
     * @param scaling      the scaling
     * @throws IllegalArgumentException if {@code window < 0} or {@code globalTokens < 0}
     * @throws NullPointerException     if {@code scaling} is null
     */
    public SlidingWindowOptions {
        Require.nonNegative("window", window);
        Require.nonNegative("globalTokens", globalTokens);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Window \(w\), no global tokens, scaling \(1/\sqrt d\).
     *
     * @param window \(w \ge 0\)
     * @return the options
     * @throws IllegalArgumentException if {@code window < 0}
     */
    public static SlidingWindowOptions of(int window) {
        return new SlidingWindowOptions(window, DEFAULT_GLOBAL_TOKENS, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another number of global tokens.
     *
     * @param g \(g \ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code g < 0}
     */
    public SlidingWindowOptions withGlobalTokens(int g) {
        return new SlidingWindowOptions(window, g, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public SlidingWindowOptions withScaling(Scaling s) {
        return new SlidingWindowOptions(window, globalTokens, s);
    }
}
