package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link NystromformerAttention}.
 *
 * @param landmarks  number of segment-mean landmarks \(r \ge 1\) (default {@value
 *     #DEFAULT_LANDMARKS}); at most \(\min(n, m)\) at compute time
 * @param inverse    how \(\tilde A^+\) is computed (default {@link Inverse#NEWTON_SCHULZ})
 * @param iterations steps of the iterative inverse, \(\ge 1\) (default {@value #DEFAULT_ITERATIONS},
 *     the reference's choice); used by {@link Inverse#NEWTON_SCHULZ} only
 * @param rcond      relative cut-off \(\rho \in (0, 1)\) of {@link Inverse#RCOND} (default {@value
 *     #DEFAULT_RCOND}): singular values \(\le \rho\sigma_1\) are dropped
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record NystromformerOptions(int landmarks, Inverse inverse, int iterations, double rcond, Scaling scaling) {
    /** Default number of landmarks. */
    public static final int DEFAULT_LANDMARKS = 64;

    /** Default number of iterations of the iterative pseudo-inverse. */
    public static final int DEFAULT_ITERATIONS = 6;

    /** Default relative cut-off of {@link Inverse#RCOND}. */
    public static final double DEFAULT_RCOND = 1e-4;

    /** The choice of pseudo-inverse for the \(r \times r\) landmark matrix \(\tilde A\). */
    public enum Inverse {
        /**
         * The reference's truncated third-order iteration, \(Z_0 = \tilde A^{\mathsf T}/(\|\tilde
         * A\|_1\|\tilde A\|_\infty)\) with per-matrix norms, a fixed number of steps: a regularised
         * inverse, the most robust choice in the spec's prototype.
         */
        NEWTON_SCHULZ,
        /** SVD pseudo-inverse with the relative cut-off {@code rcond} ({@code nla-core PseudoInverse}). */
        RCOND,
        /**
         * SVD pseudo-inverse at rounding level (cut-off \(\max(r, r)\varepsilon\), {@code nla-core
         * PseudoInverse} defaults): the exact \(\tilde A^+\), unstable on badly conditioned \(\tilde A\).
         */
        SVD
    }

    /**
     * Validates the options.
     *
     * @param landmarks  \(r\)
     * @param inverse    the pseudo-inverse
     * @param iterations steps of the iteration
     * @param rcond      the cut-off
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code landmarks < 1}, {@code iterations < 1} or {@code
     *     rcond} is not in \((0, 1)\)
     * @throws NullPointerException     if {@code inverse} or {@code scaling} is null
     */
    public NystromformerOptions {
        Require.positive("landmarks", landmarks);
        Objects.requireNonNull(inverse, "inverse");
        Require.positive("iterations", iterations);
        if (!(rcond > 0 && rcond < 1)) {
            throw new IllegalArgumentException("rcond must be in (0, 1), got " + rcond);
        }
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The defaults with \(r\) landmarks: 6-step iterative inverse, scaling \(1/\sqrt d\).
     *
     * @param landmarks \(r \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code landmarks < 1}
     */
    public static NystromformerOptions of(int landmarks) {
        return new NystromformerOptions(
                landmarks, Inverse.NEWTON_SCHULZ, DEFAULT_ITERATIONS, DEFAULT_RCOND, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another pseudo-inverse.
     *
     * @param value the pseudo-inverse
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public NystromformerOptions withInverse(Inverse value) {
        return new NystromformerOptions(landmarks, value, iterations, rcond, scaling);
    }

    /**
     * These options with another number of iterations.
     *
     * @param value \(\ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code value < 1}
     */
    public NystromformerOptions withIterations(int value) {
        return new NystromformerOptions(landmarks, inverse, value, rcond, scaling);
    }

    /**
     * These options with another cut-off.
     *
     * @param value \(\rho \in (0, 1)\)
     * @return new options
     * @throws IllegalArgumentException if {@code value} is not in \((0, 1)\)
     */
    public NystromformerOptions withRcond(double value) {
        return new NystromformerOptions(landmarks, inverse, iterations, value, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param value the scaling
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public NystromformerOptions withScaling(Scaling value) {
        return new NystromformerOptions(landmarks, inverse, iterations, rcond, value);
    }
}
