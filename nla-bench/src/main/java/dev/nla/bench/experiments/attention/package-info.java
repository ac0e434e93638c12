/**
 * Experiments about attention methods ({@code nla-attention}): the cost of every registered method
 * against the sequence length ({@link dev.nla.bench.experiments.attention.AttentionCostExperiment},
 * the spec's E3). The experiments iterate the method registry, so a new method appears in them
 * without changes here.
 */
package dev.nla.bench.experiments.attention;
