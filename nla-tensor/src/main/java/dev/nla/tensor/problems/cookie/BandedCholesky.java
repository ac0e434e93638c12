package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;

/**
 * Cholesky factorization \(A = LL^{\mathsf T}\) of a sparse symmetric positive definite band matrix,
 * kept in band storage: the sparse direct solver of the cookie problem.
 *
 * <p>With half-bandwidth \(w = \max\{i - j : a_{ij} \ne 0,\ i \ge j\}\), the factor has the same
 * band (no fill outside it), stored row by row in \(n(w + 1)\) doubles. The factorization costs
 * about \(nw^2\) flops and each solve \(4nw\) flops per right-hand side. On the \(n_x \times n_x\)
 * structured mesh in natural ordering \(w = n_x + 2\), so \(n \approx n_x^2\) and the factorization
 * costs \(O(n_x^4)\): 0.1 s at \(n_x = 100\), a few seconds at \(n_x = 200\). The row-oriented
 * (Cholesky–Banachiewicz) loop is backward stable like any Cholesky: \(\hat L\hat L^{\mathsf T} = A +
 * \Delta A\), \(|\Delta A| \le \gamma_{w+2}|\hat L||\hat L|^{\mathsf T}\) [Higham 2002, Thm 10.3].
 *
 * <p>Only the lower triangle of \(A\) is read. Instances are immutable and thread-safe.
 */
public final class BandedCholesky {
    private final int n;
    private final int w;
    private final double[] band;

    private BandedCholesky(int n, int w, double[] band) {
        this.n = n;
        this.w = w;
        this.band = band;
    }

    /**
     * Factors a symmetric positive definite matrix, with the band storage limited to {@link
     * DenseMatrix#MAX_ELEMENTS} doubles.
     *
     * @param a the \(n \times n\) matrix; only its lower triangle is read; not modified
     * @return the factorization
     * @throws NullPointerException         if {@code a} is null
     * @throws DimensionMismatchException   if {@code a} is not square
     * @throws NonFiniteValueException      if a stored entry of the lower triangle is NaN or infinite
     * @throws SizeLimitExceededException   if \(n(w + 1)\) exceeds the limit
     * @throws NotPositiveDefiniteException if a pivot is not positive; the message names the row
     */
    public static BandedCholesky factor(SparseMatrix a) {
        return factor(a, DenseMatrix.MAX_ELEMENTS);
    }

