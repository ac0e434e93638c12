package dev.nla.sketch.operator;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import java.util.Arrays;
import java.util.Objects;

/**
 * Leverage-score (importance) row sampling with replacement: \(S \in \mathbb{R}^{d \times m}\) has one
 * nonzero per row, \(S[i, k_i] = \alpha / \sqrt{p_{k_i}}\), where the rows \(k_i\) are drawn
 * independently with probabilities \(p_j = \ell_j / \sum_l \ell_l\) from given nonnegative scores
 * \(\ell_j\) (exact or approximate leverage scores, or any importance weights). With the default
 * \(\alpha = 1/\sqrt d\) the weights are the usual \(1/\sqrt{d p_{k_i}}\) and \(S\) is isotropic on the
 * support of \(p\): \(\mathbb{E}[S^{\mathsf T}S] = \operatorname{diag}(1[p_j > 0])\), the identity
 * when every score is positive.
 *
 * <p>Sampling \(d = O(r \log r / \varepsilon^2)\) rows by the leverage scores of an \(r\)-dimensional
 * subspace gives a \((1 \pm \varepsilon)\) subspace embedding with high probability [Drineas, Mahoney
 * and Muthukrishnan 2006; Woodruff 2014]. {@link #fromBasis} computes exact leverage scores
 * from an orthonormal basis of the subspace.
 *
 * <p><b>Draws.</b> Draw \(i\) is \(\min\{j : L_j > u_i L_{m-1}\}\) with the prefix sums \(L_j =
 * \sum_{l \le j} \ell_l\) (accumulated in index order) and \(u_i \in (0, 1)\) the {@link
 * ScalarDistribution#uniform01 uniform} value of the first word of block \(i\) of stream column 0,
 * by binary search: \(O(\log m)\) per draw. Draws are independent, so the sketch grows along its rows.
 *
 * <p><b>Without replacement</b> is not offered: with \(d\) fixed, the inclusion probabilities of
 * sequential sampling without replacement are not \(d p_j\), so the weights \(1/\sqrt{d p_j}\) would
 * not make it unbiased. Use {@link UniformSampling} without replacement for uniform probabilities.
 *
 * <p><b>Cost.</b> \(O(m)\) to prepare the prefix sums, \(O(d \log m)\) draws; {@code applyLeft}
 * copies and scales \(d\) rows of \(A\).
 */
public final class LeverageSampling implements SketchingDistribution {
    private final int rows;
    private final double[] scores;
    private final double scale;
    private final double[] prefix;

    /**
     * A leverage-score sampling distribution.
     *
     * @param rows   \(d \ge 1\)
     * @param scores \(\ell_0, \dots, \ell_{m-1}\), finite and nonnegative with a positive sum, \(m
     *     \ge 1\); copied (later changes to the array are not seen)
     * @param scale  \(\alpha\), finite and nonzero
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if {@code rows < 1}, {@code scores} is empty, has a negative,
     *     NaN or infinite entry (the message names its index and value) or sums to 0, or the scale is
     *     0, NaN or infinite
     */
    public LeverageSampling(int rows, double[] scores, double scale) {
        Sketching.positive("rows (sketch size d)", rows);
        Objects.requireNonNull(scores, "scores");
        if (scores.length == 0) {
            throw new IllegalArgumentException("scores must not be empty (m >= 1)");
        }
        Sketching.scale(scale);
        this.rows = rows;
        this.scores = scores.clone();
        this.scale = scale;
        this.prefix = new double[scores.length];
        double sum = 0.0;
        for (int j = 0; j < scores.length; j++) {
            double s = this.scores[j];
            if (!(s >= 0.0) || s == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException(
                        "scores must be finite and nonnegative, got scores[" + j + "] = " + s);
            }
            sum += s;
            prefix[j] = sum;
        }
        if (!(sum > 0.0) || Double.isInfinite(sum)) {
            throw new IllegalArgumentException("scores must have a positive finite sum, got " + sum);
        }
    }

