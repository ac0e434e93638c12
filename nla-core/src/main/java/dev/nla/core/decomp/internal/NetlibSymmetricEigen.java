package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.error.NotConvergedException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import org.netlib.util.intW;

/**
 * Symmetric eigendecomposition by native LAPACK {@code dsyevd} (divide and conquer, lower
 * triangle) through {@code dev.ludovic.netlib}. Same contract as the Java implementation: lower
 * triangle read, input not modified, requested order, signs fixed as in {@link EigenResult}.
 */
public final class NetlibSymmetricEigen implements SymmetricEigen {
    private final LAPACK lapack;

    /**
     * Binds to the native library.
     *
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public NetlibSymmetricEigen() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public EigenResult decompose(Matrix a, EigenOrder order) {
        Objects.requireNonNull(order, "order");
        double[] full = TridiagonalQlEigen.lowerCopy(a);
        int n = a.rows();
        double[] w = new double[n];
        if (n > 0) {
            run("V", n, full, w);
        }
        return TridiagonalQlEigen.result(w, DenseMatrix.wrap(n, n, full), order);
    }

    @Override
    public double[] eigenvalues(Matrix a, EigenOrder order) {
        Objects.requireNonNull(order, "order");
        double[] full = TridiagonalQlEigen.lowerCopy(a);
        int n = a.rows();
        double[] w = new double[n];
        if (n > 0) {
            run("N", n, full, w);
        }
        if (order == EigenOrder.DESCENDING) {
            TridiagonalQlEigen.reverse(w);
        }
        return w;
    }

    private void run(String jobz, int n, double[] a, double[] w) {
        intW info = new intW(0);
        double[] wq = new double[1];
        int[] iq = new int[1];
        lapack.dsyevd(jobz, "L", n, a, n, w, wq, -1, iq, -1, info);
        if (info.val != 0) {
            throw new IllegalStateException("dsyevd workspace query failed with info = " + info.val);
        }
        double[] work = new double[Math.max(1, (int) wq[0])];
        int[] iwork = new int[Math.max(1, iq[0])];
        // on a large-stack thread, as every native call of this package (see NativeLapack)
        NativeLapack.run(() -> lapack.dsyevd(jobz, "L", n, a, n, w, work, work.length, iwork, iwork.length, info));
        if (info.val > 0) {
            throw new NotConvergedException("dsyevd: the tridiagonal eigensolver did not converge", info.val);
        }
        if (info.val < 0) {
            throw new IllegalStateException("dsyevd rejected argument " + (-info.val));
        }
    }
}
