package dev.nla.attention.heads;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Objects;

/**
 * Multi-head latent attention (MLA, DeepSeek-V2 [DeepSeek-AI 2024]) in the row convention of the
 * attention spec §4.2. Keys and values of all heads are up-projected from one cached latent
 * \(C = XW^{DKV} \in \mathbb{R}^{n \times d_c}\), plus an optional decoupled RoPE key shared by all
 * heads:
 * \[ K^C_i = CW^{UK}_i,\quad V_i = CW^{UV}_i,\quad Q^C_i = XW^{Q}_i,\quad K^R =
 *    \operatorname{RoPE}(XW^{KR}),\quad Q^R_i = \operatorname{RoPE}(XW^{QR}_i), \]
 * \[ o_i = \operatorname{softmax}\bigl(s\,(Q^C_iK^{C\mathsf T}_i + Q^R_iK^{R\mathsf T}) + M\bigr)V_i,
 *    \qquad Y = [o_1 \cdots o_h]\,W_O. \]
 * Shapes: \(W^{DKV}\) is \(D \times d_c\); \(W^{UK}\) is \(d_c \times hd_h\) and \(W^{UV}\) is \(d_c
 * \times hd_v\) (column block \(i\) = head \(i\)); \(W^Q\) is \(D \times hd_h\); \(W^{QR}\) is \(D
 * \times hd^R\) and \(W^{KR}\) is \(D \times d^R\) (absent when \(d^R = 0\)); \(W_O\) is \(hd_v \times
 * D_{out}\). (Queries are projected from \(X\) directly; DeepSeek's query compression \(C^Q =
 * XW^{DQ}\) is the factorisation \(W^Q = W^{DQ}W^{UQ}\) and changes nothing here.) The cache holds
 * \(d_c + d^R\) numbers per token.
 *
 * <p><b>Two forward passes.</b> {@link #forward(Matrix, AttentionMask, boolean) forward(x, mask,
 * false)} forms \(K^C_i\) and \(V_i\) explicitly (training-style). With {@code absorbed = true} the
 * up-projections are folded into the query and output weights by associativity (decoding-style):
 * \[ Q^C_iK^{C\mathsf T}_i = \bigl(X\,W^Q_iW^{UK\mathsf T}_i\bigr)C^{\mathsf T},\qquad o_iW_O^{(i)} =
 *    \bigl(A_iC\bigr)\bigl(W^{UV}_iW_O^{(i)}\bigr), \]
 * so each head attends over the cached latent directly (scores against \([C \;|\; K^R]\), of width
 * \(d_c + d^R\); values \(C\)), as an MQA kernel over dimension \(d_c + d^R\). The absorbed weights
 * \(W^Q_iW^{UK\mathsf T}_i\) (\(D \times d_c\)) and \(W^{UV}_iW_O^{(i)}\) (\(d_c \times D_{out}\)) are
 * formed once, at construction. RoPE on the content part would put a position-dependent rotation
 * between \(W^Q_i\) and \(W^{UK}_i\) and prevent this; the decoupled key keeps absorption possible.
 * Both passes are equal up to rounding.
 *
 * <p>Instances are immutable (weights are copied).
 */
public final class LatentAttention {
    private final int heads;
    private final int headDim;
    private final int valueDim;
    private final int latentDim;
    private final int ropeDim;
    private final DenseMatrix wq;
    private final DenseMatrix wdkv;
    private final DenseMatrix wuk;
    private final DenseMatrix wuv;
    private final DenseMatrix wo;
    private final DenseMatrix wqr;
    private final DenseMatrix wkr;
    private final Scaling scaling;
    private final Rope rope;
    private final DenseMatrix[] absorbedQuery;
    private final DenseMatrix[] absorbedOutput;

