package dev.nla.core.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/** Shared helpers of the operator implementations. */
final class Operators {
    /** Target number of entries of one identity block in {@link #materialize}. */
    static final int MATERIALIZE_BLOCK_ENTRIES = 1 << 20;

    private Operators() {}

    /** \(Y \leftarrow \beta Y\); \(\beta = 0\) sets \(Y\) to zero without reading it. */
    static void scaleInPlace(double beta, DenseMatrix y) {
        if (beta == 0.0) {
            y.fill(0.0);
        } else if (beta != 1.0) {
            Blas.scal(beta, y);
        }
    }

    /** Allocates \(\operatorname{op}(A)X\) after checking {@code x}, then applies. */
    static DenseMatrix applyNew(LinearOperator op, Transpose trans, DenseMatrix x) {
        Objects.requireNonNull(x, "x");
        int m = trans.isTranspose() ? op.cols() : op.rows();
        int n = trans.isTranspose() ? op.rows() : op.cols();
        if (x.rows() != n) {
            throw new DimensionMismatchException("apply: op(A) is " + m + "x" + n + " (A " + op.rows() + "x" + op.cols()
                    + ", " + trans + ") but x is " + x.shape() + "; need x " + n + "xk");
        }
        DenseMatrix y = DenseMatrix.zeros(m, x.cols());
        op.apply(trans, x, y);
        return y;
    }

    /** The default {@link LinearOperator#toDense()}: apply to blocks of identity columns. */
    static DenseMatrix materialize(LinearOperator op) {
        int m = op.rows();
        int n = op.cols();
        long size = (long) m * n;
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense form of a " + m + "x" + n + " operator", size, DenseMatrix.MAX_ELEMENTS);
        }
        DenseMatrix result = DenseMatrix.zeros(m, n);
        if (m == 0 || n == 0) {
            return result;
        }
        int block = Math.max(1, Math.min(n, MATERIALIZE_BLOCK_ENTRIES / n));
        DenseMatrix eye = DenseMatrix.zeros(n, block);
        for (int j0 = 0; j0 < n; j0 += block) {
            int b = Math.min(block, n - j0);
            DenseMatrix e = eye.columns(0, b);
            for (int t = 0; t < b; t++) {
                e.set(j0 + t, t, 1.0);
            }
            op.apply(Transpose.NO_TRANSPOSE, e, result.columns(j0, b));
            for (int t = 0; t < b; t++) {
                e.set(j0 + t, t, 0.0);
            }
        }
        return result;
    }

    /**
     * Whether two dense matrices share a storage element. Exact for views with the same leading
     * dimension whose columns do not wrap around it (every view made by {@link DenseMatrix#view});
     * conservative (intersection of the spanned array ranges) otherwise. The same rule as the
     * aliasing check of {@link Blas}.
     */

    /** Rows of \(\operatorname{op}(A)\). */
    static int opRows(LinearOperator op, Transpose trans) {
        return trans.isTranspose() ? op.cols() : op.rows();
    }

    /** Columns of \(\operatorname{op}(A)\). */
    static int opCols(LinearOperator op, Transpose trans) {
        return trans.isTranspose() ? op.rows() : op.cols();
    }
}
