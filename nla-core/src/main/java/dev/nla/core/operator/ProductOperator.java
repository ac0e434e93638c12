package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The composition \(AB\) with \(A \in \mathbb{R}^{m \times p}\), \(B \in \mathbb{R}^{p \times
 * n}\): \(Y \leftarrow \alpha A(BX) + \beta Y\), or \(Y \leftarrow \alpha B^{\mathsf
 * T}(A^{\mathsf T}X) + \beta Y\) for the transpose. Cost: both factors; one temporary of size \(p
 * \times k\).
 */
final class ProductOperator implements LinearOperator {
    private final LinearOperator a;
    private final LinearOperator b;

    ProductOperator(LinearOperator a, LinearOperator b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return b.cols();
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        apply(trans, 1.0, x, 0.0, y);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        if (alpha == 0.0) {
            Operators.scaleInPlace(beta, y);
            return;
        }
        LinearOperator first = trans.isTranspose() ? a : b;
        LinearOperator second = trans.isTranspose() ? b : a;
        DenseMatrix t = DenseMatrix.zeros(a.cols(), x.cols());
        first.apply(trans, x, t);
        second.apply(trans, alpha, t, beta, y);
    }

    @Override
    public String toString() {
        return "(" + a + ") * (" + b + ")";
    }
}
