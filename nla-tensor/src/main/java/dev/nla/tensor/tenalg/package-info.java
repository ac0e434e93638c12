/**
 * Tensor algebra: unfolding and folding in Kolda–Bader order, mode-n products, Kronecker and
 * Khatri–Rao products (explicit and as operators), MTTKRP on small cores, inner products and norms in
 * Tucker format and of Tucker sums. Each fast kernel has a naive reference twin in the tests.
 *
 * <p>Layer: kernels, above {@code dev.nla.tensor.tensor}.
 */
package dev.nla.tensor.tenalg;
