package dev.nla.tensor.problems.dg;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.testing.Tolerances;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SspRk3Test {
    private static final DoubleUnaryOperator SINE = x -> Math.sin(2 * Math.PI * x);

    /** T13(a): L2 order >= k + 0.8 on sin(2 pi x) at T = 1 (one period), for k = 1..4. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void convergesAtOrderAtLeastKPlusPointEight(int k) {
        double e1 = error(k, 8);
        double e2 = error(k, 16);
        double e3 = error(k, 32);
        double rate1 = Math.log(e1 / e2) / Math.log(2);
        double rate2 = Math.log(e2 / e3) / Math.log(2);
        assertThat(Math.min(rate1, rate2)).isGreaterThanOrEqualTo(k + 0.8);
    }

    @Test
    void cflRuleLimitsHighDegreesToThirdOrder() {
        // Shows the ORDER_MATCHED rule matters: with the plain CFL step, k = 4 converges at ~3.
        DgOptions coarse = new DgOptions(4, 16, 1.0);
        DgOptions fine = new DgOptions(4, 32, 1.0);
        double e1 = run(coarse, TimeGrid.of(coarse, 1.0, 0.5, TimeStepRule.CFL));
        double e2 = run(fine, TimeGrid.of(fine, 1.0, 0.5, TimeStepRule.CFL));
        assertThat(Math.log(e1 / e2) / Math.log(2)).isBetween(2.7, 3.5);
    }

    @Test
    void oneStepIsTheCubicTaylorPolynomialOfTheOperator() {
        // For a linear ODE, SSP-RK3 is u + dt L u + dt^2 L^2 u / 2 + dt^3 L^3 u / 6.
        DgOptions o = new DgOptions(2, 6, 1.0);
        DgAdvectionOperator op = DgAdvectionOperator.of(o);
        DenseMatrix u0 = op.project(x -> Math.exp(Math.cos(2 * Math.PI * x)));
        double dt = 0.01;
        DenseMatrix stepped = SspRk3.solve(op, u0, new TimeGrid(dt, 1));
        SparseMatrix l = op.toSparse();
        DenseMatrix v = DenseMatrix.wrap(18, 1, u0.toColumnMajorArray());
        DenseMatrix l1 = Blas.multiply(l, v);
        DenseMatrix l2 = Blas.multiply(l, l1);
        DenseMatrix l3 = Blas.multiply(l, l2);
        DenseMatrix expected = v.copy();
        Blas.axpy(dt, l1, expected);
        Blas.axpy(dt * dt / 2, l2, expected);
        Blas.axpy(dt * dt * dt / 6, l3, expected);
        assertThatMatrix(DenseMatrix.wrap(18, 1, stepped.toColumnMajorArray())).isCloseTo(expected, 1e-13);
    }

    @Test
    void integralIsConservedToRounding() {
        DgOptions o = new DgOptions(3, 20, 1.0);
        DgAdvectionOperator op = DgAdvectionOperator.of(o);
        DenseMatrix u0 = op.project(x -> 0.3 + Math.exp(-50 * (x - 0.5) * (x - 0.5)));
        TimeGrid grid = TimeGrid.of(o, 1.0, 0.5, TimeStepRule.CFL);
        DenseMatrix u = SspRk3.solve(op, u0, grid);
        // Each step changes the integral by rounding only: O(N_e u) per stage.
        double bound = grid.steps() * 3 * Tolerances.gamma(4L * o.elements()) * 10;
        assertThat(op.integral(u)).isCloseTo(op.integral(u0), within(bound));
    }

    @Test
    void l2NormDoesNotGrow() {
        DgOptions o = new DgOptions(2, 20, 1.0);
        DgAdvectionOperator op = DgAdvectionOperator.of(o);
        DenseMatrix u0 = op.project(x -> x < 0.5 ? 1.0 : 0.0); // discontinuous data
        DenseMatrix u = SspRk3.solve(op, u0, TimeGrid.of(o, 1.0, 0.5, TimeStepRule.CFL));
        assertThat(op.l2Norm(u)).isLessThanOrEqualTo(op.l2Norm(u0));
    }

    @Test
    void doesNotModifyTheInitialData() {
        DgOptions o = new DgOptions(1, 4, 1.0);
        DgAdvectionOperator op = DgAdvectionOperator.of(o);
        DenseMatrix u0 = op.project(SINE);
        DenseMatrix copy = u0.copy();
        SspRk3.solve(op, u0, new TimeGrid(0.01, 3));
        assertThatMatrix(u0).isBitwiseEqualTo(copy);
    }

    @Test
    void rejectsNonFiniteInitialData() {
        DgOptions o = new DgOptions(1, 4, 1.0);
        DenseMatrix u0 = DenseMatrix.zeros(2, 4);
        u0.set(1, 2, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> SspRk3.solve(DgAdvectionOperator.of(o), u0, new TimeGrid(0.1, 1)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 2)");
    }

    private static double error(int k, int elements) {
        DgOptions o = new DgOptions(k, elements, 1.0);
        return run(o, TimeGrid.of(o, 1.0, 0.5, TimeStepRule.ORDER_MATCHED));
    }

    private static double run(DgOptions o, TimeGrid grid) {
        DgAdvectionOperator op = DgAdvectionOperator.of(o);
        DenseMatrix u = SspRk3.solve(op, op.project(SINE), grid);
        return op.l2Error(u, x -> Math.sin(2 * Math.PI * (x - o.speed() * grid.finalTime())));
    }
}
