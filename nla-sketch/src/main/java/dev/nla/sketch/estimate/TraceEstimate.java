package dev.nla.sketch.estimate;

import java.util.Objects;

/**
 * A trace estimate from a fixed number of products with the operator.
 *
 * <p>Every estimator here is an average of {@code samples}, each an unbiased estimate of
 * \(\operatorname{tr}(A)\) (Hutchinson: \(\omega_i^{\mathsf T}A\omega_i\); Hutch++: the deflated
 * part plus one Hutchinson sample of the remainder; XTrace and XNysTrace: the leave-one-out
 * estimates). The error estimate is the standard error of that mean, \(s/\sqrt{k}\) with \(s\) the
 * sample standard deviation of the \(k\) samples (XTrace's {@code err_est}). For Hutchinson it
 * estimates the standard deviation of the estimate; for Hutch++ only its randomness given the
 * sketch; for XTrace and XNysTrace the samples are dependent and the estimate tends to be
 * somewhat low [Epperly, Tropp and Webber 2024]: treat it as an order of magnitude.
 *
 * @param trace         the estimate of \(\operatorname{tr}(A)\)
 * @param errorEstimate the standard error \(s/\sqrt k\); NaN when \(k \lt 2\)
 * @param matvecs       products of the operator with a vector (\(A\) or \(A^{\mathsf T}\)) used
 * @param samples       the \(k\) samples whose mean is {@code trace}
 */
public record TraceEstimate(double trace, double errorEstimate, long matvecs, double[] samples) {
    /**
     * Copies the samples.
     *
     * @param trace         the estimate
     * @param errorEstimate the standard error
     * @param matvecs       products used, \(\ge 0\)
     * @param samples       the samples; copied
     * @throws NullPointerException if {@code samples} is null
     */
    public TraceEstimate {
        samples = Objects.requireNonNull(samples, "samples").clone();
    }

    /**
     * The samples whose mean is the estimate.
     *
     * @return a copy
     */
    @Override
    public double[] samples() {
        return samples.clone();
    }

    /**
     * The estimate with its standard error from samples: mean and \(s/\sqrt k\).
     *
     * @param samples the samples (not modified)
     * @param matvecs products used
     * @return the estimate
     */
    static TraceEstimate of(double[] samples, long matvecs) {
        return new TraceEstimate(Stats.mean(samples), Stats.standardError(samples), matvecs, samples);
    }
}
