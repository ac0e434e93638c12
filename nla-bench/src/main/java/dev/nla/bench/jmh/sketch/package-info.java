/**
 * JMH benchmarks of {@code nla-sketch} (suite {@code sketch}): sketch application throughput per
 * operator, the randomized SVD end to end, and sketch-and-precondition least squares against a
 * dense QR solve.
 */
package dev.nla.bench.jmh.sketch;
