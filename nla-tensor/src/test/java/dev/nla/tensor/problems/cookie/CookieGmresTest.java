package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.solve.TuckerGmres;
import dev.nla.tensor.solve.TuckerGmresOptions;
import dev.nla.tensor.solve.TuckerGmresResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * T12 (a)-(c) on a reduced cookie problem that runs in the default tier: 4 cookies (d = 5), \(n_x =
 * 12\) (169 nodes), 5 samples per cookie in [1, 10], tol 1e-8, mean-based preconditioner. The
 * full-size cases (1681 nodes, n = 8 and 16; why not 32 is explained there) are in {@link CookieGmresAcceptanceTest} (slow tier).
 */
class CookieGmresTest {
    private static final CookieProblem PROBLEM =
            CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(12));
    private static final ParametricCookieOperator OP = ParametricCookieOperator.uniform(PROBLEM, 5, 1.0, 10.0);
    private static final double TOL = 1e-8;

    @ParameterizedTest
    @EnumSource(
            value = SummationStrategy.class,
            names = {"FORMAL_QR_ROUNDING", "ADAPTIVE"})
    void convergesToATrueResidualBelowTenTimesTheTolerance(SummationStrategy strategy) {
        TuckerGmresResult r = solve(strategy, RngState.seed(1));
        assertThat(r.converged()).isTrue();
        assertThat(r.finalTrueResidual()).isLessThanOrEqualTo(1e-7);
    }

    @Test
    void deterministicAndSketchedIterationCountsDifferByAtMostTwo() {
        int det = solve(SummationStrategy.FORMAL_QR_ROUNDING, RngState.seed(1)).iterations();
        int sk = solve(SummationStrategy.ADAPTIVE, RngState.seed(2)).iterations();
        assertThat(Math.abs(det - sk)).isLessThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(
            value = SummationStrategy.class,
            names = {"FORMAL_QR_ROUNDING", "ADAPTIVE"})
    void solutionFibresMatchTheDirectSolveAtRandomParameterPoints(SummationStrategy strategy) {
        TuckerGmresResult r = solve(strategy, RngState.seed(3));
        int[][] points = CookieAcceptance.randomGridPoints(OP, 5, RngState.seed(77));
        for (int[] index : points) {
            DenseMatrix approx = OP.fibre(r.solution(), index);
            DenseMatrix exact = PROBLEM.solve(OP.parameterPoint(index));
            // Residual 1e-8 and cond(P^-1 A) <= 10 give ~1e-7 relative error in the worst fibre.
            assertThat(TestTensors.relativeDifference(approx, exact)).isLessThanOrEqualTo(1e-6);
        }
    }

    @Test
    void maxRankPerIterationIsRecorded() {
        TuckerGmresResult r = solve(SummationStrategy.ADAPTIVE, RngState.seed(4));
        assertThat(r.maxRanks()).hasSize(r.iterations());
        for (int v : r.maxRanks()) {
            assertThat(v).isBetween(1, PROBLEM.size());
        }
    }

    @Test
    void nonConvergenceWithinMaxitIsReportedInTheResult() {
        TuckerGmres gmres = new TuckerGmres(
                TuckerSummation.of(SummationStrategy.ADAPTIVE),
                TuckerGmresOptions.builder(TOL).maxIterations(3).build());
        TuckerGmresResult r = gmres.solve(OP, OP.rightHandSide(), OP.meanPreconditioner(), RngState.seed(5));
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(3);
        // Three steps cut the preconditioned residual, but nowhere near 1e-8.
        assertThat(r.finalTrueResidual()).isBetween(TOL, 1.0);
    }

    private static TuckerGmresResult solve(SummationStrategy strategy, RngState state) {
        TuckerGmres gmres = new TuckerGmres(TuckerSummation.of(strategy), TuckerGmresOptions.defaults(TOL));
        return gmres.solve(OP, OP.rightHandSide(), OP.meanPreconditioner(), state);
    }
}
