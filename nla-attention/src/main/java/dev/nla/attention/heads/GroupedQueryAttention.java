package dev.nla.attention.heads;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-head, multi-query or grouped-query attention layer given by its weights (attention spec
 * §4.1): for tokens \(X \in \mathbb{R}^{n \times D}\),
 * \[ Q = XW_Q,\quad K = XW_K,\quad V = XW_V,\qquad o_i = \operatorname{softmax}\bigl(Q_iK_{\gamma(i)}^{\mathsf
 *    T}/\sqrt{d_h} + M\bigr)V_{\gamma(i)},\qquad Y = [o_1 \cdots o_h]\,W_O, \]
 * where \(Q_i\) is column block \(i\) (width \(d_h\)) of \(Q\), \(K_g, V_g\) column block \(g\) of
 * \(K, V\), and \(\gamma(i) = \lfloor ig/h \rfloor\) ({@link HeadConfig}). With RoPE, \(Q\) and \(K\)
 * are rotated ({@link Rope}, row \(t\) at position \(t\)) before the scores. Each head runs the exact
 * blocked softmax of {@link DenseAttention}.
 *
 * <p>Shapes: \(W_Q\) is \(D \times hd_h\), \(W_K, W_V\) are \(D \times gd_h\), \(W_O\) is \(hd_h
 * \times D_{out}\). A KV cache holds \(2gd_h\) numbers per token ({@link #cacheFloatsPerToken()}).
 * Instances are immutable (the weights are copied).
 */
public final class GroupedQueryAttention {
    private final HeadConfig config;
    private final DenseMatrix wq;
    private final DenseMatrix wk;
    private final DenseMatrix wv;
    private final DenseMatrix wo;
    private final Rope rope;

    /**
     * Creates the layer.
     *
     * @param config the head layout
     * @param wq     \(W_Q\), \(D \times hd_h\); copied; must be finite
     * @param wk     \(W_K\), \(D \times gd_h\); copied; must be finite
     * @param wv     \(W_V\), \(D \times gd_h\); copied; must be finite
     * @param wo     \(W_O\), \(hd_h \times D_{out}\); copied; must be finite
     * @param rope   whether \(Q\) and \(K\) are rotated by RoPE (needs an even \(d_h\))
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a weight has the wrong shape
     * @throws NonFiniteValueException    if a weight has a NaN or infinite entry
     * @throws IllegalArgumentException   if RoPE is asked with an odd \(d_h\)
     */
    public GroupedQueryAttention(HeadConfig config, Matrix wq, Matrix wk, Matrix wv, Matrix wo, boolean rope) {
        this.config = Objects.requireNonNull(config, "config");
        Objects.requireNonNull(wq, "wq");
        Objects.requireNonNull(wk, "wk");
        Objects.requireNonNull(wv, "wv");
        Objects.requireNonNull(wo, "wo");
        int d = wq.rows();
        Require.positive("model dimension D (rows of W_Q)", d);
        Require.shape("W_Q", wq, d, config.queryWidth());
        Require.shape("W_K", wk, d, config.kvWidth());
        Require.shape("W_V", wv, d, config.kvWidth());
        if (wo.rows() != config.queryWidth() || wo.cols() < 1) {
            throw new DimensionMismatchException("W_O must be " + config.queryWidth() + " x D_out (h d_h = "
                    + config.queryWidth() + "), got " + wo.rows() + "x" + wo.cols());
        }
        Require.allFinite("W_Q", wq);
        Require.allFinite("W_K", wk);
        Require.allFinite("W_V", wv);
        Require.allFinite("W_O", wo);
        this.wq = wq.toDense().copy();
        this.wk = wk.toDense().copy();
        this.wv = wv.toDense().copy();
        this.wo = wo.toDense().copy();
        this.rope = rope ? Rope.standard(config.headDim()) : null;
    }

    /**
     * A layer with Gaussian weights: \(W_Q, W_K, W_V\) entries \(\mathcal N(0, 1/D)\), \(W_O\) entries
     * \(\mathcal N(0, 1/(hd_h))\) (variance-preserving), output width \(D\).
     *
     * @param config     the head layout
     * @param modelDim   \(D \ge 1\)
     * @param rope       whether RoPE is applied
     * @param state      the randomness (components from {@code state.split(0..3)}); not modified
     * @return the layer
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code modelDim < 1}, or RoPE with an odd \(d_h\)
     */
    public static GroupedQueryAttention random(HeadConfig config, int modelDim, boolean rope, RngState state) {
        Objects.requireNonNull(config, "config");
        Require.positive("modelDim", modelDim);
        Objects.requireNonNull(state, "state");
        double in = 1.0 / Math.sqrt(modelDim);
        double out = 1.0 / Math.sqrt(config.queryWidth());
        return new GroupedQueryAttention(
                config,
                scaled(modelDim, config.queryWidth(), in, state.split(0)),
                scaled(modelDim, config.kvWidth(), in, state.split(1)),
                scaled(modelDim, config.kvWidth(), in, state.split(2)),
                scaled(config.queryWidth(), modelDim, out, state.split(3)),
                rope);
    }

    private static DenseMatrix scaled(int rows, int cols, double s, RngState state) {
        DenseMatrix m = RandomMatrices.gaussian(rows, cols, state).value();
        Blas.scal(s, m);
        return m;
    }

    /**
     * The head layout.
     *
     * @return the configuration
     */
    public HeadConfig config() {
        return config;
    }

    /**
     * The model dimension \(D\) (rows of the input weights).
     *
     * @return \(D\)
     */
    public int modelDim() {
        return wq.rows();
    }

    /**
     * The output width \(D_{out}\) (columns of \(W_O\)).
     *
     * @return \(D_{out}\)
     */
    public int outputDim() {
        return wo.cols();
    }

    /**
     * \(W_Q\).
     *
     * @return a copy, \(D \times hd_h\)
     */
    public DenseMatrix wq() {
        return wq.copy();
    }

    /**
     * \(W_K\).
     *
     * @return a copy, \(D \times gd_h\)
     */
    public DenseMatrix wk() {
        return wk.copy();
    }

    /**
     * \(W_V\).
     *
     * @return a copy, \(D \times gd_h\)
     */
    public DenseMatrix wv() {
        return wv.copy();
    }

    /**
     * \(W_O\).
     *
     * @return a copy, \(hd_h \times D_{out}\)
     */
    public DenseMatrix wo() {
        return wo.copy();
    }

    /**
     * The RoPE applied to queries and keys, if any.
     *
     * @return the embedding, or empty
     */
    public Optional<Rope> rope() {
        return Optional.ofNullable(rope);
    }

    /**
     * Numbers a KV cache holds per token, \(2gd_h\).
     *
     * @return \(2gd_h\)
     */
    public long cacheFloatsPerToken() {
        return config.cacheFloatsPerToken();
    }

    /**
     * The layer output \(Y = [o_1 \cdots o_h]W_O\).
     *
     * @param x    tokens \(X\), \(n \times D\), \(n \ge 1\); not modified; must be finite
     * @param mask the mask (causal for a decoder layer)
     * @return a new \(n \times D_{out}\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(X\) does not have \(D\) columns, or the padding mask
     *     does not have \(n\) flags
     * @throws NonFiniteValueException    if \(X\) has a NaN or infinite entry
     * @throws IllegalArgumentException   if \(n = 0\) or the mask leaves a query without keys
     */
    public DenseMatrix forward(Matrix x, AttentionMask mask) {
        return Blas.multiply(headOutputs(x, mask), wo);
    }

    /**
     * The concatenated head outputs \([o_1 \cdots o_h]\), before \(W_O\).
     *
     * @param x    tokens \(X\), \(n \times D\); not modified; must be finite
     * @param mask the mask
     * @return a new \(n \times hd_h\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(X\) does not have \(D\) columns
     * @throws NonFiniteValueException    if \(X\) has a NaN or infinite entry
     * @throws IllegalArgumentException   if \(n = 0\) or the mask leaves a query without keys
     */
    public DenseMatrix headOutputs(Matrix x, AttentionMask mask) {
        requireTokens(x, modelDim());
        Objects.requireNonNull(mask, "mask");
        DenseMatrix q = Blas.multiply(x, wq);
        DenseMatrix k = Blas.multiply(x, wk);
        DenseMatrix v = Blas.multiply(x, wv);
        if (rope != null) {
            q = rope.apply(q, 0);
            k = rope.apply(k, 0);
        }
        int dh = config.headDim();
        DenseAttention attention = DenseAttention.withScaling(Scaling.fixed(1.0 / Math.sqrt(dh)));
        DenseMatrix out = DenseMatrix.zeros(x.rows(), config.queryWidth());
        for (int i = 0; i < config.heads(); i++) {
            int g = config.groupOf(i);
            DenseMatrix o =
                    attention.compute(q.columns(i * dh, dh), k.columns(g * dh, dh), v.columns(g * dh, dh), mask);
            out.columns(i * dh, dh).copyFrom(o);
        }
        return out;
    }

    static void requireTokens(Matrix x, int modelDim) {
        Objects.requireNonNull(x, "x");
        if (x.cols() != modelDim) {
            throw new DimensionMismatchException(
                    "tokens X must have D = " + modelDim + " columns, got " + x.rows() + "x" + x.cols());
        }
        if (x.rows() == 0) {
            throw new IllegalArgumentException("no tokens, n = 0 (X is 0x" + x.cols() + ")");
        }
        Require.allFinite("X", x);
    }

    /**
     * A description.
     *
     * @return e.g. {@code GQA[h=8, g=2, d_h=64, D=512, rope=false]}
     */
    @Override
    public String toString() {
        return config.kind() + "[h=" + config.heads() + ", g=" + config.kvHeads() + ", d_h=" + config.headDim() + ", D="
                + modelDim() + ", rope=" + (rope != null) + "]";
    }
}
