package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link Nystrom}.
 *
 * @param rank         target rank \(r \ge 1\) (at most \(n\), checked by the driver)
 * @param oversampling extra test vectors \(p \ge 0\): the sketch size is \(k = \min(r + p, n)\);
 *     default 10. The expected trace-norm error is within \(1 + r/(k - r - 1) = 1 + r/(p - 1)\) of
 *     optimal [TYUC NeurIPS 2017, Thm 4.1], so \(p \approx r\) gives a factor near 2
 * @param testMatrix   kind of sketch whose (orthonormalized) transpose is \(\Omega\); default
 *     Gaussian
 */
public record NystromOptions(int rank, int oversampling, SketchFamily testMatrix) {
    /**
     * Validates the options.
     *
     * @param rank         target rank \(r \ge 1\) (at most \(n\), checked by the driver)
     * @param oversampling extra test vectors \(p \ge 0\): the sketch size is \(k = \min(r + p, n)\);
     *     default 10. The expected trace-norm error is within \(1 + r/(k - r - 1) = 1 + r/(p - 1)\) of
     *     optimal [TYUC NeurIPS 2017, Thm 4.1], so \(p \approx r\) gives a factor near 2
     * @param testMatrix   kind of sketch whose (orthonormalized) transpose is \(\Omega\); default
     *     Gaussian
     * @throws IllegalArgumentException if {@code rank < 1} or {@code oversampling < 0}
     * @throws NullPointerException     if {@code testMatrix} is null
     */
    public NystromOptions {
        Require.positive("rank", rank);
        Require.nonNegative("oversampling", oversampling);
        Objects.requireNonNull(testMatrix, "testMatrix");
    }

    /**
     * A builder for target rank \(r\) with the defaults (\(p = 10\), Gaussian).
     *
     * @param rank \(r \ge 1\)
     * @return a new builder
     */
    public static Builder builder(int rank) {
        return new Builder(rank);
    }

    /** Builder of {@link NystromOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int oversampling = RandomizedSvdOptions.DEFAULT_OVERSAMPLING;
        private SketchFamily testMatrix = SketchFamily.gaussian();

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
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if the test matrix is null
         */
        public NystromOptions build() {
            return new NystromOptions(rank, oversampling, testMatrix);
        }
    }
}
