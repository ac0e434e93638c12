package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.PivotedQr;
import dev.nla.core.decomp.PivotedQrResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Blocked QR with column pivoting in pure Java (the algorithm of LAPACK {@code dgeqp3}/{@code
 * dlaqps} [QSB 1998]).
 *
 * <p>Column pivoting needs the norms of the trailing columns after every step, which forbids
 * deferring the whole update as blocked QR does. The blocked algorithm defers it anyway, and keeps
 * what the pivot choice needs exact: within a block of \(n_b\) steps, with reflectors \(V\) and the
 * accumulated \(F = A^{\mathsf T} V T\) (so that \(Q^{\mathsf T}A = A - VF^{\mathsf T}\) on the
 * trailing columns),
 *
 * <ul>
 *   <li>the pivot column alone is brought up to date, \(a_j \leftarrow a_j - V F_{j,:}^{\mathsf
 *       T}\), before its reflector is generated;
 *   <li>column \(j\) of \(F\) is \(\tau_j (A^{\mathsf T}v_j - F V^{\mathsf T}v_j)\) (two
 *       matrix-vector products);
 *   <li>only the current row of the trailing matrix is updated, which gives the exact new
 *       \(r_{jk}\) and so the downdated norms \(\|a_k\|^2 \leftarrow \|a_k\|^2 - r_{jk}^2\);
 *   <li>after the block, the rest of the trailing matrix is updated with one GEMM, \(A \leftarrow A
 *       - VF^{\mathsf T}\).
 * </ul>
 *
 * Downdating loses accuracy when a norm drops by more than a factor \(u^{-1/4}\) since it was last
 * computed; that test follows Drmač and Bujanović [2008] (LAPACK 3.1+), and a column that fails it
 * ends the block early so that its norm is recomputed from the updated entries. About half of the
 * flops are matrix-vector products, as in LAPACK. The last {@value #CROSSOVER} columns are factored
 * one at a time ({@code dlaqp2}).
 */
public final class BlockedPivotedQr implements PivotedQr {
    /** Columns per block. */
    static final int BLOCK = 32;

    /** Below this many remaining columns the unblocked algorithm finishes the factorization. */
    static final int CROSSOVER = 64;

    /** \(\sqrt{u}\): the norm-downdating safety threshold of LAPACK's {@code tol3z}. */
    private static final double TOL3Z = Math.sqrt(0x1.0p-53);

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public BlockedPivotedQr() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public BlockedPivotedQr(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    @Override
    public PivotedQrResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        return factorChecked(Checks.copyOf(a));
    }

    @Override
    public PivotedQrResult factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        return factorChecked(overwrittenA);
    }

    private PivotedQrResult factorChecked(DenseMatrix a) {
        Backend be = backend != null ? backend : Backends.active();
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        int[] jpvt = new int[n];
        double[] vn1 = new double[n];
        double[] vn2 = new double[n];
        for (int j = 0; j < n; j++) {
            jpvt[j] = j;
            vn1[j] = be.nrm2(m, a.data(), a.offset() + j * a.ld(), 1);
            vn2[j] = vn1[j];
        }
        double[] tau = new double[k];
        int j = 0;
        if (k - j > CROSSOVER) {
            DenseMatrix f = DenseMatrix.zeros(n, BLOCK);
            while (k - j > CROSSOVER) {
                j += blockStep(be, a, j, Math.min(BLOCK, k - j), jpvt, tau, vn1, vn2, f);
            }
        }
        unblocked(be, a, j, jpvt, tau, vn1, vn2);
        return new PivotedQrResult(new CompactQr(a, tau), jpvt);
    }

    /**
     * Up to {@code nb} pivoted Householder steps starting at column (and row) {@code j0} with the
     * trailing update deferred (LAPACK {@code dlaqps}).
     *
     * @return the number of steps done, between 1 and {@code nb}
     */
    static int blockStep(
            Backend be,
            DenseMatrix a,
            int j0,
            int nb,
            int[] jpvt,
            double[] tau,
            double[] vn1,
            double[] vn2,
            DenseMatrix fStore) {
        int m = a.rows();
        int n = a.cols();
        int nTrail = n - j0;
        double[] d = a.data();
        int lda = a.ld();
        int base = a.offset();
        DenseMatrix f = fStore.view(0, 0, nTrail, nb);
        f.fill(0.0);
        double[] fd = f.data();
        int ldf = f.ld();
        int fo = f.offset();
        double[] aux = new double[nb];
        int[] recompute = new int[nTrail];
        int recomputeCount = 0;
        int kb = 0;
        for (int kk = 0; kk < nb; kk++) {
            int col = j0 + kk;
            int rk = col;
            int pvt = col + argMax(vn1, col, n);
            if (pvt != col) {
                swapColumns(d, base, lda, m, pvt, col);
                for (int c = 0; c < kk; c++) {
                    int fc = fo + c * ldf;
                    double t = fd[fc + pvt - j0];
                    fd[fc + pvt - j0] = fd[fc + kk];
                    fd[fc + kk] = t;
                }
                int t = jpvt[pvt];
                jpvt[pvt] = jpvt[col];
                jpvt[col] = t;
                vn1[pvt] = vn1[col];
                vn2[pvt] = vn2[col];
            }
            int rows = m - rk;
            int colStart = base + rk + col * lda; // a[rk, col]
            if (kk > 0) {
                // a[rk:, col] -= V[rk:, 0:kk] F[kk, 0:kk]^T
                be.gemv(
                        Transpose.NO_TRANSPOSE,
                        rows,
                        kk,
                        -1.0,
                        d,
                        base + rk + j0 * lda,
                        lda,
                        fd,
                        fo + kk,
                        ldf,
                        1.0,
                        d,
                        colStart,
                        1);
            }
            double t = Householder.generate(rows, d, colStart, colStart + 1, 1);
            tau[col] = t;
            double akk = d[colStart];
            d[colStart] = 1.0;
            int fColK = fo + kk * ldf;
            if (col < n - 1) {
                // F[kk+1:, kk] = tau A[rk:, col+1:]^T v
                be.gemv(
                        Transpose.TRANSPOSE,
                        rows,
                        n - col - 1,
                        t,
                        d,
                        colStart + lda,
                        lda,
                        d,
                        colStart,
                        1,
                        0.0,
                        fd,
                        fColK + kk + 1,
                        1);
            }
            for (int i = 0; i <= kk; i++) {
                fd[fColK + i] = 0.0;
            }
            if (kk > 0 && t != 0.0) {
                // F[:, kk] -= tau F[:, 0:kk] V[rk:, 0:kk]^T v
                be.gemv(
                        Transpose.TRANSPOSE,
                        rows,
                        kk,
                        -t,
                        d,
                        base + rk + j0 * lda,
                        lda,
                        d,
                        colStart,
                        1,
                        0.0,
                        aux,
                        0,
                        1);
                be.gemv(Transpose.NO_TRANSPOSE, nTrail, kk, 1.0, fd, fo, ldf, aux, 0, 1, 1.0, fd, fColK, 1);
            }
            if (col < n - 1) {
                // a[rk, col+1:] -= A[rk, j0:col+1] F[kk+1:, 0:kk+1]^T
                be.gemv(
                        Transpose.NO_TRANSPOSE,
                        n - col - 1,
                        kk + 1,
                        -1.0,
                        fd,
                        fo + kk + 1,
                        ldf,
                        d,
                        base + rk + j0 * lda,
                        lda,
                        1.0,
                        d,
                        colStart + lda,
                        lda);
            }
            // Downdate the trailing norms with the new row of R.
            for (int c = col + 1; c < n; c++) {
                if (vn1[c] != 0.0) {
                    double ratio = Math.abs(d[base + rk + c * lda]) / vn1[c];
                    double temp = Math.max(0.0, (1.0 + ratio) * (1.0 - ratio));
                    double drift = temp * (vn1[c] / vn2[c]) * (vn1[c] / vn2[c]);
                    if (drift <= TOL3Z) {
                        recompute[recomputeCount++] = c;
                    } else {
                        vn1[c] *= Math.sqrt(temp);
                    }
                }
            }
            d[colStart] = akk;
            kb = kk + 1;
            if (recomputeCount > 0) {
                break;
            }
        }
        int next = j0 + kb;
        if (m > next && n > next) {
            // A[next:, next:] -= V[next:, 0:kb] F[kb:, 0:kb]^T
            Blas.gemm(
                    be,
                    Transpose.NO_TRANSPOSE,
                    Transpose.TRANSPOSE,
                    -1.0,
                    a.view(next, j0, m - next, kb),
                    f.view(kb, 0, nTrail - kb, kb),
                    1.0,
                    a.view(next, next, m - next, n - next));
        }
        for (int r = 0; r < recomputeCount; r++) {
            int c = recompute[r];
            vn1[c] = next < m ? be.nrm2(m - next, d, base + next + c * lda, 1) : 0.0;
            vn2[c] = vn1[c];
        }
        return kb;
    }

    /** Pivoted Householder QR one column at a time from column {@code j0} (LAPACK {@code dlaqp2}). */
    static void unblocked(Backend be, DenseMatrix a, int j0, int[] jpvt, double[] tau, double[] vn1, double[] vn2) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        double[] d = a.data();
        int lda = a.ld();
        int base = a.offset();
        double[] work = new double[Math.max(n, 1)];
        for (int col = j0; col < k; col++) {
            int pvt = col + argMax(vn1, col, n);
            if (pvt != col) {
                swapColumns(d, base, lda, m, pvt, col);
                int t = jpvt[pvt];
                jpvt[pvt] = jpvt[col];
                jpvt[col] = t;
                vn1[pvt] = vn1[col];
                vn2[pvt] = vn2[col];
            }
            int colStart = base + col + col * lda;
            double t = Householder.generate(m - col, d, colStart, colStart + 1, 1);
            tau[col] = t;
            if (col < n - 1) {
                double akk = d[colStart];
                d[colStart] = 1.0;
                Householder.applyLeft(be, m - col, n - col - 1, d, colStart, t, d, colStart + lda, lda, work);
                d[colStart] = akk;
            }
            for (int c = col + 1; c < n; c++) {
                if (vn1[c] != 0.0) {
                    double ratio = Math.abs(d[base + col + c * lda]) / vn1[c];
                    double temp = Math.max(0.0, (1.0 + ratio) * (1.0 - ratio));
                    double drift = temp * (vn1[c] / vn2[c]) * (vn1[c] / vn2[c]);
                    if (drift <= TOL3Z) {
                        vn1[c] = col < m - 1 ? be.nrm2(m - col - 1, d, base + col + 1 + c * lda, 1) : 0.0;
                        vn2[c] = vn1[c];
                    } else {
                        vn1[c] *= Math.sqrt(temp);
                    }
                }
            }
        }
    }

    /** Index (relative to {@code from}) of the first largest entry of {@code v[from:to]}. */
    private static int argMax(double[] v, int from, int to) {
        int best = from;
        for (int j = from + 1; j < to; j++) {
            if (v[j] > v[best]) {
                best = j;
            }
        }
        return best - from;
    }

    private static void swapColumns(double[] d, int base, int lda, int m, int p, int q) {
        int cp = base + p * lda;
        int cq = base + q * lda;
        for (int i = 0; i < m; i++) {
            double t = d[cp + i];
            d[cp + i] = d[cq + i];
            d[cq + i] = t;
        }
    }
}
