/**
 * JMH benchmarks of the {@code nla-core} kernels (GEMM, GEMV, TRSM), each measuring the {@code
 * nla-core} backends, EJML and a naive loop in the same run, so that results are reported as
 * ratios against a baseline (native BLAS when available, otherwise the naive loop). Run them with
 * {@code nla bench core} (or {@code gemm}, {@code gemv}, {@code trsm}).
 */
package dev.nla.bench.jmh.core;
