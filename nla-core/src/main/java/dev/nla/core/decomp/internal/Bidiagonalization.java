package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;

/**
 * Blocked Householder reduction of an \(m \times n\) matrix, \(m \ge n\), to upper bidiagonal form
 * \(A = Q B P^{\mathsf T}\) (LAPACK dgebrd with dlabrd) [Golub and Van Loan 2013, §5.4.8], [Dongarra, Hammarling and
 * Sorensen 1989].
 *
 * <p>Each block of \(n_b\) columns and rows is reduced by \(n_b\) left/right reflector pairs while
 * the updates of the trailing matrix are accumulated in \(X\) (\(m \times n_b\)) and \(Y\) (\(n
 * \times n_b\)); the trailing matrix then receives \(A \leftarrow A - V Y^{\mathsf T} - X
 * U^{\mathsf T}\) as two GEMMs. About half of the \(4mn^2 - \tfrac43 n^3\) flops are in those
 * GEMMs; the rest are matrix-vector products with the trailing matrix.
 *
 * <p>Storage on return (as dgebrd): the diagonal and superdiagonal of \(B\) in {@code d}, {@code
 * e}; reflector \(H_j\) (\(Q = H_0 \cdots H_{n-1}\)) in column \(j\) below the diagonal, and
 * reflector \(G_j\) (\(P = G_0 \cdots G_{n-2}\)) in row \(j\) right of the superdiagonal.
 */
public final class Bidiagonalization {
    private static final int BLOCK = 32;
    private static final int CROSSOVER = 64;

    private Bidiagonalization() {}

