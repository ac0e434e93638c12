package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.Sketches;
import java.util.Objects;

/**
 * HyperAttention [Han et al. 2023]: sortLSH blocks for the large entries plus a uniformly sampled
 * residual, merged by their log-sum-exp; exact below \(n_{\min}\); causal masks by recursion.
 *
 * <p><b>Unmasked core</b> on queries \(I\) and keys \(J\): queries and keys are hashed by \(r\)
 * Gaussian hyperplanes, the sign patterns ranked in Gray-code order (sortLSH: neighbouring buckets
 * differ in one bit), sorted and cut into \(\lceil |I|/b\rceil\) blocks; query block \(t\) attends
 * exactly to key block \(t\). The residual uses \(s\) keys drawn uniformly with replacement from the
 * kept keys of \(J\) with weight \(m'/s\) (the bias \(\log(m'/s)\)), excluding the pairs already in the
 * heavy blocks. Each part is a partial \((\mu, \ell, O)\) and the parts are merged exactly as key
 * blocks of online softmax:
 * \[ \mu = \max(\mu_1, \mu_2),\quad \ell = e^{\mu_1 - \mu}\ell_1 + e^{\mu_2 - \mu}\ell_2,\quad O =
 *    e^{\mu_1 - \mu}O_1 + e^{\mu_2 - \mu}O_2,\quad \tilde o = O/\ell. \]
 * With \(|I| \le n_{\min}\) the core is exact attention.
 *
 * <p><b>Causal recursion.</b> With the causal mask \(j \le i + (m - n)\), split the queries at the
 * middle \(i_m\) and the keys at \(j_m = i_m + (m - n)\): the top half is causal attention of the first
 * queries over the first keys, the bottom half merges the <em>unmasked</em> core of the last queries
 * over the first keys with causal attention of the last queries over the last keys; both causal
 * pieces recurse until they have at most \(n_{\min}\) queries and are computed exactly. No query ever
 * sees a key after its own position.
 *
 * <p><b>Primitives.</b> Gaussian hyperplanes ({@link dev.nla.core.random.RandomMatrices}, from
 * {@code state.split(0)}), permutations, block-diagonal exact blocks (gathered tiles and {@link
 * dev.nla.core.blas.Blas#gemm}), uniform samples from {@link Sketches#uniformSampling} of {@code
 * nla-sketch} (a fresh {@code state.split(1 + call)} per core call), and the online-softmax merge.
 *
 * <p><b>Cost.</b> Time \(O(n(b + s)(d + d_v) + nrd + n\log n)\) for \(n \gt n_{\min}\), times \(O(\log
 * (n/n_{\min}))\) under the causal recursion, plus \(O(n\,n_{\min}(d + d_v))\) for the exact
 * leaves; memory \(O(n(r + d_v))\) plus one tile per thread. <b>Causal:</b> yes, by the recursion.
 */
