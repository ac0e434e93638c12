package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.rangefinder.AdaptiveQbOptions;
import java.util.Objects;

/**
 * Options of {@link AdaptiveSvd}.
 *
 * @param tolerance       relative Frobenius tolerance \(\varepsilon \ge 0\), floored at \(100 \cdot
 *     2^{-52}\)
 * @param maxRank         the largest rank \(\ge 1\) (capped at \(\min(m, n)\)); default: no limit
 *     ({@link Integer#MAX_VALUE})
 * @param blockSize       columns added per step of the QB factorization (default 32)
 * @param powerIterations power iterations per block (default 1)
 * @param testMatrix      kind of sketch whose transpose is \(\Omega\) (default Gaussian)
 * @param probes          probes of the error estimate for matrix-free inputs (default 10)
 * @param signs           sign convention (default {@link SignConvention#U_MAX_ABS})
 */
public record AdaptiveSvdOptions(
        double tolerance,
        int maxRank,
        int blockSize,
        int powerIterations,
        SketchFamily testMatrix,
        int probes,
        SignConvention signs) {
    /**
     * Validates the options.
     *
     * @param tolerance       relative Frobenius tolerance \(\varepsilon \ge 0\), floored at \(100 \cdot
     *     2^{-52}\)
     * @param maxRank         the largest rank \(\ge 1\) (capped at \(\min(m, n)\)); default: no limit
     *     ({@link Integer#MAX_VALUE})
     * @param blockSize       columns added per step of the QB factorization (default 32)
     * @param powerIterations power iterations per block (default 1)
     * @param testMatrix      kind of sketch whose transpose is \(\Omega\) (default Gaussian)
     * @param probes          probes of the error estimate for matrix-free inputs (default 10)
     * @param signs           sign convention (default {@link SignConvention#U_MAX_ABS})
     * @throws IllegalArgumentException if the tolerance is negative, NaN or infinite, or a count is
     *     out of range
     * @throws NullPointerException     if an object argument is null
     */
    public AdaptiveSvdOptions {
        Require.nonNegative("tolerance", tolerance);
        Require.positive("maxRank", maxRank);
        Require.positive("blockSize", blockSize);
        Require.nonNegative("powerIterations", powerIterations);
        Objects.requireNonNull(testMatrix, "testMatrix");
        Require.positive("probes", probes);
        Objects.requireNonNull(signs, "signs");
    }

    /**
     * The options of the underlying QB factorization.
     *
     * @return the {@link AdaptiveQbOptions}
     */
    public AdaptiveQbOptions qbOptions() {
        return AdaptiveQbOptions.builder(tolerance)
                .blockSize(blockSize)
                .powerIterations(powerIterations)
                .testMatrix(testMatrix)
                .probes(probes)
                .build();
    }

    /**
     * A builder for the given tolerance with the defaults (no rank limit, blocks of 32, one power
     * iteration, Gaussian, 10 probes, {@link SignConvention#U_MAX_ABS}).
     *
     * @param tolerance \(\varepsilon \ge 0\)
     * @return a new builder
     */
    public static Builder builder(double tolerance) {
        return new Builder(tolerance);
    }

    /** Builder of {@link AdaptiveSvdOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final double tolerance;
        private int maxRank = Integer.MAX_VALUE;
        private int blockSize = 32;
        private int powerIterations = 1;
        private SketchFamily testMatrix = SketchFamily.gaussian();
        private int probes = 10;
        private SignConvention signs = SignConvention.U_MAX_ABS;

        private Builder(double tolerance) {
            this.tolerance = tolerance;
        }

        /**
         * Sets the largest rank (default: no limit).
         *
         * @param r \(r \ge 1\)
         * @return this builder
         */
        public Builder maxRank(int r) {
            this.maxRank = r;
            return this;
        }

        /**
         * Sets the block size (default 32).
         *
         * @param b \(b \ge 1\)
         * @return this builder
         */
        public Builder blockSize(int b) {
            this.blockSize = b;
            return this;
        }

        /**
         * Sets the power iterations per block (default 1).
         *
         * @param q \(q \ge 0\)
         * @return this builder
         */
        public Builder powerIterations(int q) {
            this.powerIterations = q;
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
         * Sets the number of probes for matrix-free inputs (default 10).
         *
         * @param s \(s \ge 1\)
         * @return this builder
         */
        public Builder probes(int s) {
            this.probes = s;
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
        public AdaptiveSvdOptions build() {
            return new AdaptiveSvdOptions(tolerance, maxRank, blockSize, powerIterations, testMatrix, probes, signs);
        }
    }
}
