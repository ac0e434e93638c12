/**
 * Exact softmax attention: {@link dev.nla.attention.exact.DenseAttention} (row-max stabilised
 * softmax over all visible keys at once), {@link dev.nla.attention.exact.OnlineSoftmaxAttention}
 * (streaming over key blocks with the \((\mu, \ell, O)\) merge, \(O(nd)\) memory) and {@link
 * dev.nla.attention.exact.KvCache} (autoregressive decoding, one query at a time). All three honour
 * causal and key-padding masks, take a configurable score scale (default \(1/\sqrt d\)), and the first
 * two have float32 paths.
 *
 * <p>Layer: {@code nla-attention}, on top of the {@code nla-core} GEMM kernels. These are the
 * references every approximation is measured against.
 */
package dev.nla.attention.exact;
