/**
 * Experiments on the randomized algorithms of {@code nla-sketch}: sketched least squares and
 * trace estimation ({@link dev.nla.bench.experiments.sketch.RandnlaSolversExperiment}).
 */
package dev.nla.bench.experiments.sketch;
