/**
 * Approximations of softmax attention and kernel reformulations of it, one class per method, each
 * composed from the primitives of {@code nla-core} (GEMM through {@code Blas}, QR, SVD,
 * pseudo-inverses, Cholesky) and {@code nla-sketch} (sketching and sampling operators) and registered
 * in {@link dev.nla.attention.AttentionMethods}.
 *
 * <p>The classification follows the survey "Attention Mechanisms Through the Lens of Numerical
 * Methods" [Serret et al. 2026], by the numerical principle a method exploits:
 *
 * <ul>
 *   <li><b>Sparsity and clustering</b>: sliding window, block sparse, top-k, LSH buckets, clusters.
 *   <li><b>Low-rank and subspace projection</b>: {@link
 *       dev.nla.attention.approx.NystromformerAttention} (a CUR-like skeleton with segment-mean
 *       landmarks), {@link dev.nla.attention.approx.SkyformerAttention} (a PSD Nyström approximation of
 *       a Gaussian kernel), {@link dev.nla.attention.approx.SvdOracleAttention} (the truncated SVD of
 *       the attention matrix, the Eckart–Young optimum of every rank-\(r\) method).
 *   <li><b>Randomized sketching and sampling</b>: {@link dev.nla.attention.approx.LinformerAttention}
 *       (a Johnson–Lindenstrauss sketch of keys and values along the sequence axis).
 *   <li><b>Kernel reformulations and random features</b>: {@link
 *       dev.nla.attention.approx.PerformerAttention} (positive orthogonal random features), {@link
 *       dev.nla.attention.approx.RandomFeatureAttention} (random Fourier features), {@link
 *       dev.nla.attention.approx.LinearAttention} (the elu+1 feature map) and {@link
 *       dev.nla.attention.approx.CosformerAttention} (ReLU features with a cos re-weighting). All four
 *       factor the similarity as \(\phi(q)^{\mathsf T}\phi(k)\) and use associativity, \((\Phi_Q
 *       \Phi_K^{\mathsf T})V = \Phi_Q(\Phi_K^{\mathsf T}V)\), with prefix sums under a causal mask.
 *   <li><b>Tensor methods</b>.
 * </ul>
 *
 * <p>Every method states in its class comment the formula, the primitives it composes, its cost and
 * whether it honours a causal mask; methods that cannot refuse one with {@link
 * dev.nla.attention.UnsupportedMaskException}. Randomized methods draw their randomness from the
 * {@code RngState} given at construction, so a method object is a deterministic function. Key-padding
 * masks are honoured by every method: the kernel methods zero the features of masked keys, the others
 * drop the masked keys before approximating.
 *
 * <p>Layer: {@code nla-attention}, above {@code nla-core} and {@code nla-sketch}; the exact methods of
 * {@link dev.nla.attention.exact} are the references.
 */
package dev.nla.attention.approx;
