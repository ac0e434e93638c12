package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Pure-Java symmetric eigensolver with divide and conquer on the tridiagonal matrix (the LAPACK
 * dsyevd pipeline): blocked tridiagonalization \(A = Q T Q^{\mathsf T}\) (dsytrd/dlatrd), \(T = Z_T
 * \Lambda Z_T^{\mathsf T}\) by {@link TridiagonalDivideConquer}, and the back-transformation \(Z =
 * Q Z_T\) by blocked application of the reflectors (dormtr, GEMM).
 *
 * <p>Almost all of the \(O(n^3)\) work is GEMM (the trailing updates of the reduction, the merges
 * of divide and conquer, the back-transformation), except the symmetric matrix-vector products of
 * the reduction. Values only: implicit QL without vectors after the reduction (\(O(n^2)\)).
 * Backward stable, with the accuracy of {@link TridiagonalQlEigen}.
 */
public final class DivideAndConquerEigen implements SymmetricEigen {
    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public DivideAndConquerEigen() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend (its GEMMs and its thread count).
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public DivideAndConquerEigen(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public EigenResult decompose(Matrix a, EigenOrder order) {
        Objects.requireNonNull(order, "order");
        TridiagonalQlEigen.Prepared p = TridiagonalQlEigen.prepare(a);
        int n = p.n();
        int ld = Math.max(1, n);
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        double[] tau = new double[Math.max(1, n - 1)];
        Backend be = backend();
        Tridiagonalization.reduce(be, n, p.full(), 0, ld, d, e, tau);
        double[] z = TridiagonalDivideConquer.compute(be, n, d, e);
        if (n > 1) {
            // Z = Q Z_T with Q = diag(1, H_0 ... H_{n-2}): rows 1.. of Z
            HouseholderQr.apply(
                    be,
                    DenseMatrix.wrap(p.full(), 1, n - 1, n - 1, ld),
                    tau,
                    n - 1,
                    Side.LEFT,
                    Transpose.NO_TRANSPOSE,
                    DenseMatrix.wrap(z, 1, n - 1, n, n));
        }
        TridiagonalQlEigen.unscale(d, p.scale());
        return TridiagonalQlEigen.result(d, DenseMatrix.wrap(n, n, z), order);
    }

    @Override
    public double[] eigenvalues(Matrix a, EigenOrder order) {
        return new TridiagonalQlEigen(backend()).eigenvalues(a, order);
    }
}
