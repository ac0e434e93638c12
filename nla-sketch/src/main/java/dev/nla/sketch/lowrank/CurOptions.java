package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import java.util.Objects;

/**
 * Options of {@link Cur}.
 *
 * @param rank         \(k \ge 1\): number of columns and of rows (at most \(\min(m, n)\), checked by
 *     the driver)
 * @param selection    how columns and rows are chosen; default {@link CurSelection#INTERPOLATIVE}
 * @param oversampling extra test vectors \(p \ge 0\) of the sketch or randomized SVD; default 10
 * @param rangeFinder  the subspace iteration behind the sketch or randomized SVD; default {@link
 *     InterpolativeOptions#defaultRangeFinder()} (one power iteration, LU, Gaussian)
 */
public record CurOptions(int rank, CurSelection selection, int oversampling, SubspaceIterationOptions rangeFinder) {
    /**
     * Validates the options.
     *
     * @param rank         \(k \ge 1\): number of columns and of rows (at most \(\min(m, n)\), checked by
     *     the driver)
     * @param selection    how columns and rows are chosen; default {@link CurSelection#INTERPOLATIVE}
     * @param oversampling extra test vectors \(p \ge 0\) of the sketch or randomized SVD; default 10
     * @param rangeFinder  the subspace iteration behind the sketch or randomized SVD; default {@link
     *     InterpolativeOptions#defaultRangeFinder()} (one power iteration, LU, Gaussian)
     * @throws IllegalArgumentException if {@code rank < 1} or {@code oversampling < 0}
     * @throws NullPointerException     if an object argument is null
     */
    public CurOptions {
        Require.positive("rank", rank);
        Objects.requireNonNull(selection, "selection");
        Require.nonNegative("oversampling", oversampling);
        Objects.requireNonNull(rangeFinder, "rangeFinder");
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

    /** Builder of {@link CurOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private CurSelection selection = CurSelection.INTERPOLATIVE;
        private int oversampling = RandomizedSvdOptions.DEFAULT_OVERSAMPLING;
        private SubspaceIterationOptions rangeFinder = InterpolativeOptions.defaultRangeFinder();

        private Builder(int rank) {
            this.rank = rank;
        }

        /**
         * Sets the selection (default {@link CurSelection#INTERPOLATIVE}).
         *
         * @param s the selection
         * @return this builder
         */
        public Builder selection(CurSelection s) {
            this.selection = s;
            return this;
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
         * Sets the range finder options.
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
        public CurOptions build() {
            return new CurOptions(rank, selection, oversampling, rangeFinder);
        }
    }
}