    /**
     * Creates the layer.
     *
     * @param heads    \(h \ge 1\)
     * @param wq       \(W^Q\), \(D \times hd_h\); copied; must be finite
     * @param wdkv     \(W^{DKV}\), \(D \times d_c\); copied; must be finite
     * @param wuk      \(W^{UK}\), \(d_c \times hd_h\); copied; must be finite
     * @param wuv      \(W^{UV}\), \(d_c \times hd_v\); copied; must be finite
     * @param wo       \(W_O\), \(hd_v \times D_{out}\); copied; must be finite
     * @param wqr      \(W^{QR}\), \(D \times hd^R\), or null for no decoupled RoPE; copied
     * @param wkr      \(W^{KR}\), \(D \times d^R\), or null (exactly when {@code wqr} is null); copied
     * @param scaling  the score scale \(s\) (DeepSeek: \(1/\sqrt{d_h + d^R}\); converted layers keep
     *     the source's \(1/\sqrt{d_h}\))
     * @throws NullPointerException       if a required argument is null
     * @throws IllegalArgumentException   if \(h \lt 1\), only one of the RoPE weights is given, or
     *     \(d^R\) is odd
     * @throws DimensionMismatchException if the widths are not multiples of \(h\) or the shapes do
     *     not fit
     * @throws NonFiniteValueException    if a weight has a NaN or infinite entry
     */
    public LatentAttention(
            int heads,
            Matrix wq,
            Matrix wdkv,
            Matrix wuk,
            Matrix wuv,
            Matrix wo,
            Matrix wqr,
            Matrix wkr,
            Scaling scaling) {
        Require.positive("heads", heads);
        Objects.requireNonNull(wq, "wq");
        Objects.requireNonNull(wdkv, "wdkv");
        Objects.requireNonNull(wuk, "wuk");
        Objects.requireNonNull(wuv, "wuv");
        Objects.requireNonNull(wo, "wo");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
        if ((wqr == null) != (wkr == null)) {
            throw new IllegalArgumentException("decoupled RoPE needs both W^QR and W^KR, or neither");
        }
        int d = wq.rows();
        Require.positive("model dimension D (rows of W^Q)", d);
        this.heads = heads;
        this.headDim = perHead("W^Q", wq.cols(), heads);
        this.valueDim = perHead("W^UV", wuv.cols(), heads);
        this.latentDim = wdkv.cols();
        Require.positive("latent dimension d_c (columns of W^DKV)", latentDim);
        Require.shape("W^DKV", wdkv, d, latentDim);
        Require.shape("W^UK", wuk, latentDim, heads * headDim);
        Require.shape("W^UV", wuv, latentDim, heads * valueDim);
        if (wo.rows() != heads * valueDim || wo.cols() < 1) {
            throw new DimensionMismatchException(
                    "W_O must be " + heads * valueDim + " x D_out, got " + wo.rows() + "x" + wo.cols());
        }
        if (wkr != null) {
            this.ropeDim = wkr.cols();
            Require.shape("W^KR", wkr, d, ropeDim);
            Require.shape("W^QR", wqr, d, heads * ropeDim);
            this.rope = Rope.standard(ropeDim);
            Require.allFinite("W^QR", wqr);
            Require.allFinite("W^KR", wkr);
            this.wqr = wqr.toDense().copy();
            this.wkr = wkr.toDense().copy();
        } else {
            this.ropeDim = 0;
            this.rope = null;
            this.wqr = null;
            this.wkr = null;
        }
        Require.allFinite("W^Q", wq);
        Require.allFinite("W^DKV", wdkv);
        Require.allFinite("W^UK", wuk);
        Require.allFinite("W^UV", wuv);
        Require.allFinite("W_O", wo);
        this.wq = wq.toDense().copy();
        this.wdkv = wdkv.toDense().copy();
        this.wuk = wuk.toDense().copy();
        this.wuv = wuv.toDense().copy();
        this.wo = wo.toDense().copy();
        this.absorbedQuery = new DenseMatrix[heads];
        this.absorbedOutput = new DenseMatrix[heads];
        for (int i = 0; i < heads; i++) {
            absorbedQuery[i] = Blas.multiply(
                    Transpose.NO_TRANSPOSE,
                    Transpose.TRANSPOSE,
                    this.wq.columns(i * headDim, headDim),
                    this.wuk.columns(i * headDim, headDim));
            absorbedOutput[i] =
                    Blas.multiply(this.wuv.columns(i * valueDim, valueDim), this.wo.rowBlock(i * valueDim, valueDim));
        }
    }

    private static int perHead(String name, int width, int heads) {
        if (width < 1 || width % heads != 0) {
            throw new DimensionMismatchException(
                    name + " has " + width + " columns, not a positive multiple of h = " + heads + " heads");
        }
        return width / heads;
    }

