package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Uniform row sampling: \(S \in \mathbb{R}^{d \times m}\) has one nonzero per row, \(S[i, k_i] =
 * \alpha\sqrt m\), so \(SA\) keeps the rows \(k_0, \dots, k_{d-1}\) of \(A\), each multiplied by the
 * importance weight \(\alpha\sqrt m = 1/\sqrt{d p}\) for \(p = 1/m\) when \(\alpha\) has its default
 * \(1/\sqrt d\). Rows are drawn
 *
 * <ul>
 *   <li>with replacement: \(k_i = \lfloor w_i m / 2^{64}\rfloor\), \(w_i\) the first word of block
 *       \(i\) of stream column 0 (independent draws);
 *   <li>without replacement (\(d \le m\)): \(k_0, \dots, k_{d-1}\) is the prefix of a Fisher–Yates
 *       shuffle of \([0, m)\) whose step \(t\) swaps \(t\) with \(t + \lfloor w_t (m - t)/2^{64}
 *       \rfloor\).
 * </ul>
 *
 * <p>Both are isotropic with the default scale: \(\mathbb{E}[S^{\mathsf T}S] = d \cdot \tfrac1m
 * \cdot \alpha^2 m\, I = I\) (without replacement, row \(j\) is kept with probability \(d/m\)). Draw
 * \(i\) depends on \(i\) and earlier draws only, so the sketch grows along its rows; its columns are
 * fixed.
 *
 * <p><b>Cost.</b> \(O(d)\) draws (plus \(O(\min(m, \max(2^{16}, 4d)))\) memory for the shuffle);
 * {@code applyLeft} copies and scales \(d\) rows of \(A\): \(dn\) flops.
 *
 * <p><b>When to use it.</b> Only for matrices with incoherent rows (all leverage scores close to
 * \(r/m\)), e.g. after a randomized transform (that is Blendenpik's SRHT + sampling), or as the
 * cheapest possible sketch inside an adaptive method. For coherent matrices use {@link
 * LeverageSampling} or a mixing sketch.
 *
 * @param rows        \(d \ge 1\); at most \(m\) without replacement
 * @param cols        \(m \ge 1\)
 * @param replacement whether rows are drawn with replacement
 * @param scale       \(\alpha\), finite and nonzero
 */
public record UniformSampling(int rows, int cols, boolean replacement, double scale) implements SketchingDistribution {
    /**
     * Validates the parameters.
     *
     * @param rows        \(d \ge 1\); \(d \le m\) without replacement
     * @param cols        \(m \ge 1\)
     * @param replacement whether rows are drawn with replacement
     * @param scale       \(\alpha\), finite and nonzero
     * @throws IllegalArgumentException if a size is below 1, \(d > m\) without replacement, or the
     *     scale is 0, NaN or infinite; the message names the values
     */
    public UniformSampling {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("cols (dimension m)", cols);
        if (!replacement && rows > cols) {
            throw new IllegalArgumentException(
                    "sampling without replacement needs d <= m, got d = " + rows + " rows from m = " + cols);
        }
        Sketching.scale(scale);
    }

    /**
     * The isotropic uniform sampling sketch, scale \(1/\sqrt d\).
     *
     * @param rows        \(d \ge 1\); \(d \le m\) without replacement
     * @param cols        \(m \ge 1\)
     * @param replacement whether rows are drawn with replacement
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public static UniformSampling of(int rows, int cols, boolean replacement) {
        Sketching.positive("rows (sketch size d)", rows);
        return new UniformSampling(rows, cols, replacement, 1.0 / Math.sqrt(rows));
    }

    /**
     * The same replacement rule and scale with another size.
     *
     * @param newRows \(d' \ge 1\)
     * @param newCols \(m' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public UniformSampling withSize(int newRows, int newCols) {
        return new UniformSampling(newRows, newCols, replacement, scale);
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
        UniformSampling law = this;
        SketchingOperator op =
                new CscOperator(law, state, () -> build(law, state), true, false, (r, c) -> law.withSize(r, c)
                        .sample(state)
                        .value());
        return new Sampled<>(op, Sketching.next(state));
    }

    private static Csc build(UniformSampling law, RngState state) {
        int d = law.rows;
        int m = law.cols;
        int[] picks;
        if (law.replacement) {
            picks = new int[d];
            long[] words = new long[2];
            for (int i = 0; i < d; i++) {
                Sketching.block(state, 0, i, words);
                picks[i] = Sketching.uniformIndex(words[0], m);
            }
        } else {
            picks = TransformOperator.shufflePrefix(state, 0, m, d);
        }
        double w = law.scale * Math.sqrt(m);
        double[] vals = new double[d];
        java.util.Arrays.fill(vals, w);
        return Csc.fromRows(d, m, Sampling.rowPointers(d), picks, vals);
    }
}
