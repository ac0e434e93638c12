package dev.nla.sketch.solve;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static dev.nla.sketch.solve.LsProblems.minus;
import static dev.nla.sketch.solve.LsProblems.norm;
import static dev.nla.sketch.solve.LsProblems.relativeError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdLeastSquares;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.operator.SketchFamily;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sketch-and-precondition against a dense Householder QR solve on problems with a known solution:
 * \(A\) 2000 x 80 with condition \(\kappa\) and a tiny residual (\(\|r\| = 10^{-12}\|Ax\|\)), so that the
 * forward error of a backward-stable solver is \(O(\kappa u)\) (the \(\kappa^2 u\|r\|\) term is smaller).
 */
class SketchAndPreconditionTest {
    private static final int M = 2000;
    private static final int N = 80;
    private static final RngState SEED = RngState.seed(20260501);
    private static final Map<Double, LsProblems.Problem> PROBLEMS = new HashMap<>();
    private static final Map<Double, DenseMatrix> QR = new HashMap<>();
    private static final Map<Double, SketchAndPreconditionResult> WARM = new HashMap<>();

    private static LsProblems.Problem problem(double kappa) {
        return PROBLEMS.computeIfAbsent(kappa, k -> LsProblems.withCondition(M, N, k, 1e-12, 17));
    }

    private static DenseMatrix qr(double kappa) {
        return QR.computeIfAbsent(kappa, k -> Decompositions.leastSquares()
                .solve(problem(k).a(), problem(k).b())
                .solution());
    }

    private static SketchAndPreconditionResult warm(double kappa) {
        return WARM.computeIfAbsent(kappa, k -> SketchAndPrecondition.withDefaults()
                .solve(problem(k).a(), problem(k).b(), SEED)
                .value());
    }

    @ParameterizedTest(name = "kappa = {0}")
    @ValueSource(doubles = {1e2, 1e6, 1e10})
    void residualMatchesTheQrSolve(double kappa) {
        LsProblems.Problem p = problem(kappa);
        double qrResidual = LsProblems.residual(p.a(), p.b(), qr(kappa));
        // ||r||^2 = ||r*||^2 + ||A(x - x*)||^2: both solutions are within rounding of the optimum. Forming
        // b - Ax in floating point adds an absolute error up to gamma_n (||b|| + ||A|| ||x||) ~ 2 n u ||b||,
        // which for this tiny residual (1e-12 ||b||) is the larger term
        double rounding = 2 * N * 0x1.0p-53 * norm(p.b());
        assertThat(Math.abs(warm(kappa).residualNorm() - qrResidual))
                .isLessThanOrEqualTo(1e-10 * qrResidual + rounding);
    }

    @ParameterizedTest(name = "kappa = {0}")
    @ValueSource(doubles = {1e2, 1e6, 1e10})
    void fittedValuesMatchTheQrSolve(double kappa) {
        LsProblems.Problem p = problem(kappa);
        double gap = norm(Blas.multiply(p.a(), minus(warm(kappa).solution(), qr(kappa))));
        // A x is well conditioned whatever kappa: both are backward stable to O(u ||b||)
        assertThat(gap).isLessThanOrEqualTo(1e-10 * norm(p.b()));
    }

