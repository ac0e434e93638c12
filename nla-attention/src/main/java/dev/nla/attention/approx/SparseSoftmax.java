package dev.nla.attention.approx;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;
import java.util.Arrays;

/**
 * The engine shared by the sparse, bucketed and sampled methods of this package: softmax attention
 * restricted to a set of (query, key) pairs, each pair with an optional additive logit bias, computed
 * tile by tile and merged through the log-sum-exp state of online softmax.
 *
 * <p>A method describes its pattern as <em>groups</em>: a group owns a set of query rows and visits a
 * list of <em>tiles</em> (the group's queries against a list of keys, with a bias per key and a bias
 * per pair, \(-\infty\) dropping the pair). For one tile with gathered rows \(Q_I, K_J, V_J\):
 * \[ S = sQ_IK_J^{\mathsf T} + B,\quad \mu' = \max(\mu, \operatorname{rowmax} S),\quad \ell' =
 *    e^{\mu - \mu'}\ell + e^{S - \mu'}\mathbf 1,\quad O' = e^{\mu - \mu'}O + e^{S - \mu'}V_J, \]
 * two {@link Blas#gemm} calls on the serial backend; at the end \(o_i = O_i/\ell_i\). A bias \(\log
 * w\) turns a pair's weight into \(w\,e^{S_{ij}}\): importance-sampling weights and the duplicate
 * corrections of multi-round hashing are biases.
 *
 * <p><b>Parallelism and determinism.</b> Groups own disjoint query rows and are dealt to parts
 * cyclically; a group's tiles run in a fixed order on one part, so the result is bitwise identical
 * for every thread count. Calls on the same {@link State} run one after another (later calls merge
 * into the rows earlier calls left).
 */
final class SparseSoftmax {
    /** Below this many multiply-adds the groups run on the calling thread. */
    static final long PARALLEL_WORK = 1L << 20;

    private SparseSoftmax() {}

    /** An additive bias for the pair (query i, key j): 0 keeps, \(-\infty\) drops. */
    @FunctionalInterface
    interface PairBias {
        double bias(int i, int j);
    }

    /** The tiles of one group. */
    @FunctionalInterface
    interface Group {
        void run(int group, Tiles tiles);
    }

    /** What a group calls for each tile. */
    interface Tiles {
        /**
         * Merges the tile into the rows of {@code queries[0 .. qCount)}.
         *
         * @param queries query indices (distinct)
         * @param qCount  number of queries used
         * @param keys    key indices (repeats allowed)
         * @param kCount  number of keys used
         * @param keyBias bias per key position of the tile (length \(\ge\) kCount), or null
         * @param pair    bias per pair, or null
         */
        void tile(int[] queries, int qCount, int[] keys, int kCount, double[] keyBias, PairBias pair);
    }

    /** The running \((\mu, \ell, O)\) of every query. */
    static final class State {
        final double[] max;
        final double[] sum;
        final DenseMatrix out;

        State(int n, int dv) {
            CostCounter.current().allocate((long) n * (dv + 2));
            max = new double[n];
            sum = new double[n];
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            out = DenseMatrix.zeros(n, dv);
        }

        /**
         * Gives every row that received no pair its {@link #anchors anchor} key (weight 1, so its
         * output is that key's value): the fallback for patterns that can leave a query without a
         * visible key (padding, \(n > m\), a cluster or bucket without visible keys).
         */
        void fillEmpty(DenseMatrix q, DenseMatrix k, DenseMatrix v, double scale, AttentionMask mask) {
            int n = max.length;
            int empty = 0;
            for (int i = 0; i < n; i++) {
                empty += sum[i] > 0.0 ? 0 : 1;
            }
            if (empty == 0) {
                return;
            }
            int[] rows = new int[empty];
            int t = 0;
            for (int i = 0; i < n; i++) {
                if (!(sum[i] > 0.0)) {
                    rows[t++] = i;
                }
            }
            int[] anchor = anchors(mask, n, k.rows());
            int[] key = new int[1];
            run(
                    q,
                    k,
                    v,
                    scale,
                    empty,
                    1,
                    1,
                    0,
                    (g, tiles) -> {
                        key[0] = anchor[rows[g]];
                        tiles.tile(new int[] {rows[g]}, 1, key, 1, null, null);
                    },
                    this);
        }

