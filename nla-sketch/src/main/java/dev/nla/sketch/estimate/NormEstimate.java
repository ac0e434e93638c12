package dev.nla.sketch.estimate;

import java.util.Objects;

/**
 * An estimate of a norm from random products.
 *
 * @param norm          the estimate
 * @param errorEstimate its standard error (NaN with fewer than two samples)
 * @param matvecs       products of the operator with a vector used
 * @param samples       the samples behind it (for the Frobenius norm, \(\|A\omega_i\|^2\))
 */
public record NormEstimate(double norm, double errorEstimate, long matvecs, double[] samples) {
    /**
     * Copies the samples.
     *
     * @param norm          the estimate
     * @param errorEstimate its standard error
     * @param matvecs       products used
     * @param samples       the samples; copied
     * @throws NullPointerException if {@code samples} is null
     */
    public NormEstimate {
        samples = Objects.requireNonNull(samples, "samples").clone();
    }

    /**
     * The samples behind the estimate.
     *
     * @return a copy
     */
    @Override
    public double[] samples() {
        return samples.clone();
    }
}
