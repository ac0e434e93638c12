package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * The solution of a linear least-squares problem \(\min_X \|AX - B\|_F\) with \(A\) of size \(m
 * \times n\) and \(B\) of size \(m \times p\).
 *
 * <p>The record owns its arrays and returns them without copying.
 *
 * @param solution      \(X\), \(n \times p\)
 * @param rank          the rank of \(A\) the solver used: \(\min(m, n)\) for the full-rank solver,
 *     the numerical rank for the rank-revealing one
 * @param residualNorms \(\|b_j - Ax_j\|_2\) for each of the \(p\) columns, computed from the
 *     orthogonal factorization (0 for an underdetermined full-rank system, which is consistent)
 */
public record LeastSquaresResult(DenseMatrix solution, int rank, double[] residualNorms) {
    /**
     * Validates the components.
     *
     * @param solution      \(X\), \(n \times p\)
     * @param rank          the rank of \(A\) the solver used: \(\min(m, n)\) for the full-rank solver,
     *     the numerical rank for the rank-revealing one
     * @param residualNorms \(\|b_j - Ax_j\|_2\) for each of the \(p\) columns, computed from the
     *     orthogonal factorization (0 for an underdetermined full-rank system, which is consistent)
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if {@code residualNorms.length != solution.cols()}
     * @throws IllegalArgumentException   if {@code rank < 0}
     */
    public LeastSquaresResult {
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(residualNorms, "residualNorms");
        if (residualNorms.length != solution.cols()) {
            throw new DimensionMismatchException("LeastSquaresResult: " + solution.cols() + " right-hand sides but "
                    + residualNorms.length + " residual norms");
        }
        if (rank < 0) {
            throw new IllegalArgumentException("rank must be non-negative, got " + rank);
        }
    }
}
