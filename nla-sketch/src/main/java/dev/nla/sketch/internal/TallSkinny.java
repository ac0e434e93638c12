package dev.nla.sketch.internal;

import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;

/**
 * Products of a large dense matrix with a narrow block of vectors, \(C = AX\) and \(C = A^{\mathsf
 * T}X\) (\(A\) is \(m \times n\), \(X\) has \(\ell \le\) {@value #MAX_COLUMNS} columns): the passes of
 * the range finders.
 *
 * <p>Why not {@code Blas.gemm}: a general GEMM is blocked for large products on both sides; with
 * \(\ell = 60\) each packed panel of \(A\) is used for only 60 columns, and the packing, sized for
 * square products, reads \(A\) in short strided runs. Here:
 *
 * <ul>
 *   <li>\(A^{\mathsf T}X\): \(X\) is copied once into panels of two vectors of columns, contiguous
 *       along the rows; a tile of 6 columns of \(A\) times one panel (12 accumulators) walks down the
 *       6 columns of \(A\) in blocks of {@value #TRANSPOSE_ROW_BLOCK} rows (6 sequential streams),
 *       broadcasting their entries. \(A\) is read once in place.
 *   <li>\(AX\): \(X\) is copied once into groups of 4 columns, contiguous along the rows; in blocks
 *       of {@value #ROW_BLOCK} rows by {@value #COLUMN_BLOCK} columns of \(A\), each row tile (3
 *       vectors of rows) is packed into a small panel that stays in L1 by the kernel of the first
 *       group of \(X\) as it reads \(A\) in place (no separate copy pass), and the tile of 3 vectors
 *       of rows times 4 columns (12 accumulators) runs on it for every group of \(X\).
 * </ul>
 *
 * <p><b>Determinism.</b> Every entry \(c_{ij}\) is one chain of fused multiply-adds over the inner
 * index in increasing order, starting from zero, whatever the tiling, the thread split (threads own
 * disjoint rows of \(C\)) and whether the vector or the scalar kernel computed it ({@code Math.fma}
 * and the lane-wise FMA round identically). Results are therefore bitwise identical for every thread
 * count and with or without {@code jdk.incubator.vector}; they differ from {@code Blas.gemm} by
 * rounding only (the same \(\gamma_n\) bound).
 */
public final class TallSkinny {
    /** The widest \(X\) handled: beyond it a general GEMM amortises its packing. */
    public static final int MAX_COLUMNS = 512;

    /** Products smaller than this many multiply-adds go to {@code Blas.gemm}. */
    static final long MIN_WORK = 1L << 20;

    /** Rows of \(A\) per block of the \(AX\) product (rounded down to whole row tiles). */
    static final int ROW_BLOCK = 240;

    /** Columns of \(A\) per block of the \(AX\) product (a packed row tile stays in L1). */
    static final int COLUMN_BLOCK = 128;

    /** Rows of \(A\) per block of the \(A^{\mathsf T}X\) product (keeps a block of \(X\) in L2). */
    static final int TRANSPOSE_ROW_BLOCK = 1024;

    /** Columns of \(X\) per group of the \(AX\) tile. */
    static final int GROUP = 4;

    /** Columns of \(A\) per \(A^{\mathsf T}X\) tile. */
    static final int TRANSPOSE_GROUP = 6;

    /** The Vector API kernels when the module and the hardware allow, else the scalar ones. */
    static final Kernels KERNELS = load();

    private static final Kernels SCALAR = new ScalarKernels();

    private TallSkinny() {}

    /** The two tiles, implemented by {@link ScalarKernels} and {@code VectorTallSkinny}. */
    interface Kernels {
        /** Rows of \(C\) per \(AX\) tile. */
        int rowTile();

        /** Columns of \(X\) per \(A^{\mathsf T}X\) panel. */
        int panelWidth();

        /**
         * A {@link #rowTile()} \(\times\) {@value TallSkinny#GROUP} tile of \(C\) (column-major at
         * {@code ci}, leading dimension {@code ldc}) += the packed \(A\) panel ({@code kc} steps of
         * {@code rowTile()} values) times the packed \(X\) group ({@code kc} steps of 4 values).
         */
        void timesTile(double[] pa, int pao, double[] px, int pxo, int kc, double[] c, int ci, int ldc);

