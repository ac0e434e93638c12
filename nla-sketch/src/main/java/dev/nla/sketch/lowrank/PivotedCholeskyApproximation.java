package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A column Nyström approximation \(A \approx FF^{\mathsf T}\) from a pivoted partial Cholesky
 * factorization, with the pivots and the exact trace of the residual.
 *
 * @param factor           \(F\), \(n \times r\)
 * @param pivots           the \(r\) pivot indices \(S\) in the order chosen; owned by the record;
 *     \(FF^{\mathsf T} = A(:, S)A(S, S)^{-1}A(S, :)\) in exact arithmetic
 * @param traceError       \(\operatorname{tr}(A - FF^{\mathsf T})\), the sum of the residual diagonal
 *     (clipped at 0), which equals the trace-norm error \(\|A - FF^{\mathsf T}\|_*\) since the
 *     residual is positive semidefinite
 * @param entryEvaluations entries of \(A\) read: \(n\) for the diagonal and \(n\) per pivot column
 */
public record PivotedCholeskyApproximation(DenseMatrix factor, int[] pivots, double traceError, long entryEvaluations) {
    /**
     * Checks the shapes.
     *
     * @param factor           \(F\), \(n \times r\)
     * @param pivots           the \(r\) pivot indices \(S\) in the order chosen; owned by the record;
     *     \(FF^{\mathsf T} = A(:, S)A(S, S)^{-1}A(S, :)\) in exact arithmetic
     * @param traceError       \(\operatorname{tr}(A - FF^{\mathsf T})\), the sum of the residual diagonal
     *     (clipped at 0), which equals the trace-norm error \(\|A - FF^{\mathsf T}\|_*\) since the
     *     residual is positive semidefinite
     * @param entryEvaluations entries of \(A\) read: \(n\) for the diagonal and \(n\) per pivot column
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code factor.cols() != pivots.length}
     */
    public PivotedCholeskyApproximation {
        Objects.requireNonNull(factor, "factor");
        Objects.requireNonNull(pivots, "pivots");
        if (factor.cols() != pivots.length) {
            throw new DimensionMismatchException(
                    "factor is " + factor.shape() + " but there are " + pivots.length + " pivots");
        }
    }

    /**
     * The rank \(r\).
     *
     * @return the number of pivots
     */
    public int rank() {
        return pivots.length;
    }

    /**
     * \(FF^{\mathsf T}\) as a dense matrix.
     *
     * @return a new \(n \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        int n = factor.rows();
        DenseMatrix out = DenseMatrix.zeros(n, n);
        if (rank() > 0) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, factor, factor, 0.0, out);
        }
        return out;
    }
}
