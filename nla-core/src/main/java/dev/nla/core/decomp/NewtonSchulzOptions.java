package dev.nla.core.decomp;

import dev.nla.core.error.Require;

/**
 * Tuning parameters of {@link NewtonSchulzPseudoInverse}.
 *
 * @param maxIterations iteration cap \(k_{\max} \ge 1\); the iteration needs about \(\log_2
 *     \kappa^2 + \log_2\log_2(1/\text{tol})\) steps for a condition number \(\kappa\), so the
 *     default 100 covers \(\kappa\) up to about \(10^{13}\)
 * @param tolerance     convergence threshold \(\text{tol} \gt 0\) on the relative change
 *     \(\|X_{k+1} - X_k\|_F \le \text{tol}\,\|X_{k+1}\|_F\); rounding limits the attainable change
 *     to about \(\kappa\,\varepsilon\), so use \(\text{tol} \gt \kappa\varepsilon\)
 */
public record NewtonSchulzOptions(int maxIterations, double tolerance) {
    /**
     * Validates the parameters.
     *
     * @param maxIterations iteration cap, {@code >= 1}
     * @param tolerance     relative-change threshold, positive and finite
     * @throws IllegalArgumentException if {@code maxIterations < 1} or {@code tolerance} is not
     *     positive and finite
     */
    public NewtonSchulzOptions {
        Require.positive("maxIterations", maxIterations);
        Require.finite("tolerance", tolerance);
        Require.positive("tolerance", tolerance);
    }

    /**
     * Defaults: {@code maxIterations = 100}, {@code tolerance = 1e-10}.
     *
     * @return the default options
     */
    public static NewtonSchulzOptions defaults() {
        return new NewtonSchulzOptions(100, 1e-10);
    }

    /**
     * The same options with another iteration cap.
     *
     * @param cap the new cap, {@code >= 1}
     * @return new options
     * @throws IllegalArgumentException if {@code cap < 1}
     */
    public NewtonSchulzOptions withMaxIterations(int cap) {
        return new NewtonSchulzOptions(cap, tolerance);
    }

    /**
     * The same options with another tolerance.
     *
     * @param tol the new tolerance, positive and finite
     * @return new options
     * @throws IllegalArgumentException if {@code tol} is not positive and finite
     */
    public NewtonSchulzOptions withTolerance(double tol) {
        return new NewtonSchulzOptions(maxIterations, tol);
    }
}
