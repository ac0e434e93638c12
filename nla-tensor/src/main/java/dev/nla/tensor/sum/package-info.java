/**
 * Summation of Tucker tensors behind one {@code TuckerSummation} interface: direct summation with
 * recompression, the formal sum with QR-based rounding, and the sketched strategies (fixed rank,
 * sequential, one-pass, rank-adaptive) that exploit Khatri–Rao and Kronecker structure.
 *
 * <p>Layer: algorithms, above {@code decomp}.
 */
package dev.nla.tensor.sum;
