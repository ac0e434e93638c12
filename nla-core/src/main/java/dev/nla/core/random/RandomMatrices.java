package dev.nla.core.random;

import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;
import java.util.Objects;

/**
 * Dense random matrices whose entry \((i, j)\) is a pure function of the state, \(i\) and \(j\),
 * independent of the matrix shape.
 *
 * <p><b>Layout.</b> A state \(s\) with key \(k\) and 128-bit counter \(C\) defines an infinite
 * random matrix \(M^{(s)}\) with rows and columns indexed by \(i, j \ge 0\). For a law with \(e\)
 * entries per block ({@link ScalarDistribution#entriesPerBlock()}: 2 for the Gaussian and uniform
 * laws, 128 for Rademacher), entry \((i, j)\) is sub-entry \(i \bmod e\) of the Philox4x32-10
 * block with key \(k\) at counter
 * \[ C + j \cdot 2^{64} + \lfloor i / e \rfloor \pmod{2^{128}}, \]
 * converted as described in {@link ScalarDistribution}. In the words of {@link RngState}: column
 * \(j\) adds \(j\) to {@code counterHigh}, row block \(\lfloor i/e \rfloor\) adds to {@code
 * counterLow}, and a carry out of {@code counterLow} goes into {@code counterHigh}.
 *
 * <p>Consequences, all tested:
 *
 * <ul>
 *   <li>any block \(M^{(s)}[r : r + p,\; c : c + q]\) can be generated on its own ({@link #fill})
 *       and equals the same block of any larger matrix drawn from \(s\);
 *   <li>growing the number of rows or columns keeps the old entries;
 *   <li>the result does not depend on how the work is split between threads: large matrices are
 *       generated in parallel over column blocks and are bitwise identical to a sequential run;
 *   <li>{@link #generate} returns the state \(C + n \cdot 2^{64}\) after \(n\) columns ({@link
 *       RngState#advanceColumns}); its infinite matrix is \(M^{(s)}\) without its first \(n\)
 *       columns, so consecutive draws never reuse a block (as long as a column has fewer than
 *       \(e \cdot 2^{64}\) rows, which Java arrays guarantee).
 * </ul>
 *
 * <p>Offsets into the infinite matrix are {@code long}: row and column indices range over \([0,
 * 2^{63})\), far more than any stored matrix, so a distributed computation can address the rows of
 * a tall operator by their global index.
 */
public final class RandomMatrices {
    /** Fewest entries per parallel part; below this a part is not worth a task. */
    private static final long MIN_ENTRIES_PER_PART = 1L << 15;

    private RandomMatrices() {}

    /**
     * Draws the \(m \times n\) matrix \(M^{(s)}[0 : m,\; 0 : n]\) (see the class comment) and the
     * state after its columns.
     *
     * @param rows         \(m \ge 0\)
     * @param cols         \(n \ge 0\)
     * @param distribution law of the entries
     * @param state        where to start; not modified
     * @return a new compact \(m \times n\) matrix and the next state \(s\) advanced by \(n\)
     *     columns: {@code state.advanceColumns(cols)}, i.e. {@code counterHigh + cols} with {@code
     *     counterLow} unchanged (even when \(n = 0\) or \(m = 0\), so the next state depends on the
     *     shape only through \(n\))
     * @throws IllegalArgumentException   if {@code rows < 0} or {@code cols < 0}
     * @throws NullPointerException       if {@code distribution} or {@code state} is null
     * @throws SizeLimitExceededException if \(mn\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static Sampled<DenseMatrix> generate(int rows, int cols, ScalarDistribution distribution, RngState state) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(state, "state");
        DenseMatrix result = DenseMatrix.zeros(rows, cols);
        fill(result, 0L, 0L, distribution, state, defaultParts(rows, cols));
        return new Sampled<>(result, state.advanceColumns(cols));
    }

    /**
     * Draws an \(m \times n\) standard Gaussian matrix: {@code generate(rows, cols, GAUSSIAN,
     * state)}.
     *
     * @param rows  \(m \ge 0\)
     * @param cols  \(n \ge 0\)
     * @param state where to start; not modified
     * @return the matrix and {@code state.advanceColumns(cols)}
     * @throws IllegalArgumentException   if {@code rows < 0} or {@code cols < 0}
     * @throws NullPointerException       if {@code state} is null
     * @throws SizeLimitExceededException if \(mn\) exceeds {@link DenseMatrix#MAX_ELEMENTS}
     */
    public static Sampled<DenseMatrix> gaussian(int rows, int cols, RngState state) {
        return generate(rows, cols, ScalarDistribution.GAUSSIAN, state);
    }

