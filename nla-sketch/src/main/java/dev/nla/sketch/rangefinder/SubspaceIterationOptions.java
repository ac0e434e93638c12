package dev.nla.sketch.rangefinder;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.Sketches;
import java.util.Objects;

/**
 * Options of {@link SubspaceIteration}.
 *
 * @param powerIterations        \(q \ge 0\): the basis spans \((AA^{\mathsf T})^qA\Omega\); each
 *     iteration costs two passes over \(A\) and damps the tail by a factor
 *     \((\sigma_{j}/\sigma_k)^{2}\) [HMT 2011, §4.5]
 * @param stabiliser             what stabilises the blocks between passes ({@link
 *     Stabiliser#AUTO} is resolved for \(q\))
 * @param passesPerStabilisation \(s \ge 1\): the block is stabilised after every \(s\)-th pass
 *     (RandLAPACK's {@code passes_per_stab}); 1 stabilises after every pass, \(s \ge 2q + 1\) never
 * @param testMatrix             the kind of sketch whose transpose is \(\Omega\)
 */
public record SubspaceIterationOptions(
        int powerIterations, Stabiliser stabiliser, int passesPerStabilisation, SketchFamily testMatrix) {
    /** Default \(q\): 2, as PyTorch's {@code svd_lowrank} and R's {@code rsvd} [HMT 2011, §4.5]. */
    public static final int DEFAULT_POWER_ITERATIONS = 2;

    /**
     * Validates the options.
     *
     * @param powerIterations        \(q \ge 0\): the basis spans \((AA^{\mathsf T})^qA\Omega\); each
     *     iteration costs two passes over \(A\) and damps the tail by a factor
     *     \((\sigma_{j}/\sigma_k)^{2}\) [HMT 2011, §4.5]
     * @param stabiliser             what stabilises the blocks between passes ({@link
     *     Stabiliser#AUTO} is resolved for \(q\))
     * @param passesPerStabilisation \(s \ge 1\): the block is stabilised after every \(s\)-th pass
     *     (RandLAPACK's {@code passes_per_stab}); 1 stabilises after every pass, \(s \ge 2q + 1\) never
     * @param testMatrix             the kind of sketch whose transpose is \(\Omega\)
     * @throws IllegalArgumentException if {@code powerIterations < 0} or {@code passesPerStabilisation
     *     < 1}
     * @throws NullPointerException     if {@code stabiliser} or {@code testMatrix} is null
     */
    public SubspaceIterationOptions {
        Require.nonNegative("powerIterations", powerIterations);
        Objects.requireNonNull(stabiliser, "stabiliser");
        Require.positive("passesPerStabilisation", passesPerStabilisation);
        Objects.requireNonNull(testMatrix, "testMatrix");
    }

    /**
     * The defaults: \(q = 2\), {@link Stabiliser#LU} after every pass (cheap, and keeps every
     * direction above \(u\sigma_1\) for any \(q\)), Gaussian test matrix ({@link
     * Sketches#forRangeFinder}).
     *
     * @return the default options
     */
    public static SubspaceIterationOptions defaults() {
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

    /** Builder of {@link SubspaceIterationOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private int powerIterations = DEFAULT_POWER_ITERATIONS;
        private Stabiliser stabiliser = Stabiliser.LU;
        private int passesPerStabilisation = 1;
        private SketchFamily testMatrix = SketchFamily.gaussian();

        private Builder() {}

        /**
         * Sets \(q\) (default 2).
         *
         * @param q \(q \ge 0\)
         * @return this builder
         */
        public Builder powerIterations(int q) {
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
         * Builds the options.
         *
         * @return the options
         * @throws IllegalArgumentException if a value is out of range
         * @throws NullPointerException     if a value is null
         */
        public SubspaceIterationOptions build() {
            return new SubspaceIterationOptions(powerIterations, stabiliser, passesPerStabilisation, testMatrix);
        }
    }
}
