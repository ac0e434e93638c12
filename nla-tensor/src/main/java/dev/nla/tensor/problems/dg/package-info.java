/**
 * One-dimensional linear transport \(u_t + au_x = 0\) on a periodic interval, discretized by modal
 * Legendre discontinuous Galerkin of degree \(k\) with the upwind flux and integrated by SSP-RK3: the
 * operator ({@link dev.nla.tensor.problems.dg.DgAdvectionOperator}), the full-grid reference solver
 * ({@link dev.nla.tensor.problems.dg.SspRk3}) and the Tucker-format solver in which every Runge–Kutta
 * stage rounds a sum of Tucker tensors (experiment 4 of the Tucker-summation spec), for two Tucker
 * forms: a quantized element index ({@link dev.nla.tensor.problems.dg.QuantizedDgOperator},
 * construction A) and a family of speeds and initial data ({@link
 * dev.nla.tensor.problems.dg.ParametricDgOperator}, construction B).
 *
 * <p>Layer: problems, above {@code solve} and {@code sum}.
 */
package dev.nla.tensor.problems.dg;
