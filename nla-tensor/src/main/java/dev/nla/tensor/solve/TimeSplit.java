package dev.nla.tensor.solve;

/**
 * Where the wall-clock time of a Tucker-format solver went, in nanoseconds.
 *
 * @param applyNanos    operator and preconditioner applications (exact, no rounding)
 * @param sumRoundNanos all roundings of Tucker sums (the summation strategy)
 * @param monitorNanos  true-residual evaluations (optional diagnostics, not part of the method)
 * @param otherNanos    everything else: inner products, norms, the small least-squares problem
 */
public record TimeSplit(long applyNanos, long sumRoundNanos, long monitorNanos, long otherNanos) {
    /**
     * Validates the components.
     *
     * @param applyNanos    \(\ge 0\)
     * @param sumRoundNanos \(\ge 0\)
     * @param monitorNanos  \(\ge 0\)
     * @param otherNanos    \(\ge 0\)
     * @throws IllegalArgumentException if a component is negative
     */
    public TimeSplit {
        if (applyNanos < 0 || sumRoundNanos < 0 || monitorNanos < 0 || otherNanos < 0) {
            throw new IllegalArgumentException("times must be non-negative, got apply " + applyNanos + ", sum+round "
                    + sumRoundNanos + ", monitor " + monitorNanos + ", other " + otherNanos);
        }
    }

    /**
     * The total.
     *
     * @return the sum of the four parts, in nanoseconds
     */
    public long totalNanos() {
        return applyNanos + sumRoundNanos + monitorNanos + otherNanos;
    }
}
