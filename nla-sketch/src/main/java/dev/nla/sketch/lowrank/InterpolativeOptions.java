package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.rangefinder.Stabiliser;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import java.util.Objects;

/**
 * Options of {@link InterpolativeDecomposition} and of the sketch behind {@link Cur}.
 *
 * @param rank         target rank \(k \ge 1\) (at most \(\min(m, n)\), checked by the driver)
 * @param oversampling extra test vectors \(p \ge 0\), \(\ell = \min(k + p, m, n)\); default 10
 * @param rangeFinder  the subspace iteration that sketches \(A\); default one power iteration, LU,
 *     Gaussian: one iteration (two extra passes) makes the skeleton follow the dominant singular
 *     subspace on slowly decaying spectra
 */
public record InterpolativeOptions(int rank, int oversampling, SubspaceIterationOptions rangeFinder) {
    /**
     * Validates the options.
     *
     * @param rank         target rank \(k \ge 1\) (at most \(\min(m, n)\), checked by the driver)
     * @param oversampling extra test vectors \(p \ge 0\), \(\ell = \min(k + p, m, n)\); default 10
     * @param rangeFinder  the subspace iteration that sketches \(A\); default one power iteration, LU,
     *     Gaussian: one iteration (two extra passes) makes the skeleton follow the dominant singular
     *     subspace on slowly decaying spectra
     * @throws IllegalArgumentException if {@code rank < 1} or {@code oversampling < 0}
     * @throws NullPointerException     if {@code rangeFinder} is null
     */
    public InterpolativeOptions {
        Require.positive("rank", rank);
        Require.nonNegative("oversampling", oversampling);
        Objects.requireNonNull(rangeFinder, "rangeFinder");
    }

    /**
     * The default sketch: one power iteration, LU after every pass, Gaussian.
     *
     * @return the range finder options
     */
    public static SubspaceIterationOptions defaultRangeFinder() {
        return SubspaceIterationOptions.builder()
                .powerIterations(1)
                .stabiliser(Stabiliser.LU)
                .build();
    }

    /**
     * A builder for rank \(k\) with the defaults.
     *
     * @param rank \(k \ge 1\)
     * @return a new builder
     */
    public static Builder builder(int rank) {
        return new Builder(rank);
    }

    /** Builder of {@link InterpolativeOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int oversampling = RandomizedSvdOptions.DEFAULT_OVERSAMPLING;
        private SubspaceIterationOptions rangeFinder = defaultRangeFinder();

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
         * Sets the range finder options (default {@link #defaultRangeFinder()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder rangeFinder(SubspaceIterationOptions options) {
            this.rangeFinder = options;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if a value is null
         */
        public InterpolativeOptions build() {
            return new InterpolativeOptions(rank, oversampling, rangeFinder);
        }
    }
}
