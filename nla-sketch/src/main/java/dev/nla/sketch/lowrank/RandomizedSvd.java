package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.RangeFinder;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Fixed-rank randomized SVD \(A \approx U_k\Sigma_kV_k^{\mathsf T}\) [HMT 2011, Alg. 4.4 + 5.1;
 * Martinsson and Tropp 2020, Alg. 10].
 *
 * <p><b>Algorithm.</b> A range finder (by default {@link SubspaceIteration} configured by the
 * options) gives \(A \approx QB\) with \(Q \in \mathbb{R}^{m \times \ell}\), \(\ell = \min(k + p, m,
 * n)\), \(B = Q^{\mathsf T}A\); then \(B = \tilde U\Sigma V^{\mathsf T}\) (dense SVD of an \(\ell
 * \times n\) matrix), \(U = Q\tilde U\), and the leading \(k\) triplets are kept, with signs fixed
 * by the {@link SignConvention}. Passes over \(A\): \(2q + 2\).
 *
 * <p><b>Guarantees</b> (Gaussian test matrix, \(p \ge 2\)) [HMT 2011, Thm 10.5, 10.6]:
 * \[ \mathbb{E}\|A - QQ^{\mathsf T}A\|_F \le \Bigl(1 + \tfrac{k}{p-1}\Bigr)^{1/2}\Bigl(\sum_{j \gt
 * k}\sigma_j^2\Bigr)^{1/2}, \qquad \mathbb{E}\|A - QQ^{\mathsf T}A\|_2 \le \Bigl(1 +
 * \sqrt{\tfrac{k}{p-1}}\Bigr)\sigma_{k+1} + \tfrac{e\sqrt{k+p}}{p}\Bigl(\sum_{j \gt
 * k}\sigma_j^2\Bigr)^{1/2}; \]
 * \(q\) power iterations apply these bounds to \((AA^{\mathsf T})^qA\), driving the spectral error
 * to \(\sigma_{k+1}\) [HMT 2011, Cor. 10.10]. The rank-\(k\) truncation adds at most the optimal
 * error again in the Frobenius norm [HMT 2011, §9.4]; in practice it is close to the basis error.
 *
 * <p><b>Error estimate.</b> For explicit matrices \(\|A - U_k\Sigma_kV_k^{\mathsf T}\|_F^2 =
 * \|A\|_F^2 - \sum_{j \le k}\sigma_j^2\) exactly (the approximation is \(QQ^{\mathsf T}A\) projected
 * on its leading \(k\) right singular vectors), so the result carries its square root; it is computed
 * by a subtraction and resolves errors down to about \(10^{-7}\|A\|_F\). Matrix-free inputs have no
 * estimate.
 *
 * <p><b>Defaults and why</b> (see {@link RandomizedSvdOptions}): \(p = 10\); \(q = 2\) (PyTorch,
 * R {@code rsvd}; {@link dev.nla.sketch.rangefinder.PowerIterations#AUTO} gives scikit-learn's 4 or
 * 7); LU stabilisation after every pass (scikit-learn's choice for \(q \gt 2\), cheap next to a pass,
 * and safe for every \(q\)); Gaussian test matrix; {@link SignConvention#U_MAX_ABS}.
 */
public final class RandomizedSvd {
    private final RandomizedSvdOptions options;
    private final RangeFinder rangeFinder;
    private final Svd svd;

    /**
     * The standard algorithm: subspace iteration configured by the options, the pure-Java dense SVD.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public RandomizedSvd(RandomizedSvdOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.rangeFinder = null;
        this.svd = Decompositions.svd();
    }

    /**
     * The algorithm with an injected range finder (e.g. {@link dev.nla.sketch.rangefinder.BlockKrylov})
     * and dense SVD. The finder is called with \(\ell = \min(k + p, m, n)\); the options' power
     * iteration, stabiliser and test-matrix fields then do not apply (the finder has its own).
     *
     * @param options     rank, oversampling and sign convention
     * @param rangeFinder the range finder
     * @param svd         the dense SVD of \(B\)
     * @throws NullPointerException if an argument is null
     */
    public RandomizedSvd(RandomizedSvdOptions options, RangeFinder rangeFinder, Svd svd) {
        this.options = Objects.requireNonNull(options, "options");
        this.rangeFinder = Objects.requireNonNull(rangeFinder, "rangeFinder");
        this.svd = Objects.requireNonNull(svd, "svd");
    }

    /**
     * The standard algorithm with default options for target rank \(k\).
     *
     * @param rank \(k \ge 1\)
     * @return the algorithm
     * @throws IllegalArgumentException if {@code rank < 1}
     */
    public static RandomizedSvd withDefaults(int rank) {
        return new RandomizedSvd(RandomizedSvdOptions.builder(rank).build());
    }

    /**
     * The options.
     *
     * @return the options
     */
    public RandomizedSvdOptions options() {
        return options;
    }

    /**
     * Computes the rank-\(k\) approximate SVD of a dense or sparse matrix.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param state the random stream; not modified
     * @return \(U\) (\(m \times k\)), \(\sigma_1 \ge \dots \ge \sigma_k\), \(V^{\mathsf T}\) (\(k
     *     \times n\)), the error estimate and the passes, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\); the message names both
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<LowRankSvd> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the rank-\(k\) approximate SVD of an operator (dense, sparse or matrix-free).
     *
     * @param a     \(A\), an \(m \times n\) operator; not modified; an explicit matrix must be finite
     * @param state the random stream; not modified
     * @return the factors, error estimate and passes, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     * @throws ArithmeticException      if the power iteration overflowed (see {@link
     *     SubspaceIteration#find})
     */
    public Sampled<LowRankSvd> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int m = ca.rows();
        int n = ca.cols();
        int k = options.rank();
        checkRank(k, m, n);
        int ell = Math.min(k + options.oversampling(), Math.min(m, n));
        RangeFinder finder = rangeFinder != null ? rangeFinder : defaultFinder(k, m, n);
        Sampled<QbResult> qb = finder.find(ca, ell, state);
        LowRankSvd result = fromQb(qb.value(), k, ca, svd, options.signs());
        return new Sampled<>(result, qb.next());
    }

    private SubspaceIteration defaultFinder(int k, int m, int n) {
        int q = options.powerIterations().resolve(k, m, n);
        return new SubspaceIteration(SubspaceIterationOptions.builder()
                .powerIterations(q)
                .stabiliser(options.stabiliser())
                .passesPerStabilisation(options.passesPerStabilisation())
                .testMatrix(options.testMatrix())
                .build());
    }

    /**
     * Throws unless \(1 \le k \le \min(m, n)\).
     *
     * @param k the rank
     * @param m rows
     * @param n columns
     */
    static void checkRank(int k, int m, int n) {
        if (k < 1 || k > Math.min(m, n)) {
            throw new IllegalArgumentException("rank must be in [1, min(m, n)] = [1, " + Math.min(m, n) + "] for a " + m
                    + "x" + n + " input, got " + k);
        }
    }

    /**
     * The rank-\(k\) SVD of \(QB\): \(B = \tilde U\Sigma V^{\mathsf T}\), \(U = Q\tilde U\), truncated,
     * signs fixed; the error estimate \((\|A\|_F^2 - \sum_{j \le k}\sigma_j^2)^{1/2}\) when the norm
     * is known.
     */
    static LowRankSvd fromQb(QbResult qb, int k, CheckedOperator a, Svd svd, SignConvention signs) {
        DenseMatrix q = qb.q();
        int r = qb.rank();
        int kk = Math.min(k, r);
        DenseMatrix u;
        DenseMatrix vt;
        double[] s;
        if (r == 0) {
            u = DenseMatrix.zeros(q.rows(), 0);
            vt = DenseMatrix.zeros(0, qb.b().cols());
            s = new double[0];
        } else {
            SvdResult small = r <= qb.b().cols() ? Dense.wideSvd(qb.b(), svd) : svd.decompose(qb.b(), SvdVectors.THIN);
            double[] all = small.singularValues();
            s = java.util.Arrays.copyOf(all, kk);
            u = Dense.multiply(
                    Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, q, small.u().columns(0, kk));
            vt = small.vt().rowBlock(0, kk).copy();
        }
        signs.apply(u, vt);
        OptionalDouble estimate = OptionalDouble.empty();
        if (a.frobeniusNorm().isPresent()) {
            double norm = a.frobeniusNorm().getAsDouble();
            double captured = 0;
            for (double v : s) {
                captured += v * v;
            }
            estimate = OptionalDouble.of(Math.sqrt(Math.max(0.0, norm * norm - captured)));
        }
        return new LowRankSvd(u, s, vt, estimate, qb.converged(), qb.passes(), qb.matvecs());
    }

    @Override
    public String toString() {
        return "RandomizedSvd" + options + (rangeFinder == null ? "" : " with " + rangeFinder);
    }
}
