package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Objects;

/**
 * Performer FAVOR+ attention [Choromanski et al. 2021]: positive random features whose inner
 * products estimate the softmax kernel without bias, \(\mathbb{E}[\phi(q)^{\mathsf T}\phi(k)] =
 * e^{sq^{\mathsf T}k}\), and associativity.
 *
 * <p><b>Formula</b> (with the stabilising shifts of the reference implementation, lucidrains'
 * {@code performer-pytorch}, so that outputs agree with it to rounding): with \(c = \sqrt s\) (\(=
 * d^{-1/4}\) by default), \(x' = cx\), \(h(x) = \|x'\|^2/2\), \(u(x) = Wx' \in \mathbb{R}^r\),
 * \[ \phi_Q(q_i) = r^{-1/2}\bigl(e^{u(q_i) - h(q_i) - \max_l u(q_i)_l} + 10^{-4}\bigr),\qquad
 *    \phi_K(k_j) = r^{-1/2}\bigl(e^{u(k_j) - h(k_j) - \max_{j', l} u(k_{j'})_l} + 10^{-4}\bigr), \]
 * (per-query maximum for queries, one global maximum over all keys and features for keys: both shifts
 * cancel in the normalisation up to the \(10^{-4}\)); then, without a mask,
 * \[ O = \operatorname{diag}(\Phi_Q\Phi_K^{\mathsf T}\mathbf 1)^{-1}\,\Phi_Q(\Phi_K^{\mathsf T}V)
 *    \quad\text{or, causal,}\quad o_i = \frac{\phi_Q(q_i)^{\mathsf T}\sum_{j \le i}\phi_K(k_j)
 *    v_j^{\mathsf T}}{\phi_Q(q_i)^{\mathsf T}\sum_{j \le i}\phi_K(k_j) + 10^{-6}} \]
 * (with the causal key shift described below).
 * The projection \(W \in \mathbb{R}^{r \times d}\) is drawn at construction: blocks of \(d\) rows that
 * are the orthonormalised columns of a Gaussian \(d \times d\) matrix (QR of {@code nla-core}), rows
 * rescaled by the norms of independent Gaussian vectors of length \(d\) so that each row has the
 * length distribution of a Gaussian row (orthogonal random features); or i.i.d. Gaussian rows.
 * {@link #withProjection} injects a given \(W\) (for agreement with another implementation).
 *
 * <p><b>Primitives:</b> Gaussian matrices of {@link RandomMatrices} (counter-based, thread-count
 * independent), Householder QR of {@link Decompositions#qr()}, GEMM through {@link Blas}, the causal
 * prefix-sum engine shared with the other feature-map methods.
 *
 * <p><b>Cost:</b> \(2(n + m)rd\) flops for the projections, \((n + m)r\) exponentials, \(2(n + m)r(d_v
 * + 1)\) for the products (plus \(O(ncr)\) causal, \(c = 64\)); memory \(O((n + m)r)\). Linear in
 * \(n\).
 *
 * <p><b>Causal masking:</b> supported, by prefix sums, with one deliberate difference from the
 * reference: its key shift is the maximum over <em>all</em> keys, including future ones, and because
 * the \(10^{-4}\) is added after the shift the shift does not cancel, so the reference's causal output
 * at position \(i\) depends (weakly) on later keys. Here query \(i\) uses the maximum \(\mu_i\) over
 * the keys it sees, evaluated exactly by splitting \(\phi_K\) into its exponential and constant parts
 * (two prefix-sum passes, see the source); the exponential part is computed with a data-independent
 * shift \(c_0\) that cannot overflow because \(w_l^{\mathsf T}x' - \|x'\|^2/2 \le \|w_l\|^2/2\).
 * Without a mask the result is the reference formula; under a causal mask it equals the reference
 * formula for the last query and is exactly causal for all (spec test 9). Under key padding the key
 * maximum is taken over the kept keys. The bug of performer-pytorch#40 (a missing reciprocal of the
 * normaliser) is guarded by the test against the explicit masked form.
 */
