/**
 * Implementations of the decompositions (not exported): Householder reflectors, blocked
 * bidiagonalization and tridiagonalization, the bidiagonal and tridiagonal QR iterations, and the
 * native LAPACK bindings.
 */
package dev.nla.core.decomp.internal;
