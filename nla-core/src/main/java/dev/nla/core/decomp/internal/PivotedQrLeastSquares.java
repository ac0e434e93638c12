package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.LeastSquares;
import dev.nla.core.decomp.LeastSquaresResult;
import dev.nla.core.decomp.PivotedQr;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.TriangularSolver;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Rank-revealing least squares: QR with column pivoting, numerical rank at a relative tolerance,
 * basic solution (see {@link LeastSquares}), on injected factorizations (Java or native).
 */
public final class PivotedQrLeastSquares implements LeastSquares {
    private final PivotedQr pivotedQr;
    private final Qr qr;
    private final TriangularSolver triangular;
    private final double relativeTolerance;

    /**
     * Creates the solver.
     *
     * @param pivotedQr         the pivoted QR to factor \(A\)
     * @param qr                the QR used to apply \(Q^{\mathsf T}\)
     * @param triangular        the triangular solver
     * @param relativeTolerance \(\tau \ge 0\) for {@link PivotedQrResult#rank(double)}, or NaN for
     *     {@link PivotedQrResult#defaultTolerance}
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the tolerance is negative or infinite
     */
    public PivotedQrLeastSquares(PivotedQr pivotedQr, Qr qr, TriangularSolver triangular, double relativeTolerance) {
        this.pivotedQr = Objects.requireNonNull(pivotedQr, "pivotedQr");
        this.qr = Objects.requireNonNull(qr, "qr");
        this.triangular = Objects.requireNonNull(triangular, "triangular");
        if (!Double.isNaN(relativeTolerance)
                && (!(relativeTolerance >= 0) || relativeTolerance == Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException(
                    "relativeTolerance must be non-negative and finite, got " + relativeTolerance);
        }
        this.relativeTolerance = relativeTolerance;
    }

    @Override
    public LeastSquaresResult solve(Matrix a, Matrix b) {
        QrLeastSquares.checkInputs(a, b);
        int m = a.rows();
        int n = a.cols();
        int p = b.cols();
        PivotedQrResult f = pivotedQr.factor(a);
        int r = Double.isNaN(relativeTolerance) ? f.rank() : f.rank(relativeTolerance);
        DenseMatrix c = Checks.copyOf(b);
        qr.applyQ(f.qr(), Side.LEFT, Transpose.TRANSPOSE, c);
        DenseMatrix y = c.view(0, 0, r, p).copy();
        triangular.solveInPlace(
                Side.LEFT,
                Triangle.UPPER,
                Transpose.NO_TRANSPOSE,
                Diagonal.NON_UNIT,
                f.qr().factors().view(0, 0, r, r),
                y);
        DenseMatrix x = DenseMatrix.zeros(n, p);
        int[] perm = f.permutation();
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < r; i++) {
                x.set(perm[i], j, y.get(i, j));
            }
        }
        return new LeastSquaresResult(x, r, QrLeastSquares.columnNorms(c.view(r, 0, m - r, p)));
    }
}
