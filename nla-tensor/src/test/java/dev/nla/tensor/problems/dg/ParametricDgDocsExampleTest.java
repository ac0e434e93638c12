package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The construction-B example of {@code docs/dg-transport.md}, statement for statement. */
class ParametricDgDocsExampleTest {
    private static TuckerTensor u0;
    private static TimeGrid grid;
    private static DgTuckerResult r;
    private static DenseMatrix fastNarrow;
    private static DenseMatrix reference;

    @BeforeAll
    static void example() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(2, 1024, 1.0));
        double[] speeds = ParametricDgOperator.samples(0.5, 1.5, 16);
        ParametricDgOperator op = ParametricDgOperator.of(dg, speeds, 16);
        List<PeriodicGaussian> bumps = new ArrayList<>();
        for (double w : ParametricDgOperator.samples(0.04, 0.1, 16)) {
            bumps.add(new PeriodicGaussian(0.5, w));
        }
        u0 = op.project(bumps);
        grid = op.timeGrid(0.01, 0.5, TimeStepRule.CFL);
        r = new DgTuckerSolver(op, TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING), 1e-10, 0)
                .solve(u0, grid, RngState.seed(1));
        fastNarrow = op.fibre(r.solution(), 15, 0);
        reference = SspRk3.solve(op.fibreOperator(15), dg.project(bumps.get(0)), grid);
    }

    @Test
    void initialDataHaveTheStatedRanks() {
        assertThat(u0.ranks()).containsExactly(3, 48, 1, 16);
    }

    @Test
    void gridHasTheStatedSteps() {
        assertThat(grid.steps()).isEqualTo(154);
    }

    @Test
    void solutionHasTheStatedRanks() {
        assertThat(r.solution().ranks()).containsExactly(3, 27, 6, 14);
    }

    @Test
    void fibreMatchesTheFullGrid() {
        double num = 0;
        double den = 0;
        for (int j = 0; j < reference.cols(); j++) {
            for (int l = 0; l < reference.rows(); l++) {
                num += Math.pow(fastNarrow.get(l, j) - reference.get(l, j), 2);
                den += Math.pow(reference.get(l, j), 2);
            }
        }
        // 462 roundings, each within 1e-10 of the whole tensor, whose norm is ~20 times this (narrowest)
        // fibre's: worst case ~1e-6; the truncated tails are far below tol, and T13b's bar is 1e-8.
        assertThat(Math.sqrt(num / den)).isLessThanOrEqualTo(1e-8);
    }
}