        /**
         * \(O_i/\ell_i\) in place; returns the output.
         *
         * @throws IllegalStateException if a row received no pair (a bug of the calling method)
         */
        DenseMatrix finish() {
            int n = max.length;
            int dv = out.cols();
            double[] inv = new double[n];
            for (int i = 0; i < n; i++) {
                if (!(sum[i] > 0.0)) {
                    throw new IllegalStateException("query " + i + " attended to no key");
                }
                inv[i] = 1.0 / sum[i];
            }
            Softmax.scaleRows(out.data(), out.offset(), out.ld(), n, dv, inv);
            CostCounter.current().addFlops((long) n * (dv + 1));
            return out;
        }
    }

    /**
     * Runs {@code groups} groups into {@code state}.
     *
     * @param q      \(Q\)
     * @param k      \(K\)
     * @param v      \(V\)
     * @param scale  \(s\)
     * @param groups number of groups
     * @param maxQ   largest query count of a tile
     * @param maxK   largest key count of a tile
     * @param work   multiply-adds of the whole call (to decide on parallelism)
     * @param body   the groups
     * @param state  the running state; updated
     * @throws dev.nla.core.error.SizeLimitExceededException if one tile would exceed {@link
     *     DenseMatrix#MAX_ELEMENTS} entries
     */
    static void run(
            DenseMatrix q,
            DenseMatrix k,
            DenseMatrix v,
            double scale,
            int groups,
            int maxQ,
            int maxK,
            long work,
            Group body,
            State state) {
        if (groups <= 0) {
            return;
        }
        Require.sizeWithin(
                "attention tile entries (queries x keys per tile)", (long) maxQ * maxK, DenseMatrix.MAX_ELEMENTS);
        CostCounter cost = CostCounter.current();
        int parts = work < PARALLEL_WORK
                ? 1
                : Math.min(Math.max(1, Backends.active().threads()), groups);
        int d = q.cols();
        int dv = v.cols();
        long scratch = (long) parts * ((long) maxQ * (d + dv + 4) + (long) maxK * (d + dv) + (long) maxQ * maxK);
        cost.allocate(scratch);
        Parallel.forEach(parts, part -> {
            Worker w = new Worker(q, k, v, scale, maxQ, maxK, state, cost);
            for (int g = part; g < groups; g += parts) {
                body.run(g, w);
            }
            w.flush();
        });
        cost.release(scratch);
    }

    /** Per-part workspace and tile evaluation. */
    private static final class Worker implements Tiles {
        final DenseMatrix q;
        final DenseMatrix k;
        final DenseMatrix v;
        final double scale;
        final State state;
        final CostCounter cost;
        final Backend backend = Backends.singleThreaded(Backends.active());
        final int d;
        final int dv;
        double[] qBuf;
        double[] kBuf;
        double[] vBuf;
        double[] tile;
        double[] oBuf;
        double[] rowMax;
        double[] shift;
        double[] rowSum;
        long flops;
        long exps;

        Worker(
                DenseMatrix q,
                DenseMatrix k,
                DenseMatrix v,
                double scale,
                int maxQ,
                int maxK,
                State state,
                CostCounter cost) {
            this.q = q;
            this.k = k;
            this.v = v;
            this.scale = scale;
            this.state = state;
            this.cost = cost;
            this.d = q.cols();
            this.dv = v.cols();
            qBuf = new double[maxQ * d];
            kBuf = new double[maxK * d];
            vBuf = new double[maxK * dv];
            tile = new double[maxQ * maxK];
            oBuf = new double[maxQ * dv];
            rowMax = new double[maxQ];
            shift = new double[maxQ];
            rowSum = new double[maxQ];
        }

        void flush() {
            cost.addFlops(flops);
            cost.addExps(exps);
        }

