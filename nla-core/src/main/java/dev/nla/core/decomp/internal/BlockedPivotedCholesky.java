package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.PivotedCholesky;
import dev.nla.core.decomp.PivotedCholeskyResult;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Blocked Cholesky with complete pivoting in pure Java (the algorithm of LAPACK {@code dpstrf}
 * [Lucas 2004; Hammarling, Higham and Lucas 2008]).
 *
 * <p>Within a block of {@value #BLOCK} columns the factorization is left-looking: the Schur
 * complement's diagonal is kept up to date with running sums of squares (so the pivot can be
 * chosen), and column \(j\) is computed from the block's previous columns by one matrix-vector
 * product. Between blocks the trailing matrix is updated with one {@code syrk}. Pivoting swaps rows
 * and columns symmetrically inside the stored lower triangle.
 */
public final class BlockedPivotedCholesky implements PivotedCholesky {
    /** Columns per block. */
    static final int BLOCK = 64;

    /** \(\sqrt{u}\): Schur-complement diagonals below \(-\sqrt{u}\max a_{ii}\) mean indefinite. */
    private static final double INDEFINITE = Math.sqrt(0x1.0p-53);

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public BlockedPivotedCholesky() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public BlockedPivotedCholesky(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public PivotedCholeskyResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        return factor(a, Math.max(a.rows(), 1) * 0x1.0p-53);
    }

    @Override
    public PivotedCholeskyResult factor(Matrix a, double relativeTolerance) {
        Objects.requireNonNull(a, "a");
        if (!(relativeTolerance >= 0) || relativeTolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "relativeTolerance must be non-negative and finite, got " + relativeTolerance);
        }
        Checks.square("pivoted cholesky", "a", a);
        DenseMatrix w = RecursiveCholesky.lowerCopy(a);
        Backend be = backend != null ? backend : Backends.active();
        int n = w.rows();
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, w.get(i, i));
        }
        int rank = factorInPlace(be, w, perm, relativeTolerance * maxDiag, maxDiag);
        DenseMatrix l = DenseMatrix.zeros(n, rank);
        for (int j = 0; j < rank; j++) {
            for (int i = j; i < n; i++) {
                l.set(i, j, w.get(i, j));
            }
        }
        return new PivotedCholeskyResult(l, perm, rank);
    }

    /**
     * Factors the lower triangle of {@code a} in place with pivoting; returns the rank. Columns
     * {@code 0..rank-1} then hold \(L\).
     */
    static int factorInPlace(Backend be, DenseMatrix a, int[] perm, double stop, double maxDiag) {
        int n = a.rows();
        double[] d = a.data();
        int lda = a.ld();
        int base = a.offset();
        double[] dots = new double[n];
        for (int k0 = 0; k0 < n; k0 += BLOCK) {
            int jb = Math.min(BLOCK, n - k0);
            java.util.Arrays.fill(dots, k0, n, 0.0);
            for (int j = k0; j < k0 + jb; j++) {
                if (j > k0) {
                    int prev = base + (j - 1) * lda;
                    for (int i = j; i < n; i++) {
                        double v = d[prev + i];
                        dots[i] += v * v;
                    }
                }
                int pvt = j;
                double best = d[base + j + j * lda] - dots[j];
                for (int i = j + 1; i < n; i++) {
                    double di = d[base + i + i * lda] - dots[i];
                    if (di > best) {
                        best = di;
                        pvt = i;
                    }
                }
                if (!(best > stop)) {
                    requireSemidefinite(d, base, lda, dots, j, n, maxDiag);
                    return j;
                }
                if (pvt != j) {
                    swapSymmetric(d, base, lda, n, j, pvt);
                    double t = dots[j];
                    dots[j] = dots[pvt];
                    dots[pvt] = t;
                    int p = perm[j];
                    perm[j] = perm[pvt];
                    perm[pvt] = p;
                }
                double ljj = Math.sqrt(best);
                int cj = base + j * lda;
                d[cj + j] = ljj;
                if (j < n - 1) {
                    if (j > k0) {
                        // A[j+1:, j] -= A[j+1:, k0:j] A[j, k0:j]^T
                        be.gemv(
                                Transpose.NO_TRANSPOSE,
                                n - j - 1,
                                j - k0,
                                -1.0,
                                d,
                                base + j + 1 + k0 * lda,
                                lda,
                                d,
                                base + j + k0 * lda,
                                lda,
                                1.0,
                                d,
                                cj + j + 1,
                                1);
                    }
                    be.scal(n - j - 1, 1.0 / ljj, d, cj + j + 1, 1);
                }
            }
            int next = k0 + jb;
            if (next < n) {
                Blas.syrk(
                        be,
                        Triangle.LOWER,
                        Transpose.NO_TRANSPOSE,
                        -1.0,
                        a.view(next, k0, n - next, jb),
                        1.0,
                        a.view(next, next, n - next, n - next));
            }
        }
        return n;
    }

    /** Throws if a remaining Schur-complement diagonal entry is clearly negative. */
    private static void requireSemidefinite(
            double[] d, int base, int lda, double[] dots, int from, int n, double maxDiag) {
        double limit = -INDEFINITE * Math.max(maxDiag, 0.0);
        for (int i = from; i < n; i++) {
            double di = d[base + i + i * lda] - dots[i];
            if (di < limit || (maxDiag <= 0 && di < 0)) {
                throw new NotPositiveDefiniteException(
                        "pivoted cholesky: the matrix is not positive semidefinite: after " + from
                                + " steps the remaining diagonal entry " + i + " (in pivoted order) is " + di);
            }
        }
    }

    /** Swaps rows and columns j and p (j < p) of the symmetric matrix stored in its lower triangle. */
    private static void swapSymmetric(double[] d, int base, int lda, int n, int j, int p) {
        // Rows j and p of the columns to the left (the computed part of L).
        for (int c = 0; c < j; c++) {
            int col = base + c * lda;
            double t = d[col + j];
            d[col + j] = d[col + p];
            d[col + p] = t;
        }
        int dj = base + j + j * lda;
        int dp = base + p + p * lda;
        double t = d[dj];
        d[dj] = d[dp];
        d[dp] = t;
        // Column j below row j against row p right of column j.
        for (int i = j + 1; i < p; i++) {
            int a1 = base + i + j * lda;
            int a2 = base + p + i * lda;
            double s = d[a1];
            d[a1] = d[a2];
            d[a2] = s;
        }
        // Below row p: columns j and p.
        for (int i = p + 1; i < n; i++) {
            int a1 = base + i + j * lda;
            int a2 = base + i + p * lda;
            double s = d[a1];
            d[a1] = d[a2];
            d[a2] = s;
        }
    }
}
