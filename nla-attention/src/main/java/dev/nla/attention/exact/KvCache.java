package dev.nla.attention.exact;

import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * A key-value cache for autoregressive decoding of one attention head: step \(t\) appends
 * \(k_t \in \mathbb{R}^d\) and \(v_t \in \mathbb{R}^{d_v}\) and answers one query with
 * \[ o_t = \sum_{j \le t} \frac{e^{s\,q_t^{\mathsf T}k_j - \mu_t}}{\sum_{j' \le t} e^{s\,q_t^{\mathsf
 *    T}k_{j'} - \mu_t}}\, v_j,\qquad \mu_t = \max_{j \le t} s\,q_t^{\mathsf T}k_j, \]
 * which is row \(t\) of causal attention: decoding \(n\) tokens one at a time reproduces {@link
 * DenseAttention} with {@link AttentionMask#causal()} (spec test 2, to \(10^{-12}\)).
 *
 * <p>Storage: \(K^{\mathsf T}\) and \(V^{\mathsf T}\) column by column (one token per column, so an
 * append writes one contiguous column), with capacity doubling; a step is two matrix-vector products
 * on the first \(t\) columns ({@link Blas#gemv}), \(O(t(d + d_v))\) time, plus the softmax of \(t\)
 * scores. The cache holds \(d + d_v\) numbers per token (per head and layer; for \(g\) KV heads,
 * \(2gd_h\)).
 *
 * <p>Not thread-safe: one cache belongs to one decoding sequence.
 */
public final class KvCache {
    private static final int INITIAL_CAPACITY = 16;

    private final int d;
    private final int dv;
    private final double scale;
    private double[] keys;
    private double[] values;
    private double[] scores;
    private int length;

    /**
     * An empty cache with scaling \(1/\sqrt d\).
     *
     * @param d  key dimension \(\ge 1\)
     * @param dv value dimension \(\ge 1\)
     * @throws IllegalArgumentException if a dimension is below 1
     */
    public KvCache(int d, int dv) {
        this(d, dv, Scaling.inverseSqrtDimension());
    }

    /**
     * An empty cache.
     *
     * @param d       key dimension \(\ge 1\)
     * @param dv      value dimension \(\ge 1\)
     * @param scaling the score scale
     * @throws IllegalArgumentException if a dimension is below 1
     * @throws NullPointerException     if {@code scaling} is null
     */
    public KvCache(int d, int dv, Scaling scaling) {
        this.d = Require.positive("d", d);
        this.dv = Require.positive("dv", dv);
        this.scale = Objects.requireNonNull(scaling, "scaling").factor(d);
        keys = new double[INITIAL_CAPACITY * d];
        values = new double[INITIAL_CAPACITY * dv];
        scores = new double[INITIAL_CAPACITY];
    }

    /**
     * Number of cached tokens \(t\).
     *
     * @return \(t\)
     */
    public int length() {
        return length;
    }

    /**
     * Numbers cached per token, \(d + d_v\).
     *
     * @return \(d + d_v\)
     */
    public int elementsPerToken() {
        return d + dv;
    }

    /**
     * Appends one token's key and value.
     *
     * @param k the key, length \(d\); copied
     * @param v the value, length \(d_v\); copied
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a length is wrong
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public void append(double[] k, double[] v) {
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        if (k.length != d || v.length != dv) {
            throw new DimensionMismatchException("KV cache with d = " + d + ", d_v = " + dv + ": got a key of length "
                    + k.length + " and a value of length " + v.length);
        }
        Require.allFinite("k", k);
        Require.allFinite("v", v);
        ensureCapacity(length + 1);
        System.arraycopy(k, 0, keys, length * d, d);
        System.arraycopy(v, 0, values, length * dv, dv);
        length++;
    }

    /**
     * Attends one query to every cached token.
     *
     * @param q the query, length \(d\); not modified
     * @return \(o\), length \(d_v\)
     * @throws NullPointerException       if {@code q} is null
     * @throws DimensionMismatchException if {@code q.length != d}
     * @throws NonFiniteValueException    if an entry of {@code q} is NaN or infinite
     * @throws IllegalStateException      if the cache is empty
     */
    public double[] attend(double[] q) {
        Objects.requireNonNull(q, "q");
        if (q.length != d) {
            throw new DimensionMismatchException("KV cache with d = " + d + ": got a query of length " + q.length);
        }
        Require.allFinite("q", q);
        if (length == 0) {
            throw new IllegalStateException("the KV cache is empty: append a key and value before attending");
        }
        double[] out = new double[dv];
        attendInto(q, 0, 1, out, 0, 1);
        return out;
    }

    /**
     * One decoding step: appends \(k_t, v_t\), then attends \(q_t\) to tokens \(1 \dots t\).
     *
     * @param q the query, length \(d\); not modified
     * @param k the key, length \(d\); copied
     * @param v the value, length \(d_v\); copied
     * @return \(o_t\), length \(d_v\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a length is wrong
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     */
    public double[] step(double[] q, double[] k, double[] v) {
        Objects.requireNonNull(q, "q");
        if (q.length != d) {
            throw new DimensionMismatchException("KV cache with d = " + d + ": got a query of length " + q.length);
        }
        Require.allFinite("q", q);
        append(k, v);
        return attend(q);
    }

    /**
     * Decodes a whole sequence token by token: for \(t = 1 \dots n\), append row \(t\) of \(K\) and
     * \(V\), then attend row \(t\) of \(Q\). The result equals causal attention.
     *
     * @param q       \(Q\), \(n \times d\); not modified; must be finite
     * @param k       \(K\), \(n \times d\); not modified; must be finite
     * @param v       \(V\), \(n \times d_v\); not modified; must be finite
     * @param scaling the score scale
     * @return a new \(n \times d_v\) matrix, row \(t\) = \(o_t\)
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0
     * @throws DimensionMismatchException if the shapes do not fit or \(Q\) and \(K\) differ in rows
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     */
    public static DenseMatrix decode(Matrix q, Matrix k, Matrix v, Scaling scaling) {
        Objects.requireNonNull(scaling, "scaling");
        AttentionChecks.validate("kv-cache", true, q, k, v, AttentionMask.causal());
        if (q.rows() != k.rows()) {
            throw new DimensionMismatchException(
                    "kv-cache decoding needs one query per token: Q has " + q.rows() + " rows, K has " + k.rows());
        }
        int n = q.rows();
        int d = q.cols();
        int dv = v.cols();
        CostCounter cost = CostCounter.current();
        cost.allocate((long) n * dv + (long) n * (d + dv + 1));
        KvCache cache = new KvCache(d, dv, scaling);
        cache.ensureCapacity(n);
        DenseMatrix qd = q.toDense();
        DenseMatrix kd = k.toDense();
        DenseMatrix vd = v.toDense();
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        for (int t = 0; t < n; t++) {
            for (int l = 0; l < d; l++) {
                cache.keys[t * d + l] = kd.get(t, l);
            }
            for (int c = 0; c < dv; c++) {
                cache.values[t * dv + c] = vd.get(t, c);
            }
            cache.length = t + 1;
            cache.attendInto(qd.data(), qd.offset() + t, qd.ld(), out.data(), t, n);
        }
        return out;
    }

    /** Attends the query {@code q[qOff + l * qInc]} and writes \(o\) to {@code out[oOff + c * oInc]}. */
    private void attendInto(double[] q, int qOff, int qInc, double[] out, int oOff, int oInc) {
        int t = length;
        DenseMatrix kt = DenseMatrix.wrap(keys, 0, d, t, d);
        DenseMatrix vt = DenseMatrix.wrap(values, 0, dv, t, dv);
        double[] qc = new double[d];
        for (int l = 0; l < d; l++) {
            qc[l] = q[qOff + l * qInc];
        }
        DenseMatrix qv = DenseMatrix.wrap(d, 1, qc);
        DenseMatrix s = DenseMatrix.wrap(scores, 0, t, 1, t);
        // s = scale * K_{1:t} q  (K^T is stored, d x t)
        Blas.gemv(Transpose.TRANSPOSE, scale, kt, qv, 0.0, s);
        double mu = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < t; j++) {
            mu = Math.max(mu, scores[j]);
        }
        double[] sum = {0.0};
        double[] shift = {mu};
        Softmax.expShiftSum(scores, 0, 1, 1, t, shift, sum);
        // o = V_{1:t}^T p / sum  (V^T is stored, d_v x t)
        double[] o = new double[dv];
        DenseMatrix ov = DenseMatrix.wrap(dv, 1, o);
        Blas.gemv(Transpose.NO_TRANSPOSE, 1.0 / sum[0], vt, s, 0.0, ov);
        for (int c = 0; c < dv; c++) {
            out[oOff + c * oInc] = o[c];
        }
        CostCounter cost = CostCounter.current();
        cost.addFlops(2L * t * (d + dv) + 4L * t + dv);
        cost.addExps(t);
    }

    private void ensureCapacity(int tokens) {
        int capacity = scores.length;
        if (tokens <= capacity) {
            return;
        }
        int grown = (int) Math.min(Integer.MAX_VALUE - 8L, Math.max((long) tokens, 2L * capacity));
        Require.sizeWithin("KV cache entries", (long) grown * Math.max(d, dv), DenseMatrix.MAX_ELEMENTS);
        keys = Arrays.copyOf(keys, grown * d);
        values = Arrays.copyOf(values, grown * dv);
        scores = Arrays.copyOf(scores, grown);
    }
}
