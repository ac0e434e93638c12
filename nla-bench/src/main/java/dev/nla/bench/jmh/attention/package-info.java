/**
 * JMH benchmarks of {@code nla-attention}: exact attention, dense against online softmax against KV-cache
 * decoding ({@link dev.nla.bench.jmh.attention.AttentionExactBenchmark}).
 */
package dev.nla.bench.jmh.attention;
