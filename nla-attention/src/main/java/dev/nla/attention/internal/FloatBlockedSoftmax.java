package dev.nla.attention.internal;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.FloatMatrix;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Backends;
import dev.nla.core.parallel.Parallel;
import java.util.Arrays;

/**
 * The single-precision twin of {@link BlockedSoftmax}: the same blocks, the same online-softmax merge
 * and the same treatment of masks, with every stored value and every arithmetic operation in {@code
 * float}. The one exception is the exponential, evaluated as {@code (float) Math.exp(x)} (a double
 * evaluation rounded once, so within half an ulp of float; a float32 library {@code expf} computes
 * internally in higher precision too).
 *
 * <p>The tile products are plain loops ordered for the column-major layout (the inner loop runs down
 * a column, which the JIT vectorises): \(S_{:,j} \mathrel{+}= Q_{:,l}\,k_{jl}\) over \(l\), then
 * \(O_{:,c} \mathrel{+}= P_{:,j}\,v_{jc}\) over \(j\). Every sum runs in a fixed order, so the result
 * does not depend on the thread count. This path exists for accuracy studies (float32 stability,
 * spec test 21), not for speed.
 */
public final class FloatBlockedSoftmax {
    private FloatBlockedSoftmax() {}

    /**
     * Attention output for validated single-precision inputs.
     *
     * @param q          \(Q\), \(n \times d\); not modified
     * @param k          \(K\), \(m \times d\); not modified
     * @param v          \(V\), \(m \times d_v\); not modified
     * @param mask       a validated mask
     * @param scale      the score scale, rounded to float
     * @param queryBlock \(b_q \ge 1\)
     * @param keyBlock   \(b_k \ge 1\); {@code Integer.MAX_VALUE} for one block over all visible keys
     * @return a new \(n \times d_v\) float matrix
     */
    public static FloatMatrix compute(
            FloatMatrix q,
            FloatMatrix k,
            FloatMatrix v,
            AttentionMask mask,
            float scale,
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
        int parts = (long) n * m * d < BlockedSoftmax.PARALLEL_WORK
                ? 1
                : Math.min(Math.max(1, Backends.active().threads()), blocks);
        long scratch = (long) parts * ((long) bq * bk + 5L * bq + (long) bq * dv);
        cost.allocate((long) n * dv);
        FloatMatrix out = FloatMatrix.zeros(n, dv);
        cost.allocate(scratch);
        Parallel.forEach(parts, part -> {
            float[] tile = new float[bq * bk];
            float[] acc = new float[bq * dv];
            float[] max = new float[bq];
            float[] newMax = new float[bq];
            float[] sum = new float[bq];
            for (int b = part; b < blocks; b += parts) {
                int i0 = b * bq;
                int i1 = Math.min(n, i0 + bq);
                block(q, k, v, mask, scale, bk, i0, i1, out, tile, acc, max, newMax, sum, cost);
            }
        });
        cost.release(scratch);
        return out;
    }

    private static void block(
            FloatMatrix q,
            FloatMatrix k,
            FloatMatrix v,
            AttentionMask mask,
            float scale,
            int bk,
            int i0,
            int i1,
            FloatMatrix out,
            float[] tile,
            float[] acc,
            float[] max,
            float[] newMax,
            float[] sum,
            CostCounter cost) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        int rows = i1 - i0;
        int offset = m - n;
        int keyEnd = mask.keyEnd(i1 - 1, n, m);
        float[] qd = q.data();
        float[] kd = k.data();
        float[] vd = v.data();
        Arrays.fill(max, 0, rows, Float.NEGATIVE_INFINITY);
        Arrays.fill(sum, 0, rows, 0f);
        Arrays.fill(acc, 0, rows * dv, 0f);
        long flops = 0;
        long exps = 0;
        for (int j0 = 0; j0 < keyEnd; j0 += bk) {
            int j1 = Math.min(keyEnd, j0 + bk);
            int w = j1 - j0;
            // S = scale * Q_I K_J^T, column by column.
            for (int j = 0; j < w; j++) {
                int sc = j * rows;
                Arrays.fill(tile, sc, sc + rows, 0f);
                for (int l = 0; l < d; l++) {
                    float kjl = kd[j0 + j + l * m];
                    int qc = i0 + l * n;
                    for (int r = 0; r < rows; r++) {
                        tile[sc + r] += qd[qc + r] * kjl;
                    }
                }
                for (int r = 0; r < rows; r++) {
                    tile[sc + r] *= scale;
                }
            }
            // Mask, row maxima, safe shifts.
            System.arraycopy(max, 0, newMax, 0, rows);
            for (int j = 0; j < w; j++) {
                int key = j0 + j;
                int sc = j * rows;
                boolean kept = mask.keeps(key);
                for (int r = 0; r < rows; r++) {
                    if (!kept || (mask.isCausal() && key > i0 + r + offset)) {
                        tile[sc + r] = Float.NEGATIVE_INFINITY;
                    }
                    newMax[r] = Math.max(newMax[r], tile[sc + r]);
                }
            }
            for (int r = 0; r < rows; r++) {
                float shift = newMax[r] == Float.NEGATIVE_INFINITY ? 0f : newMax[r];
                float alpha = (float) Math.exp(max[r] - shift);
                sum[r] *= alpha;
                for (int c = 0; c < dv; c++) {
                    acc[r + c * rows] *= alpha;
                }
                max[r] = newMax[r];
                newMax[r] = shift;
            }
            // P = exp(S - shift), row sums, O += P V_J.
            for (int j = 0; j < w; j++) {
                int sc = j * rows;
                for (int r = 0; r < rows; r++) {
                    float p = (float) Math.exp(tile[sc + r] - newMax[r]);
                    tile[sc + r] = p;
                    sum[r] += p;
                }
            }
            for (int c = 0; c < dv; c++) {
                int ac = c * rows;
                for (int j = 0; j < w; j++) {
                    float vjc = vd[j0 + j + c * m];
                    int sc = j * rows;
                    for (int r = 0; r < rows; r++) {
                        acc[ac + r] += tile[sc + r] * vjc;
                    }
                }
            }
            long area = (long) rows * w;
            flops += area * (2L * d + 4L + 2L * dv) + 2L * rows + (long) rows * dv;
            exps += area + rows;
        }
        float[] o = out.data();
        for (int c = 0; c < dv; c++) {
            for (int r = 0; r < rows; r++) {
                o[i0 + r + c * n] = acc[r + c * rows] / sum[r];
            }
        }
        cost.addFlops(flops + (long) rows * dv);
        cost.addExps(exps);
    }
}
