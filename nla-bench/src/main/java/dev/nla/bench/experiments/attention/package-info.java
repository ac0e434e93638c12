/**
 * Experiments about attention ({@code nla-attention}): the singular-value decay of softmax attention
 * matrices against the temperature and the input family ({@link
 * dev.nla.bench.experiments.attention.AttentionSpectrumExperiment}, spec E1) and the GQA-to-MLA
 * conversions against the latent rank ({@link
 * dev.nla.bench.experiments.attention.MlaConversionExperiment}, spec E4).
 */
package dev.nla.bench.experiments.attention;
