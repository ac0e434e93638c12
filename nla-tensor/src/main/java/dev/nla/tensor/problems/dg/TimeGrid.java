package dev.nla.tensor.problems.dg;

import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * A uniform time grid \(t_n = n\Delta t\), \(n = 0, \dots, N\), with \(N\Delta t = T\) exactly.
 *
 * @param step  \(\Delta t \gt 0\)
 * @param steps \(N \ge 1\)
 */
public record TimeGrid(double step, int steps) {
    /**
     * Validates the grid.
     *
     * @param step  \(\Delta t\), positive and finite
     * @param steps \(N \ge 1\)
     * @throws IllegalArgumentException if a value is out of range
     */
    public TimeGrid {
        Require.positive("step", step);
        Require.positive("steps", steps);
    }

    /**
     * The grid reaching \(T\) in the fewest equal steps allowed by a rule: \(N = \lceil T/\Delta
     * t_{\max}\rceil\), \(\Delta t = T/N\).
     *
     * @param options    the discretization (\(k\), \(\Delta x\), \(a\))
     * @param finalTime  \(T \gt 0\), finite
     * @param courant    \(C \gt 0\), finite (see {@link TimeStepRule} for the stable range)
     * @param rule       the step rule
     * @return the grid
     * @throws NullPointerException     if {@code options} or {@code rule} is null
     * @throws IllegalArgumentException if {@code finalTime} or {@code courant} is not positive and
     *     finite, or the step count exceeds {@link Integer#MAX_VALUE}
     */
    public static TimeGrid of(DgOptions options, double finalTime, double courant, TimeStepRule rule) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(rule, "rule");
        Require.positive("finalTime", finalTime);
        Require.positive("courant", courant);
        double dx = options.cellWidth();
        double h = rule == TimeStepRule.CFL ? dx : Math.min(dx, Math.pow(dx, (options.degree() + 1) / 3.0));
        double maxStep = courant * h / (options.speed() * (2 * options.degree() + 1));
        double n = Math.ceil(finalTime / maxStep * (1 - 1e-14));
        if (n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("reaching T = " + finalTime + " needs " + n + " steps of at most "
                    + maxStep + ", more than " + Integer.MAX_VALUE);
        }
        int steps = (int) Math.max(1, n);
        return new TimeGrid(finalTime / steps, steps);
    }

    /**
     * The final time \(T = N\Delta t\).
     *
     * @return \(T\)
     */
    public double finalTime() {
        return step * steps;
    }
}
