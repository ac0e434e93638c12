package dev.nla.sketch.operator;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.core.testing.TestMatrices;
import java.util.function.Supplier;

/** Test inputs and a naive reference product. */
final class Inputs {
    private Inputs() {}

    static DenseMatrix dense(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    /** A sparse matrix with about {@code density} of its entries nonzero (Gaussian values). */
    static SparseMatrix sparse(int rows, int cols, double density, SparseMatrix.Format format, long seed) {
        DenseMatrix values = dense(rows, cols, seed);
        DenseMatrix coins = RandomMatrices.generate(rows, cols, ScalarDistribution.UNIFORM_01, RngState.seed(~seed))
                .value();
        CooBuilder b = SparseMatrix.builder(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if (coins.get(i, j) < density) {
                    b.add(i, j, values.get(i, j));
                }
            }
        }
        return b.build(format);
    }

    /** A matrix-free operator for {@code a} (no {@link LinearOperator#matrix()}). */
    static LinearOperator matrixFree(DenseMatrix a) {
        return LinearOperator.fromFunctions(
                a.rows(),
                a.cols(),
                (x, y) -> y.copyFrom(multiply(a, x)),
                (x, y) -> y.copyFrom(multiply(a.transpose(), x)));
    }

    /** Naive {@code a b}, in the j-p-i loop order. */
    static DenseMatrix multiply(Matrix a, Matrix b) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), b.cols());
        for (int j = 0; j < b.cols(); j++) {
            for (int p = 0; p < a.cols(); p++) {
                double bp = b.get(p, j);
                if (bp == 0.0) {
                    continue;
                }
                for (int i = 0; i < a.rows(); i++) {
                    c.add(i, j, a.get(i, p) * bp);
                }
            }
        }
        return c;
    }

    /** Runs {@code body} with the active backend replaced by one with {@code threads} threads. */
    static <T> T withThreads(int threads, Supplier<T> body) {
        Backend previous = Backends.active();
        Backend b = Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads);
        Backends.setActive(b);
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    /** {@code S^T X} through the operator interface. */
    static DenseMatrix transposeApply(LinearOperator s, DenseMatrix x) {
        DenseMatrix y = DenseMatrix.zeros(s.cols(), x.cols());
        s.apply(Transpose.TRANSPOSE, x, y);
        return y;
    }
}
