package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.LeastSquares;
import dev.nla.core.decomp.LeastSquaresResult;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.TriangularSolver;
import dev.nla.core.error.Require;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Full-rank least squares by Householder QR of \(A\) (\(m \ge n\)) or of \(A^{\mathsf T}\) (\(m
 * \lt n\), minimum-norm solution), on an injected {@link Qr} and {@link TriangularSolver} (Java or
 * native kernels). See {@link LeastSquares}.
 */
public final class QrLeastSquares implements LeastSquares {
    private final Qr qr;
    private final TriangularSolver triangular;

    /**
     * Creates the solver.
     *
     * @param qr         the QR factorization to use
     * @param triangular the triangular solver to use
     * @throws NullPointerException if an argument is null
     */
    public QrLeastSquares(Qr qr, TriangularSolver triangular) {
        this.qr = Objects.requireNonNull(qr, "qr");
        this.triangular = Objects.requireNonNull(triangular, "triangular");
    }

    @Override
    public LeastSquaresResult solve(Matrix a, Matrix b) {
        checkInputs(a, b);
        int m = a.rows();
        int n = a.cols();
        int p = b.cols();
        if (m >= n) {
            CompactQr f = qr.factor(a);
            DenseMatrix r = f.factors().view(0, 0, n, n);
            requireFullRank(triangular, r, m, n);
            DenseMatrix c = qr.multiplyQ(f, Transpose.TRANSPOSE, b);
            DenseMatrix x = c.view(0, 0, n, p).copy();
            triangular.solveInPlace(Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, r, x);
            return new LeastSquaresResult(x, n, columnNorms(c.view(n, 0, m - n, p)));
        }
        CompactQr f = qr.factor(Checks.copyOf(a).transpose());
        DenseMatrix r = f.factors().view(0, 0, m, m);
        requireFullRank(triangular, r, m, n);
        DenseMatrix z = DenseMatrix.zeros(n, p);
        DenseMatrix y = z.view(0, 0, m, p);
        y.copyFrom(b);
        triangular.solveInPlace(Side.LEFT, Triangle.UPPER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, r, y);
        qr.applyQ(f, Side.LEFT, Transpose.NO_TRANSPOSE, z);
        return new LeastSquaresResult(z, m, new double[p]);
    }

    static void checkInputs(Matrix a, Matrix b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Checks.rows("least squares", "b", b, a.rows());
        Require.allFinite("a", a);
        Require.allFinite("b", b);
    }

    /**
     * Throws {@link SingularMatrixException} unless the square upper triangular {@code r} has
     * reciprocal condition at least \(\max(m, n)u\).
     */
    static void requireFullRank(TriangularSolver triangular, DenseMatrix r, int m, int n) {
        if (r.rows() == 0) {
            return;
        }
        double rcond = triangular.reciprocalCondition(Triangle.UPPER, Diagonal.NON_UNIT, r);
        double tolerance = PivotedQrResult.defaultTolerance(m, n);
        if (!(rcond >= tolerance)) {
            throw new SingularMatrixException("least squares: the " + m + "x" + n + " matrix is numerically rank"
                    + " deficient (reciprocal condition estimate of R " + rcond + " < " + tolerance
                    + "); use the rank-revealing solver (Decompositions.pivotedLeastSquares())");
        }
    }

    /** The 2-norm of each column. */
    static double[] columnNorms(DenseMatrix c) {
        double[] norms = new double[c.cols()];
        for (int j = 0; j < c.cols(); j++) {
            double scale = 0;
            double ssq = 1;
            for (int i = 0; i < c.rows(); i++) {
                double v = Math.abs(c.get(i, j));
                if (v != 0) {
                    if (scale < v) {
                        ssq = 1 + ssq * (scale / v) * (scale / v);
                        scale = v;
                    } else {
                        ssq += (v / scale) * (v / scale);
                    }
                }
            }
            norms[j] = scale * Math.sqrt(ssq);
        }
        return norms;
    }
}
