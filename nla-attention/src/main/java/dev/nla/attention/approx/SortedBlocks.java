package dev.nla.attention.approx;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;

/**
 * The heavy-plus-residual scheme shared by {@link KdeformerAttention} and {@link HyperAttention}:
 * queries and keys sorted by their Hamming-ordered LSH bucket rank and cut into the same number of
 * blocks; block \(t\) of queries attends exactly to block \(t\) of keys (the heavy, block-diagonal
 * part after sorting) and to a set of sampled keys with importance weights, from which the pairs
 * already in the heavy part are excluded. The two parts are merged by their log-sum-exp.
 */
final class SortedBlocks {
    private SortedBlocks() {}

    /**
     * Accumulates heavy blocks and the sampled residual of the queries {@code [q0, q1)} over the keys
     * {@code [k0, k1)} into {@code acc}.
     *
     * @param q         \(Q\)
     * @param k         \(K\)
     * @param v         \(V\)
     * @param scale     \(s\)
     * @param qRank     bucket rank of every query
     * @param kRank     bucket rank of every key
     * @param q0        first query
     * @param q1        one past the last query
     * @param k0        first key
     * @param k1        one past the last key
     * @param blockSize queries per block \(b\)
     * @param sampled   sampled keys in \([k_0, k_1)\)
     * @param logWeight \(\log w_t\) per sample
     * @param mask      mask bias (padding, causal), or null
     * @param acc       the running state; updated
     */
    static void accumulate(
            DenseMatrix q,
            DenseMatrix k,
            DenseMatrix v,
            double scale,
            int[] qRank,
            int[] kRank,
            int q0,
            int q1,
            int k0,
            int k1,
            int blockSize,
            int[] sampled,
            double[] logWeight,
            SparseSoftmax.PairBias mask,
            SparseSoftmax.State acc) {
        int nq = q1 - q0;
        int nk = k1 - k0;
        int blocks = (nq + blockSize - 1) / blockSize;
        int[] qOrder = Hashing.sortBy(Arrays.copyOfRange(qRank, q0, q1));
        int[] kOrder = Hashing.sortBy(Arrays.copyOfRange(kRank, k0, k1));
        int[] qBlock = Hashing.chunkOf(qOrder, blocks);
        int[] kBlock = Hashing.chunkOf(kOrder, blocks);
        SparseSoftmax.PairBias residual = (i, j) -> {
            boolean heavy = qBlock[i - q0] == kBlock[j - k0];
            if (heavy) {
                return Double.NEGATIVE_INFINITY;
            }
            return mask == null ? 0.0 : mask.bias(i, j);
        };
        int s = sampled.length;
        int maxKeys = Math.max((nk + blocks - 1) / blocks + 1, s);
        long work = (long) nq * (maxKeys + s) * (q.cols() + v.cols());
        SparseSoftmax.run(
                q,
                k,
                v,
                scale,
                blocks,
                blockSize,
                maxKeys,
                work,
                (t, tiles) -> {
                    int a = Hashing.start(nq, blocks, t);
                    int b = Hashing.start(nq, blocks, t + 1);
                    int[] rows = new int[b - a];
                    for (int r = a; r < b; r++) {
                        rows[r - a] = q0 + qOrder[r];
                    }
                    int c = Hashing.start(nk, blocks, t);
                    int e = Hashing.start(nk, blocks, t + 1);
                    int[] keys = new int[e - c];
                    for (int r = c; r < e; r++) {
                        keys[r - c] = k0 + kOrder[r];
                    }
                    tiles.tile(rows, rows.length, keys, keys.length, null, mask);
                    tiles.tile(rows, rows.length, sampled, s, logWeight, residual);
                },
                acc);
    }
}
