/**
 * JMH benchmarks of {@code nla-attention}: time per attention method against \(n\) at \(d = 64\)
 * (suite {@code attention-approx}), exact attention as the baseline.
 */
package dev.nla.bench.jmh.attention;
