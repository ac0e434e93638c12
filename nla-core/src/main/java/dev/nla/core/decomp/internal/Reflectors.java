package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;

/**
 * Householder reflectors \(H = I - \tau v v^{\mathsf T}\) with \(v_0 = 1\) (LAPACK convention), their
 * compact-WY blocks \(H_0 H_1 \cdots H_{k-1} = I - V T V^{\mathsf T}\) [Schreiber and Van Loan 1989],
 * and the blocked Householder QR built from them, on raw column-major storage.
 *
 * <p>Level-3 work (block application, trailing updates) goes through the active {@link Backend}'s
 * GEMM and TRMM; only the panels are level 2. Storage conventions are LAPACK's: a reflector's
 * essential part \(v_{1:}\) is stored below (or right of) the entry it annihilates into, and the
 * unit \(v_0\) is implicit.
 */
public final class Reflectors {
    private static final double SAFMIN = Double.MIN_NORMAL / 0x1.0p-53;

    private Reflectors() {}

    /**
     * Euclidean norm of a strided vector without overflow or harmful underflow.
     *
     * @param n   length
     * @param x   storage; not modified
     * @param off index of the first entry
     * @param inc stride, {@code >= 1}
     * @return \(\|x\|_2\)
     */
    public static double nrm2(int n, double[] x, int off, int inc) {
        // Neumaier-compensated sum of squares: plain recursive summation errs by up to n*u, and does
        // so systematically when many entries are equal (rounding-level columns of a rank-deficient
        // matrix), which would make tau inconsistent with v and cost orthogonality in Q.
        double sum = 0.0;
        double comp = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            double t = x[p] * x[p];
            double s = sum + t;
            comp += sum >= t ? (sum - s) + t : (t - s) + sum;
            sum = s;
        }
        sum += comp;
        if (sum > 0x1.0p-900 && sum < 0x1.0p900) {
            return Math.sqrt(sum);
        }
        // tiny (possibly all squares underflowed), huge or non-finite: rescale by the largest entry
        double scale = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            scale = Math.max(scale, Math.abs(x[p]));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return scale;
        }
        double ss = 0.0;
        double cc = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            double r = x[p] / scale;
            double t = r * r;
            double s = ss + t;
            cc += ss >= t ? (ss - s) + t : (t - s) + ss;
            ss = s;
        }
        return scale * Math.sqrt(ss + cc);
    }

    /**
     * \(\sqrt{a^2 + b^2}\) without overflow or harmful underflow (dlapy2).
     *
     * @param a first value
     * @param b second value
     * @return the hypotenuse
     */
    public static double hypot(double a, double b) {
        double x = Math.abs(a);
        double y = Math.abs(b);
        double w = Math.max(x, y);
        double z = Math.min(x, y);
        if (z == 0.0 || w > 0x1.0p500 || z < 0x1.0p-500) {
            return z == 0.0 ? w : w * Math.sqrt(1.0 + (z / w) * (z / w));
        }
        return Math.sqrt(x * x + y * y);
    }

    /**
     * Generates a reflector with \(H \begin{pmatrix}\alpha \\ x\end{pmatrix} = \begin{pmatrix}\beta
     * \\ 0\end{pmatrix}\), \(H^{\mathsf T} H = I\) (dlarfg). On return {@code a[alpha]} holds
     * \(\beta\) and \(x\) holds \(v_{1:}\).
     *
     * @param n     order of \(H\) (length of \((\alpha, x)\)), {@code >= 0}
     * @param a     storage; overwritten
     * @param alpha index of \(\alpha\)
     * @param xOff  index of \(x_0\)
     * @param inc   stride of \(x\)
     * @return \(\tau\) (0 when \(x = 0\), so that \(H = I\))
     */
    public static double generate(int n, double[] a, int alpha, int xOff, int inc) {
        if (n <= 1) {
            return 0.0;
        }
        double xnorm = nrm2(n - 1, a, xOff, inc);
        if (xnorm == 0.0) {
            return 0.0;
        }
        double alph = a[alpha];
        double beta = -Math.copySign(hypot(alph, xnorm), alph);
        int knt = 0;
        if (Math.abs(beta) < SAFMIN) {
            double rsafmn = 1.0 / SAFMIN;
            do {
                knt++;
                scal(n - 1, rsafmn, a, xOff, inc);
                beta *= rsafmn;
                alph *= rsafmn;
            } while (Math.abs(beta) < SAFMIN && knt < 20);
            xnorm = nrm2(n - 1, a, xOff, inc);
            beta = -Math.copySign(hypot(alph, xnorm), alph);
        }
        double tau = (beta - alph) / beta;
        scal(n - 1, 1.0 / (alph - beta), a, xOff, inc);
        for (int j = 0; j < knt; j++) {
            beta *= SAFMIN;
        }
        a[alpha] = beta;
        return tau;
    }

    private static void scal(int n, double alpha, double[] x, int off, int inc) {
        for (int i = 0, p = off; i < n; i++, p += inc) {
            x[p] *= alpha;
        }
    }

    /**
     * Applies \(H = I - \tau v v^{\mathsf T}\) from the left to the \(m \times n\) matrix \(C\),
     * where \(v_0 = 1\) is implicit and \(v_{1:}\) is stored at {@code v[vOff + i*inc]}, {@code i >=
     * 1}.
     *
     * @param m    rows of \(C\) (length of \(v\))
     * @param n    columns of \(C\)
     * @param v    storage of \(v\); not modified
     * @param vOff index of the (implicit) \(v_0\)
     * @param inc  stride of \(v\)
     * @param tau  \(\tau\)
     * @param c    storage of \(C\); overwritten
     * @param cOff index of \(c_{00}\)
     * @param ldc  leading dimension of \(C\)
     */
    public static void applyLeft(
            int m, int n, double[] v, int vOff, int inc, double tau, double[] c, int cOff, int ldc) {
        if (tau == 0.0 || m == 0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int col = cOff + j * ldc;
            double w = c[col];
            for (int i = 1, p = vOff + inc; i < m; i++, p += inc) {
                w += v[p] * c[col + i];
            }
            w *= tau;
            c[col] -= w;
            for (int i = 1, p = vOff + inc; i < m; i++, p += inc) {
                c[col + i] -= w * v[p];
            }
        }
    }

    /**
     * Applies \(H = I - \tau v v^{\mathsf T}\) from the right to the \(m \times n\) matrix \(C\)
     * (\(v\) of length \(n\), \(v_0 = 1\) implicit).
     *
     * @param m    rows of \(C\)
     * @param n    columns of \(C\) (length of \(v\))
     * @param v    storage of \(v\); not modified
     * @param vOff index of the (implicit) \(v_0\)
     * @param inc  stride of \(v\)
     * @param tau  \(\tau\)
     * @param c    storage of \(C\); overwritten
     * @param cOff index of \(c_{00}\)
     * @param ldc  leading dimension of \(C\)
     * @param work scratch of length at least \(m\); overwritten
     */
    public static void applyRight(
            int m, int n, double[] v, int vOff, int inc, double tau, double[] c, int cOff, int ldc, double[] work) {
        if (tau == 0.0 || n == 0) {
            return;
        }
        System.arraycopy(c, cOff, work, 0, m);
        for (int j = 1, p = vOff + inc; j < n; j++, p += inc) {
            double vj = v[p];
            int col = cOff + j * ldc;
            for (int i = 0; i < m; i++) {
                work[i] += vj * c[col + i];
            }
        }
        for (int i = 0; i < m; i++) {
            c[cOff + i] -= tau * work[i];
        }
        for (int j = 1, p = vOff + inc; j < n; j++, p += inc) {
            double f = tau * v[p];
            int col = cOff + j * ldc;
            for (int i = 0; i < m; i++) {
                c[col + i] -= f * work[i];
            }
        }
    }

    /**
     * Copies \(k\) column-stored reflectors into an explicit \(m \times k\) matrix \(V\) with unit
     * diagonal and zeros above it, as needed by the GEMM-based block application.
     *
     * @param m    rows of \(V\)
     * @param k    number of reflectors
     * @param a    storage holding reflector \(j\) in rows {@code j+1..m-1} of column \(j\); not
     *     modified
     * @param aOff index of entry (0, 0) of the panel
     * @param lda  leading dimension
     * @return the explicit \(V\), compact ({@code ld = max(1, m)})
     */
    public static double[] explicitV(int m, int k, double[] a, int aOff, int lda) {
        double[] v = new double[Math.max(1, m) * k];
        int ldv = Math.max(1, m);
        for (int j = 0; j < k; j++) {
            if (j < m) {
                v[j + j * ldv] = 1.0;
                System.arraycopy(a, aOff + j + 1 + j * lda, v, j + 1 + j * ldv, m - j - 1);
            }
        }
        return v;
    }

    /**
     * \(x^{\mathsf T} y\) for contiguous vectors, accurate as if computed in twice the working
     * precision (Dot2 of [Ogita, Rump and Oishi 2005], with {@link Math#fma} for the exact products).
     *
     * @param n    length
     * @param x    first vector's storage; not modified
     * @param xOff index of \(x_0\)
     * @param y    second vector's storage; not modified
     * @param yOff index of \(y_0\)
     * @return the dot product
     */
    static double dot2(int n, double[] x, int xOff, double[] y, int yOff) {
        return Rotations.kernel().dot2(n, x, xOff, y, yOff);
    }

    /**
     * The \(k \times k\) upper triangular factor \(T\) with \(H_0 \cdots H_{k-1} = I - V T
     * V^{\mathsf T}\) for an explicit \(V\) (dlarft, forward, columnwise), via \(G = V^{\mathsf T}V\)
     * and \(T_{0:j,j} = -\tau_j T_{0:j,0:j} G_{0:j,j}\).
     *
     * @param m    rows of \(V\)
     * @param k    number of reflectors
     * @param v    explicit \(V\) ({@code ld = max(1, m)}); not modified
     * @param tau  the \(\tau_j\), {@code tau[tauOff + j]}; not modified
     * @param tauOff offset in {@code tau}
     * @return \(T\), compact \(k \times k\)
     */
    public static double[] triangularFactor(int m, int k, double[] v, double[] tau, int tauOff) {
        double[] t = new double[k * k];
        if (k == 0) {
            return t;
        }
        // G = V^T V, the upper triangle only, with compensated dot products: T must be consistent
        // with V to working precision for I - V T V^T to be orthogonal, and a plain dot product of
        // length m errs by up to m u (coherently so for structured, e.g. constant, data)
        double[] g = new double[k * k];
        int ldv = Math.max(1, m);
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < j; l++) {
                g[l + j * k] = dot2(m - j, v, l * ldv + j, v, j * ldv + j);
            }
        }
        double[] col = new double[k];
        for (int j = 0; j < k; j++) {
            double tj = tau[tauOff + j];
            if (tj != 0.0) {
                for (int i = 0; i < j; i++) {
                    double s = 0.0;
                    for (int l = i; l < j; l++) {
                        s += t[i + l * k] * g[l + j * k];
                    }
                    col[i] = -tj * s;
                }
                for (int i = 0; i < j; i++) {
                    t[i + j * k] = col[i];
                }
            }
            t[j + j * k] = tj;
        }
        return t;
    }

    /**
     * Applies the block reflector \(H = I - V T V^{\mathsf T}\) (or \(H^{\mathsf T}\)) from the left
     * to the \(m \times n\) matrix \(C\) with three level-3 calls (dlarfb): \(W = V^{\mathsf T} C\),
     * \(W \leftarrow T W\) (or \(T^{\mathsf T} W\)), \(C \leftarrow C - V W\).
     *
     * @param transpose {@code true} to apply \(H^{\mathsf T}\)
     * @param m         rows of \(C\) and \(V\)
     * @param n         columns of \(C\)
     * @param k         number of reflectors
     * @param v         explicit \(V\) ({@code ld = max(1, m)}); not modified
     * @param t         \(T\) ({@code ld = k}); not modified
     * @param c         storage of \(C\); overwritten
     * @param cOff      index of \(c_{00}\)
     * @param ldc       leading dimension of \(C\)
     */
    public static void applyBlockLeft(
            boolean transpose, int m, int n, int k, double[] v, double[] t, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        Backend be = Backends.active();
        int ldv = Math.max(1, m);
        double[] w = new double[k * n];
        be.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, k, n, m, 1.0, v, 0, ldv, c, cOff, ldc, 0.0, w, 0, k);
        be.trmm(
                Side.LEFT,
                Triangle.UPPER,
                transpose ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE,
                Diagonal.NON_UNIT,
                k,
                n,
                1.0,
                t,
                0,
                k,
                w,
                0,
                k);
        be.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, n, k, -1.0, v, 0, ldv, w, 0, k, 1.0, c, cOff, ldc);
    }

    /**
     * Applies \(H = I - V T V^{\mathsf T}\) (or \(H^{\mathsf T}\)) from the right to the \(m \times
     * n\) matrix \(C\): \(W = C V\), \(W \leftarrow W T\) (or \(W T^{\mathsf T}\)), \(C \leftarrow C -
     * W V^{\mathsf T}\).
     *
     * @param transpose {@code true} to apply \(H^{\mathsf T}\)
     * @param m         rows of \(C\)
     * @param n         columns of \(C\) and rows of \(V\)
     * @param k         number of reflectors
     * @param v         explicit \(V\) ({@code ld = max(1, n)}); not modified
     * @param t         \(T\) ({@code ld = k}); not modified
     * @param c         storage of \(C\); overwritten
     * @param cOff      index of \(c_{00}\)
     * @param ldc       leading dimension of \(C\)
     */
    public static void applyBlockRight(
            boolean transpose, int m, int n, int k, double[] v, double[] t, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0 || k == 0) {
            return;
        }
        Backend be = Backends.active();
        int ldv = Math.max(1, n);
        double[] w = new double[m * k];
        be.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, m, k, n, 1.0, c, cOff, ldc, v, 0, ldv, 0.0, w, 0, m);
        be.trmm(
                Side.RIGHT,
                Triangle.UPPER,
                transpose ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE,
                Diagonal.NON_UNIT,
                m,
                k,
                1.0,
                t,
                0,
                k,
                w,
                0,
                m);
        be.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, m, n, k, -1.0, w, 0, m, v, 0, ldv, 1.0, c, cOff, ldc);
    }

    /** Block size of the blocked QR and of the accumulation of reflectors. */
    static int blockSize(int n) {
        return n <= 64 ? Math.max(1, Math.min(n, 16)) : 32;
    }

    /**
     * Blocked Householder QR of the \(m \times n\) matrix \(A = QR\) in place (dgeqrf): \(R\) in the
     * upper triangle, reflector \(j\) below the diagonal of column \(j\).
     *
     * @param m    rows
     * @param n    columns
     * @param a    storage; overwritten with \(R\) and the reflectors
     * @param aOff index of \(a_{00}\)
     * @param lda  leading dimension
     * @param tau  receives the \(\min(m, n)\) scalars \(\tau_j\); overwritten
     */
    public static void qr(int m, int n, double[] a, int aOff, int lda, double[] tau) {
        int k = Math.min(m, n);
        int nb = blockSize(k);
        Backend be = Backends.active();
        double[] w = new double[nb];
        double[] v = new double[Math.max(1, m)];
        for (int i = 0; i < k; i += nb) {
            int ib = Math.min(nb, k - i);
            int panel = aOff + i + i * lda;
            for (int j = 0; j < ib; j++) {
                int col = panel + j + j * lda;
                tau[i + j] = generate(m - i - j, a, col, col + 1, 1);
                if (j + 1 < ib && tau[i + j] != 0.0) {
                    // panel update H_j A(j:, j+1:ib): w = A^T v by GEMV, then A -= tau v w^T column by
                    // column from a private copy of v (distinct arrays, so the loop vectorizes)
                    double beta = a[col];
                    a[col] = 1.0;
                    int rows = m - i - j;
                    int cols = ib - j - 1;
                    be.gemv(Transpose.TRANSPOSE, rows, cols, 1.0, a, col + lda, lda, a, col, 1, 0.0, w, 0, 1);
                    a[col] = beta;
                    if (v.length < rows) {
                        v = new double[rows];
                    }
                    v[0] = 1.0;
                    System.arraycopy(a, col + 1, v, 1, rows - 1);
                    for (int c = 0; c < cols; c++) {
                        double f = tau[i + j] * w[c];
                        int dst = col + (c + 1) * lda;
                        for (int r = 0; r < rows; r++) {
                            a[dst + r] -= f * v[r];
                        }
                    }
                }
            }
            if (i + ib < n) {
                double[] vb = explicitV(m - i, ib, a, panel, lda);
                double[] t = triangularFactor(m - i, ib, vb, tau, i);
                applyBlockLeft(true, m - i, n - i - ib, ib, vb, t, a, panel + ib * lda, lda);
            }
        }
    }

    /**
     * Overwrites the \(m \times n\) matrix \(C\) with \(Q C\) or \(Q^{\mathsf T} C\), where \(Q =
     * H_0 \cdots H_{k-1}\) is given by \(k\) column-stored reflectors of length \(m\) (dormqr, side
     * left). Blocked: each block of reflectors is one compact-WY application.
     *
     * @param transpose {@code true} for \(Q^{\mathsf T} C\)
     * @param m         rows of \(C\) (order of \(Q\))
     * @param n         columns of \(C\)
     * @param k         number of reflectors, {@code <= m}
     * @param a         reflectors as left by {@link #qr}; not modified
     * @param aOff      index of the first reflector's diagonal position
     * @param lda       leading dimension of the reflector storage
     * @param tau       the \(\tau_j\); not modified
     * @param c         storage of \(C\); overwritten
     * @param cOff      index of \(c_{00}\)
     * @param ldc       leading dimension of \(C\)
     */
    public static void applyQLeft(
            boolean transpose,
            int m,
            int n,
            int k,
            double[] a,
            int aOff,
            int lda,
            double[] tau,
            double[] c,
            int cOff,
            int ldc) {
        int nb = blockSize(k);
        int blocks = (k + nb - 1) / nb;
        for (int b = 0; b < blocks; b++) {
            int i = transpose ? b * nb : (blocks - 1 - b) * nb;
            int ib = Math.min(nb, k - i);
            double[] v = explicitV(m - i, ib, a, aOff + i + i * lda, lda);
            double[] t = triangularFactor(m - i, ib, v, tau, i);
            applyBlockLeft(transpose, m - i, n, ib, v, t, c, cOff + i, ldc);
        }
    }

    /**
     * Forms the first {@code cols} columns of \(Q = H_0 \cdots H_{k-1}\) (order \(m\)) from
     * column-stored reflectors (dorgqr), by blocked backward accumulation onto the identity.
     *
     * @param m    order of \(Q\)
     * @param cols number of columns wanted, \(k \le\) {@code cols} \(\le m\)
     * @param k    number of reflectors
     * @param a    reflectors; not modified
     * @param aOff index of the first reflector's diagonal position
     * @param lda  leading dimension of the reflector storage
     * @param tau  the \(\tau_j\); not modified
     * @return \(Q_{:, 0:cols}\), compact \(m \times\) {@code cols}
     */
    public static double[] formQ(int m, int cols, int k, double[] a, int aOff, int lda, double[] tau) {
        int ldq = Math.max(1, m);
        double[] q = new double[ldq * cols];
        for (int j = 0; j < Math.min(m, cols); j++) {
            q[j + j * ldq] = 1.0;
        }
        int nb = blockSize(k);
        int blocks = (k + nb - 1) / nb;
        for (int b = blocks - 1; b >= 0; b--) {
            int i = b * nb;
            int ib = Math.min(nb, k - i);
            double[] v = explicitV(m - i, ib, a, aOff + i + i * lda, lda);
            double[] t = triangularFactor(m - i, ib, v, tau, i);
            applyBlockLeft(false, m - i, cols - i, ib, v, t, q, i + i * ldq, ldq);
        }
        return q;
    }
}
