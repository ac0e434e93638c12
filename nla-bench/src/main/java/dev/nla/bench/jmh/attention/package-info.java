/**
 * JMH benchmarks of {@code nla-attention}: exact attention, dense against online softmax against KV-cache
 * decoding ({@link dev.nla.bench.jmh.attention.AttentionExactBenchmark}, suite {@code attention-exact}),
 * and time per attention method against \(n\) at \(d = 64\) with exact attention as the baseline
 * ({@link dev.nla.bench.jmh.attention.AttentionApproxBenchmark}, suite {@code attention-approx}).
 */
package dev.nla.bench.jmh.attention;
