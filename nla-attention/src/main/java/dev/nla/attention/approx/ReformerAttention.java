package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.Arrays;
import java.util.Objects;

/**
 * Reformer-style LSH attention [Kitaev et al. 2020]: angular LSH buckets, sort, attend inside sorted
 * chunks and the previous chunk, several hash rounds.
 *
 * <p>Round \(r\) draws \(R_r \in \mathbb{R}^{d \times B/2}\) (Gaussian) and hashes every query and
 * key by \(h_r(x) = \arg\max[x^{\mathsf T}R_r;\ -x^{\mathsf T}R_r]\). Queries are sorted by
 * (bucket, position) (position \(p_i = i + (m - n)\)) and cut into \(N_c = \lceil n/c\rceil\)
 * chunks of about \(c\); each key is placed in the same sorted sequence by its own (bucket, position)
 * and belongs to the chunk whose range covers it. With shared \(Q = K\) (Reformer's setting) this is
 * exactly Reformer's chunking; for \(Q \ne K\) the chunk boundaries are set by the queries alone, so
 * a key's chunk depends on that key and the queries only, never on the other keys. Query chunk \(t\)
 * attends to key chunks \(t\) and \(t - 1\): query \(i\) sees the set \(\mathcal N_r(i)\) in round
 * \(r\), and the output is the exact softmax over the union \(\mathcal N(i) = \bigcup_r \mathcal
 * N_r(i)\): pairs found in several rounds are weighted by \(1/\text{count}_{ij}\) in each (the bias
 * \(-\log \text{count}_{ij}\), Reformer's duplicate correction), so that the rounds, merged by their
 * log-sum-exp, add up to one copy of each pair. Under a causal mask pairs with \(j \gt i + (m - n)\)
 * are dropped inside the chunks (Reformer's masking of sorted chunks); padded keys too. Changing the
 * keys or values after position \(i\) therefore leaves \(o_i\) unchanged. A query whose union holds
 * no visible key attends to its anchor (see {@link SlidingWindowAttention}).
 *
 * <p><b>Primitives.</b> Random projections ({@link dev.nla.core.random.RandomMatrices#gaussian} from
 * {@code state.split(r)}, one {@link dev.nla.core.blas.Blas#gemm} per round), a permutation (sort),
 * then block-diagonal exact attention: one gathered \(c \times 2c\) tile per chunk, merged with the
 * online-softmax recurrence.
 *
 * <p><b>Cost.</b> Time \(O(n_r(nBd/2 + n\log n + 2ncd + n_r nc))\); memory \(O(n_r(n + m) + nd_v)\)
 * plus one tile per thread. <b>Causal:</b> yes.
 */
