/**
 * Experiments about the dense kernels of {@code nla-core}: how fast the BLAS backends are
 * against native BLAS and the naive loops ({@link
 * dev.nla.bench.experiments.core.GemmScalingExperiment}).
 */
package dev.nla.bench.experiments.core;
