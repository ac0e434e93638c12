package dev.nla.attention;

import dev.nla.core.error.Require;

/**
 * The factor \(s\) applied to the scores, \(S = sQK^{\mathsf T}\): either the usual \(1/\sqrt d\)
 * (\(d\) = the key dimension, [Vaswani et al. 2017]) or a fixed value (e.g. \(1/\sqrt{d_h}\) kept by
 * a converted layer whose key dimension changed, or \(1\) when the inputs are already scaled).
 */
public sealed interface Scaling permits Scaling.InverseSqrtDimension, Scaling.Fixed {
    /**
     * The factor for key dimension \(d\).
     *
     * @param d the key dimension \(d \ge 1\)
     * @return \(s\), positive and finite
     */
    double factor(int d);

    /**
     * \(s = 1/\sqrt d\), the default of every method.
     *
     * @return the default scaling
     */
    static Scaling inverseSqrtDimension() {
        return InverseSqrtDimension.INSTANCE;
    }

    /**
     * A fixed factor.
     *
     * @param factor \(s \gt 0\), finite
     * @return the scaling
     * @throws IllegalArgumentException if {@code factor} is not positive and finite
     */
    static Scaling fixed(double factor) {
        return new Fixed(factor);
    }

    /** \(s = 1/\sqrt d\). */
    final class InverseSqrtDimension implements Scaling {
        static final InverseSqrtDimension INSTANCE = new InverseSqrtDimension();

        private InverseSqrtDimension() {}

        /**
         * \(1/\sqrt d\).
         *
         * @param d the key dimension \(d \ge 1\)
         * @return \(1/\sqrt d\)
         * @throws IllegalArgumentException if {@code d < 1}
         */
        @Override
        public double factor(int d) {
            Require.positive("d", d);
            return 1.0 / Math.sqrt(d);
        }

        /**
         * A description.
         *
         * @return {@code "1/sqrt(d)"}
         */
        @Override
        public String toString() {
            return "1/sqrt(d)";
        }
    }

    /**
     * A fixed factor.
     *
     * @param value \(s \gt 0\), finite
     */
    record Fixed(double value) implements Scaling {
        /**
         * Validates the factor.
         *
         * @param value \(s\)
         * @throws IllegalArgumentException if {@code value} is not positive and finite
         */
        public Fixed {
            Require.positive("scale factor", value);
        }

        /**
         * The fixed value, whatever \(d\).
         *
         * @param d the key dimension (unused)
         * @return {@link #value()}
         */
        @Override
        public double factor(int d) {
            return value;
        }
    }
}
