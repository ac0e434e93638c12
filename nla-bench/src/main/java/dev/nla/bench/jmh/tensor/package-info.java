/**
 * JMH benchmarks of {@code nla-tensor}: the Tucker summation strategies at the spec's two cases and
 * the scaling of the sketched summation in the number of summands (suite {@code tensor}).
 */
package dev.nla.bench.jmh.tensor;
