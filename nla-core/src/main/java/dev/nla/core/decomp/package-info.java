/**
 * Matrix decompositions at LAPACK quality, GEMM-rich so that they inherit the speed of the kernels
 * in {@link dev.nla.core.blas}: singular value decomposition ({@link dev.nla.core.decomp.Svd}),
 * symmetric eigendecomposition ({@link dev.nla.core.decomp.SymmetricEigen}), pseudo-inverses and
 * minimum-norm least squares built on them.
 *
 * <p>Interfaces and immutable result records live here; implementations (pure Java and native
 * LAPACK) are obtained from {@link dev.nla.core.decomp.Decompositions}. Inputs are never modified.
 * Layer: above {@code matrix} and {@code blas}, below every randomized algorithm.
 */
package dev.nla.core.decomp;
