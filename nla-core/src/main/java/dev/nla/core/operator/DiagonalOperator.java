package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;

/**
 * The diagonal operator \(D = \operatorname{diag}(d)\): \(y_{ij} \leftarrow \alpha d_i x_{ij} +
 * \beta y_{ij}\), \(nk\) multiplications, no temporary. \(D^{\mathsf T} = D\).
 */
final class DiagonalOperator implements LinearOperator {
    private final double[] d;

    // d is owned by this operator: the factory copies the caller's array.
    DiagonalOperator(double[] d) {
        this.d = d;
    }

    @Override
    public int rows() {
        return d.length;
    }

    @Override
    public int cols() {
        return d.length;
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        apply(trans, 1.0, x, 0.0, y);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        double[] xd = x.data();
        double[] yd = y.data();
        int n = d.length;
        for (int j = 0; j < x.cols(); j++) {
            int xj = x.offset() + j * x.ld();
            int yj = y.offset() + j * y.ld();
            for (int i = 0; i < n; i++) {
                double dx = alpha == 0.0 ? 0.0 : alpha * (d[i] * xd[xj + i]);
                yd[yj + i] = beta == 0.0 ? dx : dx + beta * yd[yj + i];
            }
        }
    }

    @Override
    public LinearOperator transpose() {
        return this;
    }

    @Override
    public DenseMatrix toDense() {
        long size = (long) d.length * d.length;
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense form of a " + d.length + "x" + d.length + " diagonal operator",
                    size,
                    DenseMatrix.MAX_ELEMENTS);
        }
        return DenseMatrix.diagonal(d);
    }

    @Override
    public String toString() {
        return "diagonal " + d.length + "x" + d.length;
    }
}
