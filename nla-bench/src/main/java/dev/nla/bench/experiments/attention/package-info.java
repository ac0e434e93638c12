/**
 * Reproductions of the attention experiments of the attention spec (E2: accuracy against the size
 * parameter of every approximation, beside the truncated-SVD optimum). Registry-driven: every
 * method of {@link dev.nla.attention.AttentionMethods} appears without changes here.
 */
package dev.nla.bench.experiments.attention;