    @ParameterizedTest(name = "kappa = {0}")
    @ValueSource(doubles = {1e2, 1e6})
    void solutionMatchesTheQrSolve(double kappa) {
        // both forward errors are O(kappa u) here (small residual): <= 1e-10 for kappa <= 1e6
        assertThat(relativeError(warm(kappa).solution(), qr(kappa))).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void forwardErrorIsThatOfTheQrSolveAtConditionTenToTheTen() {
        // at kappa = 1e10 no solver beats O(kappa u) ~ 1e-6 in x (measured: QR ~2e-8); sketch-and-precondition
        // with the warm start is as accurate as the Householder solve, measured against x*
        LsProblems.Problem p = problem(1e10);
        double qrError = relativeError(qr(1e10), p.solution());
        assertThat(relativeError(warm(1e10).solution(), p.solution())).isLessThanOrEqualTo(10 * qrError);
    }

    @ParameterizedTest(name = "kappa = {0}")
    @ValueSource(doubles = {1e2, 1e6, 1e10})
    void convergesInABoundedNumberOfIterations(double kappa) {
        SketchAndPreconditionResult r = warm(kappa);
        assertThat(r.converged()).isTrue();
        // cond(A N) <= (1 + eps)/(1 - eps) ~ 3 for d = 4n: ~25-40 iterations to 1e-14 for any kappa
        assertThat(r.iterations()).isLessThanOrEqualTo(60);
    }

    @Test
    void iterationCountDoesNotDependOnTheCondition() {
        int low = Math.min(
                warm(1e2).iterations(),
                Math.min(warm(1e6).iterations(), warm(1e10).iterations()));
        int high = Math.max(
                warm(1e2).iterations(),
                Math.max(warm(1e6).iterations(), warm(1e10).iterations()));
        // eight orders of magnitude of condition change the count by a few iterations at most
        assertThat(high - low).isLessThanOrEqualTo(5);
    }

    @Test
    void coldStartLosesForwardAccuracyOnAHardProblem() {
        // Meier, Nakatsukasa, Townsend and Webb 2023: from zero the rounding errors scale with ||b||, not
        // with the (tiny) optimal residual, and are amplified by kappa^2: measured ~1e-1 vs ~1e-8 warm
        LsProblems.Problem p = problem(1e10);
        SketchAndPreconditionResult cold = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().warmStart(false).build())
                .solve(p.a(), p.b(), SEED)
                .value();
        assertThat(relativeError(cold.solution(), p.solution()))
                .isGreaterThan(1000 * relativeError(warm(1e10).solution(), p.solution()));
    }

    @Test
    void warmStartIsForwardStable() {
        // forward stability: ||x - x*|| / ||x*|| <= c (kappa u + kappa^2 u ||r*|| / (||A|| ||x*||)), here
        // with c = 1, ||A|| = ||x*|| = 1, kappa = 1e10 and a moderate residual ||r*|| = 1e-6 ||A x*||
        LsProblems.Problem p = LsProblems.withCondition(M, N, 1e10, 1e-6, 18);
        double kappa = 1e10;
        double u = 0x1.0p-53;
        double bound = kappa * u + kappa * kappa * u * p.residualNorm();
        DenseMatrix x = SketchAndPrecondition.withDefaults()
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution();
        assertThat(relativeError(x, p.solution())).isLessThanOrEqualTo(bound);
    }

