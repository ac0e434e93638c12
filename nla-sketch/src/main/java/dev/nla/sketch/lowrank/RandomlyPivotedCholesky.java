package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.internal.Symmetry;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Randomly pivoted Cholesky (RPCholesky): a rank-\(k\) column Nyström approximation \(A \approx
 * FF^{\mathsf T} = A(:, S)A(S, S)^{-1}A(S, :)\) of a positive semidefinite matrix whose pivots
 * \(S\) are sampled proportionally to the diagonal of the current residual [Chen, Epperly, Tropp and
 * Webber 2023].
 *
 * <p><b>Algorithm</b> (sequential, \(b = 1\)) [Chen et al. 2023, Alg. 1]: with \(d = \operatorname{diag}
 * A\), repeat \(k\) times: draw \(s\) with probability \(d_s/\sum_i d_i\); \(g = A(:, s) - FF(s,
 * :)^{\mathsf T}\); append \(g/\sqrt{g_s}\) to \(F\); \(d \leftarrow d - |F(:, \text{new})|^2\)
 * (clipped at 0). <b>Block variant</b> (\(b \gt 1\)) [Epperly, Tropp and Webber 2023; the authors'
 * {@code block_rpcholesky}]: draw \(b\) indices with replacement proportionally to \(d\) and keep
 * the distinct ones \(S'\); \(G = A(:, S') - FF(S', :)^{\mathsf T}\), \(C = G(S', :)\); \(LL^{\mathsf
 * T} = C + \delta I\) with the stabilising shift \(\delta = 100 \cdot 2^{-52}\operatorname{tr}C\)
 * (the authors use \(100 \cdot 2^{-52}\), which assumes entries of order one; scaling by the trace
 * makes the algorithm invariant under \(A \mapsto \alpha A\)); append \(GL^{-\mathsf T}\). Pivot
 * residuals are set to 0 after they are chosen. The loop ends early, with fewer than \(k\) pivots,
 * once the residual trace is at rounding level, \(\sum_i d_i \le 4nu\operatorname{tr}A\) (then
 * \(A\) has numerical rank below \(k\) and is reproduced to working accuracy).
 *
 * <p><b>Guarantee</b> [Chen et al. 2023, Thm 3.1]: if \(k \ge r/\varepsilon + r\log(1/(\varepsilon
 * \eta))\), where \(\eta = \operatorname{tr}(A - [\![A]\!]_r)/\operatorname{tr}A\), then
 * \(\mathbb{E}\operatorname{tr}(A - FF^{\mathsf T}) \le (1 + \varepsilon)\operatorname{tr}(A -
 * [\![A]\!]_r)\). The result carries the exact trace error \(\sum_i d_i\).
 *
 * <p><b>Cost.</b> \((k + 1)n\) entry evaluations, \(O(k^2n)\) flops; the block variant does them in
 * \(\lceil k/b\rceil\) GEMM-rich steps.
 *
 * <p><b>Input checks.</b> A negative diagonal entry, a residual diagonal entry below \(-10^{-8}\max_i
 * a_{ii}\) (impossible for PSD input up to rounding), or a failed Cholesky factorization of \(C +
 * \delta I\) throws {@link NotPositiveDefiniteException} naming the index and value; NaN or infinite
 * entries throw {@link NonFiniteValueException}.
 */
public final class RandomlyPivotedCholesky {
    /** The shift factor of the block variant: \(\delta = 100 \cdot 2^{-52}\operatorname{tr}C\). */
    static final double SHIFT = 100 * 0x1.0p-52;

    private final RandomlyPivotedCholeskyOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public RandomlyPivotedCholesky(RandomlyPivotedCholeskyOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public RandomlyPivotedCholeskyOptions options() {
        return options;
    }

    /**
     * Computes the approximation.
     *
     * @param a     the entries of a positive semidefinite \(n \times n\) matrix; not modified
     * @param state the random stream: the draws of step \(t\) are uniform variates from {@code
     *     state.split(t)}; not modified
     * @return \(F\), the pivots, the trace error and the entry count, with {@code state.split(-1)} as
     *     the state to use next
     * @throws NullPointerException         if an argument is null
     * @throws IllegalArgumentException     if \(k \gt n\)
     * @throws NonFiniteValueException      if the diagonal or a column read holds NaN or an infinity
     * @throws NotPositiveDefiniteException if non-positive-semidefiniteness is detected (see the class
     *     comment)
     */
    public Sampled<PivotedCholeskyApproximation> compute(SymmetricEntries a, RngState state) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(state, "state");
        int n = a.order();
        int k = options.rank();
        RandomizedSvd.checkRank(k, n, n);
        double[] d = a.diagonal();
        Require.allFinite("diagonal of a", d);
        Symmetry.requireNonNegativeDiagonal(d, "a");
        double maxDiagonal = 0;
        for (double v : d) {
            maxDiagonal = Math.max(maxDiagonal, v);
        }
        double negativeLimit = -1e-8 * maxDiagonal;
        double initialTrace = 0;
        for (double v : d) {
            initialTrace += v;
        }
        // Residual traces at this level are rounding: the approximation is exact to working accuracy.
        double exhausted = 4.0 * n * 0x1.0p-53 * initialTrace;
        double roundingLevel = 4.0 * n * 0x1.0p-53 * maxDiagonal;
        long evaluations = n;
        DenseMatrix f = DenseMatrix.zeros(n, k);
        int[] pivots = new int[k];
        int cols = 0;
        int step = 0;
        double[] prefix = new double[n];
        while (cols < k) {
            double total = 0;
            for (int i = 0; i < n; i++) {
                total += d[i];
                prefix[i] = total;
            }
            if (!(total > exhausted)) {
                break;
            }
            int b = Math.min(options.blockSize(), k - cols);
            int[] s = draw(prefix, d, b, state.split(step));
            DenseMatrix g = a.columns(s);
            evaluations += (long) n * s.length;
            Require.allFinite("columns of a", g);
            if (cols > 0) {
                DenseMatrix fs = DenseMatrix.zeros(s.length, cols);
                for (int t = 0; t < s.length; t++) {
                    for (int j = 0; j < cols; j++) {
                        fs.set(t, j, f.get(s[t], j));
                    }
                }
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, -1.0, f.columns(0, cols), fs, 1.0, g);
            }
            if (options.blockSize() == 1) {
                double gs = g.get(s[0], 0);
                if (!(gs > roundingLevel)) {
                    if (d[s[0]] > roundingLevel || gs < negativeLimit) {
                        throw new NotPositiveDefiniteException("a is not positive semidefinite: the residual at pivot "
                                + s[0] + " is " + gs + " although its diagonal entry was " + d[s[0]]);
                    }
                    // A pivot whose residual is rounding: nothing left to take from this column.
                    d[s[0]] = 0.0;
                    step++;
                    continue;
                }
                Blas.scal(1.0 / Math.sqrt(gs), g);
            } else {
                DenseMatrix c = DenseMatrix.zeros(s.length, s.length);
                double trace = 0;
                for (int j = 0; j < s.length; j++) {
                    for (int i = 0; i < s.length; i++) {
                        c.set(i, j, 0.5 * (g.get(s[i], j) + g.get(s[j], i)));
                    }
                    trace += c.get(j, j);
                }
                for (int j = 0; j < s.length; j++) {
                    c.add(j, j, SHIFT * Math.max(trace, 0.0));
                }
                CholeskyResult chol;
                try {
                    chol = Decompositions.cholesky().factor(c);
                } catch (NotPositiveDefiniteException e) {
                    throw new NotPositiveDefiniteException(
                            "a is not positive semidefinite: the residual block at pivots " + Arrays.toString(s)
                                    + " is not positive definite (" + e.getMessage() + ")");
                }
                Blas.trsm(Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, chol.l(), g);
            }
            f.columns(cols, s.length).copyFrom(g);
            for (int j = 0; j < s.length; j++) {
                for (int i = 0; i < n; i++) {
                    double v = g.get(i, j);
                    d[i] -= v * v;
                }
            }
            for (int i = 0; i < n; i++) {
                if (d[i] < negativeLimit) {
                    throw new NotPositiveDefiniteException(
                            "a is not positive semidefinite: the residual diagonal entry " + i + " is " + d[i]
                                    + " after " + (cols + s.length) + " pivots");
                }
                d[i] = Math.max(d[i], 0.0);
            }
            for (int t = 0; t < s.length; t++) {
                d[s[t]] = 0.0;
                pivots[cols + t] = s[t];
            }
            cols += s.length;
            step++;
        }
        double traceError = 0;
        for (double v : d) {
            traceError += v;
        }
        PivotedCholeskyApproximation result = new PivotedCholeskyApproximation(
                f.columns(0, cols).copy(), Arrays.copyOf(pivots, cols), traceError, evaluations);
        return new Sampled<>(result, state.split(-1L));
    }

    /**
     * \(b\) draws with replacement with probabilities \(d_i/\sum d\) (inverse CDF on the prefix
     * sums), keeping the distinct indices in the order they first appear.
     */
    private static int[] draw(double[] prefix, double[] d, int b, RngState state) {
        int n = prefix.length;
        double total = prefix[n - 1];
        DenseMatrix u = RandomMatrices.generate(b, 1, ScalarDistribution.UNIFORM_01, state)
                .value();
        Set<Integer> distinct = new LinkedHashSet<>();
        for (int t = 0; t < b; t++) {
            double target = u.get(t, 0) * total;
            int lo = 0;
            int hi = n - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (prefix[mid] > target) {
                    hi = mid;
                } else {
                    lo = mid + 1;
                }
            }
            while (d[lo] <= 0 && lo > 0) {
                lo--;
            }
            if (d[lo] > 0) {
                distinct.add(lo);
            }
        }
        int[] s = new int[distinct.size()];
        int i = 0;
        for (int v : distinct) {
            s[i++] = v;
        }
        return s;
    }

    @Override
    public String toString() {
        return "RandomlyPivotedCholesky" + options;
    }
}
