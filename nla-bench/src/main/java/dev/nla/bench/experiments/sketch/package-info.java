/**
 * Experiments on the randomized algorithms of {@code nla-sketch}: low-rank approximation against
 * the optimal error and the comparison of sketch types ({@link
 * dev.nla.bench.experiments.sketch.RandnlaLowRankExperiment}), sketched least squares and trace
 * estimation ({@link dev.nla.bench.experiments.sketch.RandnlaSolversExperiment}).
 */
package dev.nla.bench.experiments.sketch;
