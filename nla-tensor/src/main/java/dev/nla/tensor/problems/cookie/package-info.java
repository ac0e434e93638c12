/**
 * The parametric diffusion ("cookie") problem: P1 finite elements on a structured triangulation of
 * \([-1, 1]^2\) with disjoint disks whose diffusion coefficients are parameters, the assembled
 * matrices \(A_0, A_\mu\) and load \(b\), a banded Cholesky reference solver for single parameter
 * points, and the Kronecker-structured parametric operator acting on Tucker tensors (experiment 3 of
 * the Tucker-summation spec).
 *
 * <p>Layer: problems, above {@code solve} and {@code sum}.
 */
package dev.nla.tensor.problems.cookie;
