/**
 * Test problems of the Tucker-summation experiments: the parametric "cookie" diffusion problem (P1
 * finite elements) and 1D linear transport discretized by modal discontinuous Galerkin, each with a
 * full-grid reference solver and a Tucker-format formulation; synthetic Tucker generators.
 *
 * <p>Layer: problems, above {@code solve}.
 */
package dev.nla.tensor.problems;