        /**
         * {@link #timesTile} on a full row tile of \(A\) read in place ({@code kc} column segments
         * of {@code rowTile()} values, the first at {@code ao}, leading dimension {@code lda}), packing
         * it into {@code pa} at {@code pao} on the way for the next groups of \(X\): the same chains
         * as packing first, without a separate copy pass over \(A\).
         */
        default void timesTilePacking(
                double[] a,
                int ao,
                int lda,
                double[] pa,
                int pao,
                double[] px,
                int pxo,
                int kc,
                double[] c,
                int ci,
                int ldc) {
            int tile = rowTile();
            for (int p = 0; p < kc; p++) {
                System.arraycopy(a, ao + p * lda, pa, pao + p * tile, tile);
            }
            timesTile(pa, pao, px, pxo, kc, c, ci, ldc);
        }

        /**
         * Rows \(j..j+5\) of \(C_r\) (row-major, row length {@code lp}, panel columns at {@code co})
         * += \(A[i_0:i_1, j:j+6]^{\mathsf T}\) (columns at {@code a0 + r lda}) times the \(X\) panel
         * ({@code panelWidth()} values per row, row \(i_0\) at {@code xo}).
         */
        void transposeTile(
                double[] a, int a0, int lda, int i0, int i1, double[] xp, int xo, double[] cr, int co, int lp);

        /**
         * Row \(j\) of \(C_r\) (panel columns at {@code co}) += \(A[0:m, j]^{\mathsf T}\) (at
         * {@code a0}) times the \(X\) panel ({@code panelWidth()} values per row, row 0 at {@code
         * xo}), one fused multiply-add chain per entry in increasing row order.
         */
        default void transposeColumn(double[] a, int a0, int m, double[] xp, int xo, double[] cr, int co) {
            int w = panelWidth();
            for (int i = 0; i < m; i++) {
                double av = a[a0 + i];
                int xi = xo + i * w;
                for (int j = 0; j < w; j++) {
                    cr[co + j] = Math.fma(av, xp[xi + j], cr[co + j]);
                }
            }
        }
    }

