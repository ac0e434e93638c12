package dev.nla.tensor.solve;

import dev.nla.core.error.Require;

/**
 * Parameters of {@link TuckerGmres}.
 *
 * @param tolerance           relative residual target \(\text{tol} \gt 0\): the iteration stops
 *     when the Arnoldi residual satisfies \(\|r_k\| \le \text{tol}\,\|b\|\)
 * @param maxIterations       iteration cap \(\ge 1\) (no restarts: the Krylov basis holds up to
 *     {@code maxIterations + 1} Tucker tensors)
 * @param relaxation          \(c \gt 0\) in the relaxed rounding tolerance \(\delta_k =
 *     c\,\text{tol}/(\|r_k\|/\|b\|)\) of iteration \(k\) (default 0.01, as in the TT-GMRES of
 *     [Dolgov 2013] and [Al Daas et al. 2025]); inexact Krylov theory [Simoncini and Szyld 2003]
 *     allows the error of the \(k\)-th product to grow like \(1/\|r_k\|\)
 * @param finalRoundingFactor \(f \gt 0\): the solution \(\sum_i y_iV_i\) is rounded to
 *     \(f\,\text{tol}\) before and after the preconditioner solve (default 0.01)
 * @param maxRank             a cap on every rank of every rounded tensor, or 0 for none (default 0);
 *     required by the fixed-rank strategies, which truncate their sketch of \(\min(\text{maxRank},
 *     n_k)\) columns to the relaxed tolerance
 * @param trackTrueResidual   whether every iteration also forms the current iterate and evaluates
 *     its true residual \(\|\mathcal B - \mathcal A\mathcal X_k\|/\|\mathcal B\|\) in Tucker form
 *     (costly; the time is reported separately); the final true residual is always computed
 * @param residualCoreLimit   the largest dense core, in entries, of the projected norm that
 *     evaluates true residuals (default \(2^{26}\))
 */
public record TuckerGmresOptions(
        double tolerance,
        int maxIterations,
        double relaxation,
        double finalRoundingFactor,
        int maxRank,
        boolean trackTrueResidual,
        long residualCoreLimit) {
    /** Default {@link #residualCoreLimit()}: \(2^{26}\) entries (512 MiB of doubles). */
    public static final long DEFAULT_RESIDUAL_CORE_LIMIT = 1L << 26;

    /**
     * Validates the options.
     *
     * @param tolerance           positive and finite
     * @param maxIterations       \(\ge 1\)
     * @param relaxation          positive and finite
     * @param finalRoundingFactor positive and finite
     * @param maxRank             \(\ge 0\)
     * @param trackTrueResidual   whether to evaluate the true residual every iteration
     * @param residualCoreLimit   \(\ge 1\)
     * @throws IllegalArgumentException if a value is out of range (the message names it)
     */
    public TuckerGmresOptions {
        Require.positive("tolerance", tolerance);
        Require.positive("maxIterations", maxIterations);
        Require.positive("relaxation", relaxation);
        Require.positive("finalRoundingFactor", finalRoundingFactor);
        Require.nonNegative("maxRank", maxRank);
        if (residualCoreLimit < 1) {
            throw new IllegalArgumentException("residualCoreLimit must be at least 1, got " + residualCoreLimit);
        }
    }

    /**
     * A builder with the defaults: maxIterations 50, relaxation 0.01, final rounding factor 0.01, no
     * rank cap, true residual at the end only, residual core limit \(2^{26}\).
     *
     * @param tolerance the relative residual target, positive and finite
     * @return a new builder
     */
    public static Builder builder(double tolerance) {
        return new Builder(tolerance);
    }

    /**
     * The defaults for a tolerance (see {@link #builder(double)}).
     *
     * @param tolerance the relative residual target, positive and finite
     * @return the options
     * @throws IllegalArgumentException if {@code tolerance} is not positive and finite
     */
    public static TuckerGmresOptions defaults(double tolerance) {
        return builder(tolerance).build();
    }

    /** Builder of {@link TuckerGmresOptions}. */
    public static final class Builder {
        private final double tolerance;
        private int maxIterations = 50;
        private double relaxation = 0.01;
        private double finalRoundingFactor = 0.01;
        private int maxRank;
        private boolean trackTrueResidual;
        private long residualCoreLimit = DEFAULT_RESIDUAL_CORE_LIMIT;

        private Builder(double tolerance) {
            this.tolerance = tolerance;
        }

        /**
         * Sets the iteration cap.
         *
         * @param cap \(\ge 1\)
         * @return this builder
         */
        public Builder maxIterations(int cap) {
            this.maxIterations = cap;
            return this;
        }

        /**
         * Sets the relaxation constant \(c\).
         *
         * @param c positive and finite
         * @return this builder
         */
        public Builder relaxation(double c) {
            this.relaxation = c;
            return this;
        }

        /**
         * Sets the final rounding factor \(f\).
         *
         * @param f positive and finite
         * @return this builder
         */
        public Builder finalRoundingFactor(double f) {
            this.finalRoundingFactor = f;
            return this;
        }

        /**
         * Sets the rank cap.
         *
         * @param cap \(\ge 0\), 0 for none
         * @return this builder
         */
        public Builder maxRank(int cap) {
            this.maxRank = cap;
            return this;
        }

        /**
         * Sets whether every iteration evaluates its true residual.
         *
         * @param track the flag
         * @return this builder
         */
        public Builder trackTrueResidual(boolean track) {
            this.trackTrueResidual = track;
            return this;
        }

        /**
         * Sets the core limit of the true-residual evaluation.
         *
         * @param limit entries, \(\ge 1\)
         * @return this builder
         */
        public Builder residualCoreLimit(long limit) {
            this.residualCoreLimit = limit;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the validated options
         * @throws IllegalArgumentException if a value is out of range
         */
        public TuckerGmresOptions build() {
            return new TuckerGmresOptions(
                    tolerance,
                    maxIterations,
                    relaxation,
                    finalRoundingFactor,
                    maxRank,
                    trackTrueResidual,
                    residualCoreLimit);
        }
    }
}
