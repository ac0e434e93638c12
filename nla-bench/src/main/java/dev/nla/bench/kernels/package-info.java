/**
 * Baseline kernels and input data shared by the experiments and the JMH benchmarks: the naive
 * loops every fast kernel is compared with ({@link dev.nla.bench.kernels.NaiveKernels}) and
 * deterministic seeded test inputs ({@link dev.nla.bench.kernels.TestData}).
 */
package dev.nla.bench.kernels;
