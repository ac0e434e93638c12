package dev.nla.sketch.operator;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.Philox4x32;
import dev.nla.core.random.RngState;

/** Package helpers: validation, the stream layout shared by the operators, uniform integers. */
final class Sketching {
    /**
     * Split index of the next state returned by every {@code sample}: \(2^{63}\) read as unsigned.
     * Indices from \(2^{63}\) up are reserved for sketching; callers splitting a state for their own
     * tasks use smaller indices.
     */
    static final long NEXT_SPLIT = 0x8000_0000_0000_0000L;

    /** Split index of factor 0 of a tensor-structured sketch; factor k uses this plus k. */
    static final long FACTOR_SPLIT = 0x8000_0000_0000_1000L;

    private Sketching() {}

    /** The state {@code sample} returns as next. */
    static RngState next(RngState state) {
        return state.split(NEXT_SPLIT);
    }

    /** The stream of factor {@code k} of a tensor-structured sketch. */
    static RngState factor(RngState state, int k) {
        return state.split(FACTOR_SPLIT + k);
    }

    /**
     * A uniform integer in {@code [0, n)} from a 64-bit word: \(\lfloor w n / 2^{64} \rfloor\) with
     * \(w\) read as unsigned. Each value has probability within \(2^{-64}\) of \(1/n\) (no rejection
     * step, so one word always gives one value).
     */
    static int uniformIndex(long word, int n) {
        return (int) (Math.multiplyHigh(word, n) + ((word >> 63) & n));
    }

    /**
     * The Philox block of stream column {@code column}, block {@code block}: counter {@code
     * (counterHigh + column, counterLow + block)} with the carry of the low word, the addressing of
     * {@link dev.nla.core.random.RandomMatrices} (column \(j\) of a random matrix is stream column
     * \(j\)). Writes two 64-bit words into {@code out[0..1]}.
     */
    static void block(RngState state, long column, long block, long[] out) {
        long low = state.counterLow() + block;
        long carry = Long.compareUnsigned(low, state.counterLow()) < 0 ? 1L : 0L;
        Philox4x32.block(state.key(), state.counterHigh() + column + carry, low, out, 0);
    }

    /** Validates a sketch size, naming the parameter. */
    static int positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, got " + value);
        }
        return value;
    }

    /** Validates a scale factor: finite and nonzero. */
    static double scale(double scale) {
        if (!Double.isFinite(scale) || scale == 0.0) {
            throw new IllegalArgumentException("scale must be finite and nonzero, got " + scale);
        }
        return scale;
    }

    /** Validates a block {@code [r0, r0 + p) x [c0, c0 + q)} of a {@code d x m} sketch. */
    static void checkBlock(int d, int m, int r0, int c0, int p, int q) {
        if (p < 1 || q < 1) {
            throw new IllegalArgumentException("a block needs at least one row and one column, got " + p + "x" + q);
        }
        if (r0 < 0 || c0 < 0 || (long) r0 + p > d || (long) c0 + q > m) {
            throw new IndexOutOfBoundsException("block of " + p + "x" + q + " at (" + r0 + ", " + c0
                    + ") does not lie inside a " + d + "x" + m + " sketch");
        }
    }

    /** Shapes of {@code S A}: {@code a} has {@code m} rows. */
    static void checkLeft(int d, int m, Matrix a) {
        if (a.rows() != m) {
            throw new DimensionMismatchException(
                    "applyLeft: S is " + d + "x" + m + " but a is " + a.shape() + "; S*A needs a with " + m + " rows");
        }
    }

    /** Shapes of {@code S A} into {@code y}. */
    static void checkLeft(int d, int m, Matrix a, DenseMatrix y) {
        checkLeft(d, m, a);
        if (y.rows() != d || y.cols() != a.cols()) {
            throw new DimensionMismatchException("applyLeft: S is " + d + "x" + m + " and a is " + a.shape()
                    + ", so y must be " + d + "x" + a.cols() + ", got " + y.shape());
        }
    }

    /** Shapes of {@code A S^T}: {@code a} has {@code m} columns. */
    static void checkRight(int d, int m, Matrix a) {
        if (a.cols() != m) {
            throw new DimensionMismatchException("applyRight: S is " + d + "x" + m + " but a is " + a.shape()
                    + "; A*S^T needs a with " + m + " columns");
        }
    }

    /** Shapes of {@code A S^T} into {@code y}. */
    static void checkRight(int d, int m, Matrix a, DenseMatrix y) {
        checkRight(d, m, a);
        if (y.rows() != a.rows() || y.cols() != d) {
            throw new DimensionMismatchException("applyRight: S is " + d + "x" + m + " and a is " + a.shape()
                    + ", so y must be " + a.rows() + "x" + d + ", got " + y.shape());
        }
    }

    /** Throws if a dense input and the output share storage. */
    static void checkNoOverlap(String op, Matrix a, DenseMatrix y) {
        if (a instanceof DenseMatrix da && da.overlaps(y)) {
            throw new IllegalArgumentException(op + ": output y (" + y.shape() + ", offset " + y.offset() + ", ld "
                    + y.ld() + ") shares storage with input a (" + da.shape() + ", offset " + da.offset() + ", ld "
                    + da.ld() + ")");
        }
    }
}
