package dev.nla.sketch.lowrank;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link StreamingSvd}.
 *
 * @param rank       target rank \(r \ge 1\)
 * @param rangeSize  \(k \ge r\): columns of the range sketch \(Y = A\Omega\) and rows of the
 *     co-range sketch \(X = \Upsilon A\); default \(4r + 1\) [TYUC 2019, eq. (5.3)]
 * @param coreSize   \(s \ge k\): size of the core sketch \(Z = \Phi A\Psi^{\mathsf T}\); default \(2k +
 *     1\) [TYUC 2019, eq. (5.3)]
 * @param probes     \(q \ge 1\) rows of the Gaussian error sketch \(W = \Theta A\); default 10
 * @param testMatrix kind of the four dimension-reduction maps \(\Omega, \Upsilon, \Phi, \Psi\);
 *     default Gaussian (the error sketch \(\Theta\) is always Gaussian)
 * @param signs      sign convention of the result; default {@link SignConvention#U_MAX_ABS}
 */
public record StreamingSvdOptions(
        int rank, int rangeSize, int coreSize, int probes, SketchFamily testMatrix, SignConvention signs) {
    /**
     * Validates the options.
     *
     * @param rank       target rank \(r \ge 1\)
     * @param rangeSize  \(k \ge r\): columns of the range sketch \(Y = A\Omega\) and rows of the
     *     co-range sketch \(X = \Upsilon A\); default \(4r + 1\) [TYUC 2019, eq. (5.3)]
     * @param coreSize   \(s \ge k\): size of the core sketch \(Z = \Phi A\Psi^{\mathsf T}\); default \(2k +
     *     1\) [TYUC 2019, eq. (5.3)]
     * @param probes     \(q \ge 1\) rows of the Gaussian error sketch \(W = \Theta A\); default 10
     * @param testMatrix kind of the four dimension-reduction maps \(\Omega, \Upsilon, \Phi, \Psi\);
     *     default Gaussian (the error sketch \(\Theta\) is always Gaussian)
     * @param signs      sign convention of the result; default {@link SignConvention#U_MAX_ABS}
     * @throws IllegalArgumentException if {@code rank < 1}, {@code rangeSize < rank}, {@code coreSize
     *     < rangeSize} or {@code probes < 1}
     * @throws NullPointerException     if an object argument is null
     */
    public StreamingSvdOptions {
        Require.positive("rank", rank);
        if (rangeSize < rank) {
            throw new IllegalArgumentException("rangeSize must be at least rank = " + rank + ", got " + rangeSize);
        }
        if (coreSize < rangeSize) {
            throw new IllegalArgumentException(
                    "coreSize must be at least rangeSize = " + rangeSize + ", got " + coreSize);
        }
        Require.positive("probes", probes);
        Objects.requireNonNull(testMatrix, "testMatrix");
        Objects.requireNonNull(signs, "signs");
    }

    /**
     * A builder for rank \(r\) with the defaults \(k = 4r + 1\), \(s = 2k + 1\), 10 probes,
     * Gaussian maps.
     *
     * @param rank \(r \ge 1\)
     * @return a new builder
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static Builder builder(int rank) {
        return new Builder(Require.positive("rank", rank));
    }

    /** Builder of {@link StreamingSvdOptions}; every setter returns {@code this}. */
    public static final class Builder {
        private final int rank;
        private int rangeSize = -1;
        private int coreSize = -1;
        private int probes = 10;
        private SketchFamily testMatrix = SketchFamily.gaussian();
        private SignConvention signs = SignConvention.U_MAX_ABS;

        private Builder(int rank) {
            this.rank = rank;
        }

        /**
         * Sets \(k\) (default \(4r + 1\)).
         *
         * @param k \(k \ge r\)
         * @return this builder
         */
        public Builder rangeSize(int k) {
            this.rangeSize = Require.positive("rangeSize", k);
            return this;
        }

        /**
         * Sets \(s\) (default \(2k + 1\)).
         *
         * @param s \(s \ge k\)
         * @return this builder
         */
        public Builder coreSize(int s) {
            this.coreSize = Require.positive("coreSize", s);
            return this;
        }

        /**
         * Sets the number of error probes (default 10).
         *
         * @param q \(q \ge 1\)
         * @return this builder
         */
        public Builder probes(int q) {
            this.probes = q;
            return this;
        }

        /**
         * Sets the kind of the dimension-reduction maps (default Gaussian).
         *
         * @param family the family
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
        public StreamingSvdOptions build() {
            int k = rangeSize > 0 ? rangeSize : (int) Math.min(Integer.MAX_VALUE / 4, 4L * rank + 1);
            int s = coreSize > 0 ? coreSize : (int) Math.min(Integer.MAX_VALUE / 2, 2L * k + 1);
            return new StreamingSvdOptions(rank, k, s, probes, testMatrix, signs);
        }
    }
}
