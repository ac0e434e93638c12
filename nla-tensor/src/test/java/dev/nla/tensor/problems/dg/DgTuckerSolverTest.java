package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DgTuckerSolverTest {
    private static final double TOL = 1e-10;

    /** T13(b): construction A with q = 2 and 3, tol 1e-10, matches the full grid to 1e-8 at T = 1. */
    @ParameterizedTest
    @CsvSource({"FORMAL_QR_ROUNDING, 8;8", "ADAPTIVE, 8;8", "FORMAL_QR_ROUNDING, 4;4;4", "ADAPTIVE, 4;4;4"})
    void matchesTheFullGridAtTimeOne(SummationStrategy strategy, String digits) {
        Run run = run(strategy, 2, digits, RngState.seed(1));
        assertThat(TestTensors.relativeDifference(run.tucker, run.full)).isLessThanOrEqualTo(1e-8);
    }

    /** T13(c): sketched (adaptive) and deterministic rounding agree to 10 tol. */
    @Test
    void sketchedAndDeterministicRoundingAgree() {
        Run det = run(SummationStrategy.FORMAL_QR_ROUNDING, 3, "8;8", RngState.seed(1));
        Run sk = run(SummationStrategy.ADAPTIVE, 3, "8;8", RngState.seed(2));
        assertThat(TestTensors.relativeDifference(sk.tucker, det.tucker)).isLessThanOrEqualTo(10 * TOL);
    }

    @Test
    void withoutTruncationTheTuckerStepsAreTheFullGridSteps() {
        // Random (full-rank) data and tolerance 0: every rounding is exact up to O(u).
        DgOptions o = new DgOptions(1, 12, 1.0);
        DgAdvectionOperator dg = DgAdvectionOperator.of(o);
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, 3, 4);
        DenseMatrix u0 = RandomMatrices.gaussian(2, 12, RngState.seed(8)).value();
        TimeGrid grid = new TimeGrid(0.01, 5);
        DgTuckerResult r = new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING), 0.0, 0)
                .solve(u0, grid, RngState.seed(1));
        assertThat(TestTensors.relativeDifference(q.toMatrix(r.solution()), SspRk3.solve(dg, u0, grid)))
                .isLessThan(1e-13);
    }

    @Test
    void sineDataStaysOfRankTwoInTheDigits() {
        // sin(2 pi (x_a + x_b)) = sin cos + cos sin: rank 2 in each digit mode (plus roundoff-level tails).
        Run run = run(SummationStrategy.FORMAL_QR_ROUNDING, 2, "8;8", RngState.seed(1));
        for (int[] ranks : run.result.ranks()) {
            assertThat(ranks[1]).isLessThanOrEqualTo(3);
            assertThat(ranks[2]).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void integralIsConservedUpToTheTruncation() {
        Run run = run(SummationStrategy.FORMAL_QR_ROUNDING, 2, "8;8", RngState.seed(1));
        double[] m = run.result.integrals();
        // Each rounding perturbs the L2 norm (0.7) by at most tol relative, so the integral by at most that.
        assertThat(m[m.length - 1]).isCloseTo(m[0], within(3 * m.length * TOL));
    }

    @Test
    void historiesHaveOneEntryPerStep() {
        Run run = run(SummationStrategy.ADAPTIVE, 1, "4;4", RngState.seed(1));
        DgTuckerResult r = run.result;
        assertThat(new int[] {r.ranks().length, r.roundingNanos().length, r.integrals().length})
                .containsExactly(r.steps(), r.steps(), r.steps() + 1);
    }

    @Test
    void fixedRankStrategyNeedsARankCap() {
        QuantizedDgOperator q = QuantizedDgOperator.of(DgAdvectionOperator.of(new DgOptions(1, 16, 1.0)), 4, 4);
        assertThatThrownBy(() -> new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.SKETCHED), TOL, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sketched")
                .hasMessageContaining("maxRank");
    }

    @Test
    void fixedRankStrategyWithACapMatchesTheFullGrid() {
        DgOptions o = new DgOptions(2, 16, 1.0);
        DgAdvectionOperator dg = DgAdvectionOperator.of(o);
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, 4, 4);
        DenseMatrix u0 = dg.project(x -> Math.sin(2 * Math.PI * x));
        TimeGrid grid = TimeGrid.of(o, 0.25, 0.5, TimeStepRule.CFL);
        DgTuckerResult r = new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.SKETCHED), TOL, 4)
                .solve(u0, grid, RngState.seed(4));
        assertThat(TestTensors.relativeDifference(q.toMatrix(r.solution()), SspRk3.solve(dg, u0, grid)))
                .isLessThan(1e-8);
    }

    @Test
    void negativeToleranceIsRefused() {
        QuantizedDgOperator q = QuantizedDgOperator.of(DgAdvectionOperator.of(new DgOptions(1, 16, 1.0)), 4, 4);
        assertThatThrownBy(() -> new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.ADAPTIVE), -1e-3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void initialDataOfTheWrongShapeIsRefused() {
        QuantizedDgOperator q = QuantizedDgOperator.of(DgAdvectionOperator.of(new DgOptions(1, 16, 1.0)), 4, 4);
        DgTuckerSolver s = new DgTuckerSolver(q, TuckerSummation.of(SummationStrategy.ADAPTIVE), TOL, 0);
        assertThatThrownBy(() -> s.solve(DenseMatrix.zeros(2, 15), new TimeGrid(0.1, 1), RngState.seed(1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x15");
    }

    private record Run(DenseMatrix tucker, DenseMatrix full, DgTuckerResult result) {}

    private static Run run(SummationStrategy strategy, int k, String digitSpec, RngState state) {
        int[] digits = java.util.Arrays.stream(digitSpec.split(";"))
                .mapToInt(Integer::parseInt)
                .toArray();
        int ne = java.util.stream.IntStream.of(digits).reduce(1, (a, b) -> a * b);
        DgOptions o = new DgOptions(k, ne, 1.0);
        DgAdvectionOperator dg = DgAdvectionOperator.of(o);
        QuantizedDgOperator q = QuantizedDgOperator.of(dg, digits);
        DenseMatrix u0 = dg.project(x -> Math.sin(2 * Math.PI * x));
        TimeGrid grid = TimeGrid.of(o, 1.0, 0.5, TimeStepRule.CFL);
        DgTuckerResult r = new DgTuckerSolver(q, TuckerSummation.of(strategy), TOL, 0).solve(u0, grid, state);
        return new Run(q.toMatrix(r.solution()), SspRk3.solve(dg, u0, grid), r);
    }
}
