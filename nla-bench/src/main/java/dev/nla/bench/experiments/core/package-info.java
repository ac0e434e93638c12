/**
 * Experiments about {@code nla-core}: how fast the BLAS backends are against native BLAS and the
 * naive loops ({@link dev.nla.bench.experiments.core.GemmScalingExperiment}), and how accurate the
 * decompositions are against size and condition number, in Java and in native LAPACK ({@link
 * dev.nla.bench.experiments.core.DecompAccuracyExperiment}).
 */
package dev.nla.bench.experiments.core;