    /**
     * Reduces the \(m \times n\) matrix (\(m \ge n\)) in place.
     *
     * @param be   the kernels
     * @param m    rows, {@code >= n}
     * @param n    columns
     * @param a    storage; overwritten with the reflectors (see the class comment)
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param d    receives the \(n\) diagonal entries of \(B\)
     * @param e    receives the \(n - 1\) superdiagonal entries of \(B\)
     * @param tauq receives the \(n\) scalars of the left reflectors
     * @param taup receives the \(n\) scalars of the right reflectors (the last is 0)
     */
    public static void reduce(
            Backend be,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] d,
            double[] e,
            double[] tauq,
            double[] taup) {
        if (n == 0) {
            return;
        }
        int nb = n < CROSSOVER ? n : BLOCK;
        int i = 0;
        double[] x = new double[m * nb];
        double[] y = new double[n * nb];
        while (n - i > nb) {
            int mm = m - i;
            int nn = n - i;
            int blk = aOff + i + i * lda;
            panel(be, mm, nn, nb, a, blk, lda, d, e, tauq, taup, i, x, mm, y, nn);
            // A22 -= V * Y22^T ; A22 -= X * U22^T
            int a22 = blk + nb + nb * lda;
            be.gemm(
                    Transpose.NO_TRANSPOSE,
                    Transpose.TRANSPOSE,
                    mm - nb,
                    nn - nb,
                    nb,
                    -1.0,
                    a,
                    blk + nb,
                    lda,
                    y,
                    nb,
                    nn,
                    1.0,
                    a,
                    a22,
                    lda);
            be.gemm(
                    Transpose.NO_TRANSPOSE,
                    Transpose.NO_TRANSPOSE,
                    mm - nb,
                    nn - nb,
                    nb,
                    -1.0,
                    x,
                    nb,
                    mm,
                    a,
                    blk + nb * lda,
                    lda,
                    1.0,
                    a,
                    a22,
                    lda);
            for (int j = 0; j < nb; j++) {
                a[blk + j + j * lda] = d[i + j];
                a[blk + j + (j + 1) * lda] = e[i + j];
            }
            i += nb;
        }
        int mm = m - i;
        int nn = n - i;
        int blk = aOff + i + i * lda;
        panel(be, mm, nn, nn, a, blk, lda, d, e, tauq, taup, i, new double[mm * nn], mm, new double[nn * nn], nn);
        for (int j = 0; j < nn; j++) {
            a[blk + j + j * lda] = d[i + j];
            if (j + 1 < nn) {
                a[blk + j + (j + 1) * lda] = e[i + j];
            }
        }
        taup[n - 1] = 0.0;
    }

    /**
     * dlabrd for \(m \ge n\): reduces the first {@code nb} rows and columns of the {@code mm x nn}
     * block, returning \(X\) and \(Y\). The unit entries of the reflectors are left in place (the
     * caller restores {@code d}, {@code e}).
     */
    private static void panel(
            Backend be,
            int mm,
            int nn,
            int nb,
            double[] a,
            int ao,
            int lda,
            double[] d,
            double[] e,
            double[] tauq,
            double[] taup,
            int base,
            double[] x,
            int ldx,
            double[] y,
            int ldy) {
        final Transpose nt = Transpose.NO_TRANSPOSE;
        final Transpose tr = Transpose.TRANSPOSE;
        for (int i = 0; i < nb; i++) {
            int aii = ao + i + i * lda;
            // Update A(i:mm, i)
            if (i > 0) {
                be.gemv(nt, mm - i, i, -1.0, a, ao + i, lda, y, i, ldy, 1.0, a, aii, 1);
                be.gemv(nt, mm - i, i, -1.0, x, i, ldx, a, ao + i * lda, 1, 1.0, a, aii, 1);
            }
            tauq[base + i] = Householder.generate(mm - i, a, aii, Math.min(aii + 1, ao + mm - 1 + i * lda), 1);
            d[base + i] = a[aii];
            if (i < nn - 1) {
                a[aii] = 1.0;
                int yi = i * ldy;
                // Y(i+1:nn, i)
                be.gemv(tr, mm - i, nn - i - 1, 1.0, a, aii + lda, lda, a, aii, 1, 0.0, y, yi + i + 1, 1);
                if (i > 0) {
                    be.gemv(tr, mm - i, i, 1.0, a, ao + i, lda, a, aii, 1, 0.0, y, yi, 1);
                    be.gemv(nt, nn - i - 1, i, -1.0, y, i + 1, ldy, y, yi, 1, 1.0, y, yi + i + 1, 1);
                    be.gemv(tr, mm - i, i, 1.0, x, i, ldx, a, aii, 1, 0.0, y, yi, 1);
                    be.gemv(tr, i, nn - i - 1, -1.0, a, ao + (i + 1) * lda, lda, y, yi, 1, 1.0, y, yi + i + 1, 1);
                }
                double tq = tauq[base + i];
                for (int r = i + 1; r < nn; r++) {
                    y[yi + r] *= tq;
                }
                // Update A(i, i+1:nn)
                be.gemv(nt, nn - i - 1, i + 1, -1.0, y, i + 1, ldy, a, ao + i, lda, 1.0, a, aii + lda, lda);
                if (i > 0) {
                    be.gemv(tr, i, nn - i - 1, -1.0, a, ao + (i + 1) * lda, lda, x, i, ldx, 1.0, a, aii + lda, lda);
                }
                int aij = aii + lda;
                taup[base + i] =
                        Householder.generate(nn - i - 1, a, aij, Math.min(aij + lda, ao + i + (nn - 1) * lda), lda);
                e[base + i] = a[aij];
                a[aij] = 1.0;
                int xi = i * ldx;
                // X(i+1:mm, i)
                be.gemv(nt, mm - i - 1, nn - i - 1, 1.0, a, aij + 1, lda, a, aij, lda, 0.0, x, xi + i + 1, 1);
                be.gemv(tr, nn - i - 1, i + 1, 1.0, y, i + 1, ldy, a, aij, lda, 0.0, x, xi, 1);
                be.gemv(nt, mm - i - 1, i + 1, -1.0, a, ao + i + 1, lda, x, xi, 1, 1.0, x, xi + i + 1, 1);
                if (i > 0) {
                    be.gemv(nt, i, nn - i - 1, 1.0, a, ao + (i + 1) * lda, lda, a, aij, lda, 0.0, x, xi, 1);
                    be.gemv(nt, mm - i - 1, i, -1.0, x, i + 1, ldx, x, xi, 1, 1.0, x, xi + i + 1, 1);
                }
                double tp = taup[base + i];
                for (int r = i + 1; r < mm; r++) {
                    x[xi + r] *= tp;
                }
            }
        }
    }

    /**
     * Forms the first {@code cols} columns of \(Q\) (\(m \times\) {@code cols}, \(n \le\) {@code
     * cols} \(\le m\)) from the reflectors left by {@link #reduce}.
     *
     * @param be   the kernels
     * @param m    rows of the reduced matrix
     * @param n    columns of the reduced matrix
     * @param cols columns of \(Q\) wanted
     * @param a    the reduced storage; not modified
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param tauq the left scalars; not modified
     * @return \(Q_{:,0:cols}\), compact
     */
    public static double[] formQ(Backend be, int m, int n, int cols, double[] a, int aOff, int lda, double[] tauq) {
        return HouseholderQr.formQ(be, DenseMatrix.wrap(a, aOff, m, n, lda), tauq, n, cols)
                .data();
    }

    /**
     * Forms the \(n \times n\) orthogonal \(P\) from the row-stored reflectors left by {@link
     * #reduce}: \(P = \operatorname{diag}(1, \tilde P)\) where \(\tilde P\) is accumulated from the
     * reflectors transposed into columns.
     *
     * @param be   the kernels
     * @param n    columns of the reduced matrix
     * @param a    the reduced storage; not modified
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param taup the right scalars; not modified
     * @return \(P\), compact \(n \times n\)
     */
    public static double[] formP(Backend be, int n, double[] a, int aOff, int lda, double[] taup) {
        double[] p = new double[Math.max(1, n) * n];
        if (n == 0) {
            return p;
        }
        p[0] = 1.0;
        int k = n - 1;
        if (k == 0) {
            return p;
        }
        // reflector j (acting on coordinates j+1..n-1) as column j of a k x k panel (unit at row j)
        double[] panel = new double[k * k];
        for (int j = 0; j < k; j++) {
            for (int c = j + 1; c < k; c++) {
                panel[c + j * k] = a[aOff + j + (c + 1) * lda];
            }
        }
        double[] sub = HouseholderQr.formQ(be, DenseMatrix.wrap(k, k, panel), taup, k, k)
                .data();
        for (int j = 0; j < k; j++) {
            System.arraycopy(sub, j * k, p, 1 + (j + 1) * n, k);
        }
        return p;
    }
}
