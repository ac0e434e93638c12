package dev.nla.sketch.solve;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * The result of {@link Lsqr}: the last iterate, why the iteration stopped, and the histories of the
 * residual estimates. Non-convergence is reported here ({@link #converged()} is false), never
 * thrown.
 *
 * <p>The norms are the estimates of Paige and Saunders' recurrences, not recomputed: in floating
 * point they keep decreasing after the true values have levelled off at rounding level.
 *
 * @param solution            \(x\), \(n \times 1\)
 * @param stopReason          why the iteration stopped
 * @param iterations          iterations run, \(k \ge 0\)
 * @param matvecs             products with \(A\) or \(A^{\mathsf T}\) performed (one vector each):
 *     \(2k + 1\), plus one when a nonzero starting point was given
 * @param residualNorm        the estimate of \(\|b - Ax\|\)
 * @param normalResidualNorm  the estimate of \(\|A^{\mathsf T}(b - Ax)\|\)
 * @param operatorNorm        the estimate of \(\|A\|_F\) (a lower bound that grows with \(k\))
 * @param conditionEstimate   the estimate of \(\operatorname{cond}(A) = \|A\|_F\|A^+\|\)
 * @param residualHistory     the estimates of \(\|r_j\|\) for \(j = 0, \dots, k\)
 * @param normalResidualHistory the estimates of \(\|A^{\mathsf T}r_j\|\) for \(j = 0, \dots, k\)
 */
public record LsqrResult(
        DenseMatrix solution,
        LsqrStopReason stopReason,
        int iterations,
        long matvecs,
        double residualNorm,
        double normalResidualNorm,
        double operatorNorm,
        double conditionEstimate,
        double[] residualHistory,
        double[] normalResidualHistory) {
    /**
     * Validates and copies the histories.
     *
     * @param solution              \(x\), \(n \times 1\)
     * @param stopReason            why the iteration stopped
     * @param iterations            \(k \ge 0\)
     * @param matvecs               products with \(A\) or \(A^{\mathsf T}\)
     * @param residualNorm          estimate of \(\|r\|\)
     * @param normalResidualNorm    estimate of \(\|A^{\mathsf T}r\|\)
     * @param operatorNorm          estimate of \(\|A\|_F\)
     * @param conditionEstimate     estimate of \(\operatorname{cond}(A)\)
     * @param residualHistory       \(k + 1\) values; copied
     * @param normalResidualHistory \(k + 1\) values; copied
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if a history does not have \(k + 1\) values
     */
    public LsqrResult {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(stopReason, "stopReason");
        Objects.requireNonNull(residualHistory, "residualHistory");
        Objects.requireNonNull(normalResidualHistory, "normalResidualHistory");
        if (residualHistory.length != iterations + 1 || normalResidualHistory.length != iterations + 1) {
            throw new IllegalArgumentException("histories must have iterations + 1 = " + (iterations + 1)
                    + " values, got " + residualHistory.length + " and " + normalResidualHistory.length);
        }
        residualHistory = residualHistory.clone();
        normalResidualHistory = normalResidualHistory.clone();
    }

    /**
     * Whether a stopping test on the residual or on the normal equations held ({@link
     * LsqrStopReason#converged()}).
     *
     * @return whether the iteration converged
     */
    public boolean converged() {
        return stopReason.converged();
    }

    /**
     * The estimates of \(\|r_j\|\), \(j = 0, \dots, k\).
     *
     * @return a copy
     */
    @Override
    public double[] residualHistory() {
        return residualHistory.clone();
    }

    /**
     * The estimates of \(\|A^{\mathsf T}r_j\|\), \(j = 0, \dots, k\).
     *
     * @return a copy
     */
    @Override
    public double[] normalResidualHistory() {
        return normalResidualHistory.clone();
    }
}
