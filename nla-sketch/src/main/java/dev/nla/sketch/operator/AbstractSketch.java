package dev.nla.sketch.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared machinery of the operators: validation, dispatch on the input kind, the generic
 * routes (sparse inputs by densified column blocks, right application by transposed row blocks,
 * matrix-free inputs through the adjoint), {@code toDense} and the generic block.
 *
 * <p>Subclasses provide the dense kernels {@link #leftDense} (\(Y = SA\)) and {@link
 * #transposeDense} (\(Y = S^{\mathsf T}X\)), the explicit entries {@link #denseBlock}, and override
 * the other routes when they have a faster one. Kernels receive validated arguments and overwrite
 * their output.
 */
abstract class AbstractSketch implements SketchingOperator {
    /** Target number of entries of the temporaries of the blocked routes (8 MiB of doubles). */
    static final int BLOCK_ENTRIES = 1 << 20;

    final int d;
    final int m;
    final RngState state;

    AbstractSketch(int d, int m, RngState state) {
        this.d = d;
        this.m = m;
        this.state = Objects.requireNonNull(state, "state");
    }

    @Override
    public final int rows() {
        return d;
    }

    @Override
    public final int cols() {
        return m;
    }

    @Override
    public final RngState state() {
        return state;
    }

    @Override
    public Optional<Matrix> matrix() {
        return Optional.empty();
    }

    // ------------------------------------------------------------------ kernels

    /** \(Y \leftarrow SA\): {@code a} is {@code m x n}, {@code y} is {@code d x n}, n >= 1. */
    abstract void leftDense(DenseMatrix a, DenseMatrix y);

    /** \(Y \leftarrow S^{\mathsf T}X\): {@code x} is {@code d x k}, {@code y} is {@code m x k}, k >= 1. */
    abstract void transposeDense(DenseMatrix x, DenseMatrix y);

    /** Writes \(S[r_0 : r_0 + p, c_0 : c_0 + q]\) into the {@code p x q} target, from the definition. */
    abstract void denseBlock(int r0, int c0, DenseMatrix target);

    /**
     * \(Y \leftarrow SA\) for a sparse {@code a}: columns of \(A\) in blocks, each densified into an
     * \(m \times b\) temporary and passed to {@link #leftDense}.
     */
    void leftSparse(SparseMatrix a, DenseMatrix y) {
        SparseMatrix csc = a.toCsc();
        int n = a.cols();
        int b = blockWidth(m, n);
        DenseMatrix buffer = DenseMatrix.zeros(m, b);
        int[] ptr = csc.pointers();
        int[] idx = csc.indices();
        double[] val = csc.values();
        for (int c0 = 0; c0 < n; c0 += b) {
            int w = Math.min(b, n - c0);
            DenseMatrix t = buffer.columns(0, w);
            t.fill(0.0);
            for (int c = 0; c < w; c++) {
                for (int p = ptr[c0 + c]; p < ptr[c0 + c + 1]; p++) {
                    t.set(idx[p], c, val[p]);
                }
            }
            leftDense(t, y.columns(c0, w));
        }
    }

    /**
     * \(Y \leftarrow AS^{\mathsf T}\) for a dense {@code a} (\(n \times m\)): rows of \(A\) in blocks,
     * transposed into an \(m \times b\) temporary, sketched by {@link #leftDense}, and transposed
     * back: \(Y[R, :] = (S A[R, :]^{\mathsf T})^{\mathsf T}\).
     */
    void rightDense(DenseMatrix a, DenseMatrix y) {
        int n = a.rows();
        int b = blockWidth(m, n);
        DenseMatrix t = DenseMatrix.zeros(m, b);
        DenseMatrix u = DenseMatrix.zeros(d, b);
        for (int r0 = 0; r0 < n; r0 += b) {
            int w = Math.min(b, n - r0);
            DenseMatrix tw = t.columns(0, w);
            transposeInto(a.rowBlock(r0, w), tw);
            DenseMatrix uw = u.columns(0, w);
            leftDense(tw, uw);
            transposeInto(uw, y.rowBlock(r0, w));
        }
    }

    /** \(Y \leftarrow AS^{\mathsf T}\) for a sparse {@code a}: as {@link #rightDense}, densifying rows. */
    void rightSparse(SparseMatrix a, DenseMatrix y) {
        SparseMatrix csr = a.toCsr();
        int n = a.rows();
        int b = blockWidth(m, n);
        DenseMatrix t = DenseMatrix.zeros(m, b);
        DenseMatrix u = DenseMatrix.zeros(d, b);
        int[] ptr = csr.pointers();
        int[] idx = csr.indices();
        double[] val = csr.values();
        for (int r0 = 0; r0 < n; r0 += b) {
            int w = Math.min(b, n - r0);
            DenseMatrix tw = t.columns(0, w);
            tw.fill(0.0);
            for (int r = 0; r < w; r++) {
                for (int p = ptr[r0 + r]; p < ptr[r0 + r + 1]; p++) {
                    tw.set(idx[p], r, val[p]);
                }
            }
            DenseMatrix uw = u.columns(0, w);
            leftDense(tw, uw);
            transposeInto(uw, y.rowBlock(r0, w));
        }
    }

    /**
     * Writes \(S^{\mathsf T}[:, r_0 : r_0 + b] = S[r_0 : r_0 + b, :]^{\mathsf T}\) into the {@code m x
     * b} target. The default applies {@link #transposeDense} to identity columns; dense operators
     * generate the block directly.
     */
    void transposedRows(int r0, DenseMatrix target) {
        int b = target.cols();
        DenseMatrix e = DenseMatrix.zeros(d, b);
        for (int t = 0; t < b; t++) {
            e.set(r0 + t, t, 1.0);
        }
        transposeDense(e, target);
    }

    // ------------------------------------------------------------------ public API

    @Override
    public final DenseMatrix applyLeft(Matrix a) {
        Objects.requireNonNull(a, "a");
        Sketching.checkLeft(d, m, a);
        DenseMatrix y = DenseMatrix.zeros(d, a.cols());
        runLeft(a, y);
        return y;
    }

    @Override
    public final void applyLeft(Matrix a, DenseMatrix y) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(y, "y");
        Sketching.checkLeft(d, m, a, y);
        Sketching.checkNoOverlap("applyLeft", a, y);
        runLeft(a, y);
    }

    private void runLeft(Matrix a, DenseMatrix y) {
        if (a.cols() == 0) {
            return;
        }
        if (a instanceof DenseMatrix da) {
            leftDense(da, y);
        } else {
            leftSparse((SparseMatrix) a, y);
        }
    }

    @Override
    public final DenseMatrix applyRight(Matrix a) {
        Objects.requireNonNull(a, "a");
        Sketching.checkRight(d, m, a);
        DenseMatrix y = DenseMatrix.zeros(a.rows(), d);
        runRight(a, y);
        return y;
    }

    @Override
    public final void applyRight(Matrix a, DenseMatrix y) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(y, "y");
        Sketching.checkRight(d, m, a, y);
        Sketching.checkNoOverlap("applyRight", a, y);
        runRight(a, y);
    }

    private void runRight(Matrix a, DenseMatrix y) {
        if (a.rows() == 0) {
            return;
        }
        if (a instanceof DenseMatrix da) {
            rightDense(da, y);
        } else {
            rightSparse((SparseMatrix) a, y);
        }
    }

    @Override
    public final DenseMatrix applyLeft(LinearOperator a) {
        Objects.requireNonNull(a, "a");
        Optional<Matrix> explicit = a.matrix();
        if (explicit.isPresent()
                && explicit.get().rows() == a.rows()
                && explicit.get().cols() == a.cols()) {
            return applyLeft(explicit.get());
        }
        if (a.rows() != m) {
            throw new dev.nla.core.error.DimensionMismatchException("applyLeft: S is " + d + "x" + m
                    + " but the operator a is " + a.shape() + "; S*A needs a with " + m + " rows");
        }
        int n = a.cols();
        DenseMatrix y = DenseMatrix.zeros(d, n);
        if (n == 0) {
            return y;
        }
        // S A = (A^T S^T)^T, a block of b rows of S at a time.
        int b = blockWidth(Math.max(m, n), d);
        DenseMatrix t = DenseMatrix.zeros(m, b);
        DenseMatrix u = DenseMatrix.zeros(n, b);
        for (int r0 = 0; r0 < d; r0 += b) {
            int w = Math.min(b, d - r0);
            DenseMatrix tw = t.columns(0, w);
            transposedRows(r0, tw);
            DenseMatrix uw = u.columns(0, w);
            a.apply(Transpose.TRANSPOSE, tw, uw);
            transposeInto(uw, y.rowBlock(r0, w));
        }
        return y;
    }

    @Override
    public final DenseMatrix applyRight(LinearOperator a) {
        Objects.requireNonNull(a, "a");
        Optional<Matrix> explicit = a.matrix();
        if (explicit.isPresent()
                && explicit.get().rows() == a.rows()
                && explicit.get().cols() == a.cols()) {
            return applyRight(explicit.get());
        }
        if (a.cols() != m) {
            throw new dev.nla.core.error.DimensionMismatchException("applyRight: S is " + d + "x" + m
                    + " but the operator a is " + a.shape() + "; A*S^T needs a with " + m + " columns");
        }
        int n = a.rows();
        DenseMatrix y = DenseMatrix.zeros(n, d);
        if (n == 0) {
            return y;
        }
        int b = blockWidth(m, d);
        DenseMatrix t = DenseMatrix.zeros(m, b);
        for (int r0 = 0; r0 < d; r0 += b) {
            int w = Math.min(b, d - r0);
            DenseMatrix tw = t.columns(0, w);
            transposedRows(r0, tw);
            a.apply(Transpose.NO_TRANSPOSE, tw, y.columns(r0, w));
        }
        return y;
    }

    @Override
    public final void apply(Transpose trans, DenseMatrix x, DenseMatrix y) {
        LinearOperator.checkApply(this, trans, x, y);
        if (x.cols() == 0) {
            return;
        }
        if (trans.isTranspose()) {
            transposeDense(x, y);
        } else {
            leftDense(x, y);
        }
    }

    @Override
    public final DenseMatrix toDense() {
        long size = (long) d * m;
        if (size > DenseMatrix.MAX_ELEMENTS) {
            throw new SizeLimitExceededException(
                    "dense form of a " + d + "x" + m + " sketch", size, DenseMatrix.MAX_ELEMENTS);
        }
        DenseMatrix s = DenseMatrix.zeros(d, m);
        denseBlock(0, 0, s);
        return s;
    }

    @Override
    public SketchingOperator block(int rowOffset, int colOffset, int rows, int cols) {
        Sketching.checkBlock(d, m, rowOffset, colOffset, rows, cols);
        if (rowOffset == 0 && colOffset == 0 && rows == d && cols == m) {
            return this;
        }
        return new BlockSketch(this, rowOffset, colOffset, rows, cols);
    }

    @Override
    public boolean canResize(Axis axis) {
        Objects.requireNonNull(axis, "axis");
        return false;
    }

    @Override
    public SketchingOperator resize(int rows, int cols) {
        Sketching.positive("rows", rows);
        Sketching.positive("cols", cols);
        if (rows != d && !canResize(Axis.ROWS)) {
            throw new IllegalArgumentException(
                    "the rows of this sketch (" + describe() + ") cannot be resized: d = " + d + ", asked " + rows);
        }
        if (cols != m && !canResize(Axis.COLUMNS)) {
            throw new IllegalArgumentException(
                    "the columns of this sketch (" + describe() + ") cannot be resized: m = " + m + ", asked " + cols);
        }
        if (rows == d && cols == m) {
            return this;
        }
        return resized(rows, cols);
    }

    /** The resized operator; called only for allowed axes and a changed size. */
    SketchingOperator resized(int rows, int cols) {
        throw new IllegalStateException("resized called on a sketch that cannot be resized: " + describe());
    }

    /** A short description for messages. */
    String describe() {
        return distribution().toString();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + d + "x" + m + ", " + describe() + ", " + state + "]";
    }

    // ------------------------------------------------------------------ helpers

    /**
     * Width of the blocks of the blocked routes: about {@link #BLOCK_ENTRIES} / {@code height}
     * columns (so a block holds about 8 MiB whatever the height; at least one column), at most {@code
     * total}.
     */
    static int blockWidth(int height, int total) {
        int b = (int) Math.max(1L, BLOCK_ENTRIES / Math.max(1L, height));
        return Math.max(1, Math.min(b, total));
    }

    /** {@code target = source^T}; shapes are checked by the caller. */
    static void transposeInto(DenseMatrix source, DenseMatrix target) {
        int rows = source.rows();
        int cols = source.cols();
        double[] s = source.data();
        double[] t = target.data();
        int so = source.offset();
        int sld = source.ld();
        int to = target.offset();
        int tld = target.ld();
        // Tiles keep both access patterns within a few cache lines.
        final int tile = 32;
        for (int j0 = 0; j0 < cols; j0 += tile) {
            int j1 = Math.min(cols, j0 + tile);
            for (int i0 = 0; i0 < rows; i0 += tile) {
                int i1 = Math.min(rows, i0 + tile);
                for (int j = j0; j < j1; j++) {
                    int sc = so + j * sld;
                    for (int i = i0; i < i1; i++) {
                        t[to + j + i * tld] = s[sc + i];
                    }
                }
            }
        }
    }
}
