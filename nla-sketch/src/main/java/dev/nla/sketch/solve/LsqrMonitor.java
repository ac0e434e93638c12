package dev.nla.sketch.solve;

import dev.nla.core.matrix.DenseMatrix;

/**
 * Observes the iterates of {@link Lsqr} (for convergence studies: forward error against a known
 * solution, plots). Called once with the starting point (iteration 0) and once after every
 * iteration.
 */
@FunctionalInterface
public interface LsqrMonitor {
    /**
     * Receives iteration {@code k}.
     *
     * @param iteration          \(k \ge 0\)
     * @param x                  the iterate \(x_k\) (\(n \times 1\)); the solver's own storage: read
     *     it during the call, do not modify or keep it
     * @param residualNorm       the estimate of \(\|b - Ax_k\|\) from the recurrences
     * @param normalResidualNorm the estimate of \(\|A^{\mathsf T}(b - Ax_k)\|\)
     */
    void iteration(int iteration, DenseMatrix x, double residualNorm, double normalResidualNorm);
}
