package dev.nla.sketch.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;

/**
 * A sampled {@link DenseSketch}, or a block of one: \(S[i, j] = \alpha M[c_0 + j, r_0 + i]\) with
 * \(M\) the {@link RandomMatrices} matrix of the state (\((r_0, c_0) = (0, 0)\) for a whole sketch).
 *
 * <p>Every kernel walks the columns of \(S\) (rows of \(M\)) in blocks {@code J} of about
 * {@link AbstractSketch#BLOCK_ENTRIES} entries: it generates \(G = M[c_0 + J, r_0 : r_0 + d]\) with
 * {@link RandomMatrices#fill} (parallel over columns, bitwise independent of the thread count) and
 * multiplies it with one GEMM. Sums over blocks run in a fixed order.
 */
final class DenseOperator extends AbstractSketch {
    private final DenseSketch whole;
    private final int r0;
    private final int c0;
    private final ScalarDistribution law;
    private final double alpha;

    DenseOperator(DenseSketch whole, RngState state, int r0, int c0, int rows, int cols) {
        super(rows, cols, state);
        this.whole = whole;
        this.r0 = r0;
        this.c0 = c0;
        this.law = whole.entries().law();
        this.alpha = whole.scale();
    }

    private boolean isWhole() {
        return r0 == 0 && c0 == 0 && d == whole.rows() && m == whole.cols();
    }

    @Override
    public SketchingDistribution distribution() {
        return isWhole() ? whole : new SketchBlock(whole, r0, c0, d, m);
    }

    @Override
    public SketchingOperator block(int rowOffset, int colOffset, int rows, int cols) {
        Sketching.checkBlock(d, m, rowOffset, colOffset, rows, cols);
        if (rowOffset == 0 && colOffset == 0 && rows == d && cols == m) {
            return this;
        }
        return new DenseOperator(whole, state, r0 + rowOffset, c0 + colOffset, rows, cols);
    }

    @Override
    public boolean canResize(Axis axis) {
        java.util.Objects.requireNonNull(axis, "axis");
        return isWhole();
    }

    @Override
    SketchingOperator resized(int rows, int cols) {
        DenseSketch grown = whole.withSize(rows, cols);
        return new DenseOperator(grown, state, 0, 0, rows, cols);
    }

    /** Rows of \(M\) (columns of \(S\)) per generated block. */
    private int panel() {
        return blockWidth(d, m);
    }

    /** \(G \leftarrow M[c_0 + j_0 : \ldots, r_0 : r_0 + d]\), a {@code w x d} view of the buffer. */
    private DenseMatrix generate(DenseMatrix buffer, int j0, int w) {
        DenseMatrix g = buffer.rowBlock(0, w);
        RandomMatrices.fill(g, (long) c0 + j0, r0, law, state);
        return g;
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        // S A = alpha sum_J G_J^T A[J, :]
        int b = panel();
        DenseMatrix buffer = DenseMatrix.zeros(b, d);
        for (int j0 = 0; j0 < m; j0 += b) {
            int w = Math.min(b, m - j0);
            DenseMatrix g = generate(buffer, j0, w);
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, g, a.rowBlock(j0, w), j0 == 0 ? 0.0 : 1.0, y);
        }
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        // (S^T X)[J, :] = alpha G_J X
        int b = panel();
        DenseMatrix buffer = DenseMatrix.zeros(b, d);
        for (int j0 = 0; j0 < m; j0 += b) {
            int w = Math.min(b, m - j0);
            DenseMatrix g = generate(buffer, j0, w);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, g, x, 0.0, y.rowBlock(j0, w));
        }
    }

    @Override
    void rightDense(DenseMatrix a, DenseMatrix y) {
        // A S^T = alpha sum_J A[:, J] G_J
        int b = panel();
        DenseMatrix buffer = DenseMatrix.zeros(b, d);
        for (int j0 = 0; j0 < m; j0 += b) {
            int w = Math.min(b, m - j0);
            DenseMatrix g = generate(buffer, j0, w);
            Blas.gemm(
                    Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, a.columns(j0, w), g, j0 == 0 ? 0.0 : 1.0, y);
        }
    }

    @Override
    void leftSparse(SparseMatrix a, DenseMatrix y) {
        // S A = alpha sum_J S[:, J] A[J, :] over the blocks of rows of A that hold a nonzero.
        SparseMatrix csr = a.toCsr();
        int[] ptr = csr.pointers();
        int b = panel();
        DenseMatrix buffer = DenseMatrix.zeros(b, d);
        DenseMatrix columns = DenseMatrix.zeros(d, b);
        y.fill(0.0);
        for (int j0 = 0; j0 < m; j0 += b) {
            int w = Math.min(b, m - j0);
            if (ptr[j0 + w] == ptr[j0]) {
                continue;
            }
            DenseMatrix g = generate(buffer, j0, w);
            DenseMatrix sj = columns.columns(0, w);
            transposeInto(g, sj);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, sj, SparseSlices.rows(csr, j0, w), 1.0, y);
        }
    }

    @Override
    void rightSparse(SparseMatrix a, DenseMatrix y) {
        // A S^T = alpha sum_J A[:, J] G_J over the blocks of columns of A that hold a nonzero.
        SparseMatrix csc = a.toCsc();
        int[] ptr = csc.pointers();
        int b = panel();
        DenseMatrix buffer = DenseMatrix.zeros(b, d);
        y.fill(0.0);
        for (int j0 = 0; j0 < m; j0 += b) {
            int w = Math.min(b, m - j0);
            if (ptr[j0 + w] == ptr[j0]) {
                continue;
            }
            DenseMatrix g = generate(buffer, j0, w);
            Blas.gemm(
                    Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, SparseSlices.columns(csc, j0, w), g, 1.0, y);
        }
    }

    @Override
    void transposedRows(int i0, DenseMatrix target) {
        // S^T[:, i0 : i0 + b] = alpha M[c0 : c0 + m, r0 + i0 : ...]
        RandomMatrices.fill(target, c0, (long) r0 + i0, law, state);
        Blas.scal(alpha, target);
    }

    @Override
    void denseBlock(int i0, int j0, DenseMatrix target) {
        int p = target.rows();
        int q = target.cols();
        DenseMatrix mt = DenseMatrix.zeros(q, p);
        RandomMatrices.fill(mt, (long) c0 + j0, (long) r0 + i0, law, state);
        for (int j = 0; j < q; j++) {
            for (int i = 0; i < p; i++) {
                target.set(i, j, alpha * mt.get(j, i));
            }
        }
    }

    @Override
    String describe() {
        return whole.toString();
    }
}
