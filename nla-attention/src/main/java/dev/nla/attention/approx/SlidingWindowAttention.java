package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * Sliding-window attention with global tokens (Longformer [Beltagy et al. 2020]): softmax restricted
 * to a band around the diagonal plus a few global rows and columns.
 *
 * <p>With the aligned query position \(p_i = i + (m - n)\) (the same alignment as the causal mask),
 * query \(i\) attends to key \(j\) iff
 * \[ |p_i - j| \le w \quad\text{or}\quad j \lt g \quad\text{or}\quad p_i \lt g \]
 * (global tokens are the first \(g\) positions: they see every key and every query sees them). Under
 * a causal mask the band is one-sided, \(p_i - w \le j \le p_i\), and global keys and queries also
 * obey \(j \le p_i\). Padded keys are dropped. The output is the exact softmax over that pattern:
 * \(o_i = \sum_{j \in \mathcal N(i)} e^{S_{ij}} v_j / \sum_{j \in \mathcal N(i)} e^{S_{ij}}\); with
 * \(w \ge \max(n, m)\) it is exact attention. A query
 * whose pattern holds no kept key (possible with padding, or with \(n \gt m\) without a causal
 * mask) attends to its anchor: the last kept key at or before \(p_i\), else the first after it.
 *
 * <p><b>Primitives.</b> A banded SDDMM + SpMM: query blocks of {@value #BLOCK} rows against the
 * contiguous key range their band covers (views of \(K, V\), no copies) with {@link
 * dev.nla.core.blas.Blas#gemm}, the band enforced as \(-\infty\) logits, tiles merged by the
 * online-softmax \((\mu, \ell, O)\) recurrence; global keys outside the band form one more tile.
 *
 * <p><b>Cost.</b> Time \(O(n(w + b + g)d)\) with \(b\) = {@value #BLOCK} (the block overhang), plus
 * \(O(gmd)\) for the global rows; memory \(O(nd_v)\) output plus a \(b \times (2w + b)\) tile per
 * thread. <b>Causal:</b> yes.
 */
public final class SlidingWindowAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "sliding-window";

    /** Query rows per block. */
    static final int BLOCK = 64;

    /** Keys per tile. */
    static final int KEY_TILE = 512;

    /** Registry entry: the size parameter is the window \(w\); no global tokens. */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "softmax restricted to the band |i - j| <= w (causal: i - w <= j <= i) plus g global tokens",
            AttentionMethod.Family.SPARSITY_AND_CLUSTERING,
            true,
            false,
            "window",
            (size, state) -> new SlidingWindowAttention(SlidingWindowOptions.of(size)));

    private final SlidingWindowOptions options;

    /**
     * Creates the method.
     *
     * @param options window, global tokens, scaling
     * @throws NullPointerException if {@code options} is null
     */
    public SlidingWindowAttention(SlidingWindowOptions options) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SlidingWindowOptions options() {
        return options;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int w = options.window();
        int g = options.globalTokens();
        int offset = m - n;
        boolean causal = mask.isCausal();
        boolean[] keep = mask.keyFlags();
        // Queries whose aligned position is a global token: rows [0, nGlobal).
        int nGlobal = (int) Math.max(0, Math.min(n, (long) g - offset));
        int globalBlocks = (nGlobal + BLOCK - 1) / BLOCK;
        int bandBlocks = (n - nGlobal + BLOCK - 1) / BLOCK;
        SparseSoftmax.PairBias global =
                (i, j) -> (causal && j > i + offset) || (keep != null && !keep[j]) ? Double.NEGATIVE_INFINITY : 0.0;
        SparseSoftmax.PairBias band = (i, j) -> {
            long p = (long) i + offset;
            boolean inBand = j >= p - w && (causal ? j <= p : j <= p + w);
            boolean visible = (inBand || j < g) && !(causal && j > p) && (keep == null || keep[j]);
            return visible ? 0.0 : Double.NEGATIVE_INFINITY;
        };
        long bandWidth = Math.min(m, 2L * w + BLOCK + g);
        long work = (long) nGlobal * m * (q.cols() + v.cols()) + (n - nGlobal) * bandWidth * (q.cols() + v.cols());
        SparseSoftmax.State state = new SparseSoftmax.State(n, v.cols());
        SparseSoftmax.run(
                q,
                k,
                v,
                scale,
                globalBlocks + bandBlocks,
                BLOCK,
                KEY_TILE,
                work,
                (group, tiles) -> {
                    int[] keys = new int[KEY_TILE];
                    if (group < globalBlocks) {
                        int i0 = group * BLOCK;
                        int i1 = Math.min(nGlobal, i0 + BLOCK);
                        int[] rows = SparseSoftmax.range(i0, i1);
                        int end = causal ? (int) Math.min(m, (long) i1 - 1 + offset + 1) : m;
                        for (int j0 = 0; j0 < end; j0 += KEY_TILE) {
                            int count = fill(keys, j0, Math.min(end, j0 + KEY_TILE));
                            tiles.tile(rows, rows.length, keys, count, null, global);
                        }
                        return;
                    }
                    int i0 = nGlobal + (group - globalBlocks) * BLOCK;
                    int i1 = Math.min(n, i0 + BLOCK);
                    int[] rows = SparseSoftmax.range(i0, i1);
                    long first = (long) i0 + offset - w;
                    long last = causal ? (long) i1 - 1 + offset : (long) i1 - 1 + offset + w;
                    int lo = (int) Math.max(0, Math.min(m, first));
                    int hi = (int) Math.max(0, Math.min(m, last + 1));
                    // Global keys before the band.
                    int globalEnd = Math.min(g, lo);
                    for (int j0 = 0; j0 < globalEnd; j0 += KEY_TILE) {
                        int count = fill(keys, j0, Math.min(globalEnd, j0 + KEY_TILE));
                        tiles.tile(rows, rows.length, keys, count, null, global);
                    }
                    for (int j0 = lo; j0 < hi; j0 += KEY_TILE) {
                        int count = fill(keys, j0, Math.min(hi, j0 + KEY_TILE));
                        tiles.tile(rows, rows.length, keys, count, null, band);
                    }
                },
                state);
        state.fillEmpty(q, k, v, scale, mask);
        return state.finish();
    }

    private static int fill(int[] keys, int from, int to) {
        for (int j = from; j < to; j++) {
            keys[j - from] = j;
        }
        return to - from;
    }
}
