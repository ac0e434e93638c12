package dev.nla.sketch.solve;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** Least-squares test problems with a known solution, and small helpers. */
final class LsProblems {
    private LsProblems() {}

    /**
     * \(A\) (\(m \times n\)) with singular values decaying geometrically from 1 to \(1/\kappa\),
     * \(x_\star\) a random unit vector and \(b = Ax_\star + r\) with \(r \perp \operatorname{range}(A)\),
     * \(\|r\| = \rho\|Ax_\star\|\): \(x_\star\) is the least-squares solution (up to the rounding in
     * forming \(A\) and \(r\)) and \(\|r\|\) the optimal residual.
     */
    record Problem(DenseMatrix a, DenseMatrix b, DenseMatrix solution, double residualNorm) {}

    static Problem withCondition(int m, int n, double kappa, double rho, long seed) {
        RngState state = RngState.seed(seed);
        DenseMatrix a = TestMatrices.withSingularValues(m, n, TestMatrices.exponentialDecay(n, kappa), state.split(1));
        DenseMatrix x = TestMatrices.gaussian(n, 1, state.split(2));
        Blas.scal(1.0 / Blas.nrm2(x), x);
        DenseMatrix ax = Blas.multiply(a, x);
        DenseMatrix r = perpendicular(a, TestMatrices.gaussian(m, 1, state.split(3)));
        Blas.scal(rho * Blas.nrm2(ax) / Blas.nrm2(r), r);
        DenseMatrix b = ax.copy();
        Blas.axpy(1.0, r, b);
        return new Problem(a, b, x, Blas.nrm2(r));
    }

    /** \(g\) projected onto the orthogonal complement of the range of \(A\) (twice, for orthogonality). */
    static DenseMatrix perpendicular(DenseMatrix a, DenseMatrix g) {
        DenseMatrix q = Decompositions.qr().decompose(a, QrMode.THIN).q();
        DenseMatrix r = g.copy();
        for (int pass = 0; pass < 2; pass++) {
            DenseMatrix c = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, r);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, r);
        }
        return r;
    }

    static double norm(DenseMatrix x) {
        return Blas.nrm2(x);
    }

    static DenseMatrix minus(DenseMatrix x, DenseMatrix y) {
        DenseMatrix d = x.copy();
        Blas.axpy(-1.0, y, d);
        return d;
    }

    static double relativeError(DenseMatrix x, DenseMatrix reference) {
        return norm(minus(x, reference)) / norm(reference);
    }

    /** \(\|b - Ax\|\). */
    static double residual(DenseMatrix a, DenseMatrix b, DenseMatrix x) {
        DenseMatrix r = b.copy();
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, a, x, 1.0, r);
        return norm(r);
    }

    /** A matrix-free operator for {@code a}: no {@link LinearOperator#matrix()}. */
    static LinearOperator matrixFree(DenseMatrix a) {
        return LinearOperator.fromFunctions(
                a.rows(),
                a.cols(),
                (x, y) -> Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y),
                (x, y) -> Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y));
    }

    /** A matrix-free operator for {@code a} that counts the vectors it is applied to. */
    static LinearOperator counting(DenseMatrix a, AtomicLong count) {
        return LinearOperator.fromFunctions(
                a.rows(),
                a.cols(),
                (x, y) -> {
                    count.addAndGet(x.cols());
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
                },
                (x, y) -> {
                    count.addAndGet(x.cols());
                    Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
                });
    }

    /** Runs {@code body} with the active backend replaced by one with {@code threads} threads. */
    static <T> T withThreads(int threads, Supplier<T> body) {
        Backend previous = Backends.active();
        Backends.setActive(Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads));
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }
}
