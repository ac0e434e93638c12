package dev.nla.attention.internal;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;
import java.util.Arrays;

/**
 * Exact softmax attention by query blocks and key blocks with the online-softmax merge, in double
 * precision: the engine of {@code DenseAttention} (one key block spanning every visible key) and
 * {@code OnlineSoftmaxAttention} (key blocks of a chosen width).
 *
 * <p>For a block of \(b_q\) query rows, the running state is the row maximum \(\mu\), the row sum
 * \(\ell\) and the unnormalised output \(O\) (a view of the result). For each key block \(J\):
 * \[ S = sQ_{I}K_J^{\mathsf T} + M_{IJ},\quad \mu' = \max(\mu, \operatorname{rowmax} S),\quad
 *    \alpha = e^{\mu - \mu'},\quad P = e^{S - \mu'},\quad \ell' = \alpha\ell + P\mathbf 1,\quad
 *    O' = \operatorname{diag}(\alpha)O + PV_J, \]
 * and finally \(O \leftarrow \operatorname{diag}(\ell)^{-1}O\) [Milakov and Gimelshein 2018; Dao et
 * al. 2022]. The first block skips the rescaling (\(\mu = -\infty\)). A row whose visible keys all lie
 * in later blocks has \(\mu' = -\infty\); its shift is taken as 0 so that \(\alpha = P = 0\) instead of
 * NaN. Key blocks wholly above the causal diagonal or wholly padded are skipped.
 *
 * <p>Both products are {@link Blas#gemm} calls on views (no copies of \(Q\), \(K\), \(V\)): \(S =
 * sQ_IK_J^{\mathsf T}\) is {@code gemm(NO, TRANSPOSE)} and \(PV_J\) is {@code gemm(NO, NO)}, on the
 * one-thread backend of {@link dev.nla.core.blas.Backends#singleThreaded}. The element-wise work uses {@link Softmax}.
 *
 * <p><b>Parallelism and determinism.</b> Query blocks are dealt to the parts cyclically (block \(b\) to
 * part \(b \bmod p\); cyclic rather than contiguous so that causal work is balanced), each part with
 * its own tile. A block's result does not depend on which part computes it, so the output is bitwise
 * identical for every thread count.
 *
 * <p><b>Memory.</b> The output (\(nd_v\)) plus, per part, one \(b_q \times b_k\) tile and five
 * vectors of length \(b_q\): never an \(n \times m\) array.
 */
public final class BlockedSoftmax {
    /** Below this many multiply-adds (\(nmd\)) the blocks run on the calling thread. */
    static final long PARALLEL_WORK = 1L << 20;

    private BlockedSoftmax() {}

