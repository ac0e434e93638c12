package dev.nla.sketch.operator;

import dev.nla.core.blas.Backends;
import dev.nla.core.parallel.Parallel;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Arrays;
import java.util.Objects;

/**
 * The sparse sign sketch (SJLT / OSNAP, RandBLAS' short-axis sparse operator): every column of \(S
 * \in \mathbb{R}^{d \times m}\) has exactly \(\zeta\) nonzeros, in \(\zeta\) distinct rows drawn
 * uniformly without replacement, with independent random signs and magnitude \(\alpha\), by default
 * \(1/\sqrt\zeta\). With that scale every column has unit norm and \(\mathbb{E}[S^{\mathsf T}S] =
 * I_m\). \(\zeta = 1\) is CountSketch ({@link #countSketch}).
 *
 * <p><b>Entries.</b> Column \(j\) is a pure function of the state and \(j\): its rows come from
 * Floyd's algorithm (for \(t = d - \zeta, \dots, d - 1\): draw \(r\) uniform in \([0, t]\), take \(t\)
 * if \(r\) was taken, else \(r\)) fed by the 64-bit words of stream column \(j\) (word \(s\) is word
 * \(s \bmod 2\) of block \(\lfloor s/2 \rfloor\)), and its signs are the bits of the blocks after
 * those, bit \(s\) for the \(s\)-th drawn row. Columns are independent, so the sketch can grow along
 * \(m\) ({@link SketchingOperator#resize}); its rows cannot change (each column's rows are drawn
 * from \([0, d)\)).
 *
 * <p><b>Cost.</b> Sampling is lazy; the first application draws and keeps the \(\zeta m\) nonzeros
 * (\(12\zeta m\) bytes). {@code applyLeft} of a dense \(m \times n\) matrix: \(2\zeta mn\) flops,
 * one pass over \(A\); {@code applyRight}: the same; sparse \(A\): \(2\zeta\,\mathrm{nnz}(A)\).
 *
 * <p><b>When to use it.</b> The default subspace embedding for dense data
 * (sketch-and-solve, sketch-and-precondition with \(d \approx 2n\) to \(4n\)): as accurate as a
 * Gaussian sketch for the same \(d\) in practice, at a cost independent of \(d\). \(\zeta = 8\) is the
 * common default [Martinsson and Tropp 2020, §9]; smaller \(\zeta\) weakens the
 * embedding, and CountSketch (\(\zeta = 1\)) needs \(d = O(n^2)\) rows for an \(n\)-dimensional
 * subspace, so it is a poor default.
 *
 * @param rows     \(d \ge 1\)
 * @param cols     \(m \ge 1\)
 * @param nonzeros \(\zeta\), nonzeros per column, \(1 \le \zeta \le d\)
 * @param scale    \(\alpha\), the magnitude of the nonzeros; finite and nonzero
 */
public record SparseSignSketch(int rows, int cols, int nonzeros, double scale) implements SketchingDistribution {
    /** The default number of nonzeros per column, 8 (capped at \(d\)). */
    public static final int DEFAULT_NONZEROS = 8;

    /**
     * Validates the parameters.
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(\zeta\) with \(1 \le \zeta \le d\)
     * @param scale    \(\alpha\), finite and nonzero
     * @throws IllegalArgumentException if a size is below 1, \(\zeta\) is outside \([1, d]\), or the
     *     scale is 0, NaN or infinite; the message names the values
     * @throws dev.nla.core.error.SizeLimitExceededException if \(\zeta m\) exceeds {@code
     *     Integer.MAX_VALUE - 8} (the nonzeros would not fit in arrays)
     */
    public SparseSignSketch {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("cols (dimension m)", cols);
        if (nonzeros < 1 || nonzeros > rows) {
            throw new IllegalArgumentException(
                    "nonzeros per column (zeta) must be in [1, d = " + rows + "], got " + nonzeros);
        }
        Sketching.scale(scale);
        dev.nla.core.error.Require.sizeWithin(
                "nonzeros of a sparse sign sketch (zeta * m)", (long) nonzeros * cols, Integer.MAX_VALUE - 8L);
    }

