/**
 * Experiments about Tucker tensors and their summation ({@code nla-tensor}): the synthetic
 * experiments of the sketching-based Tucker summation paper ({@link
 * dev.nla.bench.experiments.tensor.TuckerSyntheticExperiment}).
 */
package dev.nla.bench.experiments.tensor;