    /**
     * The isotropic leverage-score sampling distribution, scale \(1/\sqrt d\).
     *
     * @param rows   \(d \ge 1\)
     * @param scores the nonnegative scores; copied
     * @return the distribution
     * @throws NullPointerException     if {@code scores} is null
     * @throws IllegalArgumentException if the arguments are invalid (see the constructor)
     */
    public static LeverageSampling of(int rows, double[] scores) {
        Sketching.positive("rows (sketch size d)", rows);
        return new LeverageSampling(rows, scores, 1.0 / Math.sqrt(rows));
    }

    /**
     * Sampling by the exact leverage scores of the column space of \(Q\): \(\ell_j = \|Q[j, :]\|_2^2\),
     * for \(Q \in \mathbb{R}^{m \times r}\) with orthonormal columns (the leverage scores of any
     * \(A\) with the same column space). Scale \(1/\sqrt d\).
     *
     * @param rows \(d \ge 1\)
     * @param q    \(Q\), \(m \times r\) with orthonormal columns (not checked); not modified
     * @return the distribution
     * @throws NullPointerException     if {@code q} is null
     * @throws IllegalArgumentException if {@code rows < 1}, \(Q\) has no rows, or all its rows are
     *     zero
     */
    public static LeverageSampling fromBasis(int rows, DenseMatrix q) {
        Objects.requireNonNull(q, "q");
        double[] s = new double[q.rows()];
        for (int j = 0; j < q.cols(); j++) {
            for (int i = 0; i < q.rows(); i++) {
                double v = q.get(i, j);
                s[i] += v * v;
            }
        }
        return of(rows, s);
    }

    @Override
    public int rows() {
        return rows;
    }

    @Override
    public int cols() {
        return scores.length;
    }

    /**
     * The scores \(\ell_j\) (a copy).
     *
     * @return a new array of length \(m\)
     */
    public double[] scores() {
        return scores.clone();
    }

    /**
     * The scale \(\alpha\).
     *
     * @return \(\alpha\)
     */
    public double scale() {
        return scale;
    }

    /**
     * The sampling probability \(p_j = \ell_j / \sum_l \ell_l\).
     *
     * @param j the row index, \(0 \le j \lt m\)
     * @return \(p_j\)
     * @throws IndexOutOfBoundsException if {@code j} is out of range
     */
    public double probability(int j) {
        Objects.checkIndex(j, scores.length);
        return scores[j] / prefix[scores.length - 1];
    }

    /**
     * The same scores and scale with another sketch size.
     *
     * @param newRows \(d' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if {@code newRows < 1}
     */
    public LeverageSampling withRows(int newRows) {
        return new LeverageSampling(newRows, scores, scale);
    }

    /**
     * An operator whose rows are drawn on first use; lazy.
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        LeverageSampling law = this;
        SketchingOperator op =
                new CscOperator(law, state, () -> build(law, state), true, false, (r, c) -> law.withRows(r)
                        .sample(state)
                        .value());
        return new Sampled<>(op, Sketching.next(state));
    }

    private static Csc build(LeverageSampling law, RngState state) {
        int d = law.rows;
        int m = law.scores.length;
        double total = law.prefix[m - 1];
        int last = m - 1;
        while (law.scores[last] == 0.0) {
            last--;
        }
        int[] picks = new int[d];
        double[] vals = new double[d];
        long[] words = new long[2];
        for (int i = 0; i < d; i++) {
            Sketching.block(state, 0, i, words);
            double x = ScalarDistribution.uniform01(words[0]) * total;
            int k = firstAbove(law.prefix, x);
            if (k > last) {
                k = last;
            }
            picks[i] = k;
            vals[i] = law.scale / Math.sqrt(law.scores[k] / total);
        }
        return Csc.fromRows(d, m, Sampling.rowPointers(d), picks, vals);
    }

    /** The smallest j with prefix[j] > x, or prefix.length if none. */
    private static int firstAbove(double[] prefix, double x) {
        int lo = 0;
        int hi = prefix.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (prefix[mid] > x) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LeverageSampling other
                && rows == other.rows
                && Double.compare(scale, other.scale) == 0
                && Arrays.equals(scores, other.scores);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rows, scale, Arrays.hashCode(scores));
    }

    @Override
    public String toString() {
        return "LeverageSampling[rows=" + rows + ", cols=" + scores.length + ", scale=" + scale + "]";
    }
}