public final class ReformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "reformer-lsh";

    /** Registry entry: the size parameter is the chunk size \(c\). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "angular LSH buckets, sorted chunks attend to their own and the previous chunk, several rounds",
            AttentionMethod.Family.SPARSITY_AND_CLUSTERING,
            true,
            true,
            "chunk size",
            (size, state) -> new ReformerAttention(ReformerOptions.of(size), state));

    /** Keys per tile. */
    static final int KEY_TILE = 512;

    private final ReformerOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options chunk size, rounds, buckets, scaling
     * @param state   the randomness of the hash projections; not modified
     * @throws NullPointerException if an argument is null
     */
    public ReformerAttention(ReformerOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ReformerOptions options() {
        return options;
    }

    /** (bucket, position) as one sortable number. */
    private static long sortKey(int bucket, long position) {
        return ((long) bucket << 32) | position;
    }

    /** Indices sorted by their keys (keys are distinct). */
    private static int[] order(long[] key) {
        int len = key.length;
        Integer[] idx = new Integer[len];
        for (int i = 0; i < len; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Long.compare(key[a], key[b]));
        int[] out = new int[len];
        for (int i = 0; i < len; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int c = options.chunkSize();
        AttentionChecks.requireAtMost(NAME, "chunk size c", c, "n", n);
        int rounds = options.rounds();
        int chunks = (n + c - 1) / c;
        int buckets = options.buckets() == ReformerOptions.AUTO_BUCKETS
                ? 2 * (int) Math.max(1, (n + 2L * c - 1) / (2L * c))
                : options.buckets();
        int offset = m - n;
        CostCounter cost = CostCounter.current();
        cost.allocate((long) rounds * (n + m) * 4);
        int[][] qChunk = new int[rounds][];
        int[][] kChunk = new int[rounds][];
        int[][] qOrder = new int[rounds][];
        int[][] kOrder = new int[rounds][];
        int[][] kStart = new int[rounds][];
        for (int r = 0; r < rounds; r++) {
            DenseMatrix proj = Hashing.projection(d, buckets / 2, state.split(r));
            int[] qb = Hashing.argmaxBuckets(q, proj);
            int[] kb = Hashing.argmaxBuckets(k, proj);
            long[] qKey = new long[n];
            for (int i = 0; i < n; i++) {
                qKey[i] = sortKey(qb[i], (long) i + offset + n); // aligned position, shifted by n to be >= 0
            }
            long[] kKey = new long[m];
            for (int j = 0; j < m; j++) {
                kKey[j] = sortKey(kb[j], (long) j + n);
            }
            qOrder[r] = order(qKey);
            kOrder[r] = order(kKey);
            qChunk[r] = Hashing.chunkOf(qOrder[r], chunks);
            // Chunk boundaries are the sort keys of the first query of every chunk: key j belongs to
            // the last chunk whose boundary is <= its sort key (chunk 0 if none).
            long[] boundary = new long[chunks];
            for (int t = 0; t < chunks; t++) {
                boundary[t] = qKey[qOrder[r][Hashing.start(n, chunks, t)]];
            }
            int[] kc = new int[m];
            int[] start = new int[chunks + 1];
            for (int j = 0; j < m; j++) {
                int lo = 0;
                int hi = chunks - 1;
                while (lo < hi) {
                    int mid = (lo + hi + 1) >>> 1;
                    if (boundary[mid] <= kKey[j]) {
                        lo = mid;
                    } else {
                        hi = mid - 1;
                    }
                }
                kc[j] = lo;
                start[lo + 1]++;
            }
            for (int t = 0; t < chunks; t++) {
                start[t + 1] += start[t];
            }
            kChunk[r] = kc;
            kStart[r] = start;
            cost.addFlops((long) m * 32);
        }
        SparseSoftmax.PairBias masked = SparseSoftmax.maskBias(mask, n, m);
        SparseSoftmax.PairBias bias = (i, j) -> {
            double b = masked == null ? 0.0 : masked.bias(i, j);
            if (b == Double.NEGATIVE_INFINITY) {
                return b;
            }
            int count = 0;
            for (int r = 0; r < rounds; r++) {
                int diff = qChunk[r][i] - kChunk[r][j];
                count += diff == 0 || diff == 1 ? 1 : 0;
            }
            return count == 1 ? 0.0 : -Math.log(count);
        };
        int maxQ = c;
        int maxK = Math.min(m, KEY_TILE);
        long work = (long) rounds * n * Math.min(m, 2L * c) * (d + v.cols());
        SparseSoftmax.State acc = new SparseSoftmax.State(n, v.cols());
        for (int r = 0; r < rounds; r++) {
            int[] qo = qOrder[r];
            int[] ko = kOrder[r];
            int[] start = kStart[r];
            SparseSoftmax.run(
                    q,
                    k,
                    v,
                    scale,
                    chunks,
                    maxQ,
                    maxK,
                    work / rounds,
                    (t, tiles) -> {
                        int[] rows =
                                Arrays.copyOfRange(qo, Hashing.start(n, chunks, t), Hashing.start(n, chunks, t + 1));
                        int k1 = start[t + 1];
                        for (int k0 = start[Math.max(0, t - 1)]; k0 < k1; k0 += maxK) {
                            int[] keys = Arrays.copyOfRange(ko, k0, Math.min(k1, k0 + maxK));
                            tiles.tile(rows, rows.length, keys, keys.length, null, bias);
                        }
                    },
                    acc);
        }
        cost.addFlops((long) rounds * n * Math.min(m, 2L * c) * rounds);
        acc.fillEmpty(q, k, v, scale, mask);
        DenseMatrix out = acc.finish();
        cost.release((long) rounds * (n + m) * 4);
        return out;
    }
}
