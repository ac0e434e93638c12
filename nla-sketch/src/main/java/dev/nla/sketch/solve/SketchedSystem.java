package dev.nla.sketch.solve;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;

/**
 * The sketched problem \(\min_x \|S(Ax - b)\|\) and its factorization, shared by {@link
 * SketchAndSolve} and {@link SketchAndPrecondition}: the sketch-and-solve solution \(x_0 =
 * Ny_0\) and the preconditioner \(N\) (\(n \times r\)).
 *
 * <ul>
 *   <li>QR, \(SA = QR\): \(N = R^{-1}\), \(y_0 = (Q^{\mathsf T}Sb)_{1:n}\), \(r = n\);
 *   <li>SVD, \(SA = U\Sigma V^{\mathsf T}\): \(N = V_r\Sigma_r^{-1}\), \(y_0 = U_r^{\mathsf T}Sb\).
 * </ul>
 *
 * <p>In both cases \(SAN\) has orthonormal columns, so \(y_0\) is the sketched solution in the
 * coordinates of the preconditioned problem, and \(x_0 = Ny_0\) without another solve.
 */
final class SketchedSystem {
    /** \(d\). */
    final int sketchRows;

    /** \(r\), the number of columns of \(N\). */
    final int rank;

    /** \(N\), \(n \times r\). */
    final LinearOperator preconditioner;

    /** \(y_0\), \(r \times 1\). */
    final DenseMatrix coefficients;

    /** \(\|S(Ax_0 - b)\|\). */
    final double sketchedResidualNorm;

    /** The state after the sketch. */
    final RngState next;

    private SketchedSystem(
            int sketchRows,
            int rank,
            LinearOperator preconditioner,
            DenseMatrix coefficients,
            double sketchedResidualNorm,
            RngState next) {
        this.sketchRows = sketchRows;
        this.rank = rank;
        this.preconditioner = preconditioner;
        this.coefficients = coefficients;
        this.sketchedResidualNorm = sketchedResidualNorm;
        this.next = next;
    }

    /**
     * The sketch size \(d = \min(m, \lceil\gamma n\rceil)\).
     *
     * @param m     rows of \(A\)
     * @param n     columns of \(A\), \(n \le m\)
     * @param gamma \(\gamma \ge 1\)
     * @return \(d\), with \(n \le d \le m\)
     */
    static int sketchRows(int m, int n, double gamma) {
        double d = Math.ceil(gamma * n);
        return (int) Math.max(n, Math.min(m, d));
    }

    /**
     * Checks the shapes and values of a least-squares problem.
     *
     * @param a the operator; its backing matrix, if any, is scanned for NaN and infinities
     * @param b the right-hand side
     */
    static void validate(String method, LinearOperator a, DenseMatrix b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int m = a.rows();
        int n = a.cols();
        if (n < 1 || m < n) {
            throw new DimensionMismatchException(
                    method + ": a must be tall with at least one column (m >= n >= 1), got " + m + "x" + n);
        }
        if (b.rows() != m || b.cols() != 1) {
            throw new DimensionMismatchException(
                    method + ": a is " + m + "x" + n + " so b must be " + m + "x1, got " + b.rows() + "x" + b.cols());
        }
        Require.allFinite("b", b);
        a.matrix().ifPresent(matrix -> Require.allFinite("a", matrix));
    }

    /**
     * Sketches \([A\ b]\) with a \(d \times m\) operator from {@code family} drawn from {@code
     * state}, and factors \(SA\).
     */
    static SketchedSystem build(
            LinearOperator a,
            DenseMatrix b,
            SketchFamily family,
            double sketchFactor,
            Factorization factorization,
            double rankTolerance,
            RngState state) {
        int m = a.rows();
        int n = a.cols();
        int d = sketchRows(m, n, sketchFactor);
        Sampled<SketchingOperator> draw = family.of(d, m).sample(state);
        SketchingOperator s = draw.value();
        Matrix explicit = a.matrix().orElse(null);
        DenseMatrix sa = explicit != null ? s.applyLeft(explicit) : s.applyLeft(a);
        DenseMatrix sb = s.applyLeft(b);
        return factorization == Factorization.QR ? qr(sa, sb, draw.next()) : svd(sa, sb, rankTolerance, draw.next());
    }

