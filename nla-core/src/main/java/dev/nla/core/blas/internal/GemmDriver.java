package dev.nla.core.blas.internal;

/**
 * Single-threaded, cache-blocked GEMM in the Goto–van de Geijn layout [Goto and van de Geijn 2008;
 * Van Zee and van de Geijn 2015, BLIS].
 *
 * <pre>
 * for jc in 0..n step NC                      B block (KC x NC) lives in L3
 *   for pc in 0..k step KC                    pack op(B)[pc:pc+KC, jc:jc+NC] into NR-column panels
 *     for ic in 0..m step MC                  pack op(A)[ic:ic+MC, pc:pc+KC] into MR-row panels (L2)
 *       for jr in 0..NC step NR               one B micro-panel stays in L1
 *         for ir in 0..MC step MR             micro-kernel: MR x NR tile of C in registers
 * </pre>
 *
 * <p>Partial panels are zero-padded; partial tiles are computed into a scratch tile and merged with
 * the same arithmetic as full tiles (see {@link MicroKernel}), so every entry of \(C\) is computed
 * identically wherever the tile and thread boundaries fall. The only blocking parameter that
 * changes the arithmetic is {@code KC} (the inner dimension is summed in blocks of {@code KC}); it
 * is a constant of the driver.
 */
final class GemmDriver {
    private final MicroKernel kernel;
    private final int mr;
    private final int nr;
    private final int mc;
    private final int kc;
    private final int nc;
    private final ThreadLocal<Workspace> workspace;

    /** Packing buffers and the scratch tile, one set per thread, grown on demand. */
    private static final class Workspace {
        double[] packedA = new double[0];
        double[] packedB = new double[0];
        final double[] tile;

        Workspace(int tileSize) {
            tile = new double[tileSize];
        }
    }

    GemmDriver(MicroKernel kernel, int mc, int kc, int nc) {
        this.kernel = kernel;
        this.mr = kernel.mr();
        this.nr = kernel.nr();
        this.mc = roundUp(mc, mr);
        this.kc = kc;
        this.nc = roundUp(nc, nr);
        int tileSize = mr * nr;
        this.workspace = ThreadLocal.withInitial(() -> new Workspace(tileSize));
    }

    int mr() {
        return mr;
    }

    int nr() {
        return nr;
    }

    int kc() {
        return kc;
    }

