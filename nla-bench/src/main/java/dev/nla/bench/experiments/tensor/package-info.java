/**
 * Experiments about Tucker tensors and their summation ({@code nla-tensor}): the synthetic
 * experiments of the sketching-based Tucker summation paper ({@link
 * dev.nla.bench.experiments.tensor.TuckerSyntheticExperiment}), the cookie problem solved by GMRES in
 * Tucker format ({@link dev.nla.bench.experiments.tensor.TuckerCookieExperiment}) and DG transport
 * with a quantized element index ({@link dev.nla.bench.experiments.tensor.TuckerDgExperiment}).
 */
package dev.nla.bench.experiments.tensor;
