package dev.nla.core.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Optional;

/**
 * The operator of an explicit dense or sparse matrix: \(Y \leftarrow \alpha\,\operatorname{op}(A)X
 * + \beta Y\) is one {@link Blas#gemm} call, which runs the dense kernels of the active backend or
 * the sparse kernel. Cost \(2mnk\) flops (dense) or \(2\,\mathrm{nnz}\,k\) (sparse); no temporary.
 */
final class MatrixOperator implements LinearOperator {
    private final Matrix a;

    MatrixOperator(Matrix a) {
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
        Blas.gemm(trans, Transpose.NO_TRANSPOSE, alpha, a, x, beta, y);
    }

    /** A new dense copy of the matrix (a dense matrix is copied, a sparse one expanded). */
    @Override
    public DenseMatrix toDense() {
        return a instanceof SparseMatrix s ? s.toDense() : ((DenseMatrix) a).copy();
    }

    @Override
    public Optional<Matrix> matrix() {
        return Optional.of(a);
    }

    @Override
    public String toString() {
        return a instanceof SparseMatrix s
                ? "sparse " + a.rows() + "x" + a.cols() + " " + s.format() + " nnz=" + s.nonZeroCount()
                : "dense " + a.rows() + "x" + a.cols();
    }
}
