package dev.nla.tensor.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.tensor.problems.cookie.BandedCholesky;
import dev.nla.tensor.problems.cookie.CookieLayout;
import dev.nla.tensor.problems.cookie.CookieOptions;
import dev.nla.tensor.problems.cookie.CookieProblem;
import dev.nla.tensor.problems.dg.DgAdvectionOperator;
import dev.nla.tensor.problems.dg.DgOptions;
import dev.nla.tensor.problems.dg.SspRk3;
import dev.nla.tensor.problems.dg.TimeGrid;
import dev.nla.tensor.problems.dg.TimeStepRule;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/cookie-problem.md} and {@code docs/dg-transport.md}
 * ({@code docs/examples/CookieExample.java}, {@code DgTransportExample.java}), statement for
 * statement, with the printed facts asserted instead of printed.
 */
class DocsExamplesTest {
    @Test
    void cookieExample() {
        CookieProblem problem = CookieProblem.assemble(CookieOptions.defaults());
        double[] rho = {2.0, 10.0, 0.5, 1.0};
        SparseMatrix a = problem.operator(rho);
        DenseMatrix u = problem.solve(rho);
        BandedCholesky p = problem.meanPreconditioner();
        CookieProblem nine = CookieProblem.assemble(
                CookieOptions.defaults().withLayout(CookieLayout.NINE).withCellsPerSide(100));
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < u.rows(); i++) {
            max = Math.max(max, u.get(i, 0));
        }
        assertThat(new int[] {problem.size(), problem.cookieCount(), p.halfBandwidth(), nine.size()})
                .containsExactly(1681, 4, 41, 10201);
        assertThat(new int[] {problem.a0().nonZeroCount(), a.nonZeroCount()}).containsExactly(7109, 7609);
        // The docs print max u = 0.287041 (six digits).
        assertThat(max).isCloseTo(0.287041, within(5e-7));
        assertThatThrownBy(() -> problem.operator(1.0, -1.0, 1.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rho[1] = -1.0 is not positive");
    }

    @Test
    void dgTransportExample() {
        double[] printed = {
            3.718e-02, 7.489e-03, 1.717e-03, 1.688e-03, 2.095e-04, 2.616e-05, 7.996e-05, 5.048e-06, 3.156e-07,
            3.103e-06, 9.761e-08, 3.067e-09
        };
        int row = 0;
        for (int k = 1; k <= 4; k++) {
            for (int ne : new int[] {8, 16, 32}) {
                DgOptions options = new DgOptions(k, ne, 1.0);
                DgAdvectionOperator op = DgAdvectionOperator.of(options);
                DenseMatrix u0 = op.project(x -> Math.sin(2 * Math.PI * x));
                TimeGrid grid = TimeGrid.of(options, 1.0, 0.5, TimeStepRule.ORDER_MATCHED);
                DenseMatrix u = SspRk3.solve(op, u0, grid);
                double error = op.l2Error(u, x -> Math.sin(2 * Math.PI * x));
                // Four printed digits.
                assertThat(error).isCloseTo(printed[row], within(1e-3 * printed[row]));
                assertThat(op.integral(u)).isCloseTo(op.integral(u0), within(1e-14));
                row++;
            }
        }
    }
}