    private static Kernels load() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> c = Class.forName("dev.nla.sketch.internal.VectorTallSkinny");
                if ((Boolean) c.getMethod("supported").invoke(null)) {
                    return (Kernels) c.getConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                // No usable Vector API: the scalar kernels compute the same bits.
            }
        }
        return new ScalarKernels();
    }

    /**
     * Whether the kernels are used for \(A\) and \(\ell\) columns: the active backend is one of
     * the pure-Java ones ({@code "vector"} or {@code "scalar"}; with native BLAS, or any other
     * backend, products go to {@code Blas.gemm} as the user chose), and the product is narrow and
     * large enough.
     *
     * @param a       the matrix
     * @param columns \(\ell\)
     * @return {@code true} for a Java backend, \(1 \le \ell \le\) {@value #MAX_COLUMNS} and at least
     *     \(2^{20}\) multiply-adds
     */
    public static boolean applies(DenseMatrix a, int columns) {
        String backend = Backends.active().name();
        return (backend.equals("vector") || backend.equals("scalar"))
                && columns >= 1
                && columns <= MAX_COLUMNS
                && (long) a.rows() * a.cols() * columns >= MIN_WORK;
    }

    /** The vector kernels under the vector backend, the scalar ones otherwise (same bits). */
    private static Kernels kernels() {
        return Backends.active().name().equals("vector") ? KERNELS : SCALAR;
    }

    /**
     * \(C = AX\).
     *
     * @param a \(A\), \(m \times n\); not modified
     * @param x \(X\), \(n \times \ell\); not modified
     * @return \(C\), a new \(m \times \ell\) matrix
     */
    public static DenseMatrix times(DenseMatrix a, DenseMatrix x) {
        return times(kernels(), a, x);
    }

    static DenseMatrix times(Kernels k, DenseMatrix a, DenseMatrix x) {
        int m = a.rows();
        int n = a.cols();
        int l = x.cols();
        DenseMatrix c = DenseMatrix.zeros(m, l);
        if (m == 0 || l == 0 || n == 0) {
            return c;
        }
        int tile = k.rowTile();
        double[] ad = a.data();
        int aOff = a.offset();
        int lda = a.ld();
        double[] cd = c.data();
        int groups = l / GROUP;
        // X in groups of 4 columns, row after row: px[g n 4 + p 4 + j] = x(p, 4g + j).
        double[] px = new double[groups * n * GROUP];
        double[] xd = x.data();
        for (int g = 0; g < groups; g++) {
            for (int j = 0; j < GROUP; j++) {
                int src = x.offset() + (g * GROUP + j) * x.ld();
                int base = g * n * GROUP + j;
                for (int p = 0; p < n; p++) {
                    px[base + p * GROUP] = xd[src + p];
                }
            }
        }
        int rowBlock = Math.max(tile, ROW_BLOCK / tile * tile);
        int parts = Parallel.parts(Backends.active().threads(), (m + tile - 1) / tile, (long) tile * n * l);
        Parallel.forRanges(m, parts, tile, (from, to) -> {
            double[] pa = new double[tile * COLUMN_BLOCK];
            double[] scratch = new double[tile * GROUP];
            for (int ib = from; ib < to; ib += rowBlock) {
                int rows = Math.min(rowBlock, to - ib);
                int fullTiles = rows / tile;
                int last = rows - fullTiles * tile;
                for (int p0 = 0; p0 < n; p0 += COLUMN_BLOCK) {
                    int kc = Math.min(COLUMN_BLOCK, n - p0);
                    for (int t = 0; t < fullTiles && groups > 0; t++) {
                        // The tile's panel of A (tile x kc, in L1) serves every group of X: the
                        // first group's kernel packs it as it reads A in place.
                        int ci = ib + t * tile;
                        k.timesTilePacking(ad, aOff + p0 * lda + ci, lda, pa, 0, px, p0 * GROUP, kc, cd, ci, m);
                        for (int g = 1; g < groups; g++) {
                            k.timesTile(pa, 0, px, (g * n + p0) * GROUP, kc, cd, g * GROUP * m + ci, m);
                        }
                    }
                    if (last > 0 && groups > 0) {
                        // A last partial tile: packed zero padded (the padding rows are never
                        // stored) and run on a scratch copy of its rows of C: the same chains.
                        int r0 = ib + fullTiles * tile;
                        for (int p = 0; p < kc; p++) {
                            System.arraycopy(ad, aOff + (p0 + p) * lda + r0, pa, p * tile, last);
                            java.util.Arrays.fill(pa, p * tile + last, (p + 1) * tile, 0.0);
                        }
                        for (int g = 0; g < groups; g++) {
                            int cg = g * GROUP * m;
                            for (int j = 0; j < GROUP; j++) {
                                System.arraycopy(cd, cg + j * m + r0, scratch, j * tile, last);
                                java.util.Arrays.fill(scratch, j * tile + last, (j + 1) * tile, 0.0);
                            }
                            k.timesTile(pa, 0, px, (g * n + p0) * GROUP, kc, scratch, 0, tile);
                            for (int j = 0; j < GROUP; j++) {
                                System.arraycopy(scratch, j * tile, cd, cg + j * m + r0, last);
                            }
                        }
                    }
                    // Remaining columns (fewer than 4): scalar chains.
                    ScalarKernels.timesRange(
                            ad,
                            aOff,
                            lda,
                            x.data(),
                            x.offset(),
                            x.ld(),
                            groups * GROUP,
                            l,
                            cd,
                            m,
                            ib,
                            ib + rows,
                            p0,
                            p0 + kc);
                }
            }
        });
        return c;
    }

    /**
     * \(C = A^{\mathsf T}X\).
     *
     * @param a \(A\), \(m \times n\); not modified
     * @param x \(X\), \(m \times \ell\); not modified
     * @return \(C\), a new \(n \times \ell\) matrix
     */
    public static DenseMatrix transposeTimes(DenseMatrix a, DenseMatrix x) {
        return transposeTimes(kernels(), a, x);
    }

    static DenseMatrix transposeTimes(Kernels k, DenseMatrix a, DenseMatrix x) {
        int m = a.rows();
        int n = a.cols();
        int l = x.cols();
        DenseMatrix c = DenseMatrix.zeros(n, l);
        if (m == 0 || l == 0 || n == 0) {
            return c;
        }
        int w = k.panelWidth();
        int panels = (l + w - 1) / w;
        int lp = panels * w;
        // X in panels of w columns, row after row: xp[t m w + i w + j] = x(i, t w + j), zero padded.
        double[] xp = new double[panels * m * w];
        double[] xd = x.data();
        for (int j = 0; j < l; j++) {
            int src = x.offset() + j * x.ld();
            int base = (j / w) * m * w + j % w;
            for (int i = 0; i < m; i++) {
                xp[base + i * w] = xd[src + i];
            }
        }
        double[] cr = new double[n * lp];
        double[] ad = a.data();
        int aOff = a.offset();
        int lda = a.ld();
        int g = TRANSPOSE_GROUP;
        int parts = Parallel.parts(Backends.active().threads(), (n + g - 1) / g, g * (long) m * lp);
        Parallel.forRanges(n, parts, g, (from, to) -> {
            int full = from + (to - from) / g * g;
            for (int i0 = 0; i0 < m && full > from; i0 += TRANSPOSE_ROW_BLOCK) {
                int i1 = Math.min(m, i0 + TRANSPOSE_ROW_BLOCK);
                for (int j = from; j < full; j += g) {
                    for (int t = 0; t < panels; t++) {
                        k.transposeTile(ad, aOff + j * lda, lda, i0, i1, xp, (t * m + i0) * w, cr, j * lp + t * w, lp);
                    }
                }
            }
            // Fewer than 6 columns left: one column of A at a time, the same chains.
            for (int j = full; j < to; j++) {
                for (int t = 0; t < panels; t++) {
                    k.transposeColumn(ad, aOff + j * lda, m, xp, t * m * w, cr, j * lp + t * w);
                }
            }
        });
        double[] cd = c.data();
        for (int j = 0; j < l; j++) {
            for (int r = 0; r < n; r++) {
                cd[r + j * n] = cr[r * lp + j];
            }
        }
        return c;
    }

    /** The scalar kernels: the same chains of {@code Math.fma} as the vector ones. */
    static final class ScalarKernels implements Kernels {
        @Override
        public int rowTile() {
            return 8;
        }

        @Override
        public int panelWidth() {
            return 8;
        }

        @Override
        public void timesTile(double[] pa, int pao, double[] px, int pxo, int kc, double[] c, int ci, int ldc) {
            int tile = rowTile();
            for (int j = 0; j < GROUP; j++) {
                int cj = ci + j * ldc;
                for (int p = 0; p < kc; p++) {
                    double xv = px[pxo + p * GROUP + j];
                    int ap = pao + p * tile;
                    for (int r = 0; r < tile; r++) {
                        c[cj + r] = Math.fma(pa[ap + r], xv, c[cj + r]);
                    }
                }
            }
        }

        @Override
        public void transposeTile(
                double[] a, int a0, int lda, int i0, int i1, double[] xp, int xo, double[] cr, int co, int lp) {
            int w = panelWidth();
            for (int r = 0; r < TRANSPOSE_GROUP; r++) {
                int ar = a0 + r * lda;
                int cj = co + r * lp;
                for (int i = i0; i < i1; i++) {
                    double av = a[ar + i];
                    int xi = xo + (i - i0) * w;
                    for (int j = 0; j < w; j++) {
                        cr[cj + j] = Math.fma(av, xp[xi + j], cr[cj + j]);
                    }
                }
            }
        }

        /** \(C[i_0:i_1, c_0:c_1] \mathrel{+}= A[i_0:i_1, p_0:p_1]X[p_0:p_1, c_0:c_1]\), one fma per term. */
        static void timesRange(
                double[] a,
                int aOff,
                int lda,
                double[] x,
                int xOff,
                int ldx,
                int c0,
                int c1,
                double[] c,
                int ldc,
                int i0,
                int i1,
                int p0,
                int p1) {
            for (int col = c0; col < c1; col++) {
                int xc = xOff + col * ldx;
                int cc = col * ldc;
                for (int p = p0; p < p1; p++) {
                    double xp = x[xc + p];
                    int ap = aOff + p * lda;
                    for (int i = i0; i < i1; i++) {
                        c[cc + i] = Math.fma(a[ap + i], xp, c[cc + i]);
                    }
                }
            }
        }
    }
}