    /**
     * Attention output for validated inputs.
     *
     * @param q          \(Q\), \(n \times d\); not modified
     * @param k          \(K\), \(m \times d\); not modified
     * @param v          \(V\), \(m \times d_v\); not modified
     * @param mask       a validated mask
     * @param scale      the score scale
     * @param queryBlock \(b_q \ge 1\)
     * @param keyBlock   \(b_k \ge 1\); {@code Integer.MAX_VALUE} for one block over all visible keys
     * @return a new \(n \times d_v\) matrix
     */
    public static DenseMatrix compute(
            DenseMatrix q,
            DenseMatrix k,
            DenseMatrix v,
            AttentionMask mask,
            double scale,
            int queryBlock,
            int keyBlock) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        CostCounter cost = CostCounter.current();
        int bq = Math.min(queryBlock, n);
        int bk = Math.min(keyBlock, m);
        int blocks = (n + bq - 1) / bq;
        int parts = (long) n * m * d < PARALLEL_WORK
                ? 1
                : Math.min(Math.max(1, Backends.active().threads()), blocks);
        long scratch = (long) parts * ((long) bq * bk + (long) bq * dv + 5L * bq);
        cost.allocate((long) n * dv);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        cost.allocate(scratch);
        int[] keptPrefix = keptPrefix(mask, m);
        Backend backend = Backends.singleThreaded(Backends.active());
        Parallel.forEach(parts, part -> {
            Workspace ws = new Workspace(bq, bk, dv);
            for (int b = part; b < blocks; b += parts) {
                int i0 = b * bq;
                int i1 = Math.min(n, i0 + bq);
                block(backend, q, k, v, mask, scale, bk, i0, i1, out, ws, keptPrefix, cost);
            }
        });
        cost.release(scratch);
        return out;
    }

    /** Per-part scratch. */
    private static final class Workspace {
        final double[] tile;
        /**
         * The output rows of the current query block, accumulated here (leading dimension = rows) and
         * copied to the result once at the end: the parts work on adjacent query blocks at the same
         * time, and accumulating in place would make them write the cache lines their column
         * segments share at every key block (false sharing, measured to slow 2 threads below 1).
         */
        final double[] acc;

        final double[] max;
        final double[] newMax;
        final double[] shift;
        final double[] sum;
        final double[] alpha;

        Workspace(int bq, int bk, int dv) {
            tile = new double[bq * bk];
            acc = new double[bq * dv];
            max = new double[bq];
            newMax = new double[bq];
            shift = new double[bq];
            sum = new double[bq];
            alpha = new double[bq];
        }
    }

    /** {@code prefix[j]} = number of kept keys among the first {@code j}; null without padding. */
    private static int[] keptPrefix(AttentionMask mask, int m) {
        if (!mask.hasKeyPadding()) {
            return null;
        }
        int[] prefix = new int[m + 1];
        for (int j = 0; j < m; j++) {
            prefix[j + 1] = prefix[j] + (mask.keeps(j) ? 1 : 0);
        }
        return prefix;
    }

    private static void block(
            Backend backend,
            DenseMatrix q,
            DenseMatrix k,
            DenseMatrix v,
            AttentionMask mask,
            double scale,
            int bk,
            int i0,
            int i1,
            DenseMatrix out,
            Workspace ws,
            int[] keptPrefix,
            CostCounter cost) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        int rows = i1 - i0;
        int offset = m - n;
        int keyEnd = mask.keyEnd(i1 - 1, n, m);
        DenseMatrix qb = q.view(i0, 0, rows, d);
        DenseMatrix ob = DenseMatrix.wrap(ws.acc, 0, rows, dv, rows);
        Arrays.fill(ws.max, 0, rows, Double.NEGATIVE_INFINITY);
        Arrays.fill(ws.sum, 0, rows, 0.0);
        boolean first = true;
        long flops = 0;
        long exps = 0;
        for (int j0 = 0; j0 < keyEnd; j0 += bk) {
            int j1 = Math.min(keyEnd, j0 + bk);
            if (keptPrefix != null && keptPrefix[j1] == keptPrefix[j0]) {
                continue; // every key of the block is padding
            }
            int w = j1 - j0;
            DenseMatrix s = DenseMatrix.wrap(ws.tile, 0, rows, w, rows);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, qb, k.view(j0, 0, w, d), 0.0, s);
            applyMask(ws.tile, rows, j0, j1, i0, offset, mask);
            System.arraycopy(ws.max, 0, ws.newMax, 0, rows);
            Softmax.rowMax(ws.tile, 0, rows, rows, w, ws.newMax);
            for (int r = 0; r < rows; r++) {
                double mu = ws.newMax[r];
                ws.shift[r] = mu == Double.NEGATIVE_INFINITY ? 0.0 : mu;
            }
            if (!first) {
                for (int r = 0; r < rows; r++) {
                    ws.alpha[r] = ws.max[r] - ws.shift[r];
                }
                Softmax.exp(ws.alpha, 0, rows);
                for (int r = 0; r < rows; r++) {
                    ws.sum[r] *= ws.alpha[r];
                }
                Softmax.scaleRows(ob.data(), ob.offset(), ob.ld(), rows, dv, ws.alpha);
                flops += 2L * rows + (long) rows * dv;
                exps += rows;
            }
            Softmax.expShiftSum(ws.tile, 0, rows, rows, w, ws.shift, ws.sum);
            Blas.gemm(
                    backend,
                    Transpose.NO_TRANSPOSE,
                    Transpose.NO_TRANSPOSE,
                    1.0,
                    s,
                    v.view(j0, 0, w, dv),
                    first ? 0.0 : 1.0,
                    ob);
            System.arraycopy(ws.newMax, 0, ws.max, 0, rows);
            first = false;
            long area = (long) rows * w;
            // QK^T (2d per entry) + scale + max + subtract + sum, then PV (2 d_v per entry).
            flops += area * (2L * d + 4L + 2L * dv);
            exps += area;
        }
        if (first) {
            Arrays.fill(ws.acc, 0, rows * dv, 0.0); // no key block was visible: as if accumulated from zero
        }
        for (int r = 0; r < rows; r++) {
            ws.alpha[r] = 1.0 / ws.sum[r];
        }
        Softmax.scaleRows(ob.data(), ob.offset(), ob.ld(), rows, dv, ws.alpha);
        out.view(i0, 0, rows, dv).copyFrom(ob);
        flops += rows + (long) rows * dv;
        cost.addFlops(flops);
        cost.addExps(exps);
    }

    /**
     * Sets the masked scores of the tile (rows {@code i0 ...}, keys {@code j0 ... j1}) to
     * \(-\infty\).
     */
    private static void applyMask(double[] t, int rows, int j0, int j1, int i0, int offset, AttentionMask mask) {
        if (mask.isCausal()) {
            // Row i0 + r sees keys j <= i0 + r + offset: in column j, rows r < j - i0 - offset are masked.
            for (int j = Math.max(j0, i0 + offset + 1); j < j1; j++) {
                int masked = Math.min(rows, j - i0 - offset);
                Arrays.fill(t, (j - j0) * rows, (j - j0) * rows + masked, Double.NEGATIVE_INFINITY);
            }
        }
        if (mask.hasKeyPadding()) {
            for (int j = j0; j < j1; j++) {
                if (!mask.keeps(j)) {
                    Arrays.fill(t, (j - j0) * rows, (j - j0 + 1) * rows, Double.NEGATIVE_INFINITY);
                }
            }
        }
    }
}
