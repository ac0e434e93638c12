package dev.nla.tensor.sum;

import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Tuning parameters of the summation strategies. Each strategy reads only the fields it needs;
 * the target (ranks and/or tolerance) is passed per call as a {@link
 * dev.nla.tensor.decomp.Truncation}.
 *
 * @param oversampling      \(p \ge 0\): the sketched strategies use \(\ell = \max_k t_k + p\) sketch
 *     columns (default 10; [HMT 2011, §4.2] suggests 5–10)
 * @param sizeLimit         the largest dense object, in entries, that {@link
 *     SummationStrategy#DIRECT} (the full \(\prod_k n_k\) tensor) and {@link
 *     SummationStrategy#FORMAL_QR_ROUNDING} (the \(\prod_k \min(n_k, R_k)\) core) may allocate; above
 *     it they throw {@link dev.nla.core.error.SizeLimitExceededException} before allocating
 *     (default \(2^{27}\), 1 GiB of doubles)
 * @param coreSketchRatio   {@link SummationStrategy#ONE_PASS}: the core sketch has \(m_k =
 *     \min(n_k, \lceil\rho\,\ell\rceil + 1)\) rows per mode, \(\rho \ge 1\) (default 2: \(m = 2\ell +
 *     1\) as recommended by [Sun et al. 2020])
 * @param incrementFraction {@link SummationStrategy#ADAPTIVE}: block size \(b = \max(1, \lfloor f
 *     R_k\rfloor)\) of new basis vectors per step, \(0 \lt f \le 1\) (default 0.05)
 * @param minSamples        {@link SummationStrategy#ADAPTIVE}: at least \(m_0 \ge 1\) fresh test
 *     columns per error estimate (default 20)
 * @param normEstimate      {@link SummationStrategy#ADAPTIVE}: how \(\|\mathcal X\|\) is obtained
 *     (default {@link NormEstimate#AUTO})
 */
public record SummationOptions(
        int oversampling,
        long sizeLimit,
        double coreSketchRatio,
        double incrementFraction,
        int minSamples,
        NormEstimate normEstimate) {
    /** Default {@link #sizeLimit()}: \(2^{27}\) entries. */
    public static final long DEFAULT_SIZE_LIMIT = 1L << 27;

    /**
     * Validates the options.
     *
     * @param oversampling      \(p \ge 0\)
     * @param sizeLimit         at least 1
     * @param coreSketchRatio   \(\rho \ge 1\), finite
     * @param incrementFraction \(0 \lt f \le 1\)
     * @param minSamples        \(m_0 \ge 1\)
     * @param normEstimate      the norm method
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     * @throws NullPointerException     if {@code normEstimate} is null
     */
    public SummationOptions {
        Require.nonNegative("oversampling", oversampling);
        if (sizeLimit < 1) {
            throw new IllegalArgumentException("sizeLimit must be at least 1, got " + sizeLimit);
        }
        if (!(coreSketchRatio >= 1) || Double.isInfinite(coreSketchRatio)) {
            throw new IllegalArgumentException("coreSketchRatio must be finite and >= 1, got " + coreSketchRatio);
        }
        if (!(incrementFraction > 0 && incrementFraction <= 1)) {
            throw new IllegalArgumentException("incrementFraction must be in (0, 1], got " + incrementFraction);
        }
        Require.positive("minSamples", minSamples);
        Objects.requireNonNull(normEstimate, "normEstimate");
    }

    /**
     * The defaults: \(p = 10\), size limit \(2^{27}\), \(\rho = 2\), \(f = 0.05\), \(m_0 = 20\),
     * {@link NormEstimate#AUTO}.
     *
     * @return the default options
     */
    public static SummationOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * These options with another oversampling.
     *
     * @param p \(p \ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code p < 0}
     */
    public SummationOptions withOversampling(int p) {
        return new SummationOptions(p, sizeLimit, coreSketchRatio, incrementFraction, minSamples, normEstimate);
    }

    /**
     * These options with another size limit.
     *
     * @param limit at least 1
     * @return new options
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public SummationOptions withSizeLimit(long limit) {
        return new SummationOptions(oversampling, limit, coreSketchRatio, incrementFraction, minSamples, normEstimate);
    }

    /** Builder of {@link SummationOptions}; starts from the defaults. */
    public static final class Builder {
        private int oversampling = 10;
        private long sizeLimit = DEFAULT_SIZE_LIMIT;
        private double coreSketchRatio = 2.0;
        private double incrementFraction = 0.05;
        private int minSamples = 20;
        private NormEstimate normEstimate = NormEstimate.AUTO;

        private Builder() {}

        /**
         * Sets the oversampling.
         *
         * @param p \(p \ge 0\)
         * @return this builder
         */
        public Builder oversampling(int p) {
            this.oversampling = p;
            return this;
        }

        /**
         * Sets the size limit of the deterministic strategies.
         *
         * @param limit entries, at least 1
         * @return this builder
         */
        public Builder sizeLimit(long limit) {
            this.sizeLimit = limit;
            return this;
        }

        /**
         * Sets the core-sketch ratio of {@link SummationStrategy#ONE_PASS}.
         *
         * @param ratio \(\rho \ge 1\)
         * @return this builder
         */
        public Builder coreSketchRatio(double ratio) {
            this.coreSketchRatio = ratio;
            return this;
        }

        /**
         * Sets the block fraction of {@link SummationStrategy#ADAPTIVE}.
         *
         * @param fraction \(0 \lt f \le 1\)
         * @return this builder
         */
        public Builder incrementFraction(double fraction) {
            this.incrementFraction = fraction;
            return this;
        }

        /**
         * Sets the minimum number of test columns of {@link SummationStrategy#ADAPTIVE}.
         *
         * @param samples \(m_0 \ge 1\)
         * @return this builder
         */
        public Builder minSamples(int samples) {
            this.minSamples = samples;
            return this;
        }

        /**
         * Sets how {@link SummationStrategy#ADAPTIVE} obtains the norm.
         *
         * @param method the method
         * @return this builder
         */
        public Builder normEstimate(NormEstimate method) {
            this.normEstimate = method;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the validated options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if the norm method is null
         */
        public SummationOptions build() {
            return new SummationOptions(
                    oversampling, sizeLimit, coreSketchRatio, incrementFraction, minSamples, normEstimate);
        }
    }
}
