package dev.nla.attention.analysis;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import java.util.Objects;

/**
 * The synthetic attention inputs of the attention spec (section 3), defined once and shared by the
 * tests, the experiments and the benchmarks. No pretrained weights or data sets are involved; every
 * input is a pure function of its parameters and an {@link RngState} (components are drawn from
 * {@code state.split(i)}, so the same state always gives the same bits).
 *
 * <ul>
 *   <li>{@link #lowRankQK}: \(Q = ZA + \eta E_1\), \(K = ZB + \eta E_2\) with a shared latent \(Z\),
 *       rescaled so that the logits \(QK^{\mathsf T}/\sqrt d\) have standard deviation \(\beta\) (the
 *       inverse temperature). Small \(\beta\): nearly uniform, nearly rank-one attention; large
 *       \(\beta\): sparse, peaked, high-rank attention.
 *   <li>{@link #gaussianQK}: i.i.d. Gaussian \(Q, K\) (the case \(r = d\)), same rescaling.
 *   <li>{@link #tokenLM}: token embeddings from a Zipf-distributed vocabulary, optionally with
 *       sinusoidal positions, through fixed random projections: repeated tokens make the attention
 *       matrix exactly low-rank without positions.
 *   <li>{@link #localQK}: {@code lowRankQK} content plus a Gaussian positional bias of a given
 *       bandwidth: local, diagonal-dominant attention (hard for low rank, easy for windows).
 *   <li>{@link #peakedQK}: {@code lowRankQK} with large \(\beta\) (4 to 30), for peaks and overflow.
 *   <li>{@link #values}: \(V \sim \mathcal N(0, 1) + \text{mean}\). The default mean 1 matters: with
 *       zero-mean values and flat attention, \(O \approx 0\) and relative errors are meaningless.
 * </ul>
 */
public final class AttentionInputs {
    /** Default noise level \(\eta\) of {@link #lowRankQK}. */
    public static final double DEFAULT_NOISE = 0.05;

    /** Default latent rank of {@link #lowRankQK} in {@link #peakedQK} and {@link #localQK}. */
    public static final int DEFAULT_RANK = 32;

    /** Rows of \(Q\) and \(K\) on which the logit standard deviation is measured. */
    public static final int CALIBRATION_ROWS = 512;

    /** Default mean of the values. */
    public static final double DEFAULT_VALUE_MEAN = 1.0;

    /** {@link #tokenLM} vocabulary size. */
    public static final int TOKEN_VOCABULARY = 256;

    /** {@link #tokenLM} model width. */
    public static final int TOKEN_MODEL_WIDTH = 128;

    /** {@link #tokenLM} Zipf exponent. */
    public static final double TOKEN_ZIPF = 1.1;

    private AttentionInputs() {}

