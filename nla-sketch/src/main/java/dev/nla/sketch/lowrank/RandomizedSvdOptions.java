package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.rangefinder.PowerIterations;
import dev.nla.sketch.rangefinder.Stabiliser;
import java.util.Objects;

/**
 * Options of {@link RandomizedSvd}.
 *
 * @param rank                   target rank \(k \ge 1\) (at most \(\min(m, n)\), checked by the driver)
 * @param oversampling           extra test vectors \(p \ge 0\): the sketch has \(\ell = \min(k + p,
 *     m, n)\) columns; default 10 (scikit-learn, R's {@code rsvd}); with \(p \ge 2\) the expected
 *     Frobenius error is within \((1 + k/(p-1))^{1/2}\) of optimal [HMT 2011, Thm 10.5]; raise it
 *     before the power iterations for noisy spectra (scikit-learn's advice)
 * @param powerIterations        \(q\), a count or {@link PowerIterations#AUTO}; default 2
 * @param stabiliser             stabiliser between passes; default {@link Stabiliser#LU}
 * @param passesPerStabilisation stabilise after every \(s\)-th pass, \(s \ge 1\); default 1
 * @param testMatrix             kind of sketch whose transpose is \(\Omega\); default Gaussian
 * @param signs                  sign convention of the singular vectors; default {@link
 *     SignConvention#U_MAX_ABS}
 */
public record RandomizedSvdOptions(
        int rank,
        int oversampling,
        PowerIterations powerIterations,
        Stabiliser stabiliser,
        int passesPerStabilisation,
        SketchFamily testMatrix,
        SignConvention signs) {
    /** Default oversampling \(p = 10\). */
    public static final int DEFAULT_OVERSAMPLING = 10;

    /**
     * Validates the options.
     *
     * @param rank                   target rank \(k \ge 1\) (at most \(\min(m, n)\), checked by the driver)
     * @param oversampling           extra test vectors \(p \ge 0\): the sketch has \(\ell = \min(k + p,
     *     m, n)\) columns; default 10 (scikit-learn, R's {@code rsvd}); with \(p \ge 2\) the expected
     *     Frobenius error is within \((1 + k/(p-1))^{1/2}\) of optimal [HMT 2011, Thm 10.5]; raise it
     *     before the power iterations for noisy spectra (scikit-learn's advice)
     * @param powerIterations        \(q\), a count or {@link PowerIterations#AUTO}; default 2
     * @param stabiliser             stabiliser between passes; default {@link Stabiliser#LU}
     * @param passesPerStabilisation stabilise after every \(s\)-th pass, \(s \ge 1\); default 1
     * @param testMatrix             kind of sketch whose transpose is \(\Omega\); default Gaussian
     * @param signs                  sign convention of the singular vectors; default {@link
     *     SignConvention#U_MAX_ABS}
     * @throws IllegalArgumentException if {@code rank < 1}, {@code oversampling < 0} or {@code
     *     passesPerStabilisation < 1}
     * @throws NullPointerException     if an object argument is null
     */
    public RandomizedSvdOptions {
        Require.positive("rank", rank);
        Require.nonNegative("oversampling", oversampling);
        Objects.requireNonNull(powerIterations, "powerIterations");
        Objects.requireNonNull(stabiliser, "stabiliser");
        Require.positive("passesPerStabilisation", passesPerStabilisation);
        Objects.requireNonNull(testMatrix, "testMatrix");
        Objects.requireNonNull(signs, "signs");
    }

    /**
     * A builder for target rank \(k\) with the defaults: \(p = 10\), \(q = 2\), LU after every pass,
     * Gaussian test matrix, {@link SignConvention#U_MAX_ABS}.
     *
     * @param rank \(k \ge 1\)
     * @return a new builder
     */
    public static Builder builder(int rank) {
        return new Builder(rank);
    }

    /**
     * These options with another number of power iterations.
     *
     * @param q \(q \ge 0\)
     * @return the new options
     * @throws IllegalArgumentException if {@code q < 0}
     */
    public RandomizedSvdOptions withPowerIterations(int q) {
        return new RandomizedSvdOptions(
                rank, oversampling, PowerIterations.of(q), stabiliser, passesPerStabilisation, testMatrix, signs);
    }

    /** Builder of {@link RandomizedSvdOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int oversampling = DEFAULT_OVERSAMPLING;
        private PowerIterations powerIterations = PowerIterations.of(2);
        private Stabiliser stabiliser = Stabiliser.LU;
        private int passesPerStabilisation = 1;
        private SketchFamily testMatrix = SketchFamily.gaussian();
        private SignConvention signs = SignConvention.U_MAX_ABS;

        private Builder(int rank) {
            this.rank = rank;
        }

        /**
         * Sets the oversampling (default 10).
         *
         * @param p \(p \ge 0\)
         * @return this builder
         */
        public Builder oversampling(int p) {
            this.oversampling = p;
            return this;
        }

        /**
         * Sets a fixed number of power iterations (default 2).
         *
         * @param q \(q \ge 0\)
         * @return this builder
         * @throws IllegalArgumentException if {@code q < 0}
         */
        public Builder powerIterations(int q) {
            this.powerIterations = PowerIterations.of(q);
            return this;
        }

        /**
         * Sets the number of power iterations, e.g. {@link PowerIterations#AUTO}.
         *
         * @param q the rule
         * @return this builder
         */
        public Builder powerIterations(PowerIterations q) {
            this.powerIterations = q;
            return this;
        }

        /**
         * Sets the stabiliser (default {@link Stabiliser#LU}).
         *
         * @param s the stabiliser
         * @return this builder
         */
        public Builder stabiliser(Stabiliser s) {
            this.stabiliser = s;
            return this;
        }

        /**
         * Sets how often to stabilise (default 1: after every pass).
         *
         * @param s \(s \ge 1\)
         * @return this builder
         */
        public Builder passesPerStabilisation(int s) {
            this.passesPerStabilisation = s;
            return this;
        }

        /**
         * Sets the kind of test matrix (default Gaussian).
         *
         * @param family the sketch family
         * @return this builder
         */
        public Builder testMatrix(SketchFamily family) {
            this.testMatrix = family;
            return this;
        }

        /**
         * Sets the sign convention (default {@link SignConvention#U_MAX_ABS}).
         *
         * @param s the convention
         * @return this builder
         */
        public Builder signs(SignConvention s) {
            this.signs = s;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if a value is null
         */
        public RandomizedSvdOptions build() {
            return new RandomizedSvdOptions(
                    rank, oversampling, powerIterations, stabiliser, passesPerStabilisation, testMatrix, signs);
        }
    }
}
