package dev.nla.core.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * A singular value decomposition \(A = U \Sigma V^{\mathsf T}\) of an \(m \times n\) matrix, \(k =
 * \min(m, n)\).
 *
 * <p>The singular values are sorted, \(\sigma_1 \ge \sigma_2 \ge \dots \ge \sigma_k \ge 0\). Sign
 * convention (deterministic, for reproducible results across runs and thread counts): for each
 * \(j \lt k\) the entry of largest magnitude of column \(j\) of \(U\) is positive (on ties, the one
 * with the smallest row index); row \(j\) of \(V^{\mathsf T}\) carries the matching sign. The
 * extra columns of a full \(U\) and extra rows of a full \(V^{\mathsf T}\) follow the same rule on
 * their own. Near-ties in magnitude can resolve differently in different implementations.
 *
 * <p>The record owns its matrices: callers should treat them as read-only. {@link
 * #singularValues()} returns a copy.
 *
 * @param u              \(U\), \(m \times k\) (thin) or \(m \times m\) (full), orthonormal columns
 * @param singularValues \(\sigma_1 \ge \dots \ge \sigma_k \ge 0\), length \(k\)
 * @param vt             \(V^{\mathsf T}\), \(k \times n\) (thin) or \(n \times n\) (full),
 *     orthonormal rows
 */
public record SvdResult(DenseMatrix u, double[] singularValues, DenseMatrix vt) {
    /**
     * Validates the shapes and the ordering.
     *
     * @param u              \(U\), \(m \times k\) or \(m \times m\)
     * @param singularValues \(\sigma_1 \ge \dots \ge \sigma_k \ge 0\); copied
     * @param vt             \(V^{\mathsf T}\), \(k \times n\) or \(n \times n\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code u.cols()} or {@code vt.rows()} is smaller than the
     *     number of singular values, or {@code u.rows()} and {@code vt.cols()} do not have
     *     \(\min\) equal to it
     * @throws IllegalArgumentException   if the singular values are negative, not finite or not
     *     sorted decreasingly
     */
    public SvdResult {
        Objects.requireNonNull(u, "u");
        Objects.requireNonNull(singularValues, "singularValues");
        Objects.requireNonNull(vt, "vt");
        int k = singularValues.length;
        if (Math.min(u.rows(), vt.cols()) != k || u.cols() < k || vt.rows() < k) {
            throw new DimensionMismatchException("SVD factors do not fit: u is " + u.rows() + "x" + u.cols() + ", " + k
                    + " singular values, vt is " + vt.rows() + "x" + vt.cols());
        }
        Require.allFinite("singularValues", singularValues);
        for (int i = 0; i < k; i++) {
            if (singularValues[i] < 0 || (i > 0 && singularValues[i] > singularValues[i - 1])) {
                throw new IllegalArgumentException("singular values must be non-negative and decreasing; "
                        + "singularValues[" + i + "] = " + singularValues[i]
                        + (i > 0 ? ", singularValues[" + (i - 1) + "] = " + singularValues[i - 1] : ""));
            }
        }
        singularValues = singularValues.clone();
    }

    /**
     * The singular values, decreasing.
     *
     * @return a copy of \((\sigma_1, \dots, \sigma_k)\)
     */
    @Override
    public double[] singularValues() {
        return singularValues.clone();
    }

    /**
     * Number of rows \(m\) of the decomposed matrix.
     *
     * @return \(m\)
     */
    public int rows() {
        return u.rows();
    }

    /**
     * Number of columns \(n\) of the decomposed matrix.
     *
     * @return \(n\)
     */
    public int cols() {
        return vt.cols();
    }

    /**
     * Numerical rank: the number of singular values \(\sigma_i \gt r \sigma_1\).
     *
     * @param rcond relative cut-off \(r \ge 0\)
     * @return the rank, \(0 \le\) rank \(\le k\)
     * @throws IllegalArgumentException if {@code rcond} is negative or not finite
     */
    public int rank(double rcond) {
        Require.nonNegative("rcond", rcond);
        Require.finite("rcond", rcond);
        if (singularValues.length == 0) {
            return 0;
        }
        double cut = rcond * singularValues[0];
        int r = 0;
        while (r < singularValues.length && singularValues[r] > cut) {
            r++;
        }
        return r;
    }

    /**
     * Recomputes \(U_{:,0:k} \Sigma V^{\mathsf T}_{0:k,:}\) (one GEMM).
     *
     * @return a new \(m \times n\) matrix
     */
    public DenseMatrix reconstruct() {
        int k = singularValues.length;
        DenseMatrix us = u.columns(0, k).copy();
        for (int j = 0; j < k; j++) {
            Blas.scal(singularValues[j], us.column(j));
        }
        DenseMatrix out = DenseMatrix.zeros(rows(), cols());
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, us, vt.rowBlock(0, k), 0.0, out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SvdResult r
                && u.equals(r.u)
                && vt.equals(r.vt)
                && Arrays.equals(singularValues, r.singularValues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(u, vt, Arrays.hashCode(singularValues));
    }

    @Override
    public String toString() {
        return "SvdResult[" + rows() + "x" + cols() + ", singularValues=" + Arrays.toString(singularValues) + "]";
    }
}
