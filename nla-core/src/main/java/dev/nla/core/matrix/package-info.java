/**
 * Matrices: the read-only {@link dev.nla.core.matrix.Matrix} view, column-major
 * {@link dev.nla.core.matrix.DenseMatrix} with offset and leading dimension (blocks and column
 * panels are views that share storage), compressed {@link dev.nla.core.matrix.SparseMatrix}
 * (CSR/CSC, built through a coordinate builder), and conversions to and from {@code double[][]},
 * Hipparchus and Commons Math.
 *
 * <p>Layer: the bottom of {@code nla-core}; it depends only on {@code dev.nla.core.error}.
 */
package dev.nla.core.matrix;
