/**
 * The analysis of attention: the synthetic inputs of the attention spec (§3) shared by tests,
 * experiments and benchmarks ({@link dev.nla.attention.analysis.AttentionInputs}), singular-value
 * spectra and effective ranks of attention matrices ({@link
 * dev.nla.attention.analysis.AttentionSpectrum}), error metrics ({@link
 * dev.nla.attention.analysis.ErrorMetrics}) and a deterministic flop and memory counter ({@link
 * dev.nla.attention.analysis.CostCounter}).
 */
package dev.nla.attention.analysis;