    /**
     * Fills {@code target} with the block \(M^{(s)}[r : r + p,\; c : c + q]\) of the infinite random
     * matrix of {@code state}, where \(p \times q\) is the shape of {@code target}: {@code
     * target(i, j)} \(= M^{(s)}_{r + i,\, c + j}\).
     *
     * <p>Only the \(pq\) entries of {@code target} are written; if it is a view, the rest of its
     * storage is untouched. Large blocks are filled in parallel over columns; the bits do not
     * depend on the split.
     *
     * @param target       the \(p \times q\) output; overwritten
     * @param rowOffset    first row \(r \ge 0\) of the block in the infinite matrix
     * @param colOffset    first column \(c \ge 0\) of the block in the infinite matrix
     * @param distribution law of the entries
     * @param state        the infinite matrix; not modified
     * @throws NullPointerException     if {@code target}, {@code distribution} or {@code state} is
     *     null
     * @throws IllegalArgumentException if {@code rowOffset < 0} or {@code colOffset < 0}, or if the
     *     last row \(r + p - 1\) or column \(c + q - 1\) exceeds {@code Long.MAX_VALUE}
     */
    public static void fill(
            DenseMatrix target, long rowOffset, long colOffset, ScalarDistribution distribution, RngState state) {
        Objects.requireNonNull(target, "target");
        fill(target, rowOffset, colOffset, distribution, state, defaultParts(target.rows(), target.cols()));
    }

    /**
     * Entry \(M^{(s)}_{ij}\) of the infinite random matrix of {@code state}, computed on its own
     * (one Philox block). Equal to the corresponding entry of every matrix {@link #generate} and
     * {@link #fill} produce from the same state; meant for lazy operators and sparse sampling, not
     * for filling dense blocks entry by entry.
     *
     * @param row          \(i \ge 0\)
     * @param col          \(j \ge 0\)
     * @param distribution law of the entry
     * @param state        the infinite matrix; not modified
     * @return \(M^{(s)}_{ij}\)
     * @throws IllegalArgumentException if {@code row < 0} or {@code col < 0}
     * @throws NullPointerException     if {@code distribution} or {@code state} is null
     */
    public static double entry(long row, long col, ScalarDistribution distribution, RngState state) {
        Require.nonNegative("row", row);
        Require.nonNegative("col", col);
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(state, "state");
        int e = distribution.entriesPerBlock();
        long low = state.counterLow() + row / e;
        long high = state.counterHigh() + col + carry(low, state.counterLow());
        long[] words = new long[2];
        Philox4x32.block(state.key(), high, low, words, 0);
        return distribution.entry(words[0], words[1], (int) (row % e));
    }

