package dev.nla.tensor.problems.dg;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * The three-stage, third-order strong-stability-preserving Runge–Kutta method of Shu and Osher
 * [Gottlieb and Shu 1998], the full-grid reference integrator of the DG transport problem:
 * \[ u^{(1)} = u^n + \Delta t\,Lu^n,\quad u^{(2)} = \tfrac34u^n + \tfrac14\bigl(u^{(1)} + \Delta
 *    t\,Lu^{(1)}\bigr),\quad u^{n+1} = \tfrac13u^n + \tfrac23\bigl(u^{(2)} + \Delta t\,Lu^{(2)}\bigr).
 * \]
 */
public final class SspRk3 {
    private SspRk3() {}

    /**
     * Advances \(U\) over a time grid with the DG operator.
     *
     * @param operator the semi-discrete operator \(L\)
     * @param initial  \(U(0)\), \((k + 1) \times N_e\); not modified; must be finite
     * @param grid     the time grid
     * @return \(U(T)\), a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if the shape of {@code initial} is
     *     wrong
     * @throws NonFiniteValueException    if {@code initial} holds NaN or an infinity
     */
    public static DenseMatrix solve(DgAdvectionOperator operator, DenseMatrix initial, TimeGrid grid) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(grid, "grid");
        int n = operator.options().degree() + 1;
        int ne = operator.options().elements();
        Require.shape("initial", initial, n, ne);
        Require.allFinite("initial", initial);
        double dt = grid.step();
        double[] u = initial.toColumnMajorArray();
        DenseMatrix um = DenseMatrix.wrap(n, ne, u);
        double[] s1 = new double[u.length];
        double[] s2 = new double[u.length];
        double[] lu = new double[u.length];
        DenseMatrix m1 = DenseMatrix.wrap(n, ne, s1);
        DenseMatrix m2 = DenseMatrix.wrap(n, ne, s2);
        DenseMatrix ml = DenseMatrix.wrap(n, ne, lu);
        for (int step = 0; step < grid.steps(); step++) {
            operator.apply(um, ml);
            for (int i = 0; i < u.length; i++) {
                s1[i] = u[i] + dt * lu[i];
            }
            operator.apply(m1, ml);
            for (int i = 0; i < u.length; i++) {
                s2[i] = 0.75 * u[i] + 0.25 * (s1[i] + dt * lu[i]);
            }
            operator.apply(m2, ml);
            for (int i = 0; i < u.length; i++) {
                u[i] = u[i] / 3.0 + 2.0 / 3.0 * (s2[i] + dt * lu[i]);
            }
        }
        return um;
    }
}
