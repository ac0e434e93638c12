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
 *   <li><b>Sparsity and clustering</b>: {@link dev.nla.attention.approx.SlidingWindowAttention}
 *       (band + global tokens), {@link dev.nla.attention.approx.BigBirdAttention} (window, global and
 *       random blocks), {@link dev.nla.attention.approx.TopKAttention} (best \(k\)-sparse rows),
 *       {@link dev.nla.attention.approx.ReformerAttention} (angular LSH buckets, several rounds),
 *       {@link dev.nla.attention.approx.ClusteredAttention} (k-means on the queries, keys routed to
 *       the best-scoring cluster).
 *   <li><b>Low-rank and subspace projection</b>: {@link
 *       dev.nla.attention.approx.NystromformerAttention} (a CUR-like skeleton with segment-mean
 *       landmarks), {@link dev.nla.attention.approx.SkyformerAttention} (a PSD Nyström approximation of
 *       a Gaussian kernel), {@link dev.nla.attention.approx.SvdOracleAttention} (the truncated SVD of
 *       the attention matrix, the Eckart–Young optimum of every rank-\(r\) method).
 *   <li><b>Randomized sketching and sampling</b>: {@link dev.nla.attention.approx.LinformerAttention}
 *       (a Johnson–Lindenstrauss sketch of keys and values along the sequence axis), {@link
 *       dev.nla.attention.approx.SamplingAttention} (approximate matrix multiplication with
 *       \(\|v_j\|\) importance sampling), {@link dev.nla.attention.approx.KdeformerAttention} (LSH heavy
 *       blocks + importance-sampled residual), {@link dev.nla.attention.approx.HyperAttention} (sortLSH
 *       blocks + uniformly sampled residual, log-sum-exp merge, causal recursion).
 *   <li><b>Kernel reformulations and random features</b>: {@link
 *       dev.nla.attention.approx.PerformerAttention} (positive orthogonal random features), {@link
 *       dev.nla.attention.approx.RandomFeatureAttention} (random Fourier features), {@link
 *       dev.nla.attention.approx.LinearAttention} (the elu+1 feature map) and {@link
 *       dev.nla.attention.approx.CosformerAttention} (ReLU features with a cos re-weighting). All four
 *       factor the similarity as \(\phi(q)^{\mathsf T}\phi(k)\) and use associativity, \((\Phi_Q
 *       \Phi_K^{\mathsf T})V = \Phi_Q(\Phi_K^{\mathsf T}V)\), with prefix sums under a causal mask.
 * </ul>
 *
 * <p>Every method states in its class comment the formula, the primitives it composes, its cost and
 * whether it honours a causal mask; methods that cannot refuse one with {@link
 * dev.nla.attention.UnsupportedMaskException}. Every method validates its inputs through {@link
 * dev.nla.attention.AbstractAttention} and reports its flops and allocations to {@link
 * dev.nla.attention.analysis.CostCounter}. Randomized methods draw their randomness from the {@code
 * RngState} given at construction, so a method object is a deterministic function, with the same bits
 * whatever the thread count. Key-padding masks are honoured by every method.
 *
 * <p>Layer: {@code nla-attention}, above {@code nla-core}, {@code nla-sketch} and {@code nla-tensor};
 * the exact methods of {@link dev.nla.attention.exact} are the references.
 */
package dev.nla.attention.approx;
