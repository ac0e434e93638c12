/**
 * JMH benchmarks of {@code nla-sketch}: sketch application throughput per operator (suite {@code
 * sketch}).
 */
package dev.nla.bench.jmh.sketch;