public final class PerformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "performer";

    /** Stabiliser added to every feature after the shift (the reference's {@code eps}). */
    public static final double FEATURE_EPSILON = 1e-4;

    /** Stabiliser added to the causal denominators (the reference's causal {@code eps}). */
    public static final double CAUSAL_EPSILON = 1e-6;

    /** Registry entry (parameter: number of features; randomized; causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "Performer FAVOR+: positive orthogonal random features, O = D^-1 phi(Q) (phi(K)^T V)",
            AttentionMethod.Family.KERNEL,
            true,
            true,
            "features",
            (size, state) -> new PerformerAttention(PerformerOptions.of(size), state));

    private final PerformerOptions options;
    private final RngState state;
    private final DenseMatrix projection;

    /**
     * Creates the method; the projection is drawn from {@code state} when the key dimension is known
     * (at the first call with a given \(d\); the same state gives the same \(W\)).
     *
     * @param options features, orthogonality, scaling
     * @param state   the randomness of the projection
     * @throws NullPointerException if an argument is null
     */
    public PerformerAttention(PerformerOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
        this.projection = null;
    }

    private PerformerAttention(DenseMatrix projection, Scaling scaling) {
        super(METHOD, scaling);
        this.options = new PerformerOptions(projection.rows(), false, scaling);
        this.state = null;
        this.projection = projection;
    }

    /**
     * The method with a given projection \(W \in \mathbb{R}^{r \times d}\) (one random feature per
     * row, as in the reference implementation), e.g. to reproduce another implementation's output.
     *
     * @param w       \(W\), \(r \times d\); copied; must be finite
     * @param scaling the score scale
     * @return the method; its inputs must have \(d\) columns
     * @throws NullPointerException    if an argument is null
     * @throws IllegalArgumentException if \(W\) has a non-finite entry
     */
    public static PerformerAttention withProjection(Matrix w, Scaling scaling) {
        Objects.requireNonNull(w, "w");
        Objects.requireNonNull(scaling, "scaling");
        Require.allFinite("W", w);
        return new PerformerAttention(w.toDense().copy(), scaling);
    }

    /**
     * The options.
     *
     * @return the options
     */
    public PerformerOptions options() {
        return options;
    }

    /**
     * The projection used for key dimension \(d\): the injected one, or the one drawn from the state.
     *
     * @param d the key dimension, \(\ge 1\)
     * @return a new \(r \times d\) matrix
     * @throws IllegalArgumentException   if {@code d < 1}
     * @throws DimensionMismatchException if a projection was injected with another \(d\)
     */
    public DenseMatrix projection(int d) {
        return projectionFor(d).copy();
    }

    /**
     * Draws the projection of a method: orthogonal blocks (or i.i.d. rows), row norms of Gaussian
     * vectors.
     *
     * @param features   \(r \ge 1\)
     * @param d          \(d \ge 1\)
     * @param orthogonal ORF or i.i.d.
     * @param state      the randomness; not modified
     * @return a new \(r \times d\) matrix
     * @throws IllegalArgumentException if a size is below 1
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix drawProjection(int features, int d, boolean orthogonal, RngState state) {
        Require.positive("features", features);
        Require.positive("d", d);
        Objects.requireNonNull(state, "state");
        if (!orthogonal) {
            return RandomMatrices.gaussian(features, d, state).value();
        }
        int blocks = (features + d - 1) / d;
        DenseMatrix w = DenseMatrix.zeros(features, d);
        for (int b = 0; b < blocks; b++) {
            DenseMatrix g = RandomMatrices.gaussian(d, d, state.split(b)).value();
            DenseMatrix q = Decompositions.qr().decompose(g, QrMode.THIN).q();
            int rows = Math.min(d, features - b * d);
            for (int i = 0; i < rows; i++) {
                for (int c = 0; c < d; c++) {
                    w.set(b * d + i, c, q.get(c, i)); // row i of the block = column i of Q
                }
            }
        }
        DenseMatrix lengths =
                RandomMatrices.gaussian(features, d, state.split(blocks)).value();
        for (int i = 0; i < features; i++) {
            double norm = 0.0;
            for (int c = 0; c < d; c++) {
                norm += lengths.get(i, c) * lengths.get(i, c);
            }
            norm = Math.sqrt(norm);
            for (int c = 0; c < d; c++) {
                w.set(i, c, w.get(i, c) * norm);
            }
        }
        return w;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int r = options.features();
        AttentionChecks.requireAtMost(NAME, "features r", r, "the number of keys m", k.rows());
        if (mask.isCausal()) {
            return causal(q, k, v, mask, scale);
        }
        DenseMatrix[] phi = features(q, k, scale, mask);
        DenseMatrix out = FeatureMapAttention.compute(phi[0], phi[1], v, mask, 0.0, Double.NEGATIVE_INFINITY);
        CostCounter.current().release((long) (q.rows() + k.rows()) * r);
        return out;
    }

    /**
     * The causal path. With \(E_{jl} = e^{u(k_j)_l - h(k_j) - c_0}\) (\(c_0\) a data-independent
     * guard, see the class comment) and \(\mu_i\) the largest \(u(k_j)_l\) over the keys visible to
     * query \(i\), \(\phi_K(k_j) = r^{-1/2}(e^{c_0 - \mu_i}E_j + 10^{-4}\mathbf 1)\), so
     * \[ \phi_Q(q_i)^{\mathsf T}\sum_{j \in J(i)}\phi_K(k_j)[v_j^{\mathsf T}\ 1] = r^{-1/2}\Bigl(
     *    e^{c_0 - \mu_i}\,\phi_Q(q_i)^{\mathsf T}\sum_{j \in J(i)}E_j[v_j^{\mathsf T}\ 1] +
     *    10^{-4}\,(\phi_Q(q_i)^{\mathsf T}\mathbf 1)\sum_{j \in J(i)}[v_j^{\mathsf T}\ 1]\Bigr): \]
     * two prefix-sum passes of the feature-map engine, one with \(E\), one with constant features.
     */
    private DenseMatrix causal(DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        CostCounter cost = CostCounter.current();
        DenseMatrix w = projectionFor(q.cols());
        double c = Math.sqrt(scale);
        int n = q.rows();
        int m = k.rows();
        int r = w.rows();
        int dv = v.cols();
        double alpha = 1.0 / Math.sqrt(r);
        DenseMatrix phiQ = queryFeatures(q, w, c, alpha);
        DenseMatrix e = project(k, w, c);
        double[] ed = e.data();
        // prefix maxima of u over the kept keys, then E = exp(u - h - c0)
        double[] keyMax = new double[m];
        java.util.Arrays.fill(keyMax, Double.NEGATIVE_INFINITY);
        Softmax.rowMax(ed, 0, m, m, r, keyMax);
        double[] prefixMax = new double[m + 1];
        prefixMax[0] = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < m; j++) {
            prefixMax[j + 1] = mask.keeps(j) ? Math.max(prefixMax[j], keyMax[j]) : prefixMax[j];
        }
        double guard = overflowGuard(w, c);
        double[] h = halfSquaredNorms(k, c);
        for (int j = 0; j < m; j++) {
            h[j] += guard;
        }
        shiftExpOnly(e, h);
        cost.allocate((long) n + m);
        DenseMatrix onesQ = DenseMatrix.zeros(n, 1);
        onesQ.fill(1.0);
        DenseMatrix onesK = DenseMatrix.zeros(m, 1);
        onesK.fill(1.0);
        DenseMatrix main = FeatureMapAttention.numerators(phiQ, e, v, mask);
        DenseMatrix plain = FeatureMapAttention.numerators(onesQ, onesK, v, mask);
        cost.allocate((long) n * dv);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        for (int i = 0; i < n; i++) {
            double mu = prefixMax[mask.keyEnd(i, n, m)];
            double a = alpha * Math.exp(guard - mu);
            double sumQ = 0.0;
            for (int l = 0; l < r; l++) {
                sumQ += phiQ.get(i, l);
            }
            double b = alpha * FEATURE_EPSILON * sumQ;
            double den = a * main.get(i, dv) + b * plain.get(i, dv) + CAUSAL_EPSILON;
            for (int col = 0; col < dv; col++) {
                out.set(i, col, (a * main.get(i, col) + b * plain.get(i, col)) / den);
            }
        }
        cost.addFlops((long) m * r + (long) n * (r + 4L * dv + 6));
        cost.addExps(n);
        cost.release(2L * n * (dv + 1) + n + m + (long) (n + m) * r);
        return out;
    }

    /**
     * A data-independent shift \(c_0 \ge 0\) that keeps \(e^{u - h - c_0}\) finite: \(u_l - h =
     * w_l^{\mathsf T}x' - \|x'\|^2/2 \le \|w_l\|^2/2\) for every \(x'\), so \(c_0 = \max(0,
     * \max_l\|w_l\|^2/2 - 700)\) bounds every exponent by 700 (it is 0 unless \(d\) is in the
     * thousands).
     */
    private static double overflowGuard(DenseMatrix w, double c) {
        double max = 0.0;
        for (int l = 0; l < w.rows(); l++) {
            double norm = 0.0;
            for (int t = 0; t < w.cols(); t++) {
                norm += w.get(l, t) * w.get(l, t);
            }
            max = Math.max(max, norm / 2);
        }
        return Math.max(0.0, max - 700.0);
    }

    /**
     * The feature matrices \(\Phi_Q\) (\(n \times r\)) and \(\Phi_K\) (\(m \times r\)) of the
     * non-causal path, with the shifts described in the class comment (the key maximum is taken over the
     * keys the mask keeps, i.e. over all keys without padding).
     *
     * @param q     \(Q\), \(n \times d\); not modified
     * @param k     \(K\), \(m \times d\); not modified
     * @param scale \(s\)
     * @param mask  the (non-causal) mask
     * @return {@code {phiQ, phiK}}, new matrices
     */
    DenseMatrix[] features(DenseMatrix q, DenseMatrix k, double scale, AttentionMask mask) {
        DenseMatrix w = projectionFor(q.cols());
        double c = Math.sqrt(scale);
        int r = w.rows();
        double alpha = 1.0 / Math.sqrt(r);
        DenseMatrix phiQ = queryFeatures(q, w, c, alpha);
        DenseMatrix phiK = project(k, w, c);
        int m = k.rows();
        double global = Double.NEGATIVE_INFINITY;
        double[] kd = phiK.data();
        for (int l = 0; l < r; l++) {
            for (int j = 0; j < m; j++) {
                if (mask.keeps(j)) {
                    global = Math.max(global, kd[j + l * m]);
                }
            }
        }
        double[] shift = new double[m];
        java.util.Arrays.fill(shift, global);
        shiftExp(phiK, halfSquaredNorms(k, c), shift, alpha);
        return new DenseMatrix[] {phiQ, phiK};
    }

    /** \(\Phi_Q\) with the per-query maximum. */
    private static DenseMatrix queryFeatures(DenseMatrix q, DenseMatrix w, double c, double alpha) {
        DenseMatrix phiQ = project(q, w, c);
        int n = q.rows();
        double[] rowMax = new double[n];
        java.util.Arrays.fill(rowMax, Double.NEGATIVE_INFINITY);
        Softmax.rowMax(phiQ.data(), 0, n, n, w.rows(), rowMax);
        shiftExp(phiQ, halfSquaredNorms(q, c), rowMax, alpha);
        return phiQ;
    }

    private DenseMatrix projectionFor(int d) {
        if (projection != null) {
            if (projection.cols() != d) {
                throw new DimensionMismatchException(NAME + ": the injected projection is " + projection.rows() + "x"
                        + projection.cols() + " but the inputs have d = " + d);
            }
            return projection;
        }
        return drawProjection(options.features(), d, options.orthogonal(), state);
    }

    /** \(U = cXW^{\mathsf T}\). */
    private static DenseMatrix project(DenseMatrix x, DenseMatrix w, double c) {
        CostCounter cost = CostCounter.current();
        cost.allocate((long) x.rows() * w.rows());
        DenseMatrix u = DenseMatrix.zeros(x.rows(), w.rows());
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, c, x, w, 0.0, u);
        cost.addFlops(2L * x.rows() * w.rows() * w.cols());
        return u;
    }

    /** \(h_i = c^2\|x_i\|^2/2\). */
    private static double[] halfSquaredNorms(DenseMatrix x, double c) {
        int n = x.rows();
        double[] h = new double[n];
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < n; i++) {
                double y = c * x.get(i, j);
                h[i] += y * y;
            }
        }
        for (int i = 0; i < n; i++) {
            h[i] *= 0.5;
        }
        CostCounter.current().addFlops(3L * n * x.cols());
        return h;
    }

    /** \(U_{ij} \leftarrow e^{U_{ij} - h_i}\). */
    private static void shiftExpOnly(DenseMatrix u, double[] h) {
        int rows = u.rows();
        int cols = u.cols();
        double[] a = u.data();
        for (int j = 0; j < cols; j++) {
            int col = j * rows;
            for (int i = 0; i < rows; i++) {
                a[col + i] -= h[i];
            }
        }
        Softmax.exp(a, 0, rows * cols);
        CostCounter cost = CostCounter.current();
        cost.addFlops((long) rows * cols);
        cost.addExps((long) rows * cols);
    }

    /** \(U_{ij} \leftarrow \alpha(e^{U_{ij} - h_i - \mu_i} + 10^{-4})\). */
    private static void shiftExp(DenseMatrix u, double[] h, double[] shift, double alpha) {
        int rows = u.rows();
        int cols = u.cols();
        double[] a = u.data();
        for (int j = 0; j < cols; j++) {
            int col = j * rows;
            for (int i = 0; i < rows; i++) {
                a[col + i] = a[col + i] - h[i] - shift[i];
            }
        }
        Softmax.exp(a, 0, rows * cols);
        for (int i = 0; i < rows * cols; i++) {
            a[i] = alpha * (a[i] + FEATURE_EPSILON);
        }
        CostCounter cost = CostCounter.current();
        cost.addFlops(5L * rows * cols);
        cost.addExps((long) rows * cols);
    }
}
