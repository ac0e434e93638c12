package dev.nla.sketch.rangefinder;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link AdaptiveQb}.
 *
 * @param tolerance       relative Frobenius tolerance \(\varepsilon \ge 0\): stop when \(\|A -
 *     QB\|_F \le \max(\varepsilon, 100\,\epsilon_{\mathrm{mach}})\,\|A\|_F\) (\(\epsilon_{\mathrm{mach}}
 *     = 2^{-52}\); the floor is RandLAPACK's)
 * @param blockSize       \(b \ge 1\): columns added per step (default 32; 32–64 amortise the passes
 *     while overshooting the rank by less than a block)
 * @param powerIterations \(q \ge 0\) power iterations per block (default 1)
 * @param testMatrix      the kind of sketch whose transpose is \(\Omega\) (default Gaussian)
 * @param probes          \(s \ge 1\) Gaussian probes of the error estimate for matrix-free inputs
 *     (default 10; relative standard deviation of \(E^2\) at most \(\sqrt{2/s}\)); unused for explicit
 *     matrices
 */
public record AdaptiveQbOptions(
        double tolerance, int blockSize, int powerIterations, SketchFamily testMatrix, int probes) {
    /** The floor of the relative tolerance: \(100 \cdot 2^{-52}\). */
    public static final double TOLERANCE_FLOOR = 100 * 0x1.0p-52;

    /**
     * Validates the options.
     *
     * @param tolerance       relative Frobenius tolerance \(\varepsilon \ge 0\): stop when \(\|A -
     *     QB\|_F \le \max(\varepsilon, 100\,\epsilon_{\mathrm{mach}})\,\|A\|_F\) (\(\epsilon_{\mathrm{mach}}
     *     = 2^{-52}\); the floor is RandLAPACK's)
     * @param blockSize       \(b \ge 1\): columns added per step (default 32; 32–64 amortise the passes
     *     while overshooting the rank by less than a block)
     * @param powerIterations \(q \ge 0\) power iterations per block (default 1)
     * @param testMatrix      the kind of sketch whose transpose is \(\Omega\) (default Gaussian)
     * @param probes          \(s \ge 1\) Gaussian probes of the error estimate for matrix-free inputs
     *     (default 10; relative standard deviation of \(E^2\) at most \(\sqrt{2/s}\)); unused for explicit
     *     matrices
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite, or {@code
     *     blockSize < 1}, {@code powerIterations < 0} or {@code probes < 1}
     * @throws NullPointerException     if {@code testMatrix} is null
     */
    public AdaptiveQbOptions {
        Require.nonNegative("tolerance", tolerance);
        Require.positive("blockSize", blockSize);
        Require.nonNegative("powerIterations", powerIterations);
        Objects.requireNonNull(testMatrix, "testMatrix");
        Require.positive("probes", probes);
    }

    /**
     * The tolerance actually used: \(\max(\varepsilon, 100 \cdot 2^{-52})\).
     *
     * @return the effective relative tolerance
     */
    public double effectiveTolerance() {
        return Math.max(tolerance, TOLERANCE_FLOOR);
    }

    /**
     * A builder for the given tolerance, with the defaults \(b = 32\), \(q = 1\), Gaussian test
     * matrix, 10 probes.
     *
     * @param tolerance relative Frobenius tolerance \(\varepsilon \ge 0\)
     * @return a new builder
     */
    public static Builder builder(double tolerance) {
        return new Builder(tolerance);
    }

    /** Builder of {@link AdaptiveQbOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final double tolerance;
        private int blockSize = 32;
        private int powerIterations = 1;
        private SketchFamily testMatrix = SketchFamily.gaussian();
        private int probes = 10;

        private Builder(double tolerance) {
            this.tolerance = tolerance;
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
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if the test matrix is null
         */
        public AdaptiveQbOptions build() {
            return new AdaptiveQbOptions(tolerance, blockSize, powerIterations, testMatrix, probes);
        }
    }
}
