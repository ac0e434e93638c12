package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link GeneralizedNystrom}.
 *
 * @param rank               \(r \ge 1\): columns of the right sketch \(\Omega\) and the largest rank
 *     of the result (at most \(\min(m, n)\), checked by the driver)
 * @param rowSketchSize      \(\ell \ge r\): rows of the left sketch \(\Psi\) (capped at \(m\));
 *     default \(\lceil 1.5r\rceil\) [Nakatsukasa 2020, §4]
 * @param rightSketch        kind of sketch whose transpose is \(\Omega\); default Gaussian
 * @param leftSketch         kind of sketch \(\Psi\); default Gaussian
 * @param relativeTruncation \(\epsilon \ge 0\): singular values of \(\Psi A\Omega\) below
 *     \(\epsilon\sigma_1\) are dropped from the pseudo-inverse; default \(\max(\ell, r) \cdot
 *     2^{-52}\) (the usual pseudo-inverse cut-off)
 */
public record GeneralizedNystromOptions(
        int rank, int rowSketchSize, SketchFamily rightSketch, SketchFamily leftSketch, double relativeTruncation) {
    /**
     * Validates the options.
     *
     * @param rank               \(r \ge 1\): columns of the right sketch \(\Omega\) and the largest rank
     *     of the result (at most \(\min(m, n)\), checked by the driver)
     * @param rowSketchSize      \(\ell \ge r\): rows of the left sketch \(\Psi\) (capped at \(m\));
     *     default \(\lceil 1.5r\rceil\) [Nakatsukasa 2020, §4]
     * @param rightSketch        kind of sketch whose transpose is \(\Omega\); default Gaussian
     * @param leftSketch         kind of sketch \(\Psi\); default Gaussian
     * @param relativeTruncation \(\epsilon \ge 0\): singular values of \(\Psi A\Omega\) below
     *     \(\epsilon\sigma_1\) are dropped from the pseudo-inverse; default \(\max(\ell, r) \cdot
     *     2^{-52}\) (the usual pseudo-inverse cut-off)
     * @throws IllegalArgumentException if {@code rank < 1}, {@code rowSketchSize < rank}, or the
     *     truncation is negative, NaN or infinite
     * @throws NullPointerException     if a family is null
     */
    public GeneralizedNystromOptions {
        Require.positive("rank", rank);
        if (rowSketchSize < rank) {
            throw new IllegalArgumentException(
                    "rowSketchSize must be at least rank = " + rank + ", got " + rowSketchSize);
        }
        Objects.requireNonNull(rightSketch, "rightSketch");
        Objects.requireNonNull(leftSketch, "leftSketch");
        Require.nonNegative("relativeTruncation", relativeTruncation);
    }

    /**
     * A builder for rank \(r\) with the defaults.
     *
     * @param rank \(r \ge 1\)
     * @return a new builder
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static Builder builder(int rank) {
        return new Builder(Require.positive("rank", rank));
    }

    /** Builder of {@link GeneralizedNystromOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int rowSketchSize;
        private SketchFamily rightSketch = SketchFamily.gaussian();
        private SketchFamily leftSketch = SketchFamily.gaussian();
        private double relativeTruncation = Double.NaN;

        private Builder(int rank) {
            this.rank = rank;
            this.rowSketchSize = (int) Math.min(Integer.MAX_VALUE, (3L * rank + 1) / 2);
        }

        /**
         * Sets the rows of \(\Psi\) (default \(\lceil 1.5r\rceil\)).
         *
         * @param ell \(\ell \ge r\)
         * @return this builder
         */
        public Builder rowSketchSize(int ell) {
            this.rowSketchSize = ell;
            return this;
        }

        /**
         * Sets the right sketch family (default Gaussian).
         *
         * @param family the family
         * @return this builder
         */
        public Builder rightSketch(SketchFamily family) {
            this.rightSketch = family;
            return this;
        }

        /**
         * Sets the left sketch family (default Gaussian).
         *
         * @param family the family
         * @return this builder
         */
        public Builder leftSketch(SketchFamily family) {
            this.leftSketch = family;
            return this;
        }

        /**
         * Sets the relative truncation of the pseudo-inverse (default \(\max(\ell, r) \cdot
         * 2^{-52}\) for the final \(\ell\)).
         *
         * @param epsilon \(\epsilon \ge 0\)
         * @return this builder
         */
        public Builder relativeTruncation(double epsilon) {
            this.relativeTruncation = epsilon;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if a family is null
         */
        public GeneralizedNystromOptions build() {
            double eps =
                    Double.isNaN(relativeTruncation) ? Math.max(rowSketchSize, rank) * 0x1.0p-52 : relativeTruncation;
            return new GeneralizedNystromOptions(rank, rowSketchSize, rightSketch, leftSketch, eps);
        }
    }
}
