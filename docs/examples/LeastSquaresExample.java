import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.solve.Lsqr;
import dev.nla.sketch.solve.LsqrOptions;
import dev.nla.sketch.solve.LsqrResult;
import dev.nla.sketch.solve.SketchAndPrecondition;
import dev.nla.sketch.solve.SketchAndPreconditionOptions;
import dev.nla.sketch.solve.SketchAndPreconditionResult;
import dev.nla.sketch.solve.SketchAndSolve;
import dev.nla.sketch.solve.SketchAndSolveResult;

public class LeastSquaresExample {
    public static void main(String[] args) {
        // A 20000 x 200 matrix with columns scaled from 1 down to 1e-8 (condition about 1e8),
        // and b = A x* + small noise: x* is nearly, not exactly, the least-squares solution.
        int m = 20_000, n = 200;
        DenseMatrix a = RandomMatrices.gaussian(m, n, RngState.seed(1)).value();
        for (int j = 0; j < n; j++) {
            Blas.scal(Math.pow(1e-8, j / (n - 1.0)), a.column(j));
        }
        DenseMatrix xStar = RandomMatrices.gaussian(n, 1, RngState.seed(2)).value();
        DenseMatrix b = Blas.multiply(a, xStar);
        Blas.axpy(1e-10, RandomMatrices.gaussian(m, 1, RngState.seed(3)).value(), b);

        // Sketch-and-precondition with the defaults: sparse sign sketch (zeta = 8, d = 4n), QR
        // preconditioner, LSQR warm-started from the sketch-and-solve solution.
        RngState state = RngState.seed(42);
        SketchAndPreconditionResult r = SketchAndPrecondition.withDefaults().solve(a, b, state).value();
        DenseMatrix xQr = Decompositions.leastSquares().solve(a, b).solution();
        System.out.printf("sketch-and-precondition: %d iterations, %s, distance to the QR solution %.1e%n",
                r.iterations(), r.stopReason(), error(r.solution(), xQr));
        System.out.printf("residual %.6e, QR residual %.6e%n", r.residualNorm(), residual(a, b, xQr));

        SketchAndPreconditionResult cold = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().warmStart(false).build())
                .solve(a, b, state)
                .value();
        System.out.printf("cold start:              %d iterations, distance to the QR solution %.1e%n",
                cold.iterations(), error(cold.solution(), xQr));

        // Sketch-and-solve: one sketch, one small QR; the residual is near-optimal, not the solution.
        DenseMatrix noisy = b.copy();
        DenseMatrix noise = RandomMatrices.gaussian(m, 1, RngState.seed(4)).value();
        Blas.axpy(1e-3, noise, noisy);
        SketchAndSolveResult s = SketchAndSolve.withDefaults().solve(a, noisy, state).value();
        double optimal = residual(a, noisy, Decompositions.leastSquares().solve(a, noisy).solution());
        System.out.printf("sketch-and-solve: d = %d, residual / optimal = %.3f%n",
                s.sketchRows(), s.residualNorm() / optimal);

        // Matrix-free operators work too (the sketch then costs A^T on d vectors).
        LinearOperator op = LinearOperator.fromFunctions(
                m, n,
                (x, y) -> Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1, a, x, 0, y),
                (x, y) -> Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1, a, x, 0, y));
        SketchAndPreconditionResult f = SketchAndPrecondition.withDefaults().solve(op, b, state).value();
        System.out.printf("matrix-free: %d iterations, converged %b%n", f.iterations(), f.converged());

        // LSQR on its own (no preconditioner): slow on this ill-conditioned problem.
        LsqrResult plain = new Lsqr(LsqrOptions.defaults().withMaxIterations(500)).solve(LinearOperator.of(a), b);
        System.out.printf("plain LSQR: %d iterations, %s, distance to the QR solution %.1e%n",
                plain.iterations(), plain.stopReason(), error(plain.solution(), xQr));
    }

    static double error(DenseMatrix x, DenseMatrix reference) {
        DenseMatrix d = x.copy();
        Blas.axpy(-1, reference, d);
        return Blas.nrm2(d) / Blas.nrm2(reference);
    }

    static double residual(DenseMatrix a, DenseMatrix b, DenseMatrix x) {
        DenseMatrix r = b.copy();
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1, a, x, 1, r);
        return Blas.nrm2(r);
    }
}
