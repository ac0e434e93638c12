package dev.nla.sketch.operator;

import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.parallel.Parallel;
import dev.nla.core.random.RngState;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A sparse sketch stored by its nonzeros in CSC form ({@link Csc}), built on first use (so
 * sampling stays lazy) and then kept: sparse sign and CountSketch, LESS-uniform, row sampling, and
 * their blocks.
 *
 * <p>Kernels (\(\zeta\) = stored entries per column of \(S\) on average, all loops split the
 * output, so results do not depend on the thread count):
 *
 * <ul>
 *   <li>\(SA\), \(A\) dense \(m \times n\): for each tile of 8 columns of \(A\), one sweep over the
 *       rows \(j\) of \(A\) that meet a nonzero column of \(S\), adding \(s_{rj} A[j, \text{tile}]\)
 *       into a row-major \(d \times 8\) accumulator (contiguous 8-wide updates). \(2\,\mathrm{nnz}(S)
 *       n\) flops; tiles in parallel.
 *   <li>\(AS^{\mathsf T}\), \(A\) dense \(n \times m\): for each column \(j\) of \(A\), an axpy into
 *       the columns of \(Y\) named by column \(j\) of \(S\); rows of \(A\) in parallel.
 *   <li>\(S^{\mathsf T}X\): one short dot product per entry of the result; rows in parallel.
 *   <li>Sparse \(A\): the same loops over the nonzeros of \(A\), \(2\,\zeta\,\mathrm{nnz}(A)\) flops.
 * </ul>
 */
final class CscOperator extends AbstractSketch {
    /** Width of the column tiles of the left kernel. */
    static final int TILE = 8;

    /** Makes the resized operator; null when the operator cannot be resized. */
    interface Resizer {
        SketchingOperator resize(int rows, int cols);
    }

    private final SketchingDistribution distribution;
    private final Supplier<Csc> builder;
    private final boolean rowsResizable;
    private final boolean colsResizable;
    private final Resizer resizer;
    private volatile Csc csc;

    CscOperator(
            SketchingDistribution distribution,
            RngState state,
            Supplier<Csc> builder,
            boolean rowsResizable,
            boolean colsResizable,
            Resizer resizer) {
        super(distribution.rows(), distribution.cols(), state);
        this.distribution = distribution;
        this.builder = builder;
        this.rowsResizable = rowsResizable;
        this.colsResizable = colsResizable;
        this.resizer = resizer;
    }

    /** The nonzeros, built on first use. */
    Csc csc() {
        Csc c = csc;
        if (c == null) {
            synchronized (this) {
                c = csc;
                if (c == null) {
                    c = builder.get();
                    csc = c;
                }
            }
        }
        return c;
    }

    @Override
    public SketchingDistribution distribution() {
        return distribution;
    }

    @Override
    public SketchingOperator block(int rowOffset, int colOffset, int rows, int cols) {
        Sketching.checkBlock(d, m, rowOffset, colOffset, rows, cols);
        if (rowOffset == 0 && colOffset == 0 && rows == d && cols == m) {
            return this;
        }
        SketchingDistribution whole = distribution;
        int r0 = rowOffset;
        int c0 = colOffset;
        if (whole instanceof SketchBlock b) {
            whole = b.parent();
            r0 += b.rowOffset();
            c0 += b.colOffset();
        }
        SketchBlock law = new SketchBlock(whole, r0, c0, rows, cols);
        return new CscOperator(law, state, () -> csc().block(rowOffset, colOffset, rows, cols), false, false, null);
    }

    @Override
    public boolean canResize(Axis axis) {
        Objects.requireNonNull(axis, "axis");
        return axis == Axis.ROWS ? rowsResizable : colsResizable;
    }

    @Override
    SketchingOperator resized(int rows, int cols) {
        return resizer.resize(rows, cols);
    }

    @Override
    void leftDense(DenseMatrix a, DenseMatrix y) {
        Csc s = csc();
        int n = a.cols();
        int tiles = (n + TILE - 1) / TILE;
        int parts = Parallel.parts(Backends.active().threads(), tiles, (long) Math.max(1, s.nonZeros()) * TILE);
        Parallel.forRanges(tiles, parts, 1, (t0, t1) -> {
            double[] acc = new double[d * TILE];
            double[] g = new double[TILE];
            for (int t = t0; t < t1; t++) {
                int c0 = t * TILE;
                int w = Math.min(TILE, n - c0);
                leftTile(s, a, c0, w, acc, g);
                double[] yd = y.data();
                for (int c = 0; c < w; c++) {
                    int yc = y.offset() + (c0 + c) * y.ld();
                    for (int r = 0; r < d; r++) {
                        yd[yc + r] = acc[r * TILE + c];
                    }
                }
            }
        });
    }

