package dev.nla.attention.approx;

import dev.nla.core.error.Require;

/**
 * Options of {@link RandomFeatureAttention}.
 *
 * @param frequencies number \(r \ge 1\) of random frequencies (the feature dimension is \(2r\));
 *     default {@value #DEFAULT_FREQUENCIES}; at most the number of keys at compute time
 * @param temperature \(\tau \gt 0\): the frequencies are \(w_l \sim \mathcal N(0, \tau^{-1}I)\), so
 *     the kernel is \(\exp(-\|\hat q - \hat k\|^2/(2\tau)) \propto \exp(\hat q^{\mathsf T}\hat k/\tau)\)
 *     on the unit-normalised \(\hat q, \hat k\); default {@value #DEFAULT_TEMPERATURE}
 */
public record RandomFeatureOptions(int frequencies, double temperature) {
    /** Default number of frequencies. */
    public static final int DEFAULT_FREQUENCIES = 128;

    /** Default temperature. */
    public static final double DEFAULT_TEMPERATURE = 1.0;

    /**
     * Validates the options.
     *
     * @param frequencies \(r\)
     * @param temperature \(\tau\)
     * @throws IllegalArgumentException if {@code frequencies < 1} or {@code temperature} is not
     *     positive and finite
     */
    public RandomFeatureOptions {
        Require.positive("frequencies", frequencies);
        Require.positive("temperature", temperature);
        Require.finite("temperature", temperature);
    }

    /**
     * \(r\) frequencies at the default temperature.
     *
     * @param frequencies \(r \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code frequencies < 1}
     */
    public static RandomFeatureOptions of(int frequencies) {
        return new RandomFeatureOptions(frequencies, DEFAULT_TEMPERATURE);
    }

    /**
     * These options with another temperature.
     *
     * @param value \(\tau \gt 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public RandomFeatureOptions withTemperature(double value) {
        return new RandomFeatureOptions(frequencies, value);
    }
}
