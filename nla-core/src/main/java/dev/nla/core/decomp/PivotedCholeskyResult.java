package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A Cholesky factorization with complete (diagonal) pivoting of a symmetric positive semidefinite
 * matrix, truncated at its numerical rank: \(P^{\mathsf T}AP \approx LL^{\mathsf T}\), i.e.
 * \(a_{p_i p_j} \approx (LL^{\mathsf T})_{ij}\).
 *
 * <p>The record owns its arrays and returns them without copying.
 *
 * @param l           \(L\), \(n \times r\), lower trapezoidal with a positive, non-increasing
 *     diagonal
 * @param permutation \(p\), a permutation of \(0, \dots, n-1\)
 * @param rank        the numerical rank \(r\) = {@code l.cols()}
 */
public record PivotedCholeskyResult(DenseMatrix l, int[] permutation, int rank) {
    /**
     * Validates the components.
     *
     * @param l           \(L\), \(n \times r\), lower trapezoidal with a positive, non-increasing
     *     diagonal
     * @param permutation \(p\), a permutation of \(0, \dots, n-1\)
     * @param rank        the numerical rank \(r\) = {@code l.cols()}
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if the shapes disagree ({@code l} must be \(n \times r\)
     *     and {@code permutation} of length \(n\))
     */
    public PivotedCholeskyResult {
        Objects.requireNonNull(l, "l");
        Objects.requireNonNull(permutation, "permutation");
        if (l.cols() != rank || permutation.length != l.rows() || rank > l.rows()) {
            throw new DimensionMismatchException("PivotedCholeskyResult: l is " + l.shape() + ", rank " + rank
                    + ", permutation of length " + permutation.length + "; need l n x rank and length n");
        }
    }
}
