package dev.nla.sketch.internal;

import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;

/**
 * Products of a large dense matrix with a narrow block of vectors, \(C = AX\) and \(C = A^{\mathsf
 * T}X\) (\(A\) is \(m \times n\), \(X\) has \(\ell \le\) {@value #MAX_COLUMNS} columns): the passes of
 * the range finders.
 *
 * <p>Why not {@code Blas.gemm}: a general GEMM packs \(A\) into cache-sized panels, which costs a
 * read and a write of \(A\) and is amortised over the \(\ell\) columns of \(X\) only; with \(\ell =
 * 60\) the packing and its strided reads take as long as the arithmetic. These kernels read \(A\)
 * in place, as long contiguous column segments, and pack only the small \(X\):
 *
 * <ul>
 *   <li>\(A^{\mathsf T}X\): \(X\) is copied row-major (padded to a multiple of two vectors); a tile of
 *       6 columns of \(A\) times 2 vectors of columns of \(X\) (12 accumulators) walks down the 6
 *       columns of \(A\) (6 sequential streams), broadcasting their entries;
 *   <li>\(AX\): a tile of 3 vectors of rows times 4 columns of \(X\) (12 accumulators) walks along
 *       \(p\) inside a block of 256 rows (column segments of 2 KiB) and 128 columns of \(A\).
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

    /** Rows of \(A\) per block of the \(AX\) kernel (2 KiB column segments). */
    static final int ROW_BLOCK = 256;

    /** Columns of \(A\) per block of the \(AX\) kernel. */
    static final int COLUMN_BLOCK = 128;

    /** Rows of \(A\) per block of the \(A^{\mathsf T}X\) kernel (keeps a block of \(X_r\) in L2). */
    static final int TRANSPOSE_ROW_BLOCK = 512;

    /** The Vector API kernels when the module and the hardware allow, else the scalar ones. */
    static final Kernels KERNELS = load();

    private static final Kernels SCALAR = new ScalarKernels();

    private TallSkinny() {}

    /** The two tile loops, implemented by {@link ScalarKernels} and {@code VectorTallSkinny}. */
    interface Kernels {
        /** Rows of \(C\) per \(AX\) tile. */
        int rowTile();

        /** Columns of \(X\) per \(A^{\mathsf T}X\) tile (the padding unit of the row-major copy). */
        int columnTile();

        /**
         * \(C[i_0:i_1, :] \mathrel{+}= A[i_0:i_1, p_0:p_1]X[p_0:p_1, :]\) for full row tiles and full
         * groups of 4 columns; {@code c} is \(m \times \ell\) column-major with leading dimension
         * {@code ldc}; \(X\) column-major with leading dimension {@code ldx}.
         */
        void timesBlock(
                double[] a,
                int aOff,
                int lda,
                double[] x,
                int xOff,
                int ldx,
                int columns,
                double[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int p0,
                int p1);

        /**
         * \(C_r[j_0:j_1, :] \mathrel{+}= A[:, j_0:j_1]^{\mathsf T}X_r\) for groups of 6 columns of
         * \(A\); \(X_r\) and \(C_r\) row-major with row length {@code lp} (a multiple of the column
         * tile).
         */
        void transposeTimesBlock(
                double[] a, int aOff, int lda, int m, double[] xr, int lp, double[] cr, int j0, int j1);
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
        int m = a.rows();
        int n = a.cols();
        int l = x.cols();
        DenseMatrix c = DenseMatrix.zeros(m, l);
        if (m == 0 || l == 0 || n == 0) {
            return c;
        }
        Kernels k = kernels();
        int tile = k.rowTile();
        double[] ad = a.data();
        double[] xd = x.data();
        double[] cd = c.data();
        int rowBlock = Math.max(tile, ROW_BLOCK / tile * tile);
        int parts = Tasks.parts((m + tile - 1) / tile, (long) tile * n * l);
        Tasks.forRanges(m, parts, tile, (from, to) -> {
            for (int ib = from; ib < to; ib += rowBlock) {
                int ie = Math.min(to, ib + rowBlock);
                int full = ib + (ie - ib) / tile * tile;
                int groups = l / 4 * 4;
                for (int p0 = 0; p0 < n; p0 += COLUMN_BLOCK) {
                    int p1 = Math.min(n, p0 + COLUMN_BLOCK);
                    if (full > ib && groups > 0) {
                        k.timesBlock(
                                ad, a.offset(), a.ld(), xd, x.offset(), x.ld(), groups, cd, 0, m, ib, full, p0, p1);
                    }
                    // Remaining rows (all columns) and remaining columns (full rows): scalar chains.
                    ScalarKernels.timesRange(
                            ad, a.offset(), a.ld(), xd, x.offset(), x.ld(), 0, l, cd, 0, m, full, ie, p0, p1);
                    if (full > ib) {
                        ScalarKernels.timesRange(
                                ad, a.offset(), a.ld(), xd, x.offset(), x.ld(), groups, l, cd, 0, m, ib, full, p0, p1);
                    }
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
        int m = a.rows();
        int n = a.cols();
        int l = x.cols();
        DenseMatrix c = DenseMatrix.zeros(n, l);
        if (m == 0 || l == 0 || n == 0) {
            return c;
        }
        Kernels k = kernels();
        int unit = k.columnTile();
        int lp = (l + unit - 1) / unit * unit;
        double[] xr = new double[m * lp];
        for (int j = 0; j < l; j++) {
            for (int i = 0; i < m; i++) {
                xr[i * lp + j] = x.get(i, j);
            }
        }
        double[] cr = new double[n * lp];
        double[] ad = a.data();
        int parts = Tasks.parts((n + 5) / 6, 6L * m * lp);
        Tasks.forRanges(n, parts, 6, (from, to) -> {
            int full = from + (to - from) / 6 * 6;
            if (full > from) {
                k.transposeTimesBlock(ad, a.offset(), a.ld(), m, xr, lp, cr, from, full);
            }
            ScalarKernels.transposeTimesRange(ad, a.offset(), a.ld(), m, xr, lp, 0, lp, cr, full, to);
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
        public int columnTile() {
            return 8;
        }

        @Override
        public void timesBlock(
                double[] a,
                int aOff,
                int lda,
                double[] x,
                int xOff,
                int ldx,
                int columns,
                double[] c,
                int cOff,
                int ldc,
                int i0,
                int i1,
                int p0,
                int p1) {
            timesRange(a, aOff, lda, x, xOff, ldx, 0, columns, c, cOff, ldc, i0, i1, p0, p1);
        }

        @Override
        public void transposeTimesBlock(
                double[] a, int aOff, int lda, int m, double[] xr, int lp, double[] cr, int j0, int j1) {
            transposeTimesRange(a, aOff, lda, m, xr, lp, 0, lp, cr, j0, j1);
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
                int cOff,
                int ldc,
                int i0,
                int i1,
                int p0,
                int p1) {
            for (int col = c0; col < c1; col++) {
                int xc = xOff + col * ldx;
                int cc = cOff + col * ldc;
                for (int p = p0; p < p1; p++) {
                    double xp = x[xc + p];
                    int ap = aOff + p * lda;
                    for (int i = i0; i < i1; i++) {
                        c[cc + i] = Math.fma(a[ap + i], xp, c[cc + i]);
                    }
                }
            }
        }

        /** \(C_r[j_0:j_1, c_0:c_1] \mathrel{+}= A[:, j_0:j_1]^{\mathsf T}X_r[:, c_0:c_1]\), one fma per term. */
        static void transposeTimesRange(
                double[] a,
                int aOff,
                int lda,
                int m,
                double[] xr,
                int lp,
                int c0,
                int c1,
                double[] cr,
                int j0,
                int j1) {
            for (int j = j0; j < j1; j++) {
                int aj = aOff + j * lda;
                int cj = j * lp;
                for (int i = 0; i < m; i++) {
                    double aij = a[aj + i];
                    int xi = i * lp;
                    for (int col = c0; col < c1; col++) {
                        cr[cj + col] = Math.fma(aij, xr[xi + col], cr[cj + col]);
                    }
                }
            }
        }
    }
}
