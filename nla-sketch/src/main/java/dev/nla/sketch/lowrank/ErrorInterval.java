package dev.nla.sketch.lowrank;

/**
 * A confidence interval for an approximation error \(\|A - \hat A\|_F\).
 *
 * @param estimate   the point estimate
 * @param lower      the lower end
 * @param upper      the upper end (may be infinite)
 * @param confidence the nominal coverage in \((0, 1)\)
 */
public record ErrorInterval(double estimate, double lower, double upper, double confidence) {
    /**
     * Checks the ordering.
     *
     * @param estimate   the point estimate
     * @param lower      the lower end
     * @param upper      the upper end (may be infinite)
     * @param confidence the nominal coverage in \((0, 1)\)
     * @throws IllegalArgumentException if not \(0 \le\) lower \(\le\) estimate \(\le\) upper, or the
     *     confidence is not in \((0, 1)\)
     */
    public ErrorInterval {
        if (!(lower >= 0 && lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException(
                    "need 0 <= lower <= estimate <= upper, got " + lower + ", " + estimate + ", " + upper);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
    }

    /**
     * Whether the interval contains a value.
     *
     * @param value the value
     * @return {@code lower <= value <= upper}
     */
    public boolean contains(double value) {
        return lower <= value && value <= upper;
    }
}