        @Override
        public void tile(int[] queries, int qCount, int[] keys, int kCount, double[] keyBias, PairBias pair) {
            if (qCount == 0 || kCount == 0) {
                return;
            }
            DenseMatrix qb = gather(q, queries, qCount, qBuf);
            DenseMatrix kb = gather(k, keys, kCount, kBuf);
            DenseMatrix vb = gather(v, keys, kCount, vBuf);
            DenseMatrix s = DenseMatrix.wrap(tile, 0, qCount, kCount, qCount);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, qb, kb, 0.0, s);
            if (keyBias != null || pair != null) {
                for (int t = 0; t < kCount; t++) {
                    int col = t * qCount;
                    double kbias = keyBias == null ? 0.0 : keyBias[t];
                    int j = keys[t];
                    for (int r = 0; r < qCount; r++) {
                        double b = pair == null ? kbias : kbias + pair.bias(queries[r], j);
                        tile[col + r] += b;
                    }
                }
            }
            Arrays.fill(rowMax, 0, qCount, Double.NEGATIVE_INFINITY);
            Softmax.rowMax(tile, 0, qCount, qCount, kCount, rowMax);
            for (int r = 0; r < qCount; r++) {
                double mu = Math.max(rowMax[r], state.max[queries[r]]);
                rowMax[r] = mu;
                shift[r] = mu == Double.NEGATIVE_INFINITY ? 0.0 : mu;
            }
            Arrays.fill(rowSum, 0, qCount, 0.0);
            Softmax.expShiftSum(tile, 0, qCount, qCount, kCount, shift, rowSum);
            DenseMatrix o = DenseMatrix.wrap(oBuf, 0, qCount, dv, qCount);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, s, vb, 0.0, o);
            double[] out = state.out.data();
            int off = state.out.offset();
            int ld = state.out.ld();
            for (int r = 0; r < qCount; r++) {
                int i = queries[r];
                double old = state.max[i];
                double alpha = old == Double.NEGATIVE_INFINITY ? 0.0 : Softmax.exp(old - shift[r]);
                state.sum[i] = alpha * state.sum[i] + rowSum[r];
                state.max[i] = rowMax[r];
                for (int c = 0; c < dv; c++) {
                    int idx = off + i + c * ld;
                    out[idx] = alpha * out[idx] + oBuf[r + c * qCount];
                }
            }
            long area = (long) qCount * kCount;
            flops += area * (2L * d + 2L * dv + 4L) + 3L * qCount * dv;
            exps += area + qCount;
        }

        /** Rows {@code idx[0 .. count)} of {@code a}: a view if they are consecutive, else a copy. */
        private static DenseMatrix gather(DenseMatrix a, int[] idx, int count, double[] buf) {
            int first = idx[0];
            boolean consecutive = first + count <= a.rows();
            for (int t = 1; t < count && consecutive; t++) {
                consecutive = idx[t] == first + t;
            }
            if (consecutive) {
                return a.view(first, 0, count, a.cols());
            }
            int cols = a.cols();
            double[] data = a.data();
            int off = a.offset();
            int ld = a.ld();
            for (int c = 0; c < cols; c++) {
                int src = off + c * ld;
                int dst = c * count;
                for (int t = 0; t < count; t++) {
                    buf[dst + t] = data[src + idx[t]];
                }
            }
            return DenseMatrix.wrap(buf, 0, count, cols, count);
        }
    }

    /**
     * The key a query always keeps, so that no row is empty: the last kept key at or before the
     * query's aligned position \(i + (m - n)\) (the query's own token when \(n = m\)), else the first
     * kept key after it (non-causal masks only; causal masks always have one before).
     *
     * @param mask a validated mask
     * @param n    queries
     * @param m    keys
     * @return the anchor key of every query
     */
    static int[] anchors(AttentionMask mask, int n, int m) {
        int[] lastKept = new int[m];
        int last = -1;
        for (int j = 0; j < m; j++) {
            if (mask.keeps(j)) {
                last = j;
            }
            lastKept[j] = last;
        }
        int next = -1;
        int[] nextKept = new int[m];
        for (int j = m - 1; j >= 0; j--) {
            if (mask.keeps(j)) {
                next = j;
            }
            nextKept[j] = next;
        }
        int[] anchor = new int[n];
        for (int i = 0; i < n; i++) {
            long p = (long) i + m - n;
            int pos = (int) Math.max(0, Math.min(p, m - 1L));
            int a = p >= 0 ? lastKept[pos] : -1;
            anchor[i] = a >= 0 ? a : nextKept[pos];
        }
        return anchor;
    }

    /**
     * The mask as a pair bias: \(-\infty\) for keys after the causal limit or padded, else 0; null
     * for no mask.
     *
     * @param mask the mask
     * @param n    queries
     * @param m    keys
     * @return the bias, or null
     */
    static PairBias maskBias(AttentionMask mask, int n, int m) {
        if (mask.isNone()) {
            return null;
        }
        int offset = m - n;
        boolean causal = mask.isCausal();
        boolean[] keep = mask.keyFlags();
        return (i, j) -> (causal && j > i + offset) || (keep != null && !keep[j]) ? Double.NEGATIVE_INFINITY : 0.0;
    }

    /** {@code [from, to)} as an index array. */
    static int[] range(int from, int to) {
        int[] r = new int[Math.max(0, to - from)];
        for (int t = 0; t < r.length; t++) {
            r[t] = from + t;
        }
        return r;
    }
}
