package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A rank-\(k\) approximate SVD \(A \approx U\Sigma V^{\mathsf T}\) from a randomized driver.
 *
 * @param u              \(U\), \(m \times k\), orthonormal columns
 * @param singularValues \(\sigma_1 \ge \dots \ge \sigma_k \ge 0\); copied on the way in and out
 * @param vt             \(V^{\mathsf T}\), \(k \times n\), orthonormal rows
 * @param errorEstimate  an estimate of \(\|A - U\Sigma V^{\mathsf T}\|_F\) where the driver has one
 *     (see the driver)
 * @param converged      {@code false} only when a tolerance was requested and not met within the
 *     rank limit
 * @param passes         passes over \(A\) (applications of \(A\) or \(A^{\mathsf T}\) to a block)
 * @param matvecs        vectors \(A\) or \(A^{\mathsf T}\) was applied to
 */
public record LowRankSvd(
        DenseMatrix u,
        double[] singularValues,
        DenseMatrix vt,
        OptionalDouble errorEstimate,
        boolean converged,
        int passes,
        long matvecs) {
    /**
     * Checks the shapes.
     *
     * @param u              \(U\), \(m \times k\), orthonormal columns
     * @param singularValues \(\sigma_1 \ge \dots \ge \sigma_k \ge 0\); copied on the way in and out
     * @param vt             \(V^{\mathsf T}\), \(k \times n\), orthonormal rows
     * @param errorEstimate  an estimate of \(\|A - U\Sigma V^{\mathsf T}\|_F\) where the driver has one
     *     (see the driver)
     * @param converged      {@code false} only when a tolerance was requested and not met within the
     *     rank limit
     * @param passes         passes over \(A\) (applications of \(A\) or \(A^{\mathsf T}\) to a block)
     * @param matvecs        vectors \(A\) or \(A^{\mathsf T}\) was applied to
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the factors do not have \(k\) columns and rows
     * @throws IllegalArgumentException   if a count is negative
     */
    public LowRankSvd {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(singularValues, "singularValues");
        Objects.requireNonNull(vt, "vt");
        Objects.requireNonNull(errorEstimate, "errorEstimate");
        int k = singularValues.length;
        if (u.cols() != k || vt.rows() != k) {
            throw new DimensionMismatchException("LowRankSvd: u is " + u.shape() + ", " + k + " singular values, vt is "
                    + vt.shape() + "; need u m x k and vt k x n");
        }
        if (passes < 0 || matvecs < 0) {
            throw new IllegalArgumentException(
                    "passes and matvecs must be non-negative, got " + passes + " and " + matvecs);
        }
        singularValues = singularValues.clone();
    }

    /**
     * The singular values, a copy.
     *
     * @return \(\sigma_1 \ge \dots \ge \sigma_k\)
     */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /**
     * The rank \(k\).
     *
     * @return the number of singular values
     */
    public int rank() {
        return singularValues.length;
    }

    /**
     * \(U\Sigma V^{\mathsf T}\) as a dense \(m \times n\) matrix.
     *
     * @return a new matrix
     */
    public DenseMatrix reconstruct() {
        DenseMatrix us = u.copy();
        for (int j = 0; j < rank(); j++) {
            Blas.scal(singularValues[j], us.column(j));
        }
        DenseMatrix out = DenseMatrix.zeros(u.rows(), vt.cols());
        if (rank() > 0) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, us, vt, 0.0, out);
        }
        return out;
    }

    @Override
    public String toString() {
        return "LowRankSvd[" + u.rows() + "x" + vt.cols() + ", rank " + rank() + ", singularValues="
                + Arrays.toString(singularValues) + ", errorEstimate=" + errorEstimate + ", passes=" + passes + "]";
    }
}
