package dev.nla.sketch.solve;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;

/**
 * The operator \(R^{-1}\) of a nonsingular upper triangular \(R\) (\(n \times n\)): \(X \mapsto
 * R^{-1}X\) and \(X \mapsto R^{-\mathsf T}X\) by triangular solves ({@link Blas#trsm}), \(n^2\)
 * flops per vector, no temporary.
 */
final class UpperTriangularInverse implements LinearOperator {
    private final DenseMatrix r;

    /** @param r the triangular factor; its upper triangle is read; shared, not copied */
    UpperTriangularInverse(DenseMatrix r) {
        this.r = r;
    }

    @Override
    public int rows() {
        return r.rows();
    }

    @Override
    public int cols() {
        return r.cols();
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        y.copyFrom(x);
        Blas.trsm(Side.LEFT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1.0, r, y);
    }

    @Override
    public String toString() {
        return "UpperTriangularInverse[" + r.rows() + "x" + r.cols() + "]";
    }
}
