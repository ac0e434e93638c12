package dev.nla.core.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;

/** The identity \(I_n\): \(Y \leftarrow \alpha X + \beta Y\) in \(nk\) operations, no temporary. */
final class IdentityOperator implements LinearOperator {
    private final int n;

    IdentityOperator(int n) {
        this.n = n;
    }

    @Override
    public int rows() {
        return n;
    }

    @Override
    public int cols() {
        return n;
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        y.copyFrom(x);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        double[] xd = x.data();
        double[] yd = y.data();
        for (int j = 0; j < x.cols(); j++) {
            int xj = x.offset() + j * x.ld();
            int yj = y.offset() + j * y.ld();
            for (int i = 0; i < n; i++) {
                yd[yj + i] = combine(alpha, xd[xj + i], beta, yd[yj + i]);
            }
        }
    }

    /** \(\alpha x + \beta y\) with the BLAS conventions: {@code y} unread if \(\beta = 0\), {@code x} if \(\alpha = 0\). */
    static double combine(double alpha, double x, double beta, double y) {
        double ax = alpha == 0.0 ? 0.0 : alpha * x;
        return beta == 0.0 ? ax : ax + beta * y;
    }

    @Override
    public LinearOperator transpose() {
        return this;
    }

    @Override
    public DenseMatrix toDense() {
        long size = (long) n * n;
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense form of the " + n + "x" + n + " identity", size, DenseMatrix.MAX_ELEMENTS);
        }
        return DenseMatrix.identity(n);
    }

    @Override
    public String toString() {
        return "identity " + n + "x" + n;
    }
}
