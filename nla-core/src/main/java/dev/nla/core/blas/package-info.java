/**
 * Dense and sparse kernels: the {@link dev.nla.core.blas.Blas} facade (gemm, gemv, ger, symv, syrk, syr2k, trsm,
 * trmm, axpy, dot, nrm2, scal, sparse-times-dense products) over a pluggable {@link
 * dev.nla.core.blas.Backend}.
 *
 * <p>Three backends are chosen from at start-up by {@link dev.nla.core.blas.Backends#active()}:
 * pure Java with the Vector API (default whenever {@code jdk.incubator.vector} is resolved: packed,
 * cache-blocked, multithreaded GEMM), scalar Java (otherwise), and native BLAS through {@code
 * dev.ludovic.netlib} (when a system OpenBLAS is present). Algorithms elsewhere are written as
 * calls to this facade so that they inherit the kernel speed.
 *
 * <p>Layer: above {@code matrix}; below {@code operator} and everything in other modules.
 */
package dev.nla.core.blas;
