package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.PseudoInverse;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Nyströmformer attention [Xiong et al. 2021]: a CUR-like skeleton of the softmax matrix built from
 * segment-mean landmarks.
 *
 * <p><b>Formula.</b> Cut the \(n\) queries and the \(m\) keys into \(r\) contiguous segments each
 * (sizes \(\lfloor n/r\rfloor\) or \(\lceil n/r\rceil\): segment \(t\) is rows \([\lfloor tn/r\rfloor,
 * \lfloor (t+1)n/r\rfloor)\), the reference's equal segments when \(r\) divides \(n\)) and let
 * \(\tilde Q, \tilde K \in \mathbb{R}^{r \times d}\) be the segment means. With the row softmax
 * \(\sigma\),
 * \[ F = \sigma(sQ\tilde K^{\mathsf T})\ (n \times r),\quad \tilde A = \sigma(s\tilde Q\tilde
 *    K^{\mathsf T})\ (r \times r),\quad B = \sigma(s\tilde QK^{\mathsf T})\ (r \times m),\qquad O
 *    \approx F\,\tilde A^+\,(BV). \]
 * \(\tilde A^+\) is selectable ({@link NystromformerOptions.Inverse}): the reference's 6 steps of
 * \(Z \leftarrow \tfrac14 Z(13I - \tilde AZ(15I - \tilde AZ(7I - \tilde AZ)))\) from \(Z_0 = \tilde
 * A^{\mathsf T}/(\|\tilde A\|_1\|\tilde A\|_\infty)\) (per-matrix norms: each head is normalised on
 * its own, the fix of mlpen/Nystromformer#3; for a row-stochastic \(\tilde A\) this is the reference's
 * \(1/\max_j\sum_i\tilde A_{ij}\)), an SVD pseudo-inverse with a relative cut-off, or the exact SVD
 * pseudo-inverse. With the iterative inverse and no mask, the result equals the reference
 * implementation (mlpen/Nystromformer, {@code NystromAttention} without convolution) to rounding; the
 * product is associated as \(F(Z(BV))\), which costs less than the reference's \((FZ)(BV)\).
 *
 * <p><b>Primitives:</b> GEMM through {@link Blas}, the vectorised row softmax of the exact methods,
 * {@link PseudoInverse} (SVD with an explicit cut-off) of {@code nla-core}; the truncated iteration is
 * the method's own (see {@code LowRankSupport.iterativePseudoInverse}).
 *
 * <p><b>Cost:</b> \(2(n + m)rd + 2r^2d + 2mrd_v + 2r^2d_v + 2nrd_v\) flops, \((n + m)r + r^2\)
 * exponentials, plus \(48r^3\) for 6 iterations (or one \(r \times r\) SVD): linear in \(n\). Memory:
 * \(F\) and \(B\), \(O((n + m)r)\). With \(r = n = m\) and the exact inverse, \(F\tilde A^+B = AA^+A
 * = A\): the method reproduces exact attention (spec test 5).
 *
 * <p><b>Causal masking:</b> not supported (segment means mix future tokens into every landmark, the
 * lesson of xformers #104/#107 and mlpen/Nystromformer#7): a causal mask is refused with {@code
 * UnsupportedMaskException}. Key padding drops the masked keys before the landmarks are formed.
 */
public final class NystromformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "nystromformer";

    /** Registry entry (parameter: landmarks; deterministic; not causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "Nystromformer: segment-mean landmarks, O = softmax(Q Kt^T) pinv(softmax(Qt Kt^T)) softmax(Qt K^T) V",
            AttentionMethod.Family.LOW_RANK,
            false,
            false,
            "landmarks",
            (size, state) -> new NystromformerAttention(NystromformerOptions.of(size)));

    private final NystromformerOptions options;

    /**
     * Creates the method.
     *
     * @param options landmarks, pseudo-inverse, scaling
     * @throws NullPointerException if {@code options} is null
     */
    public NystromformerAttention(NystromformerOptions options) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public NystromformerOptions options() {
        return options;
    }

    /**
     * Several heads at once: head \(h\) uses columns \([hd, (h+1)d)\) of \(Q\) and \(K\) and \([hd_v,
     * (h+1)d_v)\) of \(V\) and writes the same columns of the output. Each head is computed exactly as
     * {@link #compute} would compute it alone (bit for bit: every normalisation, including \(Z_0\) of
     * the iterative inverse, is per head; spec test 22).
     *
     * @param q     \(n \times hd\); not modified; finite
     * @param k     \(m \times hd\); not modified; finite
     * @param v     \(m \times hd_v\); not modified; finite
     * @param heads \(h \ge 1\), dividing the column counts
     * @return a new \(n \times hd_v\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if {@code heads < 1} or does not divide the column counts
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     */
    public DenseMatrix computeHeads(Matrix q, Matrix k, Matrix v, int heads) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        Require.positive("heads", heads);
        if (q.cols() % heads != 0 || v.cols() % heads != 0 || k.cols() != q.cols()) {
            throw new IllegalArgumentException(NAME + ": " + heads + " heads must divide the columns of Q (" + q.cols()
                    + "), K (" + k.cols() + ") and V (" + v.cols() + "), with Q and K alike");
        }
        int d = q.cols() / heads;
        int dv = v.cols() / heads;
        DenseMatrix qd = q.toDense();
        DenseMatrix kd = k.toDense();
        DenseMatrix vd = v.toDense();
        DenseMatrix out = DenseMatrix.zeros(q.rows(), v.cols());
        for (int h = 0; h < heads; h++) {
            out.columns(h * dv, dv)
                    .copyFrom(compute(qd.columns(h * d, d), kd.columns(h * d, d), vd.columns(h * dv, dv)));
        }
        return out;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        DenseMatrix keys = LowRankSupport.keptRows(k, mask);
        DenseMatrix values = LowRankSupport.keptRows(v, mask);
        int n = q.rows();
        int m = keys.rows();
        int d = q.cols();
        int dv = v.cols();
        int r = options.landmarks();
        if (r > Math.min(n, m)) {
            throw new IllegalArgumentException(NAME + ": landmarks r = " + r + " exceed min(n, m) = " + Math.min(n, m)
                    + " (n = " + n + " queries, m = " + m + " unmasked keys)");
        }
        CostCounter cost = CostCounter.current();
        DenseMatrix qt = LowRankSupport.segmentMeans(q, r);
        DenseMatrix kt = LowRankSupport.segmentMeans(keys, r);
        cost.allocate((long) n * r + (long) r * r + (long) r * m);
        DenseMatrix f = DenseMatrix.zeros(n, r);
        DenseMatrix a = DenseMatrix.zeros(r, r);
        DenseMatrix b = DenseMatrix.zeros(r, m);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, q, kt, 0.0, f);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, qt, kt, 0.0, a);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, qt, keys, 0.0, b);
        cost.addFlops(2L * d * ((long) n * r + (long) r * r + (long) r * m));
        LowRankSupport.softmaxRows(f);
        LowRankSupport.softmaxRows(a);
        LowRankSupport.softmaxRows(b);
        DenseMatrix z = pseudoInverse(a);
        cost.allocate(2L * r * dv + (long) n * dv);
        DenseMatrix bv = DenseMatrix.zeros(r, dv);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, b, values, 0.0, bv);
        DenseMatrix zbv = DenseMatrix.zeros(r, dv);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, z, bv, 0.0, zbv);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, f, zbv, 0.0, out);
        cost.addFlops(2L * dv * ((long) r * m + (long) r * r + (long) n * r));
        cost.release((long) n * r + 2L * r * r + (long) r * m + 2L * r * dv + 2L * r * d);
        if (keys != k) {
            cost.release((long) m * (d + dv));
        }
        return out;
    }

    /**
     * \(\tilde A^+\) by the selected method.
     *
     * @param a \(\tilde A\), \(r \times r\); not modified
     * @return a new \(r \times r\) matrix
     */
    DenseMatrix pseudoInverse(DenseMatrix a) {
        int r = a.rows();
        CostCounter cost = CostCounter.current();
        switch (options.inverse()) {
            case NEWTON_SCHULZ:
                double[] norms = LowRankSupport.norms1Inf(a);
                cost.addFlops(2L * r * r);
                return LowRankSupport.iterativePseudoInverse(a, 1.0 / (norms[0] * norms[1]), options.iterations());
            case RCOND:
                cost.allocate((long) r * r);
                cost.addFlops(24L * r * r * r);
                return PseudoInverse.withDefaults().compute(a, options.rcond());
            case SVD:
                cost.allocate((long) r * r);
                cost.addFlops(24L * r * r * r);
                return PseudoInverse.withDefaults().compute(a);
            default:
                throw new IllegalStateException("unknown inverse " + options.inverse());
        }
    }
}
