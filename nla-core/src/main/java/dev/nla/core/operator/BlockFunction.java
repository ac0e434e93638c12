package dev.nla.core.operator;

import dev.nla.core.matrix.DenseMatrix;

/**
 * A callback that applies a linear map to a block of vectors, for {@link
 * LinearOperator#fromFunctions}: it computes \(Y = MX\) for some fixed matrix \(M\) that need not
 * exist explicitly.
 */
@FunctionalInterface
public interface BlockFunction {
    /**
     * Computes \(Y = MX\). The caller has already checked the shapes and that {@code y} does not share
     * storage with {@code x}.
     *
     * @param x the input block \(X\), one vector per column; must not be modified
     * @param y the output block \(Y\) with as many columns as {@code x}; every entry must be
     *     overwritten (its old contents are unspecified)
     */
    void apply(DenseMatrix x, DenseMatrix y);
}
