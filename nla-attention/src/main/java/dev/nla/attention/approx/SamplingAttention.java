package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.LeverageSampling;
import java.util.Objects;

/**
 * Sampling-based attention: approximate matrix multiplication for \(\exp(S)V\) and for the row sums
 * \(D = \exp(S)\mathbf 1\) [Drineas, Kannan and Mahoney 2006; Skeinformer, Chen et al. 2022].
 *
 * <p>Draw \(s\) key indices \(j_1, \dots, j_s\) independently with
 * \[ p_j = (1 - \gamma)\frac{\|v_j\|_2}{\sum_l \|v_l\|_2} + \frac{\gamma}{m'} \]
 * over the \(m'\) kept keys (\(p_j = 0\) for padded keys), weight each by \(w_t = 1/(s\,p_{j_t})\),
 * and estimate both the numerator and the normaliser with the same samples:
 * \[ \tilde o_i = \frac{\sum_t w_t e^{S_{ij_t}} v_{j_t}}{\sum_t w_t e^{S_{ij_t}}}, \]
 * i.e. \([\widetilde{\exp(S)V},\ \tilde D] = \exp(S_{:,J})\operatorname{diag}(w)[V_J,\ \mathbf 1]\).
 * Both sums are unbiased; their ratio is a self-normalised importance-sampling estimate (consistent,
 * with \(O(1/s)\) bias). The row maximum of the sampled scores is subtracted before exponentiation.
 *
 * <p><b>Primitives.</b> The samples and weights are a {@link LeverageSampling} sketch of {@code
 * nla-sketch} with the scores \(p_j\) (\(S[t, j_t]^2 = w_t\)); the products are gathered tiles with
 * \(\log w_t\) as key biases, two {@link dev.nla.core.blas.Blas#gemm} calls per block of queries.
 *
 * <p><b>Cost.</b> Time \(O(ns(d + d_v) + md_v)\); memory \(O(s(d + d_v) + nd_v)\) plus one \(64
 * \times s\) tile per thread. <b>Causal:</b> no (every query uses the same samples, future ones
 * included; the reference code does not support it): refused with {@link
 * dev.nla.attention.UnsupportedMaskException}.
 */
public final class SamplingAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "sampling";

    /** Query rows per tile. */
    static final int BLOCK = 64;

    /** Samples per tile. */
    static final int KEY_TILE = 512;

    /** Registry entry: the size parameter is the number of samples \(s\). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "approximate matrix multiplication: s keys sampled with p_j ~ ||v_j|| (+ uniform), weights 1/(s p_j)",
            AttentionMethod.Family.SKETCHING_AND_SAMPLING,
            false,
            true,
            "samples",
            (size, state) -> new SamplingAttention(SamplingOptions.of(size), state));

    private final SamplingOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options samples, mixing, scaling
     * @param state   the randomness of the samples; not modified
     * @throws NullPointerException if an argument is null
     */
    public SamplingAttention(SamplingOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SamplingOptions options() {
        return options;
    }

    /**
     * The sampling law \(p_j\) (unnormalised scores are fine for the sketch).
     *
     * @param v     \(V\)
     * @param mask  the mask
     * @param gamma \(\gamma\)
     * @return \(p\)
     */
    static double[] valueNormLaw(DenseMatrix v, AttentionMask mask, double gamma) {
        int m = v.rows();
        double[] norm = new double[m];
        double total = 0.0;
        int kept = 0;
        for (int j = 0; j < m; j++) {
            if (!mask.keeps(j)) {
                continue;
            }
            double ss = 0.0;
            for (int c = 0; c < v.cols(); c++) {
                ss += v.get(j, c) * v.get(j, c);
            }
            norm[j] = Math.sqrt(ss);
            total += norm[j];
            kept++;
        }
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            if (mask.keeps(j)) {
                p[j] = (total > 0.0 ? (1.0 - gamma) * norm[j] / total : 0.0) + (total > 0.0 ? gamma : 1.0) / kept;
            }
        }
        return p;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int s = options.samples();
        AttentionChecks.requireAtMost(NAME, "samples s", s, "the number of keys m", m);
        double[] p = valueNormLaw(v, mask, options.uniformMix());
        Hashing.Samples samples = Hashing.sample(LeverageSampling.of(s, p), state);
        int[] index = samples.index();
        double[] logW = samples.logWeights();
        int groups = (n + BLOCK - 1) / BLOCK;
        int tile = Math.min(s, KEY_TILE);
        long work = (long) n * s * (q.cols() + v.cols());
        SparseSoftmax.State acc = new SparseSoftmax.State(n, v.cols());
        SparseSoftmax.run(
                q,
                k,
                v,
                scale,
                groups,
                BLOCK,
                tile,
                work,
                (t, tiles) -> {
                    int[] rows = SparseSoftmax.range(t * BLOCK, Math.min(n, (t + 1) * BLOCK));
                    for (int t0 = 0; t0 < s; t0 += tile) {
                        int t1 = Math.min(s, t0 + tile);
                        int[] keys = java.util.Arrays.copyOfRange(index, t0, t1);
                        double[] bias = java.util.Arrays.copyOfRange(logW, t0, t1);
                        tiles.tile(rows, rows.length, keys, keys.length, bias, null);
                    }
                },
                acc);
        return acc.finish();
    }
}
