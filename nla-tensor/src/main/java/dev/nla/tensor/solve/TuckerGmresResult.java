package dev.nla.tensor.solve;

import dev.nla.core.random.RngState;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.Objects;

/**
 * The outcome of {@link TuckerGmres#solve}. Non-convergence within the iteration cap is reported
 * here ({@link #converged()} is false), never thrown.
 *
 * @param solution          the rounded approximate solution \(\tilde{\mathcal X}\)
 * @param converged         whether the Arnoldi residual reached \(\text{tol}\,\|\mathcal B\|\)
 * @param iterations        the number \(k\) of Arnoldi steps taken
 * @param residualEstimates the Arnoldi residuals \(\|r_i\|/\|\mathcal B\|\), \(i = 0, \dots, k\)
 *     (\(\|r_0\| = \|\mathcal B\|\))
 * @param trueResiduals     the true relative residuals \(\|\mathcal B - \mathcal A\mathcal
 *     X_i\|/\|\mathcal B\|\) of the iterates \(i = 1, \dots, k\), evaluated in Tucker form, if
 *     tracking was requested; otherwise empty
 * @param finalTrueResidual \(\|\mathcal B - \mathcal A\tilde{\mathcal X}\|/\|\mathcal B\|\) of the
 *     returned solution, evaluated in Tucker form (projected norm, accurate under cancellation)
 * @param krylovRanks       the ranks of the Krylov tensors \(\mathcal V_1, \dots, \mathcal V_k\)
 *     after rounding, one array per iteration
 * @param maxRanks          per iteration, the largest rank of the two rounded tensors (the product
 *     \(\mathcal A\mathcal P^{-1}\mathcal V_{i-1}\) and the orthogonalized \(\mathcal V_i\))
 * @param roundingTolerances the relaxed tolerances \(\delta_1, \dots, \delta_k\)
 * @param time              the time split
 * @param next              the random state after the last rounding
 */
public record TuckerGmresResult(
        TuckerTensor solution,
        boolean converged,
        int iterations,
        double[] residualEstimates,
        double[] trueResiduals,
        double finalTrueResidual,
        int[][] krylovRanks,
        int[] maxRanks,
        double[] roundingTolerances,
        TimeSplit time,
        RngState next) {
    /**
     * Validates and copies the components.
     *
     * @param solution           the solution
     * @param converged          the flag
     * @param iterations         \(k \ge 0\)
     * @param residualEstimates  \(k + 1\) values; copied
     * @param trueResiduals      \(k\) values or none; copied
     * @param finalTrueResidual  the final true residual
     * @param krylovRanks        \(k\) arrays; copied
     * @param maxRanks           \(k\) values; copied
     * @param roundingTolerances \(k\) values; copied
     * @param time               the time split
     * @param next               the next random state
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the history lengths do not match {@code iterations}
     */
    public TuckerGmresResult {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(next, "next");
        residualEstimates = residualEstimates.clone();
        trueResiduals = trueResiduals.clone();
        krylovRanks = deepCopy(krylovRanks);
        maxRanks = maxRanks.clone();
        roundingTolerances = roundingTolerances.clone();
        if (iterations < 0
                || residualEstimates.length != iterations + 1
                || (trueResiduals.length != 0 && trueResiduals.length != iterations)
                || krylovRanks.length != iterations
                || maxRanks.length != iterations
                || roundingTolerances.length != iterations) {
            throw new IllegalArgumentException("inconsistent history lengths for " + iterations + " iterations");
        }
    }

    /**
     * The Arnoldi residuals.
     *
     * @return a new array of \(k + 1\) values
     */
    @Override
    public double[] residualEstimates() {
        return residualEstimates.clone();
    }

    /**
     * The tracked true residuals.
     *
     * @return a new array of \(k\) values, or an empty one if tracking was off
     */
    @Override
    public double[] trueResiduals() {
        return trueResiduals.clone();
    }

    /**
     * The Krylov ranks.
     *
     * @return a new array of \(k\) new arrays
     */
    @Override
    public int[][] krylovRanks() {
        return deepCopy(krylovRanks);
    }

    /**
     * The largest rank per iteration.
     *
     * @return a new array of \(k\) values
     */
    @Override
    public int[] maxRanks() {
        return maxRanks.clone();
    }

    /**
     * The relaxed tolerances.
     *
     * @return a new array of \(k\) values
     */
    @Override
    public double[] roundingTolerances() {
        return roundingTolerances.clone();
    }

    private static int[][] deepCopy(int[][] a) {
        int[][] c = new int[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
