package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * Blocked Householder reduction of a symmetric matrix to tridiagonal form \(A = Q T Q^{\mathsf
 * T}\) (LAPACK dsytrd/dlatrd, lower triangle) [Golub and Van Loan 2013, §8.3.1], [Dongarra, Hammarling and
 * Sorensen 1989].
 *
 * <p>The matrix is kept in <em>full</em> symmetric storage: each block of \(n_b\) reflectors is
 * computed by dlatrd, which accumulates \(W\) so that the trailing matrix receives the rank-\(2
 * n_b\) update \(A \leftarrow A - V W^{\mathsf T} - W V^{\mathsf T}\) as two GEMMs on the full
 * square (twice the flops of a SYR2K, but at GEMM speed and keeping both triangles current, so that
 * the symmetric matrix-vector products inside the panel are plain GEMVs on contiguous columns).
 * Half of the \(\tfrac43 n^3\) flops of the reduction are those matrix-vector products.
 *
 * <p>On return: \(d\), \(e\) hold the tridiagonal matrix; reflector \(H_j\) (\(Q = H_0 \cdots
 * H_{n-2}\)) has its unit at row \(j + 1\) and its essential part in column \(j\), rows \(j + 2
 * \dots n - 1\).
 */
public final class Tridiagonalization {
    private static final int BLOCK = 32;
    private static final int CROSSOVER = 64;

    private Tridiagonalization() {}

    /**
     * Reduces the full symmetric \(n \times n\) matrix in place.
     *
     * @param be   the kernels
     * @param n    order
     * @param a    full symmetric storage (both triangles); overwritten with the reflectors
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param d    receives the \(n\) diagonal entries
     * @param e    receives the \(n - 1\) off-diagonal entries
     * @param tau  receives the \(n - 1\) reflector scalars
     */
    public static void reduce(Backend be, int n, double[] a, int aOff, int lda, double[] d, double[] e, double[] tau) {
        if (n == 0) {
            return;
        }
        int nb = BLOCK;
        int i = 0;
        double[] w = new double[n * nb];
        if (n > CROSSOVER) {
            while (n - i > CROSSOVER) {
                int nn = n - i;
                int blk = aOff + i + i * lda;
                panel(be, nn, nb, a, blk, lda, e, tau, i, w, nn);
                int rest = nn - nb;
                int a22 = blk + nb + nb * lda;
                // A22 -= V W^T + W V^T  (V = A(nb:, 0:nb), W(nb:, 0:nb))
                be.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.TRANSPOSE,
                        rest,
                        rest,
                        nb,
                        -1.0,
                        a,
                        blk + nb,
                        lda,
                        w,
                        nb,
                        nn,
                        1.0,
                        a,
                        a22,
                        lda);
                be.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.TRANSPOSE,
                        rest,
                        rest,
                        nb,
                        -1.0,
                        w,
                        nb,
                        nn,
                        a,
                        blk + nb,
                        lda,
                        1.0,
                        a,
                        a22,
                        lda);
                for (int j = 0; j < nb; j++) {
                    int jj = blk + j + j * lda;
                    a[jj + 1] = e[i + j];
                    d[i + j] = a[jj];
                }
                i += nb;
            }
        }
        int nn = n - i;
        int blk = aOff + i + i * lda;
        panel(be, nn, nn, a, blk, lda, e, tau, i, new double[nn * nn], nn);
        for (int j = 0; j < nn; j++) {
            int jj = blk + j + j * lda;
            if (j + 1 < nn) {
                a[jj + 1] = e[i + j];
            }
            d[i + j] = a[jj];
        }
    }

    /** dlatrd, lower: reduces the first nb columns of the nn x nn block, returning W. */
    private static void panel(
            Backend be,
            int nn,
            int nb,
            double[] a,
            int ao,
            int lda,
            double[] e,
            double[] tau,
            int base,
            double[] w,
            int ldw) {
        final Transpose nt = Transpose.NO_TRANSPOSE;
        final Transpose tr = Transpose.TRANSPOSE;
        for (int i = 0; i < nb; i++) {
            int aii = ao + i + i * lda;
            if (i > 0) {
                be.gemv(nt, nn - i, i, -1.0, a, ao + i, lda, w, i, ldw, 1.0, a, aii, 1);
                be.gemv(nt, nn - i, i, -1.0, w, i, ldw, a, ao + i, lda, 1.0, a, aii, 1);
            }
            if (i < nn - 1) {
                int sub = aii + 1;
                int len = nn - i - 1;
                double t = Householder.generate(len, a, sub, Math.min(sub + 1, ao + nn - 1 + i * lda), 1);
                tau[base + i] = t;
                e[base + i] = a[sub];
                a[sub] = 1.0;
                int wi = i * ldw;
                // W(i+1:, i) = A(i+1:, i+1:) v   (symmetric block stored in full)
                be.gemv(tr, len, len, 1.0, a, sub + lda, lda, a, sub, 1, 0.0, w, wi + i + 1, 1);
                if (i > 0) {
                    be.gemv(tr, len, i, 1.0, w, i + 1, ldw, a, sub, 1, 0.0, w, wi, 1);
                    be.gemv(nt, len, i, -1.0, a, ao + i + 1, lda, w, wi, 1, 1.0, w, wi + i + 1, 1);
                    be.gemv(tr, len, i, 1.0, a, ao + i + 1, lda, a, sub, 1, 0.0, w, wi, 1);
                    be.gemv(nt, len, i, -1.0, w, i + 1, ldw, w, wi, 1, 1.0, w, wi + i + 1, 1);
                }
                double dot = 0.0;
                for (int r = 0; r < len; r++) {
                    w[wi + i + 1 + r] *= t;
                    dot += w[wi + i + 1 + r] * a[sub + r];
                }
                double alpha = -0.5 * t * dot;
                for (int r = 0; r < len; r++) {
                    w[wi + i + 1 + r] += alpha * a[sub + r];
                }
            }
        }
    }

    /**
     * Forms \(Q = H_0 \cdots H_{n-2} = \operatorname{diag}(1, \tilde Q)\) from the reflectors left by
     * {@link #reduce} (dorgtr), by blocked accumulation.
     *
     * @param be   the kernels
     * @param n    order
     * @param a    the reduced storage; not modified
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param tau  the reflector scalars; not modified
     * @return \(Q\), compact \(n \times n\)
     */
    public static double[] formQ(Backend be, int n, double[] a, int aOff, int lda, double[] tau) {
        double[] q = new double[Math.max(1, n) * n];
        if (n == 0) {
            return q;
        }
        q[0] = 1.0;
        int k = n - 1;
        if (k == 0) {
            return q;
        }
        double[] sub = HouseholderQr.formQ(be, DenseMatrix.wrap(a, aOff + 1, k, k, lda), tau, k, k)
                .data();
        for (int j = 0; j < k; j++) {
            System.arraycopy(sub, j * k, q, 1 + (j + 1) * n, k);
        }
        return q;
    }
}
