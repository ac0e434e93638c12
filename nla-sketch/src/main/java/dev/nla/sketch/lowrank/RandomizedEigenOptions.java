package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import java.util.Objects;

/**
 * Options of {@link RandomizedEigen}.
 *
 * @param rank        target rank \(k \ge 1\) (at most \(n\), checked by the driver)
 * @param oversampling extra test vectors \(p \ge 0\), \(\ell = \min(k + p, n)\); default 10
 * @param rangeFinder options of the subspace iteration that finds the range; default {@link
 *     SubspaceIterationOptions#defaults()} (\(q = 2\), LU, Gaussian)
 * @param selection   which eigenpairs to keep; default {@link EigenSelection#LARGEST_MAGNITUDE}
 */
public record RandomizedEigenOptions(
        int rank, int oversampling, SubspaceIterationOptions rangeFinder, EigenSelection selection) {
    /**
     * Validates the options.
     *
     * @param rank        target rank \(k \ge 1\) (at most \(n\), checked by the driver)
     * @param oversampling extra test vectors \(p \ge 0\), \(\ell = \min(k + p, n)\); default 10
     * @param rangeFinder options of the subspace iteration that finds the range; default {@link
     *     SubspaceIterationOptions#defaults()} (\(q = 2\), LU, Gaussian)
     * @param selection   which eigenpairs to keep; default {@link EigenSelection#LARGEST_MAGNITUDE}
     * @throws IllegalArgumentException if {@code rank < 1} or {@code oversampling < 0}
     * @throws NullPointerException     if an object argument is null
     */
    public RandomizedEigenOptions {
        Require.positive("rank", rank);
        Require.nonNegative("oversampling", oversampling);
        Objects.requireNonNull(rangeFinder, "rangeFinder");
        Objects.requireNonNull(selection, "selection");
    }

    /**
     * A builder for target rank \(k\) with the defaults.
     *
     * @param rank \(k \ge 1\)
     * @return a new builder
     */
    public static Builder builder(int rank) {
        return new Builder(rank);
    }

    /** Builder of {@link RandomizedEigenOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int oversampling = RandomizedSvdOptions.DEFAULT_OVERSAMPLING;
        private SubspaceIterationOptions rangeFinder = SubspaceIterationOptions.defaults();
        private EigenSelection selection = EigenSelection.LARGEST_MAGNITUDE;

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
         * Sets the range finder options (default {@link SubspaceIterationOptions#defaults()}).
         *
         * @param options the options
         * @return this builder
         */
        public Builder rangeFinder(SubspaceIterationOptions options) {
            this.rangeFinder = options;
            return this;
        }

        /**
         * Sets the selection (default {@link EigenSelection#LARGEST_MAGNITUDE}).
         *
         * @param s the selection
         * @return this builder
         */
        public Builder selection(EigenSelection s) {
            this.selection = s;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if a value is null
         */
        public RandomizedEigenOptions build() {
            return new RandomizedEigenOptions(rank, oversampling, rangeFinder, selection);
        }
    }
}
