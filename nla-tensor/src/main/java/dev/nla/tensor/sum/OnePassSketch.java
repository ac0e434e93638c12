package dev.nla.tensor.sum;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tenalg.Mttkrp;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A streaming (one-pass) sketch of a sum of Tucker tensors (algorithm B4, after [Sun et al. 2020]):
 * summands are {@link #add added} one at a time and not kept; {@link #finish} recovers a Tucker
 * approximation from the sketches alone.
 *
 * <p><b>Sketches</b> (linear in the summands): factor sketches \(Y_k = X_{(k)}(\bigodot_{l \ne
 * k}\Omega_l)\) with Gaussian \(\Omega_l \in \mathbb{R}^{n_l \times \ell}\) (Khatri–Rao, as in B3),
 * and a core sketch \(\mathcal Z = \mathcal X \times_1 \Phi_1 \cdots \times_d \Phi_d\), i.e.
 * \(\operatorname{vec}\mathcal Z = (\Phi_d \otimes \cdots \otimes \Phi_1)\operatorname{vec}\mathcal
 * X\), with Gaussian \(\Phi_k \in \mathbb{R}^{m_k \times n_k}\) (\(\Phi_k = I\) when \(m_k = n_k\));
 * for a summand, \(\mathcal Z \mathrel{+}= \alpha\,\mathcal G \times_k (\Phi_kU^{(k)})\) (the Kronecker
 * structure used on the small core). Memory \(\ell\sum_k n_k + \prod_k m_k\); per summand
 * \(O(\sum_k n_k r_k(\ell + m_k) + \ell\prod r + \sum_k \prod m \cdot r)\) flops.
 *
 * <p><b>Recovery</b>: \(Q_k = \operatorname{orth}(Y_k)\) (\(Q_k = I\) if \(\ell \ge n_k\)), \(\mathcal W
 * = \mathcal Z \times_1 (\Phi_1Q_1)^{\dagger} \cdots \times_d (\Phi_dQ_d)^{\dagger}\) (least squares
 * with the \(m_k \times \ell\) matrices, full column rank with probability 1), \(\hat{\mathcal X} =
 * [\![\mathcal W; Q_1, \dots, Q_d]\!]\), then an ST-HOSVD of \(\mathcal W\) to the target ranks.
 * Less accurate than B3, which projects the summands exactly; use it when the summands cannot be
 * kept (accumulated RK stages, streamed terms).
 *
 * <p>Not thread-safe (it accumulates); one sketch per sum.
 */
public final class OnePassSketch {
    private final int[] modeSizes;
    private final int[] ranks;
    private final int ell;
    private final List<DenseMatrix> omega;
    private final List<DenseMatrix> phi;
    private final List<DenseMatrix> y;
    private final DenseTensor z;
    private final RngState next;
    private final double tolerance;
    private int count;
    private long sketchNanos;

    private OnePassSketch(int[] modeSizes, int[] ranks, double tolerance, SummationOptions options, RngState state) {
        int d = modeSizes.length;
        this.tolerance = tolerance;
        this.modeSizes = modeSizes.clone();
        this.ranks = ranks.clone();
        this.ell = Arrays.stream(ranks).max().orElseThrow() + options.oversampling();
        this.omega = new ArrayList<>(d);
        this.phi = new ArrayList<>(d);
        this.y = new ArrayList<>(d);
        int[] m = new int[d];
        for (int k = 0; k < d; k++) {
            int n = modeSizes[k];
            omega.add(Support.gaussian(n, ell, 0, Support.stream(state, k)));
            m[k] = (int) Math.min(n, (long) Math.ceil(options.coreSketchRatio() * ell) + 1);
            phi.add(m[k] == n ? null : Support.gaussian(m[k], n, 0, Support.stream(state, d + k)));
            y.add(DenseMatrix.zeros(n, ell));
        }
        this.z = DenseTensor.zeros(m);
        this.next = Support.next(state);
    }

    /**
     * An empty sketch for sums of the given shape and target ranks.
     *
     * @param modeSizes \(n_1, \dots, n_d\), each \(\ge 1\); copied
     * @param truncation target ranks \(t_k \le n_k\) (required); its tolerance, if any, is used by
     *     {@link #finish}
     * @param options   oversampling \(p\) (\(\ell = \max_k t_k + p\)) and the core-sketch ratio
     *     \(\rho\) (\(m_k = \min(n_k, \lceil\rho\ell\rceil + 1)\))
     * @param state     the random state; not modified
     * @return the sketch
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a mode size is below 1, the truncation has no ranks or a
     *     rank exceeds its mode size
     * @throws DimensionMismatchException if per-mode ranks have the wrong length
     * @throws dev.nla.core.error.SizeLimitExceededException if the core sketch \(\prod_k m_k\) is too
     *     large for a dense tensor
     */
    public static OnePassSketch create(
            int[] modeSizes, Truncation truncation, SummationOptions options, RngState state) {
        Objects.requireNonNull(modeSizes, "modeSizes");
        Objects.requireNonNull(truncation, "truncation");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(state, "state");
        DenseTensor.elementCount(modeSizes);
        int[] t = truncation.ranksFor(modeSizes);
        if (t == null) {
            throw new IllegalArgumentException(
                    "ONE_PASS is a fixed-rank strategy and needs target ranks; got " + truncation);
        }
        return new OnePassSketch(modeSizes, t, truncation.tolerance(), options, state);
    }

    /**
     * Adds \(\alpha\mathcal X\) to the sketches; the summand is not kept.
     *
     * @param alpha finite scalar (0 is skipped)
     * @param x     a Tucker tensor with this sketch's mode sizes and ranks \(r_k \le n_k\); not
     *     modified; must be finite
     * @throws NullPointerException       if {@code x} is null
     * @throws NonFiniteValueException    if {@code alpha} or an entry of {@code x} is not finite
     * @throws DimensionMismatchException if the mode sizes differ
     * @throws IllegalArgumentException   if a rank of {@code x} exceeds its mode size
     */
    public void add(double alpha, TuckerTensor x) {
        Objects.requireNonNull(x, "x");
        Require.finite("alpha", alpha);
        if (!Arrays.equals(x.modeSizes(), modeSizes)) {
            throw new DimensionMismatchException("mismatched mode sizes: the summand has "
                    + Arrays.toString(x.modeSizes()) + ", the sketch " + Arrays.toString(modeSizes));
        }
        for (int k = 0; k < modeSizes.length; k++) {
            if (x.rank(k) > modeSizes[k]) {
                throw new IllegalArgumentException("summand rank r_" + (k + 1) + " = " + x.rank(k)
                        + " is larger than the mode size n_" + (k + 1) + " = " + modeSizes[k]);
            }
        }
        x.requireFinite("summand " + count);
        accumulate(alpha, x);
    }

    /** {@link #add} without the checks (the caller validated the summand). */
    void accumulate(double alpha, TuckerTensor x) {
        count++;
        if (alpha == 0) {
            return;
        }
        long start = System.nanoTime();
        int d = modeSizes.length;
        List<DenseMatrix> w = new ArrayList<>(d);
        List<DenseMatrix> pu = new ArrayList<>(d);
        for (int l = 0; l < d; l++) {
            DenseMatrix u = x.factor(l);
            w.add(Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, u, omega.get(l)));
            pu.add(phi.get(l) == null ? u : Blas.multiply(phi.get(l), u));
        }
        List<DenseMatrix> m = Mttkrp.mttkrpAll(x.core(), w);
        for (int k = 0; k < d; k++) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, x.factor(k), m.get(k), 1.0, y.get(k));
        }
        ModeProducts.multiplyAll(alpha, x.core(), Transpose.NO_TRANSPOSE, pu, 1.0, z);
        sketchNanos += System.nanoTime() - start;
    }

    /**
     * The number of summands added so far.
     *
     * @return the count
     */
    public int count() {
        return count;
    }

    /**
     * The sketch size \(\ell\) of the factor sketches.
     *
     * @return \(\ell\)
     */
    public int sketchSize() {
        return ell;
    }

    /**
     * The core-sketch sizes \(m_k\).
     *
     * @return a new array
     */
    public int[] coreSketchSizes() {
        return z.shape();
    }

    /**
     * Recovers the rounded sum from the sketches. The sketch stays usable (more summands may be
     * added and {@code finish} called again).
     *
     * @return the approximation truncated to the target ranks (and tolerance), diagnostics, and the
     *     state for the next call
     * @throws IllegalStateException if no summand was added
     */
    public SummationResult finish() {
        if (count == 0) {
            throw new IllegalStateException("the one-pass sketch is empty: add at least one summand (s = 0)");
        }
        Support.Phases phases = new Support.Phases();
        int d = modeSizes.length;
        List<DenseMatrix> q = new ArrayList<>(d);
        List<DenseMatrix> pinv = new ArrayList<>(d);
        for (int k = 0; k < d; k++) {
            DenseMatrix qk = ell >= modeSizes[k] ? DenseMatrix.identity(modeSizes[k]) : Support.orth(y.get(k));
            q.add(qk);
            DenseMatrix pq = phi.get(k) == null ? qk : Blas.multiply(phi.get(k), qk);
            DenseMatrix eye = DenseMatrix.identity(pq.rows());
            pinv.add(Decompositions.leastSquares().solve(pq, eye).solution());
        }
        phases.end("orthonormalize");
        DenseTensor w = ModeProducts.multiplyAll(z, Transpose.NO_TRANSPOSE, pinv);
        phases.end("core");
        HosvdResult h = Support.truncate(w, ranks, tolerance);
        TuckerTensor result = Support.expand(h.tensor(), q);
        phases.end("truncate");
        Map<String, Long> all = new LinkedHashMap<>();
        all.put("sketch", sketchNanos);
        all.putAll(phases.map());
        SummationDiagnostics diag = new SummationDiagnostics(
                SummationStrategy.ONE_PASS, h.ranks(), Support.cols(q), h.errorBound(), Double.NaN, Double.NaN, all);
        return new SummationResult(result, diag, next);
    }
}
