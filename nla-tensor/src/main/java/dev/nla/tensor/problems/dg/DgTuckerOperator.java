package dev.nla.tensor.problems.dg;

import dev.nla.tensor.solve.TuckerOperator;

/**
 * A Tucker form of the DG transport operator that {@link DgTuckerSolver} can integrate: mode 0 of the
 * tensor holds the \(k + 1\) Legendre coefficients of a cell, the other modes index the cells
 * ({@link QuantizedDgOperator}: digits of the element index) or the cells and parameters ({@link
 * ParametricDgOperator}: element, speed, data).
 *
 * <p>In both forms the integral monitor of the solver is \(\Delta x\sum U_{0,\dots}\) over all
 * indices of modes \(1, \dots, d - 1\): \(\int_0^1 u_h\,dx\) for the quantized form, the sum of the
 * fibres' integrals for the parametric one; the exact scheme conserves it in both.
 */
public sealed interface DgTuckerOperator extends TuckerOperator permits QuantizedDgOperator, ParametricDgOperator {
    /**
     * The underlying one-dimensional DG operator (for the parametric form: the reference operator,
     * speed \(a_{\mathrm{ref}}\)); it fixes \(k\), \(N_e\) and \(\Delta x\).
     *
     * @return the operator
     */
    DgAdvectionOperator dg();
}
