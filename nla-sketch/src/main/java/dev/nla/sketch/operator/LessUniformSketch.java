package dev.nla.sketch.operator;

import dev.nla.core.blas.Backends;
import dev.nla.core.error.Require;
import dev.nla.core.parallel.Parallel;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * LESS-uniform: the long-axis sparse sketch (RandBLAS' {@code SparseDist} with {@code Axis::Long},
 * LASO), the uniform variant of leverage-score sparsified embeddings [Dereziński et al. 2021]. Every
 * row of \(S \in \mathbb{R}^{d \times m}\) is a sum of \(s\) signed coordinate vectors,
 * \[ S[i, :] = \alpha \sum_{t=1}^{s} \varepsilon_{it}\, e_{j_{it}}^{\mathsf T}, \]
 * with columns \(j_{it}\) drawn uniformly with replacement from \([0, m)\) (a repeated column sums its
 * signs) and independent signs \(\varepsilon_{it}\). The default scale \(\alpha = \sqrt{m/(ds)}\)
 * makes \(S\) isotropic: \(\mathbb{E}[S^{\mathsf T}S] = d\,s\,\alpha^2/m \cdot I_m = I_m\).
 *
 * <p><b>Entries.</b> Row \(i\) comes from stream column \(i\): its \(t\)-th column is \(\lfloor w_t
 * m/2^{64} \rfloor\) for the \(t\)-th 64-bit word \(w_t\) (word \(t \bmod 2\) of block \(\lfloor t/2
 * \rfloor\)), its signs are the bits of the following blocks. Rows are independent, so the sketch
 * grows along its rows; its columns are fixed (the draws depend on \(m\)).
 *
 * <p><b>Cost.</b> At most \(ds\) nonzeros, drawn on first use and kept; {@code applyLeft} of a dense
 * \(m \times n\) matrix: \(2dsn\) flops plus one pass over the rows of \(A\) that are hit.
 *
 * <p><b>When to use it.</b> For a tall \(m \times r\) matrix with \(m \gg d\), \(s\) of the order of
 * \(r\) nonzeros per row give embeddings close to Gaussian ones at a cost of \(O(drs)\) instead of
 * \(O(dmr)\) [Dereziński et al. 2021]; with uniform sampling this presumes incoherent rows (use a
 * randomized transform or leverage scores otherwise). It needs many more nonzeros than the sparse
 * sign sketch (RandBLAS tutorial).
 *
 * @param rows     \(d \ge 1\)
 * @param cols     \(m \ge 1\)
 * @param nonzeros \(s\), draws per row, \(1 \le s \le m\)
 * @param scale    \(\alpha\), finite and nonzero
 */
public record LessUniformSketch(int rows, int cols, int nonzeros, double scale) implements SketchingDistribution {
    /**
     * Validates the parameters.
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(s\) with \(1 \le s \le m\)
     * @param scale    \(\alpha\), finite and nonzero
     * @throws IllegalArgumentException if a size is below 1, \(s\) is outside \([1, m]\), or the scale
     *     is 0, NaN or infinite; the message names the values
     * @throws dev.nla.core.error.SizeLimitExceededException if \(ds\) exceeds {@code
     *     Integer.MAX_VALUE - 8}
     */
    public LessUniformSketch {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("cols (dimension m)", cols);
        if (nonzeros < 1 || nonzeros > cols) {
            throw new IllegalArgumentException(
                    "nonzeros per row (s) must be in [1, m = " + cols + "], got " + nonzeros);
        }
        Sketching.scale(scale);
        Require.sizeWithin("nonzeros of a LESS-uniform sketch (d * s)", (long) rows * nonzeros, Integer.MAX_VALUE - 8L);
    }

    /**
     * The isotropic LESS-uniform sketch, scale \(\sqrt{m/(ds)}\).
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(s\) with \(1 \le s \le m\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1 or \(s\) is outside \([1, m]\)
     */
    public static LessUniformSketch of(int rows, int cols, int nonzeros) {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("nonzeros per row (s)", nonzeros);
        return new LessUniformSketch(rows, cols, nonzeros, Math.sqrt((double) cols / ((double) rows * nonzeros)));
    }

    /**
     * The same \(s\) and scale with another size.
     *
     * @param newRows \(d' \ge 1\)
     * @param newCols \(m' \ge s\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is out of range
     */
    public LessUniformSketch withSize(int newRows, int newCols) {
        return new LessUniformSketch(newRows, newCols, nonzeros, scale);
    }

    /**
     * An operator whose nonzeros are drawn on first use; lazy.
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        LessUniformSketch law = this;
        SketchingOperator op =
                new CscOperator(law, state, () -> build(law, state), true, false, (r, c) -> law.withSize(r, c)
                        .sample(state)
                        .value());
        return new Sampled<>(op, Sketching.next(state));
    }

    private static Csc build(LessUniformSketch law, RngState state) {
        int d = law.rows;
        int m = law.cols;
        int s = law.nonzeros;
        int[] rowPtr = new int[d + 1];
        for (int i = 0; i <= d; i++) {
            rowPtr[i] = i * s;
        }
        int[] cols = new int[d * s];
        double[] vals = new double[d * s];
        Parallel.forRanges(d, Parallel.parts(Backends.active().threads(), d, 4L * s), 16, (i0, i1) -> {
            long[] words = new long[2];
            for (int i = i0; i < i1; i++) {
                int at = i * s;
                for (int t = 0; t < s; t++) {
                    if ((t & 1) == 0) {
                        Sketching.block(state, i, t >>> 1, words);
                    }
                    cols[at + t] = Sketching.uniformIndex(words[t & 1], m);
                }
                long signBlock = (s + 1L) >>> 1;
                for (int t = 0; t < s; t++) {
                    if ((t & 127) == 0) {
                        Sketching.block(state, i, signBlock + (t >>> 7), words);
                    }
                    boolean plus = ((words[(t >>> 6) & 1] >>> (t & 63)) & 1L) != 0;
                    vals[at + t] = plus ? law.scale : -law.scale;
                }
            }
        });
        return Csc.fromRows(d, m, rowPtr, cols, vals);
    }
}