    /**
     * An MLA layer without decoupled RoPE.
     *
     * @param heads   \(h \ge 1\)
     * @param wq      \(W^Q\), \(D \times hd_h\); copied
     * @param wdkv    \(W^{DKV}\), \(D \times d_c\); copied
     * @param wuk     \(W^{UK}\), \(d_c \times hd_h\); copied
     * @param wuv     \(W^{UV}\), \(d_c \times hd_v\); copied
     * @param wo      \(W_O\), \(hd_v \times D_{out}\); copied
     * @param scaling the score scale
     * @return the layer
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if \(h \lt 1\)
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if a weight has a NaN or infinite entry
     */
    public static LatentAttention withoutRope(
            int heads, Matrix wq, Matrix wdkv, Matrix wuk, Matrix wuv, Matrix wo, Scaling scaling) {
        return new LatentAttention(heads, wq, wdkv, wuk, wuv, wo, null, null, scaling);
    }

    /**
     * A DeepSeek-style layer with Gaussian weights (entries \(\mathcal N(0, 1/\text{fan-in})\)), output
     * width \(D\), scaling \(1/\sqrt{d_h + d^R}\).
     *
     * @param heads     \(h \ge 1\)
     * @param headDim   \(d_h \ge 1\) (also the value dimension)
     * @param latentDim \(d_c \ge 1\)
     * @param ropeDim   \(d^R \ge 0\), even (0: no decoupled RoPE)
     * @param modelDim  \(D \ge 1\)
     * @param state     the randomness; not modified
     * @return the layer
     * @throws NullPointerException     if {@code state} is null
     * @throws IllegalArgumentException if a dimension is out of range
     */
    public static LatentAttention random(
            int heads, int headDim, int latentDim, int ropeDim, int modelDim, RngState state) {
        Require.positive("heads", heads);
        Require.positive("headDim", headDim);
        Require.positive("latentDim", latentDim);
        Require.nonNegative("ropeDim", ropeDim);
        Require.positive("modelDim", modelDim);
        Objects.requireNonNull(state, "state");
        double in = 1.0 / Math.sqrt(modelDim);
        double lat = 1.0 / Math.sqrt(latentDim);
        DenseMatrix wqr = ropeDim == 0 ? null : gaussian(modelDim, heads * ropeDim, in, state.split(5));
        DenseMatrix wkr = ropeDim == 0 ? null : gaussian(modelDim, ropeDim, in, state.split(6));
        return new LatentAttention(
                heads,
                gaussian(modelDim, heads * headDim, in, state.split(0)),
                gaussian(modelDim, latentDim, in, state.split(1)),
                gaussian(latentDim, heads * headDim, lat, state.split(2)),
                gaussian(latentDim, heads * headDim, lat, state.split(3)),
                gaussian(heads * headDim, modelDim, 1.0 / Math.sqrt(heads * headDim), state.split(4)),
                wqr,
                wkr,
                Scaling.fixed(1.0 / Math.sqrt(headDim + ropeDim)));
    }

    private static DenseMatrix gaussian(int rows, int cols, double s, RngState state) {
        DenseMatrix m = RandomMatrices.gaussian(rows, cols, state).value();
        Blas.scal(s, m);
        return m;
    }

    /**
     * Number of heads.
     *
     * @return \(h\)
     */
    public int heads() {
        return heads;
    }

    /**
     * The query/key content dimension per head.
     *
     * @return \(d_h\)
     */
    public int headDim() {
        return headDim;
    }

    /**
     * The value dimension per head.
     *
     * @return \(d_v\)
     */
    public int valueDim() {
        return valueDim;
    }

    /**
     * The latent dimension.
     *
     * @return \(d_c\)
     */
    public int latentDim() {
        return latentDim;
    }

    /**
     * The decoupled RoPE dimension.
     *
     * @return \(d^R\) (0 without decoupled RoPE)
     */
    public int ropeDim() {
        return ropeDim;
    }

    /**
     * The model dimension.
     *
     * @return \(D\)
     */
    public int modelDim() {
        return wq.rows();
    }

    /**
     * The score scale.
     *
     * @return the scaling
     */
    public Scaling scaling() {
        return scaling;
    }

    /**
     * The query weights.
     *
     * @return a copy of \(W^Q\), \(D \times hd_h\)
     */
    public DenseMatrix wq() {
        return wq.copy();
    }

    /**
     * The output weights.
     *
     * @return a copy of \(W_O\), \(hd_v \times D_{out}\)
     */
    public DenseMatrix wo() {
        return wo.copy();
    }

    /**
     * The down-projection.
     *
     * @return a copy of \(W^{DKV}\), \(D \times d_c\)
     */
    public DenseMatrix wdkv() {
        return wdkv.copy();
    }

    /**
     * The key up-projection.
     *
     * @return a copy of \(W^{UK}\), \(d_c \times hd_h\)
     */
    public DenseMatrix wuk() {
        return wuk.copy();
    }