    /**
     * {@code LowRankQK(n, d, r, beta, noise)} with values \(\mathcal N(0,1) + 1\), \(d_v = d\).
     *
     * <p>\(Z \sim \mathcal N(0, 1)^{n \times r}\), \(A, B \sim \mathcal N(0, 1/r)^{r \times d}\),
     * \(E_1, E_2 \sim \mathcal N(0, 1)^{n \times d}\); \(Q = ZA + \eta E_1\), \(K = ZB + \eta E_2\);
     * then both are multiplied by \(c = \sqrt{\beta/\sigma}\) where \(\sigma\) is the standard
     * deviation of \(QK^{\mathsf T}/\sqrt d\) on the first \(\min(n, 512)\) rows of each, so that the
     * logits have standard deviation \(\beta\) there.
     *
     * @param n     tokens \(\ge 1\)
     * @param d     dimension \(\ge 1\)
     * @param r     latent rank \(\ge 1\)
     * @param beta  logit standard deviation \(\beta \gt 0\)
     * @param noise \(\eta \ge 0\)
     * @param state the randomness; not modified
     * @return the input
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput lowRankQK(int n, int d, int r, double beta, double noise, RngState state) {
        Require.positive("n", n);
        Require.positive("d", d);
        Require.positive("r", r);
        Require.positive("beta", beta);
        Require.nonNegative("noise", noise);
        Objects.requireNonNull(state, "state");
        DenseMatrix[] qk = lowRankPair(n, d, r, noise, state);
        calibrate(qk[0], qk[1], beta, d);
        DenseMatrix v = values(n, d, DEFAULT_VALUE_MEAN, state.split(10));
        return new AttentionInput(
                "LowRankQK(n=" + n + ", d=" + d + ", r=" + r + ", beta=" + beta + ", noise=" + noise + ")",
                qk[0],
                qk[1],
                v);
    }

    /**
     * {@code LowRankQK(n, d, r, beta)} with noise {@value #DEFAULT_NOISE}.
     *
     * @param n     tokens \(\ge 1\)
     * @param d     dimension \(\ge 1\)
     * @param r     latent rank \(\ge 1\)
     * @param beta  logit standard deviation \(\beta \gt 0\)
     * @param state the randomness; not modified
     * @return the input
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput lowRankQK(int n, int d, int r, double beta, RngState state) {
        return lowRankQK(n, d, r, beta, DEFAULT_NOISE, state);
    }

    /**
     * {@code PeakedQK}: {@code lowRankQK(n, d, 32, beta)}, meant for \(\beta \in \{4, 8, 16, 30\}\)
     * (logits up to about \(\pm 3.5\beta\)).
     *
     * @param n     tokens \(\ge 1\)
     * @param d     dimension \(\ge 1\)
     * @param beta  logit standard deviation \(\gt 0\)
     * @param state the randomness; not modified
     * @return the input
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput peakedQK(int n, int d, double beta, RngState state) {
        AttentionInput in = lowRankQK(n, d, DEFAULT_RANK, beta, DEFAULT_NOISE, state);
        return new AttentionInput("PeakedQK(n=" + n + ", d=" + d + ", beta=" + beta + ")", in.q(), in.k(), in.v());
    }

    /**
     * I.i.d. Gaussian \(Q, K \sim \mathcal N(0,1)^{n \times d}\) rescaled to logit standard deviation
     * \(\beta\), values \(\mathcal N(0,1) + 1\).
     *
     * @param n     tokens \(\ge 1\)
     * @param d     dimension \(\ge 1\)
     * @param beta  logit standard deviation \(\gt 0\)
     * @param state the randomness; not modified
     * @return the input
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput gaussianQK(int n, int d, double beta, RngState state) {
        Require.positive("n", n);
        Require.positive("d", d);
        Require.positive("beta", beta);
        Objects.requireNonNull(state, "state");
        DenseMatrix q = RandomMatrices.gaussian(n, d, state.split(1)).value();
        DenseMatrix k = RandomMatrices.gaussian(n, d, state.split(2)).value();
        calibrate(q, k, beta, d);
        return new AttentionInput(
                "GaussianQK(n=" + n + ", d=" + d + ", beta=" + beta + ")",
                q,
                k,
                values(n, d, DEFAULT_VALUE_MEAN, state.split(10)));
    }

    /**
     * {@code TokenLM(n, vocab = 256, d_model = 128, zipf = 1.1, pos)} with \(d = 64\): a cheap
     * stand-in for text.
     *
     * <p>A fixed embedding table \(E \sim \mathcal N(0, 16/d_{model})^{256 \times 128}\); tokens
     * \(t_1, \dots, t_n\) i.i.d. with \(\Pr[t = k] \propto k^{-1.1}\), \(k = 1 \dots 256\); rows \(x_p =
     * E_{t_p} + \mathrm{PE}(p)\) with the sinusoidal encoding \(\mathrm{PE}(p)_{2i} = \sin(p /
     * 10000^{2i/d_{model}})\), \(\mathrm{PE}(p)_{2i+1} = \cos(\cdot)\) when {@code positions} is set;
     * then \(Q = XW_Q\), \(K = XW_K\) with entries of \(W_Q, W_K\) of standard deviation \(2/\sqrt{
     * d_{model}}\), and \(V = XW_V\) with standard deviation \(1/\sqrt{d_{model}}\). Without positions
     * equal tokens give equal rows, so \(\operatorname{rank} A \le\) the number of distinct tokens.
     *
     * @param n         tokens \(\ge 1\)
     * @param positions whether to add sinusoidal positions
     * @param state     the randomness; not modified
     * @return the input (\(d = d_v = 64\))
     * @throws IllegalArgumentException if {@code n < 1}
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput tokenLM(int n, boolean positions, RngState state) {
        Require.positive("n", n);
        Objects.requireNonNull(state, "state");
        int width = TOKEN_MODEL_WIDTH;
        int d = 64;
        DenseMatrix table =
                RandomMatrices.gaussian(TOKEN_VOCABULARY, width, state.split(1)).value();
        Blas.scal(4.0 / Math.sqrt(width), table);
        int[] tokens = zipfTokens(n, TOKEN_VOCABULARY, TOKEN_ZIPF, state.split(2));
        DenseMatrix x = DenseMatrix.zeros(n, width);
        for (int c = 0; c < width; c++) {
            for (int p = 0; p < n; p++) {
                double e = table.get(tokens[p], c);
                if (positions) {
                    double angle = p / Math.pow(10000.0, (double) (c - c % 2) / width);
                    e += c % 2 == 0 ? Math.sin(angle) : Math.cos(angle);
                }
                x.set(p, c, e);
            }
        }
        DenseMatrix wq = RandomMatrices.gaussian(width, d, state.split(3)).value();
        DenseMatrix wk = RandomMatrices.gaussian(width, d, state.split(4)).value();
        DenseMatrix wv = RandomMatrices.gaussian(width, d, state.split(5)).value();
        Blas.scal(2.0 / Math.sqrt(width), wq);
        Blas.scal(2.0 / Math.sqrt(width), wk);
        Blas.scal(1.0 / Math.sqrt(width), wv);
        return new AttentionInput(
                "TokenLM(n=" + n + ", vocab=" + TOKEN_VOCABULARY + ", d_model=" + width + ", zipf=" + TOKEN_ZIPF
                        + ", pos=" + (positions ? "sinusoidal" : "none") + ")",
                Blas.multiply(x, wq),
                Blas.multiply(x, wk),
                Blas.multiply(x, wv));
    }

    /**
     * {@code LocalQK(n, d, bandwidth, beta)}: local attention with a Gaussian positional profile of
     * width {@code bandwidth} on top of low-rank content.
     *
     * <p>The first \(d - 2\) columns are {@code lowRankQK} content (rank \(\min(32, d-2)\), noise
     * 0.05) rescaled so that its logits have standard deviation \(\beta\) under the scale
     * \(1/\sqrt d\). The last two columns carry positions \(p_i = i - n/2\) with \(w\) = {@code
     * bandwidth}: \(q_i \mapsto d^{1/4}(p_i/w,\ 1)\), \(k_j \mapsto d^{1/4}(p_j/w,\ -p_j^2/(2w^2))\),
     * whose contribution to the scaled logit is \(p_ip_j/w^2 - p_j^2/(2w^2) = -(i-j)^2/(2w^2) +
     * p_i^2/(2w^2)\): a Gaussian in \(i - j\) plus a per-row constant, which the softmax ignores.
     * So \(A_{ij} \propto e^{c_{ij}} e^{-(i-j)^2/(2w^2)}\) exactly. (Adding RoPE to low-rank content,
     * the spec's other recipe, modulates the scores with \(i - j\) but does not make them local: the
     * high-frequency terms average out far from the diagonal instead of decaying.)
     *
     * @param n         tokens \(\ge 1\)
     * @param d         dimension \(\ge 3\)
     * @param bandwidth \(w \gt 0\), in tokens
     * @param beta      logit standard deviation of the content part, \(\gt 0\)
     * @param state     the randomness; not modified
     * @return the input, values \(\mathcal N(0,1) + 1\)
     * @throws IllegalArgumentException if a parameter is out of range
     * @throws NullPointerException     if {@code state} is null
     */
    public static AttentionInput localQK(int n, int d, double bandwidth, double beta, RngState state) {
        Require.positive("n", n);
        Require.inRange("d", d, 3, Integer.MAX_VALUE);
        Require.positive("bandwidth", bandwidth);
        Require.positive("beta", beta);
        Objects.requireNonNull(state, "state");
        int content = d - 2;
        DenseMatrix[] qk = lowRankPair(n, content, Math.min(DEFAULT_RANK, content), DEFAULT_NOISE, state);
        calibrate(qk[0], qk[1], beta, d);
        DenseMatrix q = DenseMatrix.zeros(n, d);
        DenseMatrix k = DenseMatrix.zeros(n, d);
        q.view(0, 0, n, content).copyFrom(qk[0]);
        k.view(0, 0, n, content).copyFrom(qk[1]);
        double root = Math.pow(d, 0.25);
        double center = n / 2.0;
        for (int i = 0; i < n; i++) {
            double p = i - center;
            q.set(i, content, root * p / bandwidth);
            q.set(i, content + 1, root);
            k.set(i, content, root * p / bandwidth);
            k.set(i, content + 1, -root * p * p / (2 * bandwidth * bandwidth));
        }
        return new AttentionInput(
                "LocalQK(n=" + n + ", d=" + d + ", bandwidth=" + bandwidth + ", beta=" + beta + ")",
                q,
                k,
                values(n, d, DEFAULT_VALUE_MEAN, state.split(10)));
    }