    /**
     * The isotropic sparse sign sketch with \(\zeta = \min(8, d)\) nonzeros per column.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SparseSignSketch of(int rows, int cols) {
        Sketching.positive("rows (sketch size d)", rows);
        return of(rows, cols, Math.min(DEFAULT_NONZEROS, rows));
    }

    /**
     * The isotropic sparse sign sketch with \(\zeta\) nonzeros per column, scale \(1/\sqrt\zeta\).
     *
     * @param rows     \(d \ge 1\)
     * @param cols     \(m \ge 1\)
     * @param nonzeros \(\zeta\) with \(1 \le \zeta \le d\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1 or \(\zeta\) is outside \([1, d]\)
     */
    public static SparseSignSketch of(int rows, int cols, int nonzeros) {
        return new SparseSignSketch(rows, cols, nonzeros, 1.0 / Math.sqrt(Math.max(1, nonzeros)));
    }

    /**
     * CountSketch: one \(\pm 1\) per column, in a uniformly random row (\(\zeta = 1\), scale 1).
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public static SparseSignSketch countSketch(int rows, int cols) {
        return of(rows, cols, 1);
    }

    /**
     * The same \(\zeta\) and scale with another size.
     *
     * @param newRows \(d' \ge \zeta\)
     * @param newCols \(m' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1 or \(d' \lt \zeta\)
     */
    public SparseSignSketch withSize(int newRows, int newCols) {
        return new SparseSignSketch(newRows, newCols, nonzeros, scale);
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
        SparseSignSketch law = this;
        SketchingOperator op =
                new CscOperator(law, state, () -> build(law, state), false, true, (r, c) -> law.withSize(r, c)
                        .sample(state)
                        .value());
        return new Sampled<>(op, Sketching.next(state));
    }

    /** Draws the nonzeros, columns in parallel (each column from its own stream column). */
    static Csc build(SparseSignSketch law, RngState state) {
        int d = law.rows;
        int m = law.cols;
        int z = law.nonzeros;
        int[] ptr = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            ptr[j] = j * z;
        }
        int[] idx = new int[z * m];
        double[] val = new double[z * m];
        int parts = Parallel.parts(Backends.active().threads(), m, 4L * z);
        Parallel.forRanges(m, parts, 64, (j0, j1) -> {
            long[] words = new long[2];
            long[] packed = new long[z];
            boolean[] taken = z > 32 ? new boolean[d] : null;
            for (int j = j0; j < j1; j++) {
                column(state, j, d, z, law.scale, words, packed, taken, idx, val, j * z);
            }
        });
        return new Csc(d, m, ptr, idx, val);
    }

    /** Column j: Floyd's sample of z rows from [0, d), signs, sorted by row. */
    private static void column(
            RngState state,
            int j,
            int d,
            int z,
            double scale,
            long[] words,
            long[] packed,
            boolean[] taken,
            int[] idx,
            double[] val,
            int at) {
        for (int s = 0; s < z; s++) {
            if ((s & 1) == 0) {
                Sketching.block(state, j, s >>> 1, words);
            }
            int t = d - z + s;
            int r = Sketching.uniformIndex(words[s & 1], t + 1);
            if (taken != null) {
                if (taken[r]) {
                    r = t;
                }
                taken[r] = true;
            } else {
                for (int u = 0; u < s; u++) {
                    if ((int) (packed[u] >>> 1) == r) {
                        r = t;
                        break;
                    }
                }
            }
            packed[s] = (long) r << 1;
        }
        long signBlock = (z + 1) >>> 1;
        for (int s = 0; s < z; s++) {
            if ((s & 127) == 0) {
                Sketching.block(state, j, signBlock + (s >>> 7), words);
            }
            packed[s] |= (words[(s >>> 6) & 1] >>> (s & 63)) & 1L;
        }
        if (taken != null) {
            for (int s = 0; s < z; s++) {
                taken[(int) (packed[s] >>> 1)] = false;
            }
        }
        Arrays.sort(packed, 0, z);
        for (int s = 0; s < z; s++) {
            idx[at + s] = (int) (packed[s] >>> 1);
            val[at + s] = (packed[s] & 1L) != 0 ? scale : -scale;
        }
    }
}
