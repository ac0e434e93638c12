package dev.nla.core.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Optional;

/**
 * The Kronecker product \(A \otimes B\), \(A \in \mathbb{R}^{p \times q}\), \(B \in
 * \mathbb{R}^{r \times s}\), applied without forming it, by the identity
 * \[ (A \otimes B)\operatorname{vec}(X) = \operatorname{vec}(BXA^{\mathsf T}), \qquad X \in
 * \mathbb{R}^{s \times q}, \]
 * where \(\operatorname{vec}\) stacks columns. Column \(j\) of a block is reshaped for free into
 * \(X_j\) (column-major storage), and likewise the output column into \(Y_j \in \mathbb{R}^{r
 * \times p}\). With \(\operatorname{op}(A \otimes B) = \operatorname{op}(A) \otimes
 * \operatorname{op}(B)\) the transpose is handled by passing the flag to both factors, \((A
 * \otimes B)^{\mathsf T} = A^{\mathsf T} \otimes B^{\mathsf T}\).
 *
 * <p>Paths, for a block of \(k\) vectors (dimensions of \(\operatorname{op}(A)\) and
 * \(\operatorname{op}(B)\) written \(P \times Q\) and \(R \times S\)):
 *
 * <ul>
 *   <li>\(A = I\): \(Y_j = BX_j\) for all \(j\) in one application of \(B\) to \(Qk\) vectors; no
 *       temporary.
 *   <li>\(A\) an explicit matrix, "\(B\) first": \(W_j = BX_j\) (one application of \(B\) to
 *       \(Qk\) vectors into a temporary of \(RQk\) entries), then \(Y_j = \alpha W_jA^{\mathsf T} +
 *       \beta Y_j\), one GEMM per column.
 *   <li>\(A\) an explicit matrix, "\(A\) first": \(T_j = X_jA^{\mathsf T}\) (one GEMM per column
 *       into a temporary of \(SPk\) entries), then \(Y_j = \alpha BT_j + \beta Y_j\) in one
 *       application of \(B\) to \(Pk\) vectors. The cheaper order is chosen from the flop counts
 *       \(k(c_BQ + c_AR)\) and \(k(c_AS + c_BP)\), \(c\) the cost of applying a factor to one vector.
 *   <li>\(A\) any operator: \(W_j = BX_j\) as above, then the rows of each \(W_j\) are gathered
 *       into \(V = [W_1^{\mathsf T} \cdots W_k^{\mathsf T}] \in \mathbb{R}^{Q \times Rk}\), \(U =
 *       AV\) in one application of \(A\) to \(Rk\) vectors, and \(Y_j = \alpha U_j^{\mathsf T} +
 *       \beta Y_j\); three temporaries.
 * </ul>
 */
final class KroneckerOperator implements LinearOperator {
    private final LinearOperator a;
    private final LinearOperator b;
    private final boolean transposed;
    private final int rows;
    private final int cols;

    KroneckerOperator(LinearOperator a, LinearOperator b) {
        this(a, b, false);
    }

    private KroneckerOperator(LinearOperator a, LinearOperator b, boolean transposed) {
        this.a = a;
        this.b = b;
        this.transposed = transposed;
        long m = (long) a.rows() * b.rows();
        long n = (long) a.cols() * b.cols();
        if (m > Integer.MAX_VALUE || n > Integer.MAX_VALUE) {
            throw new SizeLimitExceededException("the Kronecker product of a " + a.shape() + " and a " + b.shape()
                    + " operator is " + m + "x" + n + ", over the limit of " + Integer.MAX_VALUE
                    + " rows and columns");
        }
        this.rows = (int) (transposed ? n : m);
        this.cols = (int) (transposed ? m : n);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return cols;
    }