    /**
     * Factors a symmetric positive definite matrix with an explicit limit on the band storage.
     *
     * @param a          the \(n \times n\) matrix; only its lower triangle is read; not modified
     * @param maxEntries the most doubles the band may hold, \(\ge 0\)
     * @return the factorization
     * @throws NullPointerException         if {@code a} is null
     * @throws IllegalArgumentException     if {@code maxEntries} is negative
     * @throws DimensionMismatchException   if {@code a} is not square
     * @throws NonFiniteValueException      if a stored entry of the lower triangle is NaN or infinite
     * @throws SizeLimitExceededException   if \(n(w + 1)\) exceeds {@code maxEntries}; thrown before
     *     allocating
     * @throws NotPositiveDefiniteException if a pivot is not positive; the message names the row
     */
    public static BandedCholesky factor(SparseMatrix a, long maxEntries) {
        Require.square("a", a);
        Require.nonNegative("maxEntries", maxEntries);
        int n = a.rows();
        int[] width = {0};
        a.forEachNonZero((i, j, v) -> {
            if (i >= j) {
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException("a", i, j, v);
                }
                if (v != 0.0) {
                    width[0] = Math.max(width[0], i - j);
                }
            }
        });
        int w = width[0];
        long entries = (long) n * (w + 1);
        if (entries > maxEntries) {
            throw new SizeLimitExceededException(
                    "band storage of an order-" + n + " matrix with half-bandwidth " + w + " (doubles)",
                    entries,
                    maxEntries);
        }
        double[] band = new double[(int) entries];
        int stride = w + 1;
        a.forEachNonZero((i, j, v) -> {
            if (i >= j && v != 0.0) {
                band[i * stride + (j - i + w)] = v;
            }
        });
        for (int i = 0; i < n; i++) {
            int bi = i * stride - i + w; // band[bi + k] holds L(i, k)
            int k0 = Math.max(0, i - w);
            for (int j = k0; j <= i; j++) {
                int bj = j * stride - j + w;
                double s = band[bi + j];
                for (int k = k0; k < j; k++) {
                    s -= band[bi + k] * band[bj + k];
                }
                if (j < i) {
                    band[bi + j] = s / band[bj + j];
                } else {
                    if (!(s > 0.0)) {
                        throw new NotPositiveDefiniteException("matrix is not positive definite: pivot " + s
                                + " at row " + i + " (leading minor of order " + (i + 1) + ")");
                    }
                    band[bi + i] = Math.sqrt(s);
                }
            }
        }
        return new BandedCholesky(n, w, band);
    }

    /**
     * The order \(n\).
     *
     * @return \(n\)
     */
    public int order() {
        return n;
    }

    /**
     * The half-bandwidth \(w\) of the factored matrix.
     *
     * @return \(w \ge 0\)
     */
    public int halfBandwidth() {
        return w;
    }

    /**
     * Entry \((i, j)\) of the factor \(L\).
     *
     * @param i row, {@code 0 <= i < n}
     * @param j column, {@code 0 <= j < n}
     * @return \(L_{ij}\); 0 above the diagonal and outside the band
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public double factorEntry(int i, int j) {
        if (i < 0 || i >= n || j < 0 || j >= n) {
            throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + n + "x" + n + " matrix");
        }
        if (j > i || i - j > w) {
            return 0.0;
        }
        return band[i * (w + 1) + (j - i + w)];
    }

    /**
     * Solves \(AX = B\).
     *
     * @param b \(B\), \(n \times p\), dense or sparse; not modified; must be finite
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if {@code b} is null
     * @throws DimensionMismatchException if {@code b.rows() != n}
     * @throws NonFiniteValueException    if {@code b} holds NaN or an infinity
     */
    public DenseMatrix solve(Matrix b) {
        Objects.requireNonNull(b, "b");
        if (b.rows() != n) {
            throw new DimensionMismatchException("b has " + b.rows() + " rows, the matrix has order " + n);
        }
        Require.allFinite("b", b);
        DenseMatrix x = DenseMatrix.zeros(n, b.cols());
        x.copyFrom(b);
        solveInPlace(x);
        return x;
    }

    /**
     * Solves \(AX = B\) in place: on return {@code b} holds \(X\). Kernel-level: the input is not
     * scanned for NaN, which propagates.
     *
     * @param b \(B\), \(n \times p\); overwritten by \(X\)
     * @throws NullPointerException       if {@code b} is null
     * @throws DimensionMismatchException if {@code b.rows() != n}
     */
    public void solveInPlace(DenseMatrix b) {
        Objects.requireNonNull(b, "b");
        if (b.rows() != n) {
            throw new DimensionMismatchException("b has " + b.rows() + " rows, the matrix has order " + n);
        }
        double[] d = b.data();
        int stride = w + 1;
        for (int c = 0; c < b.cols(); c++) {
            int off = b.offset() + c * b.ld();
            // Forward: L y = b, row i of L is contiguous.
            for (int i = 0; i < n; i++) {
                int bi = i * stride - i + w;
                double s = d[off + i];
                for (int k = Math.max(0, i - w); k < i; k++) {
                    s -= band[bi + k] * d[off + k];
                }
                d[off + i] = s / band[bi + i];
            }
            // Backward: L^T x = y, column-oriented so that row i of L is read contiguously.
            for (int i = n - 1; i >= 0; i--) {
                int bi = i * stride - i + w;
                double xi = d[off + i] / band[bi + i];
                d[off + i] = xi;
                for (int k = Math.max(0, i - w); k < i; k++) {
                    d[off + k] -= band[bi + k] * xi;
                }
            }
        }
    }
}
