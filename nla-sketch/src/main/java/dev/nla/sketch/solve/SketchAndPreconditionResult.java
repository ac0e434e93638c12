package dev.nla.sketch.solve;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * The result of {@link SketchAndPrecondition}. Non-convergence of LSQR is reported here ({@link
 * #converged()} false, with the reason and the histories), never thrown; the solution is then the
 * last iterate.
 *
 * @param solution              \(x\), \(n \times 1\)
 * @param stopReason            why LSQR stopped
 * @param iterations            LSQR iterations run
 * @param matvecs               products of LSQR with \(A\) or \(A^{\mathsf T}\) (one vector each),
 *     not counting the sketch \(SA\) and the final residual
 * @param residualNorm          \(\|b - Ax\|\), computed with one product with \(A\)
 * @param residualHistory       LSQR's estimates of \(\|b - Ax_k\|\), \(k = 0, \dots,\) {@code
 *     iterations}; entry 0 is the residual of the starting point (the sketch-and-solve solution
 *     with a warm start, zero otherwise)
 * @param normalResidualHistory LSQR's estimates of \(\|(AN)^{\mathsf T}(b - Ax_k)\|\), the
 *     gradient in the preconditioned variables
 * @param sketchRows            \(d\), the rows of the sketch
 * @param rank                  the columns of the preconditioner: \(n\) for the QR, the numerical
 *     rank of \(SA\) for the SVD
 * @param warmStarted           whether LSQR started from the sketch-and-solve solution
 */
public record SketchAndPreconditionResult(
        DenseMatrix solution,
        LsqrStopReason stopReason,
        int iterations,
        long matvecs,
        double residualNorm,
        double[] residualHistory,
        double[] normalResidualHistory,
        int sketchRows,
        int rank,
        boolean warmStarted) {
    /**
     * Validates and copies.
     *
     * @param solution              \(x\)
     * @param stopReason            why LSQR stopped
     * @param iterations            LSQR iterations
     * @param matvecs               products with \(A\) or \(A^{\mathsf T}\)
     * @param residualNorm          \(\|b - Ax\|\)
     * @param residualHistory       \(\|r_k\|\) estimates; copied
     * @param normalResidualHistory preconditioned gradient estimates; copied
     * @param sketchRows            \(d\)
     * @param rank                  columns of the preconditioner
     * @param warmStarted           whether the start was the sketch-and-solve solution
     * @throws NullPointerException if an object argument is null
     */
    public SketchAndPreconditionResult {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(stopReason, "stopReason");
        residualHistory =
                Objects.requireNonNull(residualHistory, "residualHistory").clone();
        normalResidualHistory = Objects.requireNonNull(normalResidualHistory, "normalResidualHistory")
                .clone();
    }

    /**
     * Whether LSQR met a stopping test on the residual or the gradient ({@link
     * LsqrStopReason#converged()}).
     *
     * @return whether it converged
     */
    public boolean converged() {
        return stopReason.converged();
    }

    /**
     * LSQR's estimates of \(\|b - Ax_k\|\).
     *
     * @return a copy, {@code iterations + 1} values
     */
    @Override
    public double[] residualHistory() {
        return residualHistory.clone();
    }

    /**
     * LSQR's estimates of the preconditioned gradient norm.
     *
     * @return a copy, {@code iterations + 1} values
     */
    @Override
    public double[] normalResidualHistory() {
        return normalResidualHistory.clone();
    }
}
