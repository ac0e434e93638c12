package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A low-rank factorization \(A \approx WH\), \(W \in \mathbb{R}^{m \times r}\), \(H \in
 * \mathbb{R}^{r \times n}\).
 *
 * @param left    \(W\), \(m \times r\)
 * @param right   \(H\), \(r \times n\)
 * @param passes  passes over \(A\)
 * @param matvecs vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record LowRankFactors(DenseMatrix left, DenseMatrix right, int passes, long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param left    \(W\), \(m \times r\)
     * @param right   \(H\), \(r \times n\)
     * @param passes  passes over \(A\)
     * @param matvecs vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code left.cols() != right.rows()}
     * @throws IllegalArgumentException   if a count is negative
     */
    public LowRankFactors {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        if (left.cols() != right.rows()) {
            throw new DimensionMismatchException(
                    "LowRankFactors: left is " + left.shape() + " and right is " + right.shape());
        }
        if (passes < 0 || matvecs < 0) {
            throw new IllegalArgumentException(
                    "passes and matvecs must be non-negative, got " + passes + " and " + matvecs);
        }
    }

    /**
     * The rank \(r\) of the factorization.
     *
     * @return {@code left.cols()}
     */
    public int rank() {
        return left.cols();
    }

    /**
     * \(WH\) as a dense matrix.
     *
     * @return a new \(m \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        if (rank() == 0) {
            return DenseMatrix.zeros(left.rows(), right.cols());
        }
        return Blas.multiply(left, right);
    }
}
