/**
 * Fast approximations of softmax attention, one class per method, each composed from {@code nla-core}
 * and {@code nla-sketch} primitives and registered in {@link dev.nla.attention.AttentionMethods}.
 *
 * <p>Classification (the survey of Serret et al. 2026, by the numerical principle exploited):
 *
 * <ul>
 *   <li><b>Sparsity and clustering</b>: {@link dev.nla.attention.approx.SlidingWindowAttention}
 *       (band + global tokens), {@link dev.nla.attention.approx.BigBirdAttention} (window, global and
 *       random blocks), {@link dev.nla.attention.approx.TopKAttention} (best \(k\)-sparse rows),
 *       {@link dev.nla.attention.approx.ReformerAttention} (angular LSH buckets, several rounds),
 *       {@link dev.nla.attention.approx.ClusteredAttention} (spherical k-means on \(Q\) and \(K\)).
 *   <li><b>Randomized sketching and sampling</b>: {@link dev.nla.attention.approx.SamplingAttention}
 *       (approximate matrix multiplication with \(\|v_j\|\) importance sampling), {@link
 *       dev.nla.attention.approx.KdeformerAttention} (LSH heavy blocks + importance-sampled residual),
 *       {@link dev.nla.attention.approx.HyperAttention} (sortLSH blocks + uniformly sampled residual,
 *       log-sum-exp merge, causal recursion).
 * </ul>
 *
 * <p>Every method validates its inputs through {@link dev.nla.attention.AbstractAttention}, refuses a
 * causal mask with {@link dev.nla.attention.UnsupportedMaskException} when it cannot honour it,
 * reports its flops and allocations to {@link dev.nla.attention.analysis.CostCounter}, and, if
 * randomized, takes its {@link dev.nla.core.random.RngState} at construction: the same state gives
 * the same bits whatever the thread count.
 *
 * <p>Layer: {@code nla-attention}, beside the exact methods of {@code dev.nla.attention.exact}.
 */
package dev.nla.attention.approx;