    private static SketchedSystem qr(DenseMatrix sa, DenseMatrix sb, RngState next) {
        int d = sa.rows();
        int n = sa.cols();
        Qr qr = Decompositions.qr();
        CompactQr factors = qr.factorInPlace(sa);
        DenseMatrix r = factors.r();
        for (int i = 0; i < n; i++) {
            if (r.get(i, i) == 0.0) {
                throw new SingularMatrixException("the " + d + "x" + n + " sketch SA has R(" + i + ", " + i
                        + ") = 0: A is rank deficient; use Factorization.SVD");
            }
        }
        double rcond = Decompositions.triangularSolver().reciprocalCondition(Triangle.UPPER, Diagonal.NON_UNIT, r);
        if (rcond < 0x1.0p-52) {
            throw new SingularMatrixException("the " + d + "x" + n + " sketch SA is singular to working precision"
                    + " (estimated reciprocal condition number of R " + rcond
                    + "): A is numerically rank deficient; use Factorization.SVD");
        }
        DenseMatrix c = qr.multiplyQ(factors, Transpose.TRANSPOSE, sb);
        DenseMatrix y0 = c.rowBlock(0, n).copy();
        double tail = d > n ? Blas.nrm2(c.rowBlock(n, d - n)) : 0.0;
        return new SketchedSystem(d, n, new UpperTriangularInverse(r), y0, tail, next);
    }

    private static SketchedSystem svd(DenseMatrix sa, DenseMatrix sb, double rankTolerance, RngState next) {
        int d = sa.rows();
        int n = sa.cols();
        SvdResult svd = Decompositions.svd().decompose(sa);
        double[] sigma = svd.singularValues();
        int rank = 0;
        while (rank < sigma.length && sigma[rank] > rankTolerance * sigma[0]) {
            rank++;
        }
        // N = V_r Sigma_r^{-1}: row i of V^T, divided by sigma_i, is column i of N.
        DenseMatrix nMatrix = DenseMatrix.zeros(n, rank);
        for (int i = 0; i < rank; i++) {
            double inv = 1.0 / sigma[i];
            for (int j = 0; j < n; j++) {
                nMatrix.set(j, i, svd.vt().get(i, j) * inv);
            }
        }
        DenseMatrix ur = svd.u().columns(0, rank);
        DenseMatrix y0 = DenseMatrix.zeros(rank, 1);
        DenseMatrix fitted = DenseMatrix.zeros(d, 1);
        if (rank > 0) {
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, ur, sb, 0.0, y0);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, ur, y0, 0.0, fitted);
        }
        DenseMatrix residual = sb.copy();
        Blas.axpy(-1.0, fitted, residual);
        return new SketchedSystem(d, rank, LinearOperator.of(nMatrix), y0, Blas.nrm2(residual), next);
    }

    /**
     * \(x = Ny\).
     *
     * @param y \(r \times 1\)
     * @return \(n \times 1\)
     */
    DenseMatrix solution(DenseMatrix y) {
        DenseMatrix x = DenseMatrix.zeros(preconditioner.rows(), 1);
        preconditioner.apply(Transpose.NO_TRANSPOSE, y, x);
        return x;
    }

    /**
     * \(\|b - Ax\|\), computed (one product with \(A\)).
     *
     * @param a the operator
     * @param b the right-hand side
     * @param x the point
     * @return the residual norm
     */
    static double residualNorm(LinearOperator a, DenseMatrix b, DenseMatrix x) {
        DenseMatrix r = b.copy();
        a.apply(Transpose.NO_TRANSPOSE, -1.0, x, 1.0, r);
        return Blas.nrm2(r);
    }
}