    /** \(C \leftarrow \alpha\,\operatorname{op}(A)\operatorname{op}(B) + \beta C\) on the calling thread. */
    void gemm(
            boolean transA,
            boolean transB,
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (alpha == 0.0 || k == 0) {
            scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Workspace ws = workspace.get();
        int ncMax = Math.min(nc, roundUp(n, nr));
        int kcMax = Math.min(kc, k);
        int mcMax = Math.min(mc, roundUp(m, mr));
        if (ws.packedB.length < ncMax * kcMax) {
            ws.packedB = new double[ncMax * kcMax];
        }
        if (ws.packedA.length < mcMax * kcMax) {
            ws.packedA = new double[mcMax * kcMax];
        }
        double[] pa = ws.packedA;
        double[] pb = ws.packedB;
        for (int jc = 0; jc < n; jc += nc) {
            int ncur = Math.min(nc, n - jc);
            for (int pc = 0; pc < k; pc += kc) {
                int kcur = Math.min(kc, k - pc);
                double betaBlock = pc == 0 ? beta : 1.0;
                packB(transB, b, bOff, ldb, pc, jc, kcur, ncur, pb);
                for (int ic = 0; ic < m; ic += mc) {
                    int mcur = Math.min(mc, m - ic);
                    packA(transA, a, aOff, lda, ic, pc, mcur, kcur, pa);
                    macroKernel(mcur, ncur, kcur, pa, pb, alpha, betaBlock, c, cOff + ic + jc * ldc, ldc, ws.tile);
                }
            }
        }
    }

    private void macroKernel(
            int mcur,
            int ncur,
            int kcur,
            double[] pa,
            double[] pb,
            double alpha,
            double beta,
            double[] c,
            int cOff,
            int ldc,
            double[] tile) {
        for (int jr = 0; jr < ncur; jr += nr) {
            int nrCur = Math.min(nr, ncur - jr);
            int bPanel = jr * kcur;
            for (int ir = 0; ir < mcur; ir += mr) {
                int mrCur = Math.min(mr, mcur - ir);
                int aPanel = ir * kcur;
                int cTile = cOff + ir + jr * ldc;
                if (mrCur == mr && nrCur == nr) {
                    kernel.compute(kcur, pa, aPanel, pb, bPanel, alpha, beta, c, cTile, ldc);
                } else {
                    kernel.compute(kcur, pa, aPanel, pb, bPanel, 1.0, 0.0, tile, 0, mr);
                    for (int j = 0; j < nrCur; j++) {
                        int cj = cTile + j * ldc;
                        int tj = j * mr;
                        if (beta == 0.0) {
                            for (int i = 0; i < mrCur; i++) {
                                c[cj + i] = tile[tj + i] * alpha;
                            }
                        } else {
                            for (int i = 0; i < mrCur; i++) {
                                c[cj + i] = Math.fma(tile[tj + i], alpha, c[cj + i] * beta);
                            }
                        }
                    }
                }
            }
        }
    }

    /** Packs op(A)[ic:ic+mcur, pc:pc+kcur] as MR-row panels, each kcur groups of MR values. */
    private void packA(boolean transA, double[] a, int aOff, int lda, int ic, int pc, int mcur, int kcur, double[] pa) {
        int dst = 0;
        for (int ir = 0; ir < mcur; ir += mr) {
            int rows = Math.min(mr, mcur - ir);
            if (!transA) {
                // op(A)[i, p] = a[aOff + i + p * lda]: MR contiguous values per p.
                int src = aOff + (ic + ir) + pc * lda;
                if (rows == mr) {
                    for (int p = 0; p < kcur; p++) {
                        System.arraycopy(a, src + p * lda, pa, dst + p * mr, mr);
                    }
                } else {
                    for (int p = 0; p < kcur; p++) {
                        int s = src + p * lda;
                        int d = dst + p * mr;
                        for (int i = 0; i < rows; i++) {
                            pa[d + i] = a[s + i];
                        }
                        for (int i = rows; i < mr; i++) {
                            pa[d + i] = 0.0;
                        }
                    }
                }
            } else {
                // op(A)[i, p] = a[aOff + p + i * lda]: walk each stored column (a row of op(A)).
                for (int i = 0; i < rows; i++) {
                    int s = aOff + pc + (ic + ir + i) * lda;
                    int d = dst + i;
                    for (int p = 0; p < kcur; p++) {
                        pa[d + p * mr] = a[s + p];
                    }
                }
                for (int i = rows; i < mr; i++) {
                    for (int p = 0; p < kcur; p++) {
                        pa[dst + i + p * mr] = 0.0;
                    }
                }
            }
            dst += mr * kcur;
        }
    }

    /** Packs op(B)[pc:pc+kcur, jc:jc+ncur] as NR-column panels, each kcur groups of NR values. */
    private void packB(boolean transB, double[] b, int bOff, int ldb, int pc, int jc, int kcur, int ncur, double[] pb) {
        int dst = 0;
        for (int jr = 0; jr < ncur; jr += nr) {
            int cols = Math.min(nr, ncur - jr);
            if (!transB) {
                // op(B)[p, j] = b[bOff + p + j * ldb]: walk each stored column.
                for (int j = 0; j < cols; j++) {
                    int s = bOff + pc + (jc + jr + j) * ldb;
                    int d = dst + j;
                    for (int p = 0; p < kcur; p++) {
                        pb[d + p * nr] = b[s + p];
                    }
                }
                for (int j = cols; j < nr; j++) {
                    for (int p = 0; p < kcur; p++) {
                        pb[dst + j + p * nr] = 0.0;
                    }
                }
            } else {
                // op(B)[p, j] = b[bOff + j + p * ldb]: NR contiguous values per p.
                int src = bOff + (jc + jr) + pc * ldb;
                for (int p = 0; p < kcur; p++) {
                    int s = src + p * ldb;
                    int d = dst + p * nr;
                    for (int j = 0; j < cols; j++) {
                        pb[d + j] = b[s + j];
                    }
                    for (int j = cols; j < nr; j++) {
                        pb[d + j] = 0.0;
                    }
                }
            }
            dst += nr * kcur;
        }
    }

    /** \(C \leftarrow \beta C\); \(\beta = 0\) writes zeros without reading. */
    static void scale(int m, int n, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int cj = cOff + j * ldc;
            if (beta == 0.0) {
                java.util.Arrays.fill(c, cj, cj + m, 0.0);
            } else {
                for (int i = 0; i < m; i++) {
                    c[cj + i] *= beta;
                }
            }
        }
    }

    private static int roundUp(int x, int multiple) {
        return ((x + multiple - 1) / multiple) * multiple;
    }
}
