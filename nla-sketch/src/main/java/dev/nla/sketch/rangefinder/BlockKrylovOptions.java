package dev.nla.sketch.rangefinder;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link BlockKrylov}.
 *
 * @param depth      \(d \ge 0\): the basis spans \(\{A\Omega, (AA^{\mathsf T})A\Omega, \dots,
 *     (AA^{\mathsf T})^dA\Omega\}\), \(2d + 2\) passes over \(A\) (default 2, the passes of a subspace
 *     iteration with \(q = 2\))
 * @param tolerance  relative Frobenius tolerance \(\varepsilon \ge 0\); 0 (the default) disables the
 *     early stop; a positive value stops once \(\|A - QB\|_F \le \max(\varepsilon, 100 \cdot
 *     2^{-52})\|A\|_F\) and cuts the last block as {@link AdaptiveQb} does
 * @param testMatrix the kind of sketch whose transpose is \(\Omega\) (default Gaussian)
 * @param probes     Gaussian probes of the error estimate for matrix-free inputs with a positive
 *     tolerance (default 10)
 */
public record BlockKrylovOptions(int depth, double tolerance, SketchFamily testMatrix, int probes) {
    /**
     * Validates the options.
     *
     * @param depth      \(d \ge 0\): the basis spans \(\{A\Omega, (AA^{\mathsf T})A\Omega, \dots,
     *     (AA^{\mathsf T})^dA\Omega\}\), \(2d + 2\) passes over \(A\) (default 2, the passes of a subspace
     *     iteration with \(q = 2\))
     * @param tolerance  relative Frobenius tolerance \(\varepsilon \ge 0\); 0 (the default) disables the
     *     early stop; a positive value stops once \(\|A - QB\|_F \le \max(\varepsilon, 100 \cdot
     *     2^{-52})\|A\|_F\) and cuts the last block as {@link AdaptiveQb} does
     * @param testMatrix the kind of sketch whose transpose is \(\Omega\) (default Gaussian)
     * @param probes     Gaussian probes of the error estimate for matrix-free inputs with a positive
     *     tolerance (default 10)
     * @throws IllegalArgumentException if {@code depth < 0}, the tolerance is negative, NaN or
     *     infinite, or {@code probes < 1}
     * @throws NullPointerException     if {@code testMatrix} is null
     */
    public BlockKrylovOptions {
        Require.nonNegative("depth", depth);
        Require.nonNegative("tolerance", tolerance);
        Objects.requireNonNull(testMatrix, "testMatrix");
        Require.positive("probes", probes);
    }

    /**
     * The defaults: depth 2, no tolerance, Gaussian test matrix, 10 probes.
     *
     * @return the default options
     */
    public static BlockKrylovOptions defaults() {
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

    /** Builder of {@link BlockKrylovOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private int depth = 2;
        private double tolerance = 0;
        private SketchFamily testMatrix = SketchFamily.gaussian();
        private int probes = 10;

        private Builder() {}

        /**
         * Sets the Krylov depth (default 2).
         *
         * @param d \(d \ge 0\)
         * @return this builder
         */
        public Builder depth(int d) {
            this.depth = d;
            return this;
        }

        /**
         * Sets the relative tolerance (default 0: none).
         *
         * @param tol \(\varepsilon \ge 0\)
         * @return this builder
         */
        public Builder tolerance(double tol) {
            this.tolerance = tol;
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
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if the test matrix is null
         */
        public BlockKrylovOptions build() {
            return new BlockKrylovOptions(depth, tolerance, testMatrix, probes);
        }
    }
}
