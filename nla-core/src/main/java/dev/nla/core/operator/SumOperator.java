package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The sum \(A + B\): \(Y \leftarrow \alpha\,\operatorname{op}(A)X + \beta Y\), then \(Y \leftarrow
 * \alpha\,\operatorname{op}(B)X + Y\), both through the GEMM-shaped apply. Cost: both terms plus
 * \(mk\) additions; no temporary of its own (one \(m \times k\) temporary inside \(B\) if \(B\)
 * uses the default GEMM-shaped apply).
 */
final class SumOperator implements LinearOperator {
    private final LinearOperator a;
    private final LinearOperator b;

    SumOperator(LinearOperator a, LinearOperator b) {
        this.a = a;
        this.b = b;
    }

    @Override
    public int rows() {
        return a.rows();
    }

    @Override
    public int cols() {
        return a.cols();
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        apply(trans, 1.0, x, 0.0, y);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        a.apply(trans, alpha, x, beta, y);
        b.apply(trans, alpha, x, 1.0, y);
    }

    /** \((A + B)^{\mathsf T} = A^{\mathsf T} + B^{\mathsf T}\). */
    @Override
    public LinearOperator transpose() {
        return new SumOperator(a.transpose(), b.transpose());
    }

    @Override
    public String toString() {
        return "(" + a + ") + (" + b + ")";
    }
}
