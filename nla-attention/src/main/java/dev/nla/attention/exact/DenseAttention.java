package dev.nla.attention.exact;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionShape;
import dev.nla.attention.FloatAttention;
import dev.nla.attention.FloatMatrix;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.BlockedSoftmax;
import dev.nla.attention.internal.FloatBlockedSoftmax;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Arrays;
import java.util.Objects;

/**
 * Exact softmax attention, \(O = \operatorname{softmax}_{\text{row}}(sQK^{\mathsf T} + M)\,V\) with
 * the row maximum subtracted before exponentiation [Vaswani et al. 2017]:
 * \[ \mu_i = \max_j S_{ij},\qquad P_{ij} = e^{S_{ij} - \mu_i},\qquad o_i = \frac{\sum_j P_{ij}
 *    v_j}{\sum_j P_{ij}}, \]
 * so no exponential overflows, whatever the scale of the scores (the largest term is \(e^0 = 1\)).
 *
 * <p>Each block of \(b_q\) query rows forms its \(b_q \times m\) score tile \(S = sQ_IK^{\mathsf T}\)
 * with one GEMM, applies the mask, takes row maxima, exponentiates with row sums, multiplies \(PV\)
 * with a second GEMM and divides by the sums. Blocks run in parallel on the active backend's threads
 * (deterministically: the result does not depend on the thread count). Under a causal mask a block
 * stops at its last visible key, halving the work. Memory: the output plus one \(b_q \times m\) tile
 * per thread; the full \(n \times m\) matrix is formed only by {@link #attentionMatrix}, for analysis.
 *
 * <p>Cost: \(2nm(d + d_v)\) flops for the two products and \(nm\) exponentials (about half of each
 * under a causal mask with \(n = m\)), reported to {@link CostCounter}.
 */
public final class DenseAttention extends AbstractAttention implements FloatAttention {
    /** Registry name. */
    public static final String NAME = "exact";

    /** Registry entry (no size parameter; deterministic; causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "exact softmax attention, softmax(s Q K^T + M) V with the row maximum subtracted",
            AttentionMethod.Family.EXACT,
            true,
            false,
            AttentionMethod.NO_PARAMETER,
            (size, state) -> withDefaults());

    private final DenseAttentionOptions options;

    /**
     * Creates the method.
     *
     * @param options block size and scaling
     * @throws NullPointerException if {@code options} is null
     */
    public DenseAttention(DenseAttentionOptions options) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
    }

    /**
     * The method with {@link DenseAttentionOptions#defaults()}.
     *
     * @return the method
     */
    public static DenseAttention withDefaults() {
        return new DenseAttention(DenseAttentionOptions.defaults());
    }

    /**
     * The method with the default block size and the given scaling.
     *
     * @param scaling the score scale
     * @return the method
     * @throws NullPointerException if {@code scaling} is null
     */
    public static DenseAttention withScaling(Scaling scaling) {
        return new DenseAttention(DenseAttentionOptions.defaults().withScaling(scaling));
    }

    /**
     * The options.
     *
     * @return the options
     */
    public DenseAttentionOptions options() {
        return options;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        return BlockedSoftmax.compute(q, k, v, mask, scale, options.queryBlock(), Integer.MAX_VALUE);
    }

    /**
     * The float32 path: every value and operation in single precision (the exponential is evaluated
     * in double and rounded once); see {@link FloatAttention}.
     *
     * @param q    \(Q\), \(n \times d\); not modified; must be finite
     * @param k    \(K\), \(m \times d\); not modified; must be finite
     * @param v    \(V\), \(m \times d_v\); not modified; must be finite
     * @param mask the mask
     * @return a new \(n \times d_v\) float matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     */
    @Override
    public FloatMatrix computeFloat(FloatMatrix q, FloatMatrix k, FloatMatrix v, AttentionMask mask) {
        AttentionShape shape = AttentionChecks.validate(NAME, true, q, k, v, mask);
        return FloatBlockedSoftmax.compute(
                q, k, v, mask, (float) scaling().factor(shape.d()), options.queryBlock(), Integer.MAX_VALUE);
    }

    /**
     * The attention matrix \(A = \operatorname{softmax}_{\text{row}}(sQK^{\mathsf T} + M)\) itself,
     * \(n \times m\), row-stochastic (masked entries exactly 0). For analysis (spectra, oracle
     * errors); attention outputs never need it.
     *
     * @param q       \(Q\), \(n \times d\); not modified; must be finite
     * @param k       \(K\), \(m \times d\); not modified; must be finite
     * @param mask    the mask
     * @param scaling the score scale
     * @return a new \(n \times m\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if \(Q\) and \(K\) differ in columns or the padding mask
     *     does not have \(m\) flags
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     * @throws SizeLimitExceededException if \(nm\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static DenseMatrix attentionMatrix(Matrix q, Matrix k, AttentionMask mask, Scaling scaling) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(scaling, "scaling");
        AttentionShape shape =
                AttentionChecks.shape(NAME, true, q.rows(), q.cols(), k.rows(), k.cols(), k.rows(), 1, mask);
        int n = shape.n();
        int m = shape.m();
        Require.sizeWithin("attention matrix entries (n*m)", (long) n * m, DenseMatrix.MAX_ELEMENTS);
        Require.allFinite("Q", q);
        Require.allFinite("K", k);
        CostCounter cost = CostCounter.current();
        cost.allocate((long) n * m);
        DenseMatrix a = DenseMatrix.zeros(n, m);
        double scale = scaling.factor(shape.d());
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, scale, q, k, 0.0, a);
        double[] t = a.data();
        int offset = m - n;
        for (int j = 0; j < m; j++) {
            int col = j * n;
            if (!mask.keeps(j)) {
                Arrays.fill(t, col, col + n, Double.NEGATIVE_INFINITY);
            } else if (mask.isCausal() && j > offset) {
                Arrays.fill(t, col, col + Math.min(n, j - offset), Double.NEGATIVE_INFINITY);
            }
        }
        int rowBlock = 64;
        double[] max = new double[rowBlock];
        double[] sum = new double[rowBlock];
        for (int i0 = 0; i0 < n; i0 += rowBlock) {
            int rows = Math.min(rowBlock, n - i0);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0.0);
            Softmax.rowMax(t, i0, n, rows, m, max);
            Softmax.expShiftSum(t, i0, n, rows, m, max, sum);
            for (int r = 0; r < rows; r++) {
                sum[r] = 1.0 / sum[r];
            }
            Softmax.scaleRows(t, i0, n, rows, m, sum);
        }
        cost.addFlops((long) n * m * (2L * shape.d() + 5L));
        cost.addExps((long) n * m);
        return a;
    }
}
