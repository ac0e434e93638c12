package dev.nla.core.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * A symmetric eigendecomposition \(A = Z \Lambda Z^{\mathsf T}\) with orthogonal \(Z\).
 *
 * <p>Column \(j\) of {@link #eigenvectors()} belongs to {@code eigenvalues()[j]}; the order is the
 * requested {@link EigenOrder}. Sign convention: the entry of largest magnitude of each eigenvector
 * is positive (on ties, the one with the smallest row index). The record owns its matrix: callers
 * should treat it as read-only. {@link #eigenvalues()} returns a copy.
 *
 * @param eigenvalues  \(\lambda_1, \dots, \lambda_n\), sorted as requested
 * @param eigenvectors \(Z\), \(n \times n\), orthonormal columns
 * @param order        the order of the eigenvalues
 */
public record EigenResult(double[] eigenvalues, DenseMatrix eigenvectors, EigenOrder order) {
    /**
     * Validates the shapes and the ordering.
     *
     * @param eigenvalues  the eigenvalues, sorted in {@code order}; copied
     * @param eigenvectors \(Z\), \(n \times n\)
     * @param order        the order of the eigenvalues
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code eigenvectors} is not \(n \times n\) for \(n\)
     *     eigenvalues
     * @throws IllegalArgumentException   if an eigenvalue is not finite or the values are not sorted
     *     in {@code order}
     */
    public EigenResult {
        Objects.requireNonNull(eigenvalues, "eigenvalues");
        Objects.requireNonNull(eigenvectors, "eigenvectors");
        Objects.requireNonNull(order, "order");
        int n = eigenvalues.length;
        if (eigenvectors.rows() != n || eigenvectors.cols() != n) {
            throw new DimensionMismatchException("eigenvectors is " + eigenvectors.rows() + "x" + eigenvectors.cols()
                    + " but there are " + n + " eigenvalues");
        }
        Require.allFinite("eigenvalues", eigenvalues);
        for (int i = 1; i < n; i++) {
            boolean ok = order == EigenOrder.ASCENDING
                    ? eigenvalues[i] >= eigenvalues[i - 1]
                    : eigenvalues[i] <= eigenvalues[i - 1];
            if (!ok) {
                throw new IllegalArgumentException("eigenvalues are not " + order + ": eigenvalues[" + (i - 1) + "] = "
                        + eigenvalues[i - 1] + ", eigenvalues[" + i + "] = " + eigenvalues[i]);
            }
        }
        eigenvalues = eigenvalues.clone();
    }

    /**
     * The eigenvalues in the requested order.
     *
     * @return a copy of \((\lambda_1, \dots, \lambda_n)\)
     */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * Recomputes \(Z \Lambda Z^{\mathsf T}\) (one GEMM).
     *
     * @return a new \(n \times n\) symmetric matrix
     */
    public DenseMatrix reconstruct() {
        int n = eigenvalues.length;
        DenseMatrix zl = eigenvectors.copy();
        for (int j = 0; j < n; j++) {
            Blas.scal(eigenvalues[j], zl.column(j));
        }
        DenseMatrix out = DenseMatrix.zeros(n, n);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, zl, eigenvectors, 0.0, out);
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EigenResult r
                && order == r.order
                && eigenvectors.equals(r.eigenvectors)
                && Arrays.equals(eigenvalues, r.eigenvalues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eigenvectors, order, Arrays.hashCode(eigenvalues));
    }

    @Override
    public String toString() {
        return "EigenResult[" + eigenvalues.length + "x" + eigenvalues.length + ", " + order + ", eigenvalues="
                + Arrays.toString(eigenvalues) + "]";
    }
}
