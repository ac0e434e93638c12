package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.TriangularSolver;
import dev.nla.core.matrix.DenseMatrix;
import org.netlib.util.doubleW;
import org.netlib.util.intW;

/**
 * Triangular solves and condition estimates by native LAPACK {@code dtrtrs} and {@code dtrcon}.
 * {@code dtrtrs} solves from the left only; \(X\operatorname{op}(T) = B\) is solved as
 * \(\operatorname{op}(T)^{\mathsf T}X^{\mathsf T} = B^{\mathsf T}\).
 */
public final class NetlibTriangularSolver implements TriangularSolver {
    private final LAPACK lapack;

    /**
     * Creates the solver.
     *
     * @throws IllegalStateException if no native LAPACK loads
     */
    public NetlibTriangularSolver() {
        this.lapack = NativeLapack.load();
    }

    @Override
    public void solveInPlace(
            Side side, Triangle triangle, Transpose trans, Diagonal diag, DenseMatrix t, DenseMatrix overwrittenB) {
        BlasTriangularSolver.checkSolve(side, triangle, trans, diag, t, overwrittenB);
        int n = t.rows();
        if (n == 0 || overwrittenB.rows() == 0 || overwrittenB.cols() == 0) {
            return;
        }
        DenseMatrix tc = NativeLapack.compact(t);
        boolean left = side == Side.LEFT;
        DenseMatrix rhs = left ? NativeLapack.compact(overwrittenB) : overwrittenB.transpose();
        Transpose effective = left ? trans : trans.flip();
        String uplo = triangle == Triangle.LOWER ? "L" : "U";
        String tr = effective.isTranspose() ? "T" : "N";
        String dg = diag == Diagonal.UNIT ? "U" : "N";
        int nrhs = rhs.cols();
        intW info = new intW(0);
        NativeLapack.run(() -> lapack.dtrtrs(
                uplo, tr, dg, n, nrhs, tc.data(), tc.offset(), tc.ld(), rhs.data(), rhs.offset(), rhs.ld(), info));
        NativeLapack.check("dtrtrs", info);
        if (!left) {
            overwrittenB.copyFrom(rhs.transpose());
        } else if (rhs != overwrittenB) {
            overwrittenB.copyFrom(rhs);
        }
    }

    @Override
    public double reciprocalCondition(Triangle triangle, Diagonal diag, DenseMatrix t) {
        BlasTriangularSolver.checkTriangle(triangle, diag, t);
        int n = t.rows();
        if (n == 0) {
            return 1.0;
        }
        if (BlasTriangularSolver.hasZeroDiagonal(diag, t)) {
            return 0.0;
        }
        DenseMatrix tc = NativeLapack.compact(t);
        doubleW rcond = new doubleW(0);
        intW info = new intW(0);
        String uplo = triangle == Triangle.LOWER ? "L" : "U";
        String dg = diag == Diagonal.UNIT ? "U" : "N";
        NativeLapack.run(() -> lapack.dtrcon(
                "1", uplo, dg, n, tc.data(), tc.offset(), tc.ld(), rcond, new double[3 * n], 0, new int[n], 0, info));
        NativeLapack.check("dtrcon", info);
        return rcond.val;
    }
}
