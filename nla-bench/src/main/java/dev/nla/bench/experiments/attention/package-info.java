/**
 * Experiments about attention ({@code nla-attention}): the singular-value decay of softmax attention
 * matrices against the temperature and the input family ({@link
 * dev.nla.bench.experiments.attention.AttentionSpectrumExperiment}, spec E1), the accuracy of every
 * approximation against its size parameter beside the truncated-SVD optimum ({@link
 * dev.nla.bench.experiments.attention.AttentionAccuracyExperiment}, spec E2), the cost of every
 * registered attention method against the sequence length ({@link
 * dev.nla.bench.experiments.attention.AttentionCostExperiment}, spec E3) and the GQA-to-MLA
 * conversions against the latent rank ({@link
 * dev.nla.bench.experiments.attention.MlaConversionExperiment}, spec E4). E2 and E3 iterate the method
 * registry, so a new method appears without changes here.
 */
package dev.nla.bench.experiments.attention;
