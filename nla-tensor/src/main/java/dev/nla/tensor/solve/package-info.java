/**
 * Iterative solvers in Tucker format: GMRES with relaxed truncation and right preconditioning, whose
 * roundings are done by a chosen Tucker summation strategy.
 *
 * <p>Layer: drivers, above {@code sum}.
 */
package dev.nla.tensor.solve;
