/**
 * JMH benchmarks of {@code nla-sketch} (suite {@code sketch}): sketch application throughput per
 * operator, and the randomized SVD end to end.
 */
package dev.nla.bench.jmh.sketch;
