package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A rank-\(k\) approximate eigendecomposition \(A \approx U\Lambda U^{\mathsf T}\) of a symmetric
 * matrix.
 *
 * @param eigenvalues   \(\lambda_1, \dots, \lambda_k\) in the order of the driver's selection;
 *     copied on the way in and out
 * @param eigenvectors  \(U\), \(n \times k\), orthonormal columns, the largest-magnitude entry of
 *     each positive
 * @param errorEstimate an estimate of \(\|A - U\Lambda U^{\mathsf T}\|_F\) where the driver has one
 * @param passes        passes over \(A\)
 * @param matvecs       vectors \(A\) was applied to
 */
public record LowRankEigen(
        double[] eigenvalues, DenseMatrix eigenvectors, OptionalDouble errorEstimate, int passes, long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param eigenvalues   \(\lambda_1, \dots, \lambda_k\) in the order of the driver's selection;
     *     copied on the way in and out
     * @param eigenvectors  \(U\), \(n \times k\), orthonormal columns, the largest-magnitude entry of
     *     each positive
     * @param errorEstimate an estimate of \(\|A - U\Lambda U^{\mathsf T}\|_F\) where the driver has one
     * @param passes        passes over \(A\)
     * @param matvecs       vectors \(A\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code eigenvectors.cols() != eigenvalues.length}
     * @throws IllegalArgumentException   if a count is negative
     */
    public LowRankEigen {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(eigenvectors, "eigenvectors");
        Objects.requireNonNull(errorEstimate, "errorEstimate");
        if (eigenvectors.cols() != eigenvalues.length) {
            throw new DimensionMismatchException(
                    "LowRankEigen: " + eigenvalues.length + " eigenvalues but eigenvectors is " + eigenvectors.shape());
        }
        if (passes < 0 || matvecs < 0) {
            throw new IllegalArgumentException(
                    "passes and matvecs must be non-negative, got " + passes + " and " + matvecs);
        }
        eigenvalues = eigenvalues.clone();
    }

    /**
     * The eigenvalues, a copy.
     *
     * @return \(\lambda_1, \dots, \lambda_k\)
     */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The rank \(k\).
     *
     * @return the number of eigenvalues
     */
    public int rank() {
        return eigenvalues.length;
    }

    /**
     * \(U\Lambda U^{\mathsf T}\) as a dense \(n \times n\) matrix.
     *
     * @return a new matrix
     */
    public DenseMatrix reconstruct() {
        int n = eigenvectors.rows();
        DenseMatrix ul = eigenvectors.copy();
        for (int j = 0; j < rank(); j++) {
            Blas.scal(eigenvalues[j], ul.column(j));
        }
        DenseMatrix out = DenseMatrix.zeros(n, n);
        if (rank() > 0) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, ul, eigenvectors, 0.0, out);
        }
        return out;
    }

    @Override
    public String toString() {
        return "LowRankEigen[" + eigenvectors.rows() + "x" + eigenvectors.rows() + ", rank " + rank() + ", eigenvalues="
                + Arrays.toString(eigenvalues) + ", errorEstimate=" + errorEstimate + "]";
    }
}