    /**
     * The value up-projection.
     *
     * @return a copy of \(W^{UV}\), \(d_c \times hd_v\)
     */
    public DenseMatrix wuv() {
        return wuv.copy();
    }

    /**
     * Numbers cached per token: the latent and the shared RoPE key, \(d_c + d^R\).
     *
     * @return \(d_c + d^R\)
     */
    public long cacheFloatsPerToken() {
        return (long) latentDim + ropeDim;
    }

    /**
     * The latent \(C = XW^{DKV}\), what a KV cache stores (with \(K^R\)).
     *
     * @param x tokens, \(n \times D\); not modified; must be finite
     * @return a new \(n \times d_c\) matrix
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if \(X\) does not have \(D\) columns
     * @throws NonFiniteValueException    if \(X\) has a NaN or infinite entry
     * @throws IllegalArgumentException   if \(n = 0\)
     */
    public DenseMatrix latent(Matrix x) {
        GroupedQueryAttention.requireTokens(x, modelDim());
        return Blas.multiply(x, wdkv);
    }

    /**
     * The layer output \(Y\), by the unabsorbed or the absorbed pass (equal up to rounding).
     *
     * @param x        tokens \(X\), \(n \times D\), \(n \ge 1\); not modified; must be finite
     * @param mask     the mask
     * @param absorbed {@code true} to attend in latent space with the absorbed weights
     * @return a new \(n \times D_{out}\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(X\) does not have \(D\) columns or the padding mask
     *     does not have \(n\) flags
     * @throws NonFiniteValueException    if \(X\) has a NaN or infinite entry
     * @throws IllegalArgumentException   if \(n = 0\) or the mask leaves a query without keys
     */
    public DenseMatrix forward(Matrix x, AttentionMask mask, boolean absorbed) {
        GroupedQueryAttention.requireTokens(x, modelDim());
        Objects.requireNonNull(mask, "mask");
        int n = x.rows();
        DenseMatrix c = Blas.multiply(x, wdkv);
        DenseMatrix qr = rope == null ? null : rope.apply(Blas.multiply(x, wqr), 0);
        DenseMatrix kr = rope == null ? null : rope.apply(Blas.multiply(x, wkr), 0);
        DenseAttention attention = DenseAttention.withScaling(scaling);
        if (absorbed) {
            DenseMatrix keys = concat(c, kr);
            DenseMatrix y = DenseMatrix.zeros(n, wo.cols());
            for (int i = 0; i < heads; i++) {
                DenseMatrix qi = concat(Blas.multiply(x, absorbedQuery[i]), headBlock(qr, i));
                DenseMatrix oi = attention.compute(qi, keys, c, mask);
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, oi, absorbedOutput[i], 1.0, y);
            }
            return y;
        }
        DenseMatrix q = Blas.multiply(x, wq);
        DenseMatrix kc = Blas.multiply(c, wuk);
        DenseMatrix v = Blas.multiply(c, wuv);
        DenseMatrix h = DenseMatrix.zeros(n, heads * valueDim);
        for (int i = 0; i < heads; i++) {
            DenseMatrix qi = concat(q.columns(i * headDim, headDim), headBlock(qr, i));
            DenseMatrix ki = concat(kc.columns(i * headDim, headDim), kr);
            DenseMatrix oi = attention.compute(qi, ki, v.columns(i * valueDim, valueDim), mask);
            h.columns(i * valueDim, valueDim).copyFrom(oi);
        }
        return Blas.multiply(h, wo);
    }

    private DenseMatrix headBlock(DenseMatrix qr, int i) {
        return qr == null ? null : qr.columns(i * ropeDim, ropeDim);
    }

    /** {@code [a | b]}, or {@code a} itself if {@code b} is null. */
    private static DenseMatrix concat(DenseMatrix a, DenseMatrix b) {
        if (b == null) {
            return a;
        }
        DenseMatrix out = DenseMatrix.zeros(a.rows(), a.cols() + b.cols());
        out.columns(0, a.cols()).copyFrom(a);
        out.columns(a.cols(), b.cols()).copyFrom(b);
        return out;
    }

    /**
     * A description.
     *
     * @return e.g. {@code MLA[h=8, d_h=64, d_v=64, d_c=256, d_R=0, D=512]}
     */
    @Override
    public String toString() {
        return "MLA[h=" + heads + ", d_h=" + headDim + ", d_v=" + valueDim + ", d_c=" + latentDim + ", d_R=" + ropeDim
                + ", D=" + modelDim() + "]";
    }
}
