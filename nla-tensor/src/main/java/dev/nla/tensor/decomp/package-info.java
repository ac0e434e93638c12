/**
 * Tucker decompositions: HOSVD and sequentially truncated HOSVD to ranks or to a tolerance, their
 * randomized variants with Gaussian and Khatri–Rao sketches, and Tucker rounding.
 *
 * <p>Layer: algorithms, above {@code tenalg}.
 */
package dev.nla.tensor.decomp;