    /** Largest per-feature scale of {@link #anisotropicEmbeddings}. */
    public static final double ANISOTROPIC_MAX_SCALE = 2.0;

    /** Smallest per-feature scale of {@link #anisotropicEmbeddings}. */
    public static final double ANISOTROPIC_MIN_SCALE = 0.05;

    /**
     * An anisotropic token-embedding table for the MLA conversion experiment (attention spec, E4):
     * \(E = G\,\operatorname{diag}(s)\) with \(G \sim \mathcal N(0, 1)^{V \times D}\) and per-feature
     * scales decaying geometrically from {@value #ANISOTROPIC_MAX_SCALE} to {@value
     * #ANISOTROPIC_MIN_SCALE}, \(s_j = 2\,(0.05/2)^{j/(D-1)}\). Token sequences are drawn from it by
     * {@link #embedTokens}; activation-aware conversions exploit the anisotropy and the repeated
     * tokens, weight SVDs cannot see either.
     *
     * @param vocabulary \(V \ge 1\) (the experiments use {@value #TOKEN_VOCABULARY})
     * @param modelDim   \(D \ge 1\)
     * @param state      the randomness; not modified
     * @return a new \(V \times D\) matrix
     * @throws IllegalArgumentException if a dimension is below 1
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix anisotropicEmbeddings(int vocabulary, int modelDim, RngState state) {
        Require.positive("vocabulary", vocabulary);
        Require.positive("modelDim", modelDim);
        Objects.requireNonNull(state, "state");
        DenseMatrix x = RandomMatrices.gaussian(vocabulary, modelDim, state).value();
        double ratio = ANISOTROPIC_MIN_SCALE / ANISOTROPIC_MAX_SCALE;
        for (int j = 0; j < modelDim; j++) {
            double t = modelDim == 1 ? 0 : (double) j / (modelDim - 1);
            Blas.scal(ANISOTROPIC_MAX_SCALE * Math.pow(ratio, t), x.column(j));
        }
        return x;
    }

    /**
     * A token sequence: \(n\) i.i.d. tokens with \(\Pr[k] \propto (k+1)^{-1.1}\) (Zipf {@value
     * #TOKEN_ZIPF}, as in {@link #tokenLM}), row \(p\) = the embedding of token \(p\).
     *
     * @param table the \(V \times D\) embedding table; not modified
     * @param n     tokens \(\ge 1\)
     * @param state the randomness; not modified
     * @return a new \(n \times D\) matrix
     * @throws IllegalArgumentException if {@code n < 1} or the table is empty
     * @throws NullPointerException     if an argument is null
     */
    public static DenseMatrix embedTokens(DenseMatrix table, int n, RngState state) {
        Objects.requireNonNull(table, "table");
        Require.positive("n", n);
        Require.positive("vocabulary (rows of table)", table.rows());
        Objects.requireNonNull(state, "state");
        int[] tokens = zipfTokens(n, table.rows(), TOKEN_ZIPF, state);
        DenseMatrix x = DenseMatrix.zeros(n, table.cols());
        for (int c = 0; c < table.cols(); c++) {
            for (int p = 0; p < n; p++) {
                x.set(p, c, table.get(tokens[p], c));
            }
        }
        return x;
    }

