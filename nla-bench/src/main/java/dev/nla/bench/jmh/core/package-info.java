/**
 * JMH benchmarks of {@code nla-core}: the kernels (GEMM, GEMV, TRSM), each measuring the {@code
 * nla-core} backends, EJML and a naive loop in the same run, and the decompositions (QR, SVD,
 * symmetric eigen, LU, Cholesky), each measuring the pure-Java implementation against native
 * LAPACK. Results are reported as ratios against a baseline measured in the same run (native BLAS
 * or LAPACK when available, otherwise the naive loop). Run them with {@code nla bench core} (or
 * {@code gemm}, {@code gemv}, {@code trsm}) and {@code nla bench decomp}.
 */
package dev.nla.bench.jmh.core;
