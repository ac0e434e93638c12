package dev.nla.sketch.solve;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * The result of {@link SketchAndSolve}.
 *
 * @param solution             \(\hat x\), \(n \times 1\): the minimizer of \(\|S(Ax - b)\|\) (the
 *     minimum-norm one with the SVD and a rank-deficient sketch)
 * @param sketchRows           \(d\), the rows of the sketch
 * @param rank                 \(n\) with the QR; the numerical rank of \(SA\) with the SVD
 * @param residualNorm         \(\|b - A\hat x\|\), computed with one product with \(A\)
 * @param sketchedResidualNorm \(\|S(b - A\hat x)\|\), from the factorization
 */
public record SketchAndSolveResult(
        DenseMatrix solution, int sketchRows, int rank, double residualNorm, double sketchedResidualNorm) {
    /**
     * Checks the solution is present.
     *
     * @param solution             \(\hat x\)
     * @param sketchRows           \(d\)
     * @param rank                 the rank used
     * @param residualNorm         \(\|b - A\hat x\|\)
     * @param sketchedResidualNorm \(\|S(b - A\hat x)\|\)
     * @throws NullPointerException if {@code solution} is null
     */
    public SketchAndSolveResult {
        Objects.requireNonNull(solution, "solution");
    }
}
