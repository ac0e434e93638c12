package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/** A matrix-free operator given by a forward and an adjoint callback, validated before each call. */
final class FunctionOperator implements LinearOperator {
    private final int rows;
    private final int cols;
    private final BlockFunction forward;
    private final BlockFunction adjoint;

    FunctionOperator(int rows, int cols, BlockFunction forward, BlockFunction adjoint) {
        this.rows = rows;
        this.cols = cols;
        this.forward = forward;
        this.adjoint = adjoint;
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        (trans.isTranspose() ? adjoint : forward).apply(x, y);
    }

    @Override
    public String toString() {
        return "matrix-free " + rows + "x" + cols;
    }
}