    /**
     * Values \(V \sim \mathcal N(0, 1)^{m \times d_v} + \text{mean}\).
     *
     * @param m     rows \(\ge 0\)
     * @param dv    columns \(\ge 0\)
     * @param mean  the mean of every entry, finite
     * @param state the randomness; not modified
     * @return a new \(m \times d_v\) matrix
     * @throws IllegalArgumentException if a dimension is negative or {@code mean} is not finite
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix values(int m, int dv, double mean, RngState state) {
        Require.finite("mean", mean);
        DenseMatrix v = RandomMatrices.gaussian(m, dv, state).value();
        double[] a = v.data();
        for (int i = 0; i < a.length; i++) {
            a[i] += mean;
        }
        return v;
    }

    /**
     * The population standard deviation of the logits \(QK^{\mathsf T}/\sqrt d\) on the first
     * {@code rows} rows of \(Q\) and of \(K\).
     *
     * @param q    \(Q\); not modified
     * @param k    \(K\); not modified
     * @param rows rows to use, \(\ge 1\) (clipped to the row counts)
     * @return the standard deviation
     * @throws IllegalArgumentException if {@code rows < 1}
     * @throws NullPointerException     if an argument is null
     */
    public static double logitStd(DenseMatrix q, DenseMatrix k, int rows) {
        Require.positive("rows", rows);
        int nq = Math.min(rows, q.rows());
        int nk = Math.min(rows, k.rows());
        DenseMatrix s = Blas.multiply(
                Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, q.view(0, 0, nq, q.cols()), k.view(0, 0, nk, k.cols()));
        double[] a = s.data();
        double mean = 0;
        for (double x : a) {
            mean += x;
        }
        mean /= a.length;
        double var = 0;
        for (double x : a) {
            var += (x - mean) * (x - mean);
        }
        return Math.sqrt(var / a.length) / Math.sqrt(q.cols());
    }

