/**
 * Implementations of the {@code dev.nla.core.decomp} interfaces (pure Java on the {@code
 * dev.nla.core.blas} kernels, and native LAPACK through {@code dev.ludovic.netlib}) and the shared
 * kernels they are built from: Householder reflectors and their compact WY form, the 1-norm
 * condition estimator. Not exported: create the implementations through {@link
 * dev.nla.core.decomp.Decompositions}.
 */
package dev.nla.core.decomp.internal;
