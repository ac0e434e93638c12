/**
 * Internal kernels of {@code nla-attention} (not exported): the softmax tile kernels with their
 * Vector API and scalar implementations, the deterministic parallel loop and the choice of a
 * single-threaded GEMM backend for use inside it.
 */
package dev.nla.attention.internal;