    @Test
    void coldStartIsNotForwardStable() {
        LsProblems.Problem p = LsProblems.withCondition(M, N, 1e10, 1e-6, 18);
        double kappa = 1e10;
        double u = 0x1.0p-53;
        double bound = kappa * u + kappa * kappa * u * p.residualNorm();
        DenseMatrix x = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().warmStart(false).build())
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution();
        // measured ~1: the error exceeds the bound that any backward-stable solver meets
        assertThat(relativeError(x, p.solution())).isGreaterThan(10 * bound);
    }

    @Test
    void coldStartNeedsMoreIterations() {
        LsProblems.Problem p = problem(1e6);
        SketchAndPreconditionResult cold = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().warmStart(false).build())
                .solve(p.a(), p.b(), SEED)
                .value();
        // from zero LSQR must also reduce ||b|| down to ||r*|| = 1e-12 ||b||: many more digits
        assertThat(cold.iterations()).isGreaterThan(warm(1e6).iterations() + 5);
    }

    @Test
    void warmStartBeginsAtTheSketchAndSolveSolution() {
        LsProblems.Problem p = problem(1e6);
        List<DenseMatrix> iterates = new ArrayList<>();
        SketchAndPrecondition.withDefaults()
                .solve(
                        dev.nla.core.operator.LinearOperator.of(p.a()),
                        p.b(),
                        SEED,
                        (k, x, rn, arn) -> iterates.add(x.copy()));
        SketchAndSolveResult sas = new SketchAndSolve(SketchAndSolveOptions.defaults())
                .solve(p.a(), p.b(), SEED)
                .value();
        assertThatMatrix(iterates.get(0)).isBitwiseEqualTo(sas.solution());
    }

    @Test
    void monitorEndsAtTheSolution() {
        LsProblems.Problem p = problem(1e2);
        List<DenseMatrix> iterates = new ArrayList<>();
        SketchAndPreconditionResult r = SketchAndPrecondition.withDefaults()
                .solve(
                        dev.nla.core.operator.LinearOperator.of(p.a()),
                        p.b(),
                        SEED,
                        (k, x, rn, arn) -> iterates.add(x.copy()))
                .value();
        assertThat(iterates).hasSize(r.iterations() + 1);
        assertThatMatrix(iterates.get(iterates.size() - 1)).isBitwiseEqualTo(r.solution());
    }

    @Test
    void warmStartResidualIsNearOptimal() {
        SketchAndPreconditionResult r = warm(1e6);
        // the sketch-and-solve residual is within (1 + eps)/(1 - eps) ~ 3 of the optimum (d = 4n)
        assertThat(r.residualHistory()[0]).isLessThanOrEqualTo(3 * problem(1e6).residualNorm());
    }

    @Test
    void usesTheDefaultSketchSize() {
        assertThat(warm(1e2).sketchRows()).isEqualTo(4 * N);
        assertThat(warm(1e2).rank()).isEqualTo(N);
    }

    @Test
    void sparseInputGivesTheSameSolution() {
        LsProblems.Problem p = problem(1e6);
        SparseMatrix sparse = SparseMatrix.fromDense(p.a(), SparseMatrix.Format.CSC);
        DenseMatrix x = SketchAndPrecondition.withDefaults()
                .solve(sparse, p.b(), SEED)
                .value()
                .solution();
        assertThat(relativeError(x, warm(1e6).solution())).isLessThan(1e-10);
    }

    @Test
    void matrixFreeInputGivesTheSameSolution() {
        LsProblems.Problem p = problem(1e6);
        DenseMatrix x = SketchAndPrecondition.withDefaults()
                .solve(LsProblems.matrixFree(p.a()), p.b(), SEED)
                .value()
                .solution();
        assertThat(relativeError(x, warm(1e6).solution())).isLessThan(1e-10);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"gaussian", "srht", "countsketch"})
    void otherSketchesConverge(String name) {
        SketchFamily family =
                switch (name) {
                    case "gaussian" -> SketchFamily.gaussian();
                    case "srht" -> SketchFamily.srht();
                    default -> SketchFamily.countSketch();
                };
        LsProblems.Problem p = problem(1e6);
        SketchAndPreconditionResult r = new SketchAndPrecondition(
                        SketchAndPreconditionOptions.builder().sketch(family).build())
                .solve(p.a(), p.b(), SEED)
                .value();
        assertThat(r.converged()).isTrue();
        assertThat(relativeError(r.solution(), qr(1e6))).isLessThan(1e-10);
    }

    @Test
    void svdPreconditionerGivesTheMinimumNormSolutionOfARankDeficientProblem() {
        // rank 30 of 60 columns: the minimum-norm solution is A^+ b
        double[] sigma = new double[60];
        for (int i = 0; i < 30; i++) {
            sigma[i] = Math.pow(10, -i / 10.0);
        }
        DenseMatrix a = TestMatrices.withSingularValues(1500, 60, sigma, RngState.seed(21));
        DenseMatrix b = TestMatrices.gaussian(1500, 1, RngState.seed(22));
        SketchAndPreconditionResult r = new SketchAndPrecondition(SketchAndPreconditionOptions.builder()
                        .preconditioner(Factorization.SVD)
                        .build())
                .solve(a, b, SEED)
                .value();
        DenseMatrix expected = SvdLeastSquares.withDefaults().solve(a, b).x();
        assertThat(r.rank()).isEqualTo(30);
        // condition of the rank-30 part is 10^2.9; errors O(cond u) relative
        assertThat(relativeError(r.solution(), expected)).isLessThan(1e-10);
    }

    @Test
    void svdPreconditionerGivesZeroForTheZeroMatrix() {
        // rank 0: the preconditioner has no columns, A^T b = 0 in its coordinates, x = 0 exactly
        SketchAndPreconditionResult r = new SketchAndPrecondition(SketchAndPreconditionOptions.builder()
                        .preconditioner(Factorization.SVD)
                        .build())
                .solve(DenseMatrix.zeros(100, 5), TestMatrices.gaussian(100, 1, RngState.seed(25)), SEED)
                .value();
        assertThat(r.rank()).isZero();
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.EXACT_START);
        assertThatMatrix(r.solution()).isBitwiseEqualTo(DenseMatrix.zeros(5, 1));
    }

    @Test
    void qrPreconditionerRefusesARankDeficientProblem() {
        double[] sigma = new double[20];
        for (int i = 0; i < 10; i++) {
            sigma[i] = 1.0;
        }
        DenseMatrix a = TestMatrices.withSingularValues(500, 20, sigma, RngState.seed(23));
        DenseMatrix b = TestMatrices.gaussian(500, 1, RngState.seed(24));
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults().solve(a, b, SEED))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("80x20")
                .hasMessageContaining("SVD");
    }

    @Test
    void nonConvergenceIsReportedNotThrown() {
        LsProblems.Problem p = problem(1e6);
        SketchAndPreconditionResult r = new SketchAndPrecondition(SketchAndPreconditionOptions.builder()
                        .lsqr(LsqrOptions.preconditioned().withMaxIterations(2))
                        .build())
                .solve(p.a(), p.b(), SEED)
                .value();
        assertThat(r.converged()).isFalse();
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.ITERATION_LIMIT);
        assertThat(r.iterations()).isEqualTo(2);
        assertThat(r.residualHistory()).hasSize(3);
    }

    @Test
    void sameSeedIsBitwiseIdenticalForOneAndTwoThreads() {
        LsProblems.Problem p = LsProblems.withCondition(6000, 150, 1e6, 1e-4, 31);
        DenseMatrix one = LsProblems.withThreads(1, () -> SketchAndPrecondition.withDefaults()
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution());
        DenseMatrix two = LsProblems.withThreads(2, () -> SketchAndPrecondition.withDefaults()
                .solve(p.a(), p.b(), SEED)
                .value()
                .solution());
        assertThatMatrix(two).isBitwiseEqualTo(one);
    }

    @Test
    void returnsTheStateAfterTheSketch() {
        LsProblems.Problem p = problem(1e2);
        Sampled<SketchAndPreconditionResult> r =
                SketchAndPrecondition.withDefaults().solve(p.a(), p.b(), SEED);
        assertThat(r.next())
                .isEqualTo(SketchFamily.sparseSign().of(4 * N, M).sample(SEED).next());
    }

    @Test
    void differentSeedsGiveTheSameSolutionToTolerance() {
        LsProblems.Problem p = problem(1e6);
        DenseMatrix other = SketchAndPrecondition.withDefaults()
                .solve(p.a(), p.b(), RngState.seed(99))
                .value()
                .solution();
        assertThat(relativeError(other, warm(1e6).solution())).isLessThan(1e-10);
    }

    @Test
    void rejectsAWideMatrix() {
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(DenseMatrix.zeros(5, 8), DenseMatrix.zeros(5, 1), SEED))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x8");
    }

    @Test
    void rejectsAMismatchedRightHandSide() {
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(DenseMatrix.zeros(50, 8), DenseMatrix.zeros(49, 1), SEED))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("50x1")
                .hasMessageContaining("49x1");
    }

    @Test
    void rejectsSeveralRightHandSides() {
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(DenseMatrix.zeros(50, 8), DenseMatrix.zeros(50, 2), SEED))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("50x2");
    }

    @Test
    void rejectsNonFiniteMatrixEntries() {
        DenseMatrix a = TestMatrices.gaussian(50, 8, RngState.seed(1));
        a.set(7, 3, Double.NaN);
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(a, TestMatrices.gaussian(50, 1, RngState.seed(2)), SEED))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(7, 3)");
    }

    @Test
    void rejectsNonFiniteRightHandSide() {
        DenseMatrix b = TestMatrices.gaussian(50, 1, RngState.seed(2));
        b.set(9, 0, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(TestMatrices.gaussian(50, 8, RngState.seed(1)), b, SEED))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(9, 0)");
    }

    @Test
    void rejectsNullState() {
        assertThatThrownBy(() -> SketchAndPrecondition.withDefaults()
                        .solve(TestMatrices.gaussian(50, 8, RngState.seed(1)), DenseMatrix.zeros(50, 1), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("state");
    }
}
