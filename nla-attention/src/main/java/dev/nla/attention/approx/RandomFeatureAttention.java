package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Objects;

/**
 * Random feature attention (RFA) [Peng et al. 2021]: queries and keys are unit-normalised, \(\hat x =
 * x/\|x\|\), and the Gaussian kernel is factored by random Fourier features [Rahimi and Recht 2007],
 * \[ \phi(x) = r^{-1/2}\,[\sin(W\hat x),\ \cos(W\hat x)] \in \mathbb{R}^{2r},\qquad
 *    \mathbb{E}[\phi(q)^{\mathsf T}\phi(k)] = e^{-\|\hat q - \hat k\|^2/(2\tau)} = e^{(\hat
 *    q^{\mathsf T}\hat k - 1)/\tau}, \]
 * with \(W \in \mathbb{R}^{r \times d}\), \(W_{lc} \sim \mathcal N(0, 1/\tau)\), drawn from the
 * {@code RngState} given at construction; then \(o_i = \phi(q_i)^{\mathsf T}\sum_j\phi(k_j)v_j^{\mathsf
 * T} / \phi(q_i)^{\mathsf T}\sum_j\phi(k_j)\) (prefix sums under a causal mask; RFA's optional
 * recency gate is not included). Because the features are signed, the estimated denominator can be
 * close to zero or negative for few features; this is the method's known weakness and is not
 * corrected. The score scale is not used (the temperature plays its role).
 *
 * <p><b>Primitives:</b> Gaussian matrices of {@link RandomMatrices} (counter-based), GEMM through
 * {@link Blas}, the prefix sums of the feature-map engine.
 *
 * <p><b>Cost:</b> \(2(n + m)rd\) flops for the projections, \(2(n + m)r\) sines and cosines,
 * \(4(n + m)r(d_v + 1)\) for the products; memory \(O((n + m)r)\). <b>Causal masking:</b> supported.
 */
public final class RandomFeatureAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "random-features";

    /** Registry entry (parameter: number of frequencies; randomized; causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "random feature attention: random Fourier features [sin Wx, cos Wx] of unit-normalised q, k",
            AttentionMethod.Family.KERNEL,
            true,
            true,
            "features",
            (size, state) -> new RandomFeatureAttention(RandomFeatureOptions.of(size), state));

    private final RandomFeatureOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options frequencies and temperature
     * @param state   the randomness of \(W\)
     * @throws NullPointerException if an argument is null
     */
    public RandomFeatureAttention(RandomFeatureOptions options, RngState state) {
        super(METHOD, Scaling.inverseSqrtDimension());
        this.options = Objects.requireNonNull(options, "options");
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public RandomFeatureOptions options() {
        return options;
    }

    /**
     * The frequencies for key dimension \(d\), \(W = G/\sqrt\tau\) with \(G\) standard Gaussian.
     *
     * @param d key dimension, \(\ge 1\)
     * @return a new \(r \times d\) matrix
     * @throws IllegalArgumentException if {@code d < 1}
     */
    public DenseMatrix frequencies(int d) {
        DenseMatrix w = RandomMatrices.gaussian(options.frequencies(), d, state).value();
        Blas.scal(1.0 / Math.sqrt(options.temperature()), w);
        return w;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int r = options.frequencies();
        AttentionChecks.requireAtMost(NAME, "frequencies r", r, "the number of keys m", k.rows());
        DenseMatrix w = frequencies(q.cols());
        DenseMatrix phiQ = features(q, w);
        DenseMatrix phiK = features(k, w);
        DenseMatrix out = FeatureMapAttention.compute(phiQ, phiK, v, mask, 0.0, Double.NEGATIVE_INFINITY);
        CostCounter.current().release(2L * (q.rows() + k.rows()) * r);
        return out;
    }

    /**
     * \(\phi(X)\): rows unit-normalised, projected, then sines and cosines scaled by \(r^{-1/2}\).
     *
     * @param x \(X\), \(n \times d\); not modified
     * @param w \(W\), \(r \times d\); not modified
     * @return a new \(n \times 2r\) matrix
     */
    static DenseMatrix features(DenseMatrix x, DenseMatrix w) {
        int n = x.rows();
        int d = x.cols();
        int r = w.rows();
        CostCounter cost = CostCounter.current();
        cost.allocate((long) n * d + 2L * n * r);
        DenseMatrix unit = x.copy();
        double[] norms = new double[n];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                norms[i] += x.get(i, j) * x.get(i, j);
            }
        }
        double[] u = unit.data();
        for (int i = 0; i < n; i++) {
            // a zero row stays zero (its features are [0, 1/sqrt r], the kernel at distance |k|)
            norms[i] = norms[i] > 0 ? 1.0 / Math.sqrt(norms[i]) : 0.0;
        }
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < n; i++) {
                u[i + j * n] *= norms[i];
            }
        }
        DenseMatrix out = DenseMatrix.zeros(n, 2 * r);
        DenseMatrix angles = out.columns(0, r);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, unit, w, 0.0, angles);
        double alpha = 1.0 / Math.sqrt(r);
        double[] o = out.data();
        for (int l = 0; l < r; l++) {
            for (int i = 0; i < n; i++) {
                double a = o[i + l * n];
                o[i + l * n] = alpha * Math.sin(a);
                o[i + (l + r) * n] = alpha * Math.cos(a);
            }
        }
        cost.release((long) n * d);
        cost.addFlops(3L * n * d + 2L * n * r * d + 2L * n * r);
        return out;
    }
}