    private static DenseMatrix[] lowRankPair(int n, int d, int r, double noise, RngState state) {
        DenseMatrix z = RandomMatrices.gaussian(n, r, state.split(1)).value();
        DenseMatrix a = RandomMatrices.gaussian(r, d, state.split(2)).value();
        DenseMatrix b = RandomMatrices.gaussian(r, d, state.split(3)).value();
        Blas.scal(1.0 / Math.sqrt(r), a);
        Blas.scal(1.0 / Math.sqrt(r), b);
        DenseMatrix q = RandomMatrices.gaussian(n, d, state.split(4)).value();
        DenseMatrix k = RandomMatrices.gaussian(n, d, state.split(5)).value();
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, z, a, noise, q);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, z, b, noise, k);
        return new DenseMatrix[] {q, k};
    }

    /** Scales \(Q\) and \(K\) by \(\sqrt{\beta/\sigma}\), \(\sigma\) measured with scale \(1/\sqrt{d}\). */
    private static void calibrate(DenseMatrix q, DenseMatrix k, double beta, int d) {
        double std = logitStd(q, k, CALIBRATION_ROWS) * Math.sqrt(q.cols()) / Math.sqrt(d);
        if (!(std > 0)) {
            throw new IllegalArgumentException("cannot calibrate beta: the logits are all equal (std " + std + ")");
        }
        double c = Math.sqrt(beta / std);
        Blas.scal(c, q);
        Blas.scal(c, k);
    }

    /** I.i.d. tokens in {@code [0, vocabulary)} with \(\Pr[k] \propto (k+1)^{-s}\), by inverse CDF. */
    private static int[] zipfTokens(int n, int vocabulary, double s, RngState state) {
        double[] cdf = new double[vocabulary];
        double total = 0;
        for (int k = 0; k < vocabulary; k++) {
            total += Math.pow(k + 1.0, -s);
            cdf[k] = total;
        }
        DenseMatrix u = RandomMatrices.generate(n, 1, ScalarDistribution.UNIFORM_01, state)
                .value();
        int[] tokens = new int[n];
        for (int p = 0; p < n; p++) {
            double x = u.get(p, 0) * total;
            int lo = 0;
            int hi = vocabulary - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < x) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            tokens[p] = lo;
        }
        return tokens;
    }
}