public final class HyperAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "hyperattention";

    /** Query rows per exact tile. */
    static final int BLOCK = 64;

    /** Keys per exact tile. */
    static final int KEY_TILE = 512;

    /**
     * Registry entry: the size parameter \(r\) is both the block size and the number of samples, and
     * registry instances use \(n_{\min} = 4r\) (instead of the class default 4096) so that experiments
     * see the approximation at every \(n\) rather than exact attention up to 4096.
     */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "sortLSH blocks + uniformly sampled residual, log-sum-exp merge, exact below n_min = 4 r, causal recursion",
            AttentionMethod.Family.SKETCHING_AND_SAMPLING,
            true,
            true,
            "block size = samples",
            (size, state) -> new HyperAttention(
                    HyperAttentionOptions.of(size).withMinSequenceLength((int) Math.min(Integer.MAX_VALUE, 4L * size)),
                    state));

    private final HyperAttentionOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options block size, samples, hash bits, exact threshold, scaling
     * @param state   the randomness; not modified
     * @throws NullPointerException if an argument is null
     */
    public HyperAttention(HyperAttentionOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public HyperAttentionOptions options() {
        return options;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int b = options.blockSize();
        int s = options.samples();
        AttentionChecks.requireAtMost(NAME, "block size b", b, "n", n);
        AttentionChecks.requireAtMost(NAME, "samples s", s, "the number of keys m", m);
        Run run = new Run(q, k, v, mask, scale);
        if (n <= options.minSequenceLength()) {
            run.exact(0, n, 0, m, mask.isCausal());
        } else {
            DenseMatrix proj = Hashing.projection(q.cols(), options.hashBits(), state.split(0));
            run.qRank = Hashing.hammingRanks(q, proj);
            run.kRank = Hashing.hammingRanks(k, proj);
            if (mask.isCausal()) {
                run.causal(0, n, 0, m);
            } else {
                run.unmasked(0, n, 0, m);
            }
        }
        run.acc.fillEmpty(q, k, v, scale, mask);
        return run.acc.finish();
    }

    /** One computation: inputs, state, and the counter of core calls. */
    private final class Run {
        final DenseMatrix q;
        final DenseMatrix k;
        final DenseMatrix v;
        final AttentionMask mask;
        final double scale;
        final int offset;
        final SparseSoftmax.State acc;
        final SparseSoftmax.PairBias padding;
        final SparseSoftmax.PairBias causalBias;
        int[] qRank;
        int[] kRank;
        long calls;

        Run(DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
            this.q = q;
            this.k = k;
            this.v = v;
            this.mask = mask;
            this.scale = scale;
            this.offset = k.rows() - q.rows();
            this.acc = new SparseSoftmax.State(q.rows(), v.cols());
            boolean[] keep = mask.keyFlags();
            this.padding = keep == null ? null : (i, j) -> keep[j] ? 0.0 : Double.NEGATIVE_INFINITY;
            int off = offset;
            this.causalBias = (i, j) -> j > i + off || (keep != null && !keep[j]) ? Double.NEGATIVE_INFINITY : 0.0;
        }

        void causal(int q0, int q1, int k0, int k1) {
            if (q1 - q0 <= options.minSequenceLength()) {
                exact(q0, q1, k0, k1, true);
                return;
            }
            int qm = (q0 + q1) >>> 1;
            int km = (int) Math.max(k0, Math.min(k1, (long) qm + offset));
            causal(q0, qm, k0, km);
            unmasked(qm, q1, k0, km);
            causal(qm, q1, km, k1);
        }

        void unmasked(int q0, int q1, int k0, int k1) {
            if (k1 <= k0) {
                return;
            }
            if (q1 - q0 <= options.minSequenceLength()) {
                exact(q0, q1, k0, k1, false);
                return;
            }
            int kept = 0;
            for (int j = k0; j < k1; j++) {
                kept += mask.keeps(j) ? 1 : 0;
            }
            if (kept == 0) {
                return;
            }
            int[] keptKeys = new int[kept];
            int t = 0;
            for (int j = k0; j < k1; j++) {
                if (mask.keeps(j)) {
                    keptKeys[t++] = j;
                }
            }
            int s = options.samples();
            Hashing.Samples drawn = Hashing.sample(Sketches.uniformSampling(s, kept, true), state.split(1 + calls++));
            int[] sampled = new int[s];
            for (int r = 0; r < s; r++) {
                sampled[r] = keptKeys[drawn.index()[r]];
            }
            int b = Math.min(options.blockSize(), q1 - q0);
            SortedBlocks.accumulate(
                    q, k, v, scale, qRank, kRank, q0, q1, k0, k1, b, sampled, drawn.logWeights(), padding, acc);
        }

        void exact(int q0, int q1, int k0, int k1, boolean causal) {
            if (k1 <= k0) {
                return;
            }
            int groups = (q1 - q0 + BLOCK - 1) / BLOCK;
            int tile = Math.min(KEY_TILE, k1 - k0);
            long work = (long) (q1 - q0) * (k1 - k0) * (q.cols() + v.cols());
            SparseSoftmax.PairBias bias = causal ? causalBias : padding;
            SparseSoftmax.run(
                    q,
                    k,
                    v,
                    scale,
                    groups,
                    BLOCK,
                    tile,
                    work,
                    (g, tiles) -> {
                        int i0 = q0 + g * BLOCK;
                        int i1 = Math.min(q1, i0 + BLOCK);
                        int[] rows = SparseSoftmax.range(i0, i1);
                        int end = causal ? (int) Math.min(k1, (long) i1 - 1 + offset + 1) : k1;
                        for (int j0 = k0; j0 < end; j0 += tile) {
                            int[] keys = SparseSoftmax.range(j0, Math.min(end, j0 + tile));
                            tiles.tile(rows, rows.length, keys, keys.length, null, bias);
                        }
                    },
                    acc);
        }
    }
}
