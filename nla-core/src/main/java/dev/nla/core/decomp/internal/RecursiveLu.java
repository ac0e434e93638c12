package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.Lu;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * LU with partial pivoting by recursive splitting of the columns [Toledo 1997; Gustavson 1997], in
 * pure Java on the {@link Blas} kernels: factor the left half of the columns (recursively, with its
 * row interchanges), apply the interchanges to the right half, solve \(U_{12} = L_{11}^{-1}A_{12}\)
 * ({@code trsm}), update \(A_{22} \leftarrow A_{22} - L_{21}U_{12}\) ({@code gemm}) and factor it,
 * then apply its interchanges to the left half. Panels of at most {@value #LEAF} columns are
 * factored column by column ({@code dgetf2}). The pivots are the same as in the unblocked
 * algorithm (the largest magnitude in the current column, first index on ties), and almost all of
 * the \(mn^2 - n^3/3\) flops are in GEMM.
 */
public final class RecursiveLu implements Lu {
    /** Panels with at most this many columns are factored column by column. */
    static final int LEAF = 16;

    /** Below this magnitude a pivot's reciprocal could overflow; divide instead. */
    private static final double SAFE_MIN = Double.MIN_NORMAL;

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public RecursiveLu() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public RecursiveLu(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public LuResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        DenseMatrix work = Checks.copyOf(a);
        return factorChecked(work);
    }

    @Override
    public LuResult factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        return factorChecked(overwrittenA);
    }

    private LuResult factorChecked(DenseMatrix a) {
        double norm = Checks.normOne(a);
        int[] pivots = new int[Math.min(a.rows(), a.cols())];
        factorRecursive(backend(), a, pivots, 0);
        return new LuResult(a, pivots, norm);
    }

    @Override
    public DenseMatrix solve(LuResult lu, Transpose trans, Matrix b) {
        Objects.requireNonNull(lu, "lu");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(b, "b");
        requireSquare(lu);
        Checks.rows("solve", "b", b, lu.rows());
        Require.allFinite("b", b);
        requireNonSingular(lu);
        DenseMatrix x = Checks.copyOf(b);
        solveInPlace(backend(), lu, trans, x);
        return x;
    }

    @Override
    public double reciprocalCondition(LuResult lu) {
        Objects.requireNonNull(lu, "lu");
        requireSquare(lu);
        int n = lu.rows();
        if (n == 0) {
            return 1.0;
        }
        if (lu.isSingular()) {
            return 0.0;
        }
        Backend be = backend();
        Consumer<double[]> solve = x -> solveInPlace(be, lu, Transpose.NO_TRANSPOSE, DenseMatrix.wrap(n, 1, x));
        Consumer<double[]> solveTrans = x -> solveInPlace(be, lu, Transpose.TRANSPOSE, DenseMatrix.wrap(n, 1, x));
        return OneNormEstimator.reciprocal(n, lu.normOne(), OneNormEstimator.estimate(n, solve, solveTrans));
    }

    static void solveInPlace(Backend be, LuResult lu, Transpose trans, DenseMatrix x) {
        DenseMatrix f = lu.factors();
        int[] piv = lu.pivots();
        if (!trans.isTranspose()) {
            swapRows(x, piv, 0, piv.length, 0, true);
            Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.UNIT, 1.0, f, x);
            Blas.trsm(be, Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, f, x);
        } else {
            Blas.trsm(be, Side.LEFT, Triangle.UPPER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, f, x);
            Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.UNIT, 1.0, f, x);
            swapRows(x, piv, 0, piv.length, 0, false);
        }
    }

    static void requireSquare(LuResult lu) {
        if (lu.rows() != lu.cols()) {
            throw new DimensionMismatchException("solve: the factored matrix must be square, got "
                    + lu.factors().shape());
        }
    }

    static void requireNonSingular(LuResult lu) {
        DenseMatrix f = lu.factors();
        for (int i = 0; i < lu.pivots().length; i++) {
            if (f.get(i, i) == 0.0) {
                throw new SingularMatrixException(
                        "solve: the matrix is singular: U(" + i + ", " + i + ") = 0 (zero pivot at step " + i + ")");
            }
        }
    }

    /**
     * Recursive LU of {@code a} in place. Pivots are stored at {@code pivots[offset + j]} as row
     * indices local to {@code a}.
     */
    static void factorRecursive(Backend be, DenseMatrix a, int[] pivots, int offset) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        if (k == 0) {
            return;
        }
        if (k <= LEAF) {
            factorUnblocked(a, pivots, offset);
            return;
        }
        int n1 = k / 2;
        int n2 = n - n1;
        DenseMatrix left = a.columns(0, n1);
        DenseMatrix right = a.columns(n1, n2);
        factorRecursive(be, left, pivots, offset);
        swapRows(right, pivots, offset, n1, 0, true);
        Blas.trsm(
                be,
                Side.LEFT,
                Triangle.LOWER,
                Transpose.NO_TRANSPOSE,
                Diagonal.UNIT,
                1.0,
                a.view(0, 0, n1, n1),
                a.view(0, n1, n1, n2));
        if (m > n1) {
            Blas.gemm(
                    be,
                    Transpose.NO_TRANSPOSE,
                    Transpose.NO_TRANSPOSE,
                    -1.0,
                    a.view(n1, 0, m - n1, n1),
                    a.view(0, n1, n1, n2),
                    1.0,
                    a.view(n1, n1, m - n1, n2));
            factorRecursive(be, a.view(n1, n1, m - n1, n2), pivots, offset + n1);
            for (int j = offset + n1; j < offset + k; j++) {
                pivots[j] += n1;
            }
            swapRows(left, pivots, offset + n1, k - n1, n1, true);
        }
    }

    /** Column-by-column LU (LAPACK {@code dgetf2}) of the m x n block, k = min(m, n) pivots. */
    private static void factorUnblocked(DenseMatrix a, int[] pivots, int offset) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        double[] d = a.data();
        int lda = a.ld();
        int base = a.offset();
        for (int j = 0; j < k; j++) {
            int cj = base + j * lda;
            int p = j;
            double best = Math.abs(d[cj + j]);
            for (int i = j + 1; i < m; i++) {
                double v = Math.abs(d[cj + i]);
                if (v > best) {
                    best = v;
                    p = i;
                }
            }
            pivots[offset + j] = p;
            double pivot = d[cj + p];
            if (pivot != 0.0) {
                if (p != j) {
                    for (int c = 0; c < n; c++) {
                        int col = base + c * lda;
                        double t = d[col + j];
                        d[col + j] = d[col + p];
                        d[col + p] = t;
                    }
                }
                if (Math.abs(pivot) >= SAFE_MIN) {
                    double inv = 1.0 / pivot;
                    for (int i = j + 1; i < m; i++) {
                        d[cj + i] *= inv;
                    }
                } else {
                    for (int i = j + 1; i < m; i++) {
                        d[cj + i] /= pivot;
                    }
                }
            }
            for (int c = j + 1; c < n; c++) {
                int col = base + c * lda;
                double f = d[col + j];
                if (f != 0.0) {
                    for (int i = j + 1; i < m; i++) {
                        d[col + i] -= d[cj + i] * f;
                    }
                }
            }
        }
    }

    /**
     * Applies the interchanges {@code pivots[from .. from+count)} to every column of {@code a},
     * forward or backward: step {@code s} swaps row {@code firstRow + s} with row {@code pivots[from
     * + s]} (row indices of {@code a}).
     */
    static void swapRows(DenseMatrix a, int[] pivots, int from, int count, int firstRow, boolean forward) {
        double[] d = a.data();
        int lda = a.ld();
        for (int c = 0; c < a.cols(); c++) {
            int col = a.offset() + c * lda;
            for (int s = 0; s < count; s++) {
                int step = forward ? s : count - 1 - s;
                int i = firstRow + step;
                int p = pivots[from + step];
                if (p != i) {
                    double t = d[col + i];
                    d[col + i] = d[col + p];
                    d[col + p] = t;
                }
            }
        }
    }
}
