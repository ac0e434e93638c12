package dev.nla.sketch.solve;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/least-squares.md} ({@code docs/examples/LeastSquaresExample.java}),
 * statement for statement, with the printed values asserted.
 */
class DocsExampleTest {
    private static DenseMatrix a;
    private static DenseMatrix b;
    private static DenseMatrix xQr;
    private static final RngState STATE = RngState.seed(42);

    @BeforeAll
    static void problem() {
        int m = 20_000;
        int n = 200;
        a = RandomMatrices.gaussian(m, n, RngState.seed(1)).value();
        for (int j = 0; j < n; j++) {
            Blas.scal(Math.pow(1e-8, j / (n - 1.0)), a.column(j));
        }
        DenseMatrix xStar = RandomMatrices.gaussian(n, 1, RngState.seed(2)).value();
        b = Blas.multiply(a, xStar);
        Blas.axpy(1e-10, RandomMatrices.gaussian(m, 1, RngState.seed(3)).value(), b);
        xQr = Decompositions.leastSquares().solve(a, b).solution();
    }

    @Test
    void sketchAndPreconditionMatchesTheQrSolve() {
        SketchAndPreconditionResult r =
                SketchAndPrecondition.withDefaults().solve(a, b, STATE).value();
        // printed: 40 iterations, NORMAL_EQUATIONS_TOLERANCE, distance 1.8e-10 (condition ~1e8: O(kappa u))
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.NORMAL_EQUATIONS_TOLERANCE);
        assertThat(r.iterations()).isBetween(30, 50);
        assertThat(LsProblems.relativeError(r.solution(), xQr)).isLessThan(1e-8);
        assertThat(r.residualNorm())
                .isCloseTo(
                        LsProblems.residual(a, b, xQr), org.assertj.core.data.Offset.offset(1e-6 * r.residualNorm()));
    }

    @Test
    void coldStartNeedsMoreIterations() {
        SketchAndPreconditionResult cold = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().warmStart(false).build())
                .solve(a, b, STATE)
                .value();
        // printed: 69 iterations
        assertThat(cold.iterations()).isGreaterThan(55);
    }

    @Test
    void sketchAndSolveResidualIsNearOptimal() {
        DenseMatrix noisy = b.copy();
        Blas.axpy(1e-3, RandomMatrices.gaussian(20_000, 1, RngState.seed(4)).value(), noisy);
        SketchAndSolveResult s =
                SketchAndSolve.withDefaults().solve(a, noisy, STATE).value();
        double optimal = LsProblems.residual(
                a, noisy, Decompositions.leastSquares().solve(a, noisy).solution());
        // printed: d = 800, ratio 1.165 (Gaussian expectation sqrt(1 + 200/599) = 1.155)
        assertThat(s.sketchRows()).isEqualTo(800);
        assertThat(s.residualNorm() / optimal).isBetween(1.0, 1.3);
    }

    @Test
    void matrixFreeOperatorConverges() {
        LinearOperator op = LinearOperator.fromFunctions(
                20_000,
                200,
                (x, y) -> Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1, a, x, 0, y),
                (x, y) -> Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1, a, x, 0, y));
        SketchAndPreconditionResult f =
                SketchAndPrecondition.withDefaults().solve(op, b, STATE).value();
        assertThat(f.converged()).isTrue();
        assertThat(f.iterations()).isBetween(30, 50);
    }

    @Test
    @Tag("slow") // 1000 products with a 20000 x 200 matrix: several seconds
    void plainLsqrStallsOnTheIllConditionedProblem() {
        LsqrResult plain = new Lsqr(LsqrOptions.defaults().withMaxIterations(500)).solve(LinearOperator.of(a), b);
        // printed: 500 iterations, ITERATION_LIMIT, distance 0.71
        assertThat(plain.stopReason()).isEqualTo(LsqrStopReason.ITERATION_LIMIT);
        assertThat(LsProblems.relativeError(plain.solution(), xQr)).isGreaterThan(0.1);
    }
}