    /** acc (row-major d x TILE) = S A[:, c0 : c0 + w]. */
    private static void leftTile(Csc s, DenseMatrix a, int c0, int w, double[] acc, double[] g) {
        java.util.Arrays.fill(acc, 0.0);
        double[] ad = a.data();
        int lda = a.ld();
        int base = a.offset() + c0 * lda;
        int[] ptr = s.ptr;
        int[] idx = s.idx;
        double[] val = s.val;
        int m = s.m;
        if (w == TILE) {
            for (int j = 0; j < m; j++) {
                int p0 = ptr[j];
                int p1 = ptr[j + 1];
                if (p0 == p1) {
                    continue;
                }
                int aj = base + j;
                double g0 = ad[aj];
                double g1 = ad[aj + lda];
                double g2 = ad[aj + 2 * lda];
                double g3 = ad[aj + 3 * lda];
                double g4 = ad[aj + 4 * lda];
                double g5 = ad[aj + 5 * lda];
                double g6 = ad[aj + 6 * lda];
                double g7 = ad[aj + 7 * lda];
                for (int p = p0; p < p1; p++) {
                    double v = val[p];
                    int o = idx[p] * TILE;
                    acc[o] += v * g0;
                    acc[o + 1] += v * g1;
                    acc[o + 2] += v * g2;
                    acc[o + 3] += v * g3;
                    acc[o + 4] += v * g4;
                    acc[o + 5] += v * g5;
                    acc[o + 6] += v * g6;
                    acc[o + 7] += v * g7;
                }
            }
        } else {
            for (int j = 0; j < m; j++) {
                int p0 = ptr[j];
                int p1 = ptr[j + 1];
                if (p0 == p1) {
                    continue;
                }
                for (int c = 0; c < w; c++) {
                    g[c] = ad[base + j + c * lda];
                }
                for (int p = p0; p < p1; p++) {
                    double v = val[p];
                    int o = idx[p] * TILE;
                    for (int c = 0; c < w; c++) {
                        acc[o + c] += v * g[c];
                    }
                }
            }
        }
    }

    @Override
    void rightDense(DenseMatrix a, DenseMatrix y) {
        Csc s = csc();
        int n = a.rows();
        int parts = Parallel.parts(Backends.active().threads(), n, Math.max(1, s.nonZeros()));
        Parallel.forRanges(n, parts, 8, (i0, i1) -> {
            double[] ad = a.data();
            double[] yd = y.data();
            int lda = a.ld();
            int ldy = y.ld();
            for (int r = 0; r < d; r++) {
                int yr = y.offset() + r * ldy;
                for (int i = i0; i < i1; i++) {
                    yd[yr + i] = 0.0;
                }
            }
            for (int j = 0; j < m; j++) {
                int aj = a.offset() + j * lda;
                for (int p = s.ptr[j]; p < s.ptr[j + 1]; p++) {
                    double v = s.val[p];
                    int yr = y.offset() + s.idx[p] * ldy;
                    for (int i = i0; i < i1; i++) {
                        yd[yr + i] += v * ad[aj + i];
                    }
                }
            }
        });
    }

    @Override
    void transposeDense(DenseMatrix x, DenseMatrix y) {
        Csc s = csc();
        int k = x.cols();
        int parts =
                Parallel.parts(Backends.active().threads(), m, (long) k * Math.max(1, s.nonZeros() / Math.max(1, m)));
        Parallel.forRanges(m, parts, 8, (j0, j1) -> {
            double[] xd = x.data();
            double[] yd = y.data();
            for (int c = 0; c < k; c++) {
                int xc = x.offset() + c * x.ld();
                int yc = y.offset() + c * y.ld();
                for (int j = j0; j < j1; j++) {
                    double sum = 0.0;
                    for (int p = s.ptr[j]; p < s.ptr[j + 1]; p++) {
                        sum += s.val[p] * xd[xc + s.idx[p]];
                    }
                    yd[yc + j] = sum;
                }
            }
        });
    }

    @Override
    void leftSparse(SparseMatrix a, DenseMatrix y) {
        Csc s = csc();
        SparseMatrix csc = a.toCsc();
        int n = a.cols();
        int[] ap = csc.pointers();
        int[] ai = csc.indices();
        double[] av = csc.values();
        int parts = Parallel.parts(
                Backends.active().threads(), n, Math.max(1L, (long) csc.nonZeroCount() / Math.max(1, n)) * 8);
        Parallel.forRanges(n, parts, 1, (c0, c1) -> {
            double[] yd = y.data();
            for (int c = c0; c < c1; c++) {
                int yc = y.offset() + c * y.ld();
                for (int r = 0; r < d; r++) {
                    yd[yc + r] = 0.0;
                }
                for (int q = ap[c]; q < ap[c + 1]; q++) {
                    int j = ai[q];
                    double v = av[q];
                    for (int p = s.ptr[j]; p < s.ptr[j + 1]; p++) {
                        yd[yc + s.idx[p]] += s.val[p] * v;
                    }
                }
            }
        });
    }

    @Override
    void rightSparse(SparseMatrix a, DenseMatrix y) {
        Csc s = csc();
        SparseMatrix csr = a.toCsr();
        int n = a.rows();
        int[] ap = csr.pointers();
        int[] ai = csr.indices();
        double[] av = csr.values();
        int parts = Parallel.parts(
                Backends.active().threads(), n, Math.max(1L, (long) csr.nonZeroCount() / Math.max(1, n)) * 8);
        Parallel.forRanges(n, parts, 1, (i0, i1) -> {
            double[] yd = y.data();
            int ldy = y.ld();
            for (int i = i0; i < i1; i++) {
                int yi = y.offset() + i;
                for (int r = 0; r < d; r++) {
                    yd[yi + r * ldy] = 0.0;
                }
                for (int q = ap[i]; q < ap[i + 1]; q++) {
                    int j = ai[q];
                    double v = av[q];
                    for (int p = s.ptr[j]; p < s.ptr[j + 1]; p++) {
                        yd[yi + s.idx[p] * ldy] += v * s.val[p];
                    }
                }
            }
        });
    }

    @Override
    void denseBlock(int r0, int c0, DenseMatrix target) {
        Csc s = csc();
        int p = target.rows();
        int q = target.cols();
        target.fill(0.0);
        for (int j = 0; j < q; j++) {
            for (int t = s.ptr[c0 + j]; t < s.ptr[c0 + j + 1]; t++) {
                int r = s.idx[t];
                if (r >= r0 && r < r0 + p) {
                    target.set(r - r0, j, s.val[t]);
                }
            }
        }
    }

    @Override
    String describe() {
        return distribution.toString();
    }
}