    @Override
    public void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        apply(trans, 1.0, x, 0.0, y);
    }

    @Override
    public void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        Transpose t = transposed ? trans.flip() : trans;
        int p = Operators.opRows(a, t);
        int q = Operators.opCols(a, t);
        int r = Operators.opRows(b, t);
        int s = Operators.opCols(b, t);
        int k = x.cols();
        if (k == 0 || y.rows() == 0) {
            return;
        }
        if (alpha == 0.0 || x.rows() == 0) {
            Operators.scaleInPlace(beta, y);
            return;
        }
        if (a instanceof IdentityOperator) {
            applyToReshaped(b, t, alpha, x, s, beta, y, r);
            return;
        }
        Optional<Matrix> am = a.matrix();
        if (am.isPresent()) {
            double ca = costPerVector(a);
            double cb = costPerVector(b);
            if (cb * q + ca * r <= ca * s + cb * p) {
                bFirst(am.get(), t, alpha, x, beta, y, p, q, r, s);
            } else {
                aFirst(am.get(), t, alpha, x, beta, y, p, q, r, s);
            }
        } else {
            general(t, alpha, x, beta, y, p, q, r, s);
        }
    }

    /** \(W_j = \operatorname{op}(B)X_j\), then \(Y_j = \alpha W_j\operatorname{op}(A)^{\mathsf T} + \beta Y_j\) by GEMM. */
    private void bFirst(
            Matrix am,
            Transpose t,
            double alpha,
            DenseMatrix x,
            double beta,
            DenseMatrix y,
            int p,
            int q,
            int r,
            int s) {
        int k = x.cols();
        DenseMatrix w = temporary((long) r * q, k);
        applyToReshaped(b, t, 1.0, x, s, 0.0, w, r);
        for (int j = 0; j < k; j++) {
            Blas.gemm(
                    Transpose.NO_TRANSPOSE, t.flip(), alpha, reshapeColumn(w, j, r), am, beta, reshapeColumn(y, j, r));
        }
    }

    /** \(T_j = X_j\operatorname{op}(A)^{\mathsf T}\) by GEMM, then \(Y_j = \alpha\operatorname{op}(B)T_j + \beta Y_j\). */
    private void aFirst(
            Matrix am,
            Transpose t,
            double alpha,
            DenseMatrix x,
            double beta,
            DenseMatrix y,
            int p,
            int q,
            int r,
            int s) {
        int k = x.cols();
        DenseMatrix tmp = temporary((long) s * p, k);
        for (int j = 0; j < k; j++) {
            Blas.gemm(Transpose.NO_TRANSPOSE, t.flip(), 1.0, reshapeColumn(x, j, s), am, 0.0, reshapeColumn(tmp, j, s));
        }
        applyToReshaped(b, t, alpha, tmp, s, beta, y, r);
    }

    /** Any \(A\): \(W_j = \operatorname{op}(B)X_j\), gather \(V = [W_j^{\mathsf T}]\), \(U = \operatorname{op}(A)V\), scatter. */
    private void general(
            Transpose t, double alpha, DenseMatrix x, double beta, DenseMatrix y, int p, int q, int r, int s) {
        int k = x.cols();
        DenseMatrix w = temporary((long) r * q, k);
        applyToReshaped(b, t, 1.0, x, s, 0.0, w, r);
        // V(c, j*r + i) = W_j(i, c), stored at w[i + c*r + j*r*q]: the transposes of the blocks W_j
        // side by side.
        DenseMatrix v = temporary(q, (long) r * k);
        double[] wd = w.data();
        double[] vd = v.data();
        for (int j = 0; j < k; j++) {
            for (int c = 0; c < q; c++) {
                int wc = (j * q + c) * r;
                for (int i = 0; i < r; i++) {
                    vd[c + (j * r + i) * q] = wd[wc + i];
                }
            }
        }
        DenseMatrix u = temporary(p, (long) r * k);
        a.apply(t, v, u);
        // y(i + l*r, j) = alpha * U(l, j*r + i) + beta * y(i + l*r, j)
        double[] ud = u.data();
        double[] yd = y.data();
        for (int j = 0; j < k; j++) {
            int yj = y.offset() + j * y.ld();
            for (int l = 0; l < p; l++) {
                for (int i = 0; i < r; i++) {
                    int yi = yj + i + l * r;
                    yd[yi] = IdentityOperator.combine(alpha, ud[l + (j * r + i) * p], beta, yd[yi]);
                }
            }
        }
    }

    /**
     * Applies \(\operatorname{op}(F)\) to every reshaped column: column \(j\) of {@code src} viewed
     * as a {@code srcRows}-row matrix goes to column \(j\) of {@code dst} viewed as a {@code
     * dstRows}-row matrix. One call on the concatenated blocks when both are stored column after
     * column without gaps, one call per column otherwise.
     */
    private static void applyToReshaped(
            LinearOperator f,
            Transpose t,
            double alpha,
            DenseMatrix src,
            int srcRows,
            double beta,
            DenseMatrix dst,
            int dstRows) {
        int k = src.cols();
        if (isContiguous(src) && isContiguous(dst)) {
            DenseMatrix s = DenseMatrix.wrap(src.data(), src.offset(), srcRows, src.rows() / srcRows * k, srcRows);
            DenseMatrix d = DenseMatrix.wrap(dst.data(), dst.offset(), dstRows, dst.rows() / dstRows * k, dstRows);
            f.apply(t, alpha, s, beta, d);
        } else {
            for (int j = 0; j < k; j++) {
                f.apply(t, alpha, reshapeColumn(src, j, srcRows), beta, reshapeColumn(dst, j, dstRows));
            }
        }
    }

    /** Whether the columns of {@code m} follow each other in storage without gaps. */
    private static boolean isContiguous(DenseMatrix m) {
        return m.cols() <= 1 || m.ld() == m.rows();
    }

    /** Column {@code j} of {@code m} (length \(hw\)) viewed as an \(h \times w\) matrix; no copy. */
    private static DenseMatrix reshapeColumn(DenseMatrix m, int j, int h) {
        return DenseMatrix.wrap(m.data(), m.offset() + j * m.ld(), h, m.rows() / h, h);
    }

    /**
     * A new compact \(h \times w\) temporary, \(h, w \ge 1\), after checking that it fits in one
     * array (either dimension may exceed the {@code int} range when computed as a product).
     */
    private static DenseMatrix temporary(long h, long w) {
        long size = w > Long.MAX_VALUE / h ? Long.MAX_VALUE : h * w;
        if (h > Integer.MAX_VALUE || w > Integer.MAX_VALUE || size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "temporary " + h + "x" + w + " of a Kronecker product apply", size, DenseMatrix.MAX_ELEMENTS);
        }
        return DenseMatrix.zeros((int) h, (int) w);
    }

    /** Flops to apply an operator to one vector: exact for explicit matrices, an estimate otherwise. */
    private static double costPerVector(LinearOperator f) {
        Optional<Matrix> m = f.matrix();
        if (m.isPresent() && m.get() instanceof SparseMatrix sm) {
            return sm.nonZeroCount();
        }
        if (f instanceof IdentityOperator || f instanceof DiagonalOperator) {
            return f.rows();
        }
        return (double) f.rows() * f.cols();
    }

    /** \((A \otimes B)^{\mathsf T} = A^{\mathsf T} \otimes B^{\mathsf T}\), applied through the factors' transposed applies. */
    @Override
    public LinearOperator transpose() {
        return new KroneckerOperator(a, b, !transposed);
    }

    @Override
    public String toString() {
        return transposed ? "(" + a + ")^T kron (" + b + ")^T" : "(" + a + ") kron (" + b + ")";
    }
}
