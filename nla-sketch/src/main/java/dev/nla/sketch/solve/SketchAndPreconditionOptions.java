package dev.nla.sketch.solve;

import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link SketchAndPrecondition}. Build them with {@link #builder()}; every option has a
 * default.
 *
 * @param sketch         the kind of sketch \(S\); default {@link SketchFamily#sparseSign()} (\(\zeta
 *     = \min(8, d)\)): the sketch \(SA\) costs \(2\zeta mn\) flops in one pass over \(A\),
 *     independent of \(d\), and embeds like a Gaussian sketch [Martinsson and Tropp 2020, §9]
 * @param sketchFactor   \(\gamma \ge 1\): the sketch has \(d = \min(m, \lceil\gamma n\rceil)\) rows;
 *     default 4 (RandLAPACK's Blendenpik; Epperly's code and LSRN take 2, PARLA 3). The embedding
 *     distortion is about \(\varepsilon \approx 1/\sqrt\gamma\) (Marchenko–Pastur), the condition
 *     number of \(AN\) about \((1 + \varepsilon)/(1 - \varepsilon)\), 3 for \(\gamma = 4\) and 5.8
 *     for \(\gamma = 2\); LSQR then needs about 36 and 57 iterations for its \(10^{-14}\) tests (measured
 *     on \(4000 \times 100\) problems; 78 at \(\gamma = 1.5\), 25 at \(\gamma = 10\)). Larger \(\gamma\)
 *     costs \(2dn^2\) flops in the factorization and saves iterations of \(4mn\)
 * @param preconditioner how \(SA\) is factored; default {@link Factorization#QR} (Blendenpik); {@link
 *     Factorization#SVD} (LSRN) for rank-deficient \(A\)
 * @param rankTolerance  for {@link Factorization#SVD}: singular values \(\sigma_i \le
 *     \mathrm{rankTolerance}\cdot\sigma_1\) of \(SA\) are dropped; in \([0, 1)\); default
 *     \(10^{-12}\)
 * @param warmStart      whether LSQR starts from the sketch-and-solve solution (default {@code
 *     true}); from zero otherwise. The warm start is what makes the method forward stable
 *     [Meier, Nakatsukasa, Townsend and Webb 2023]: it costs nothing (the solution falls out of the
 *     factorization) and saves the iterations that would recover it
 * @param lsqr           the stopping rules of LSQR on the preconditioned operator \(AN\); default
 *     {@link LsqrOptions#preconditioned()} (tolerances \(10^{-14}\), at most 100 iterations)
 */
public record SketchAndPreconditionOptions(
        SketchFamily sketch,
        double sketchFactor,
        Factorization preconditioner,
        double rankTolerance,
        boolean warmStart,
        LsqrOptions lsqr) {
    /** Default {@link #sketchFactor()}. */
    public static final double DEFAULT_SKETCH_FACTOR = 4.0;

    /** Default {@link #rankTolerance()}. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-12;

    /**
     * Validates the options.
     *
     * @param sketch         the kind of sketch
     * @param sketchFactor   \(\gamma \ge 1\), finite
     * @param preconditioner QR or SVD
     * @param rankTolerance  in \([0, 1)\)
     * @param warmStart      whether to start from the sketch-and-solve solution
     * @param lsqr           LSQR's stopping rules
     * @throws NullPointerException     if an object argument is null
     * @throws IllegalArgumentException if {@code sketchFactor} is below 1, NaN or infinite, or
     *     {@code rankTolerance} is outside \([0, 1)\); the message names the value
     */
    public SketchAndPreconditionOptions {
        SketchedLeastSquares.sketch(sketch);
        SketchedLeastSquares.sketchFactor(sketchFactor);
        Objects.requireNonNull(preconditioner, "preconditioner");
        SketchedLeastSquares.rankTolerance(rankTolerance);
        Objects.requireNonNull(lsqr, "lsqr");
    }

    /**
     * The defaults: sparse sign sketch, \(\gamma = 4\), QR preconditioner, warm start, {@link
     * LsqrOptions#preconditioned()}.
     *
     * @return the options
     */
    public static SketchAndPreconditionOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.sketch = sketch;
        b.sketchFactor = sketchFactor;
        b.preconditioner = preconditioner;
        b.rankTolerance = rankTolerance;
        b.warmStart = warmStart;
        b.lsqr = lsqr;
        return b;
    }

    /** Builds {@link SketchAndPreconditionOptions}; unset options keep their defaults. */
    public static final class Builder {
        private SketchFamily sketch = SketchFamily.sparseSign();
        private double sketchFactor = DEFAULT_SKETCH_FACTOR;
        private Factorization preconditioner = Factorization.QR;
        private double rankTolerance = DEFAULT_RANK_TOLERANCE;
        private boolean warmStart = true;
        private LsqrOptions lsqr = LsqrOptions.preconditioned();

        private Builder() {}

        /**
         * Sets the kind of sketch.
         *
         * @param family the kind of sketch
         * @return this builder
         */
        public Builder sketch(SketchFamily family) {
            this.sketch = family;
            return this;
        }

        /**
         * Sets \(\gamma\) (\(d = \min(m, \lceil\gamma n\rceil)\)).
         *
         * @param gamma \(\gamma \ge 1\)
         * @return this builder
         */
        public Builder sketchFactor(double gamma) {
            this.sketchFactor = gamma;
            return this;
        }

        /**
         * Sets the factorization of \(SA\).
         *
         * @param f QR or SVD
         * @return this builder
         */
        public Builder preconditioner(Factorization f) {
            this.preconditioner = f;
            return this;
        }

        /**
         * Sets the relative singular-value cut-off of the SVD preconditioner.
         *
         * @param tolerance in \([0, 1)\)
         * @return this builder
         */
        public Builder rankTolerance(double tolerance) {
            this.rankTolerance = tolerance;
            return this;
        }

        /**
         * Sets whether LSQR starts from the sketch-and-solve solution.
         *
         * @param warm true for the sketch-and-solve start, false for zero
         * @return this builder
         */
        public Builder warmStart(boolean warm) {
            this.warmStart = warm;
            return this;
        }

        /**
         * Sets LSQR's stopping rules.
         *
         * @param options the rules
         * @return this builder
         */
        public Builder lsqr(LsqrOptions options) {
            this.lsqr = options;
            return this;
        }

        /**
         * The options.
         *
         * @return the validated options
         * @throws NullPointerException     if an object option was set to null
         * @throws IllegalArgumentException if a value is out of range (see the record)
         */
        public SketchAndPreconditionOptions build() {
            return new SketchAndPreconditionOptions(
                    sketch, sketchFactor, preconditioner, rankTolerance, warmStart, lsqr);
        }
    }
}
