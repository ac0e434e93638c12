package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.decomp.LeastSquares;
import dev.nla.core.decomp.LeastSquaresResult;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import org.netlib.util.intW;

/**
 * Full-rank least squares by native LAPACK {@code dgels}, with the same rank check as {@link
 * QrLeastSquares} ({@code dtrcon} on the computed \(R\)).
 */
public final class NetlibLeastSquares implements LeastSquares {
    private final LAPACK lapack;
    private final NetlibTriangularSolver triangular;

    /**
     * Creates the solver.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibLeastSquares() {
        this.lapack = NativeLapack.load();
        this.triangular = new NetlibTriangularSolver();
    }

    @Override
    public LeastSquaresResult solve(Matrix a, Matrix b) {
        QrLeastSquares.checkInputs(a, b);
        int m = a.rows();
        int n = a.cols();
        int p = b.cols();
        int k = Math.min(m, n);
        DenseMatrix work = Checks.copyOf(a);
        DenseMatrix rhs = DenseMatrix.zeros(Math.max(Math.max(m, n), 1), p);
        rhs.view(0, 0, m, p).copyFrom(b);
        if (k > 0 && p > 0) {
            double[] query = new double[1];
            intW info = new intW(0);
            NativeLapack.run(() ->
                    lapack.dgels("N", m, n, p, work.data(), 0, work.ld(), rhs.data(), 0, rhs.ld(), query, 0, -1, info));
            NativeLapack.check("dgels (workspace query)", info);
            double[] w = new double[NativeLapack.workLength(query[0])];
            NativeLapack.run(() -> lapack.dgels(
                    "N", m, n, p, work.data(), 0, work.ld(), rhs.data(), 0, rhs.ld(), w, 0, w.length, info));
            if (info.val > 0) {
                throw new SingularMatrixException("least squares: the " + m + "x" + n + " matrix is rank deficient:"
                        + " R(" + (info.val - 1) + ", " + (info.val - 1) + ") = 0");
            }
            NativeLapack.check("dgels", info);
            QrLeastSquares.requireFullRank(triangular, work.view(0, 0, k, k), m, n);
        } else if (k > 0) {
            QrLeastSquares.requireFullRank(
                    triangular, new NetlibQr().factor(a).factors().view(0, 0, k, k), m, n);
        }
        DenseMatrix x = rhs.view(0, 0, n, p).copy();
        double[] residuals = m > n ? QrLeastSquares.columnNorms(rhs.view(n, 0, m - n, p)) : new double[p];
        return new LeastSquaresResult(x, k, residuals);
    }
}
