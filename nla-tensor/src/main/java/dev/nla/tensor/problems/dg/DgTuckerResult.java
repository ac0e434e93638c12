package dev.nla.tensor.problems.dg;

import dev.nla.core.random.RngState;
import dev.nla.tensor.solve.TimeSplit;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Objects;

/**
 * The outcome of {@link DgTuckerSolver#solve}.
 *
 * @param solution       \(\mathcal U(T)\) in Tucker form, mode sizes those of the operator: \((k + 1,
 *     n_1, \dots, n_q)\) (quantized) or \((k + 1, N_e, n_a, n_\mu)\) (parametric)
 * @param steps          the number \(N\) of time steps
 * @param ranks          the ranks of \(\mathcal U^{n}\) after step \(n = 1, \dots, N\), one array
 *     per step
 * @param maxStageRanks  per step, the largest rank of the three rounded stages
 * @param roundingNanos  per step, the wall-clock time of its three roundings
 * @param integrals      \(\int_0^1 u_h\,dx\) (parametric operator: summed over the fibres) at
 *     \(t_0, \dots, t_N\) (\(t_0\) after the initial rounding), computed in Tucker form; the exact
 *     scheme conserves it, truncation need not
 * @param time           the time split of the whole run (apply = the operator \(L\); sum+round =
 *     all roundings including the initial one; monitor = the integrals)
 * @param next           the random state after the last rounding
 */
public record DgTuckerResult(
        TuckerTensor solution,
        int steps,
        int[][] ranks,
        int[] maxStageRanks,
        long[] roundingNanos,
        double[] integrals,
        TimeSplit time,
        RngState next) {
    /**
     * Validates and copies the components.
     *
     * @param solution      the solution
     * @param steps         \(N \ge 0\)
     * @param ranks         \(N\) arrays; copied
     * @param maxStageRanks \(N\) values; copied
     * @param roundingNanos \(N\) values; copied
     * @param integrals     \(N + 1\) values; copied
     * @param time          the time split
     * @param next          the next random state
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if a history length does not match {@code steps}
     */
    public DgTuckerResult {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(next, "next");
        int[][] r = new int[ranks.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = ranks[i].clone();
        }
        ranks = r;
        maxStageRanks = maxStageRanks.clone();
        roundingNanos = roundingNanos.clone();
        integrals = integrals.clone();
        if (steps < 0
                || ranks.length != steps
                || maxStageRanks.length != steps
                || roundingNanos.length != steps
                || integrals.length != steps + 1) {
            throw new IllegalArgumentException("inconsistent history lengths for " + steps + " steps");
        }
    }

    /**
     * The ranks after each step.
     *
     * @return a new array of \(N\) new arrays
     */
    @Override
    public int[][] ranks() {
        int[][] r = new int[ranks.length][];
        for (int i = 0; i < r.length; i++) {
            r[i] = ranks[i].clone();
        }
        return r;
    }

    /**
     * The largest stage rank per step.
     *
     * @return a new array of \(N\) values
     */
    @Override
    public int[] maxStageRanks() {
        return maxStageRanks.clone();
    }

    /**
     * The rounding time per step.
     *
     * @return a new array of \(N\) values, nanoseconds
     */
    @Override
    public long[] roundingNanos() {
        return roundingNanos.clone();
    }

    /**
     * The integral history.
     *
     * @return a new array of \(N + 1\) values
     */
    @Override
    public double[] integrals() {
        return integrals.clone();
    }
}