    /**
     * {@link #fill(DenseMatrix, long, long, ScalarDistribution, RngState)} with an explicit number
     * of column parts run on the kernel pool; the result does not depend on {@code parts}.
     *
     * @param parts number of column parts, {@code >= 1} (capped at the number of columns)
     */
    static void fill(
            DenseMatrix target,
            long rowOffset,
            long colOffset,
            ScalarDistribution distribution,
            RngState state,
            int parts) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(state, "state");
        Require.nonNegative("rowOffset", rowOffset);
        Require.nonNegative("colOffset", colOffset);
        Require.positive("parts", parts);
        int rows = target.rows();
        int cols = target.cols();
        if (rows > 0 && rowOffset > Long.MAX_VALUE - (rows - 1)) {
            throw new IllegalArgumentException("rows [" + rowOffset + ", " + rowOffset + " + " + rows
                    + ") extend past the last addressable row " + Long.MAX_VALUE);
        }
        if (cols > 0 && colOffset > Long.MAX_VALUE - (cols - 1)) {
            throw new IllegalArgumentException("columns [" + colOffset + ", " + colOffset + " + " + cols
                    + ") extend past the last addressable column " + Long.MAX_VALUE);
        }
        if (rows == 0 || cols == 0) {
            return;
        }
        int n = Math.min(parts, cols);
        if (n == 1) {
            fillColumns(target, rowOffset, colOffset, 0, cols, distribution, state);
            return;
        }
        int[] bounds = Parallel.split(cols, n, 1);
        Parallel.forEach(
                n,
                part -> fillColumns(target, rowOffset, colOffset, bounds[part], bounds[part + 1], distribution, state));
    }

    /** Number of column parts for an {@code rows x cols} fill: enough work per part, at most one per core. */
    private static int defaultParts(int rows, int cols) {
        long byWork = Math.max(1L, (long) rows * cols / MIN_ENTRIES_PER_PART);
        long cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1L, Math.min(Math.min(byWork, cores), cols));
    }

    /** 1 if the unsigned addition that produced {@code sum} from {@code base} wrapped around. */
    private static long carry(long sum, long base) {
        return Long.compareUnsigned(sum, base) < 0 ? 1L : 0L;
    }

    /** Fills columns {@code [from, to)} of {@code target}: the sequential kernel of every fill. */
    private static void fillColumns(
            DenseMatrix target,
            long rowOffset,
            long colOffset,
            int from,
            int to,
            ScalarDistribution distribution,
            RngState state) {
        double[] data = target.data();
        int ld = target.ld();
        int rows = target.rows();
        long key = state.key();
        int e = distribution.entriesPerBlock();
        long firstBlock = rowOffset / e;
        int firstSub = (int) (rowOffset % e);
        long low0 = state.counterLow() + firstBlock;
        long high0 = state.counterHigh() + carry(low0, state.counterLow());
        long[] words = new long[2];
        for (int j = from; j < to; j++) {
            int base = target.offset() + j * ld;
            long high = high0 + colOffset + j;
            long low = low0;
            int sub = firstSub;
            int i = 0;
            while (i < rows) {
                Philox4x32.block(key, high, low, words, 0);
                int take = Math.min(e - sub, rows - i);
                writeBlock(distribution, words[0], words[1], sub, take, data, base + i);
                i += take;
                sub = 0;
                low++;
                if (low == 0L) {
                    high++;
                }
            }
        }
    }

    /** Writes sub-entries {@code [sub, sub + take)} of one block to {@code data[at ..]}. */
    private static void writeBlock(
            ScalarDistribution distribution, long w0, long w1, int sub, int take, double[] data, int at) {
        switch (distribution) {
            case GAUSSIAN -> {
                double r = ScalarDistribution.boxMullerRadius(w0);
                double theta = ScalarDistribution.boxMullerAngle(w1);
                if (sub == 0) {
                    data[at] = r * StrictMath.cos(theta);
                    if (take == 2) {
                        data[at + 1] = r * StrictMath.sin(theta);
                    }
                } else {
                    data[at] = r * StrictMath.sin(theta);
                }
            }
            case UNIFORM -> {
                for (int t = 0; t < take; t++) {
                    data[at + t] = ScalarDistribution.symmetricUniform(sub + t == 0 ? w0 : w1);
                }
            }
            case UNIFORM_01 -> {
                for (int t = 0; t < take; t++) {
                    data[at + t] = ScalarDistribution.uniform01(sub + t == 0 ? w0 : w1);
                }
            }
            case RADEMACHER -> {
                for (int t = 0; t < take; t++) {
                    int s = sub + t;
                    data[at + t] = ScalarDistribution.rademacher(s < 64 ? w0 : w1, s & 63);
                }
            }
        }
    }
}
