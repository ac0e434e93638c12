package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.Sketches;
import java.util.Arrays;
import java.util.Objects;

/**
 * BigBird-like block-sparse attention [Zaheer et al. 2020]: each block of \(b\) queries attends to a
 * window of 3 key blocks, 2 global key blocks and \(r_b\) random key blocks; the 2 global query
 * blocks attend to every key.
 *
 * <p>Queries and keys are cut into blocks of \(b\) (\(N_q = \lceil n/b\rceil\), \(N_k = \lceil
 * m/b\rceil\)); query block \(t\) is centred on key block \(c_t = \lfloor tN_k/N_q\rfloor\) (\(c_t = t\)
 * when \(n = m\)). Its key set is
 * \[ \mathcal N(t) = \{c_t - 1, c_t, c_t + 1\} \cup \{0, N_k - 1\} \cup \mathcal R_t, \]
 * \(\mathcal R_t\) = \(r_b\) distinct blocks drawn uniformly without replacement from the others (all
 * of them if fewer remain); query blocks \(0\) and \(N_q - 1\) are global and see every key. The
 * output is the exact softmax over the pattern (padded keys dropped; a row left without a kept key
 * attends to its anchor, see {@link SlidingWindowAttention}).
 *
 * <p><b>Primitives.</b> Block-sparse SDDMM/SpMM: one gathered tile per block row, two {@link
 * dev.nla.core.blas.Blas#gemm} calls; the random blocks are {@link Sketches#uniformSampling} (without
 * replacement) sketches from {@code nla-sketch}, drawn from {@code state.split(t)} for block row
 * \(t\), so the pattern is a pure function of the state.
 *
 * <p><b>Cost.</b> Time \(O(n(5 + r_b)bd)\) plus \(O(bmd)\) for the global rows; memory \(O(nd_v)\)
 * plus one \(b \times (5 + r_b)b\) tile per thread. <b>Causal:</b> no (random and global blocks see
 * the future; the common implementation does not support decoders either): a causal mask is refused
 * with {@link dev.nla.attention.UnsupportedMaskException}.
 */
public final class BigBirdAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "bigbird";

    /** Keys per tile of the global rows. */
    static final int KEY_TILE = 512;

    /** Registry entry: the size parameter is the block size \(b\). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "block-sparse: 3 window blocks + 2 global blocks + r_b random blocks per block row",
            AttentionMethod.Family.SPARSITY_AND_CLUSTERING,
            false,
            true,
            "block size",
            (size, state) -> new BigBirdAttention(BigBirdOptions.of(size), state));

    private final BigBirdOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options block size, random blocks, scaling
     * @param state   the randomness of the random blocks; not modified
     * @throws NullPointerException if an argument is null
     */
    public BigBirdAttention(BigBirdOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public BigBirdOptions options() {
        return options;
    }

    /**
     * The key blocks of query block \(t\) (global query blocks aside), sorted.
     *
     * @param t  the query block
     * @param nq \(N_q\)
     * @param nk \(N_k\)
     * @return the key block indices
     */
    int[] keyBlocks(int t, int nq, int nk) {
        int c = (int) ((long) t * nk / nq);
        boolean[] taken = new boolean[nk];
        for (int u = c - 1; u <= c + 1; u++) {
            if (u >= 0 && u < nk) {
                taken[u] = true;
            }
        }
        taken[0] = true;
        taken[nk - 1] = true;
        int free = 0;
        for (boolean x : taken) {
            free += x ? 0 : 1;
        }
        if (free > 0 && options.randomBlocks() > 0) {
            int[] candidates = new int[free];
            int f = 0;
            for (int u = 0; u < nk; u++) {
                if (!taken[u]) {
                    candidates[f++] = u;
                }
            }
            int draws = Math.min(free, options.randomBlocks());
            int[] picks = Hashing.sample(Sketches.uniformSampling(draws, free, false), state.split(t))
                    .index();
            for (int p : picks) {
                taken[candidates[p]] = true;
            }
        }
        int count = 0;
        for (boolean x : taken) {
            count += x ? 1 : 0;
        }
        int[] blocks = new int[count];
        int w = 0;
        for (int u = 0; u < nk; u++) {
            if (taken[u]) {
                blocks[w++] = u;
            }
        }
        return blocks;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int b = options.blockSize();
        if (b > n) {
            throw new IllegalArgumentException(
                    NAME + ": block size b = " + b + " exceeds the number of queries n = " + n);
        }
        int nq = (n + b - 1) / b;
        int nk = (m + b - 1) / b;
        int maxKeys = Math.min(m, (5 + options.randomBlocks()) * b);
        int maxTile = Math.max(maxKeys, Math.min(m, KEY_TILE));
        SparseSoftmax.PairBias bias = SparseSoftmax.maskBias(mask, n, m);
        long work = (long) n * maxKeys * (q.cols() + v.cols()) + 2L * b * m * (q.cols() + v.cols());
        SparseSoftmax.State acc = new SparseSoftmax.State(n, v.cols());
        SparseSoftmax.run(
                q,
                k,
                v,
                scale,
                nq,
                b,
                maxTile,
                work,
                (t, tiles) -> {
                    int i0 = t * b;
                    int[] rows = SparseSoftmax.range(i0, Math.min(n, i0 + b));
                    int[] keys = new int[maxTile];
                    if (t == 0 || t == nq - 1) {
                        for (int j0 = 0; j0 < m; j0 += maxTile) {
                            int count = Math.min(m, j0 + maxTile) - j0;
                            for (int c = 0; c < count; c++) {
                                keys[c] = j0 + c;
                            }
                            tiles.tile(rows, rows.length, keys, count, null, bias);
                        }
                        return;
                    }
                    int count = 0;
                    for (int u : keyBlocks(t, nq, nk)) {
                        for (int j = u * b; j < Math.min(m, (u + 1) * b); j++) {
                            keys[count++] = j;
                        }
                    }
                    tiles.tile(rows, rows.length, Arrays.copyOf(keys, count), count, null, bias);
                },
                acc);
        acc.fillEmpty(q, k, v, scale, mask);
        return acc.finish();
    }
}
