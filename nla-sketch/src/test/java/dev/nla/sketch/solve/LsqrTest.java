package dev.nla.sketch.solve;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static dev.nla.sketch.solve.LsProblems.minus;
import static dev.nla.sketch.solve.LsProblems.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LsqrTest {
    /** 200 x 40, singular values 1 ... 0.1 (condition 10), random b: an inconsistent system. */
    private static final DenseMatrix A =
            TestMatrices.withSingularValues(200, 40, TestMatrices.exponentialDecay(40, 10), RngState.seed(3));

    private static final DenseMatrix B = TestMatrices.gaussian(200, 1, RngState.seed(4));

    private static final DenseMatrix X_LS =
            Decompositions.leastSquares().solve(A, B).solution();

    private static final Lsqr TIGHT = new Lsqr(LsqrOptions.defaults().withTolerance(1e-14));

    @Test
    void matchesTheDenseLeastSquaresSolution() {
        LsqrResult r = TIGHT.solve(LinearOperator.of(A), B);
        // forward error of a backward-stable solve: ~ cond * atol + cond^2 u ||r|| / (||A|| ||x||), cond = 10
        assertThat(LsProblems.relativeError(r.solution(), X_LS)).isLessThan(1e-11);
    }

    @Test
    void stopsOnTheNormalEquationsTestForAnInconsistentSystem() {
        assertThat(TIGHT.solve(LinearOperator.of(A), B).stopReason())
                .isEqualTo(LsqrStopReason.NORMAL_EQUATIONS_TOLERANCE);
    }

    @Test
    void stopsOnTheResidualTestForAConsistentSystem() {
        DenseMatrix b = Blas.multiply(A, TestMatrices.gaussian(40, 1, RngState.seed(5)));
        assertThat(Lsqr.withDefaults().solve(LinearOperator.of(A), b).stopReason())
                .isEqualTo(LsqrStopReason.RESIDUAL_TOLERANCE);
    }

    @Test
    void solvesAConsistentSystem() {
        DenseMatrix x = TestMatrices.gaussian(40, 1, RngState.seed(5));
        DenseMatrix b = Blas.multiply(A, x);
        LsqrResult r = Lsqr.withDefaults().solve(LinearOperator.of(A), b);
        // test 1 stops at ||r|| <= 1e-10 (||b|| + ||A|| ||x||); the error is at most cond times that
        assertThat(LsProblems.relativeError(r.solution(), x)).isLessThan(1e-8);
    }

    @Test
    void errorDecreasesAtLeastAsTheConjugateGradientBound() {
        // ||A(x_k - x*)|| <= 2 ((kappa - 1)/(kappa + 1))^k ||A(x_0 - x*)||, kappa = cond(A) = 10
        double rate = 9.0 / 11.0;
        List<Double> errors = new ArrayList<>();
        new Lsqr(LsqrOptions.defaults().withTolerance(0).withMaxIterations(40))
                .solve(
                        LinearOperator.of(A),
                        B,
                        null,
                        (k, x, rnorm, arnorm) -> errors.add(norm(Blas.multiply(A, minus(x, X_LS)))));
        double e0 = errors.get(0);
        for (int k = 0; k < errors.size(); k++) {
            // slack for rounding: the errors level off near u ||b||
            assertThat(errors.get(k)).as("iteration %d", k).isLessThanOrEqualTo(2 * Math.pow(rate, k) * e0 + 1e-13);
        }
    }

    @Test
    void residualEstimatesDecreaseMonotonically() {
        double[] h = TIGHT.solve(LinearOperator.of(A), B).residualHistory();
        for (int k = 1; k < h.length; k++) {
            // ||r_k|| = phibar_k = s_k phibar_{k-1} with |s_k| <= 1: LSQR minimizes ||r|| over nested spaces
            assertThat(h[k]).as("iteration %d", k).isLessThanOrEqualTo(h[k - 1]);
        }
    }

    @Test
    void residualEstimateMatchesTheComputedResidual() {
        LsqrResult r = TIGHT.solve(LinearOperator.of(A), B);
        double actual = LsProblems.residual(A, B, r.solution());
        // the recurrence tracks ||b - A x_k|| to rounding while it is far above u ||b||
        assertThat(r.residualNorm()).isCloseTo(actual, org.assertj.core.data.Offset.offset(1e-10 * actual));
    }

    @Test
    void warmStartAtTheSolutionNeedsFewIterations() {
        LsqrResult cold = TIGHT.solve(LinearOperator.of(A), B);
        LsqrResult warm = TIGHT.solve(LinearOperator.of(A), B, X_LS);
        assertThat(warm.iterations()).isLessThan(cold.iterations() / 2);
    }

    @Test
    void exactStartingPointStopsBeforeIterating() {
        // integer data: b - A x0 is exactly zero
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DenseMatrix x0 = DenseMatrix.columnVector(1, -1);
        DenseMatrix b = DenseMatrix.columnVector(-1, -1, -1);
        LsqrResult r = Lsqr.withDefaults().solve(LinearOperator.of(a), b, x0);
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.EXACT_START);
        assertThat(r.iterations()).isZero();
        assertThatMatrix(r.solution()).isBitwiseEqualTo(x0);
    }

    @Test
    void zeroRightHandSideGivesZero() {
        LsqrResult r = Lsqr.withDefaults().solve(LinearOperator.of(A), DenseMatrix.zeros(200, 1));
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.EXACT_START);
        assertThatMatrix(r.solution()).isBitwiseEqualTo(DenseMatrix.zeros(40, 1));
    }

    @Test
    void iterationLimitIsReportedNotThrown() {
        LsqrResult r = new Lsqr(LsqrOptions.defaults().withMaxIterations(3)).solve(LinearOperator.of(A), B);
        assertThat(r.converged()).isFalse();
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.ITERATION_LIMIT);
        assertThat(r.iterations()).isEqualTo(3);
        assertThat(r.residualHistory()).hasSize(4);
        assertThat(r.normalResidualHistory()).hasSize(4);
    }

    @Test
    void zeroIterationsReturnTheStartingPoint() {
        DenseMatrix x0 = TestMatrices.gaussian(40, 1, RngState.seed(9));
        LsqrResult r = new Lsqr(LsqrOptions.defaults().withMaxIterations(0)).solve(LinearOperator.of(A), B, x0);
        assertThatMatrix(r.solution()).isBitwiseEqualTo(x0);
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.ITERATION_LIMIT);
    }

    @Test
    void conditionLimitStopsOnAnIllConditionedOperator() {
        DenseMatrix a =
                TestMatrices.withSingularValues(100, 30, TestMatrices.exponentialDecay(30, 1e6), RngState.seed(6));
        LsqrResult r = new Lsqr(LsqrOptions.defaults().withConditionLimit(100))
                .solve(LinearOperator.of(a), TestMatrices.gaussian(100, 1, RngState.seed(7)));
        assertThat(r.stopReason()).isEqualTo(LsqrStopReason.CONDITION_LIMIT);
        // the estimate of cond(A) = ||A||_F ||A^+|| crossed the limit
        assertThat(r.conditionEstimate()).isGreaterThanOrEqualTo(100);
    }

    @Test
    void countsProducts() {
        AtomicLong count = new AtomicLong();
        LsqrResult r = TIGHT.solve(LsProblems.counting(A, count), B, TestMatrices.gaussian(40, 1, RngState.seed(8)));
        // r0 = b - A x0, then A^T u_1, then one A and one A^T per iteration
        assertThat(r.matvecs()).isEqualTo(2L * r.iterations() + 2);
        assertThat(count.get()).isEqualTo(r.matvecs());
    }

    @Test
    void monitorSeesEveryIterateAndTheLastIsTheSolution() {
        List<DenseMatrix> seen = new ArrayList<>();
        LsqrResult r = TIGHT.solve(LinearOperator.of(A), B, null, (k, x, rn, arn) -> seen.add(x.copy()));
        assertThat(seen).hasSize(r.iterations() + 1);
        assertThatMatrix(seen.get(seen.size() - 1)).isBitwiseEqualTo(r.solution());
    }

    @Test
    void matrixFreeOperatorGivesTheSameSolution() {
        LsqrResult explicit = TIGHT.solve(LinearOperator.of(A), B);
        LsqrResult free = TIGHT.solve(LsProblems.matrixFree(A), B);
        assertThatMatrix(free.solution()).isBitwiseEqualTo(explicit.solution());
    }

    @Test
    void sparseMatrixWorks() {
        var sparse = dev.nla.core.matrix.SparseMatrix.fromDense(A, dev.nla.core.matrix.SparseMatrix.Format.CSR);
        LsqrResult r = TIGHT.solve(LinearOperator.of(sparse), B);
        assertThat(LsProblems.relativeError(r.solution(), X_LS)).isLessThan(1e-11);
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix a = TestMatrices.gaussian(3000, 120, RngState.seed(10));
        DenseMatrix b = TestMatrices.gaussian(3000, 1, RngState.seed(11));
        DenseMatrix one = LsProblems.withThreads(
                1, () -> TIGHT.solve(LinearOperator.of(a), b).solution());
        DenseMatrix two = LsProblems.withThreads(
                2, () -> TIGHT.solve(LinearOperator.of(a), b).solution());
        assertThatMatrix(two).isBitwiseEqualTo(one);
    }

    @Test
    void rejectsAWrongRightHandSide() {
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(LinearOperator.of(A), DenseMatrix.zeros(199, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("200x1")
                .hasMessageContaining("199x1");
    }

    @Test
    void rejectsAWrongStartingPoint() {
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(LinearOperator.of(A), B, DenseMatrix.zeros(41, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("41x1");
    }

    @Test
    void rejectsNonFiniteRightHandSide() {
        DenseMatrix b = B.copy();
        b.set(17, 0, Double.NaN);
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(LinearOperator.of(A), b))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(17, 0)");
    }

    @Test
    void rejectsNonFiniteMatrix() {
        DenseMatrix a = A.copy();
        a.set(3, 4, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(LinearOperator.of(a), B))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(3, 4)");
    }

    @Test
    void rejectsNonFiniteStartingPoint() {
        DenseMatrix x0 = DenseMatrix.zeros(40, 1);
        x0.set(2, 0, Double.NaN);
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(LinearOperator.of(A), B, x0))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("x0");
    }

    @Test
    void rejectsNullOperator() {
        assertThatThrownBy(() -> Lsqr.withDefaults().solve(null, B))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a");
    }
}
