package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The scaled operator \(cA\): \(Y \leftarrow \alpha\,\operatorname{op}(cA)X + \beta Y\) is \(Y
 * \leftarrow (\alpha c)\,\operatorname{op}(A)X + \beta Y\), delegated to the GEMM-shaped apply of
 * \(A\). Cost: that of \(A\); no temporary of its own. For \(c = 0\), \(A\) is not applied.
 */
final class ScaledOperator implements LinearOperator {
    private final double factor;
    private final LinearOperator a;

    ScaledOperator(double factor, LinearOperator a) {
        this.factor = factor;
        this.a = a;
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
        a.apply(trans, alpha * factor, x, beta, y);
    }

    /** \(\gamma(cA) = (\gamma c)A\): the factors are multiplied, so no chain of wrappers builds up. */
    @Override
    public LinearOperator scale(double alpha) {
        Require.finite("alpha", alpha);
        double product = alpha * factor;
        if (!Double.isFinite(product)) {
            throw new NonFiniteValueException("alpha * " + factor + " (the factor already applied)", product);
        }
        return new ScaledOperator(product, a);
    }

    /** \((cA)^{\mathsf T} = cA^{\mathsf T}\). */
    @Override
    public LinearOperator transpose() {
        return new ScaledOperator(factor, a.transpose());
    }

    @Override
    public String toString() {
        return factor + " * (" + a + ")";
    }
}
