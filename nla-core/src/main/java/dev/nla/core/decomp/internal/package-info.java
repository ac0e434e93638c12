/**
 * Implementations of the {@code dev.nla.core.decomp} interfaces (pure Java on the {@code
 * dev.nla.core.blas} kernels, and native LAPACK through {@code dev.ludovic.netlib}) and the shared
 * kernels they are built from: Householder reflectors and their compact WY form, the 1-norm
 * condition estimator, blocked bidiagonalization and tridiagonalization, plane rotations and their
 * batched application, the bidiagonal QR iteration, the tridiagonal QL iteration and divide and
 * conquer. Not exported: create the implementations through {@link
 * dev.nla.core.decomp.Decompositions}.
 */
package dev.nla.core.decomp.internal;
