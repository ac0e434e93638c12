package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The transpose \(A^{\mathsf T}\) as a view: {@code apply(trans, ...)} is {@code
 * a.apply(trans.flip(), ...)}. Cost: that of \(A\); nothing allocated.
 */
final class TransposedOperator implements LinearOperator {
    private final LinearOperator a;

    TransposedOperator(LinearOperator a) {
        this.a = a;
    }

    @Override
    public int rows() {
        return a.cols();
    }

    @Override
    public int cols() {
        return a.rows();
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        a.apply(trans.flip(), x, y);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        a.apply(trans.flip(), alpha, x, beta, y);
    }

    /** \((A^{\mathsf T})^{\mathsf T} = A\): the original operator. */
    @Override
    public LinearOperator transpose() {
        return a;
    }

    @Override
    public String toString() {
        return "(" + a + ")^T";
    }
}
