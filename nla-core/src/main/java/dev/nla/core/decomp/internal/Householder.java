package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.matrix.DenseMatrix;

/**
 * Householder reflectors: generation, application one at a time, and the compact WY form of a
 * block of them (LAPACK {@code dlarfg}, {@code dlarf}, {@code dlarft}, {@code dlarfb}).
 *
 * <p>A reflector is \(H = I - \tau v v^{\mathsf T}\) with \(v_0 = 1\); \(H\) is symmetric and
 * orthogonal when \(\tau = 0\) or \(\tau v^{\mathsf T} v = 2\). A block of \(k\) reflectors \(H_1
 * H_2 \cdots H_k = I - V T V^{\mathsf T}\), with \(V\) unit lower trapezoidal (column \(j\) holds
 * \(v_j\), zero above row \(j\)) and \(T\) upper triangular, is the compact WY representation
 * [Schreiber and Van Loan 1989]. As in LAPACK, \(V\) is stored below the diagonal of the factored
 * matrix; its unit diagonal is implicit and the entries on and above the diagonal (which hold
 * \(R\)) are never read.
 *
 * <p>These are kernels: arguments are not validated beyond what the {@link Blas} calls check.
 */
public final class Householder {
    /**
     * Smallest number whose reciprocal does not overflow, divided by the unit roundoff:
     * LAPACK's {@code dlamch('S') / dlamch('E')} \(= 2^{-1022} / 2^{-53}\). A reflector whose norm is
     * below it is computed on a rescaled vector.
     */
    static final double SAFE_MIN = 0x1.0p-969;

    private Householder() {}

    /**
     * Generates \(H = I - \tau v v^{\mathsf T}\) with \(H \begin{bmatrix}\alpha \\ x\end{bmatrix}
     * = \begin{bmatrix}\beta \\ 0\end{bmatrix}\), \(\beta = -\operatorname{sign}(\alpha)\,\|(\alpha,
     * x)\|_2\), \(v = (1, x / (\alpha - \beta))\), \(\tau = (\beta - \alpha)/\beta\) (LAPACK {@code
     * dlarfg}). If \(x = 0\), then \(\tau = 0\) and \(H = I\). Tiny vectors are rescaled so that
     * \(v\) and \(\tau\) are accurate for every finite input.
     *
     * @param backend the kernels
     * @param n       length of \((\alpha, x)\), \(\ge 1\)
     * @param a       storage holding \(\alpha\) and \(x\); \(\alpha\) is overwritten by \(\beta\) and
     *     \(x\) by \(v_{1:}\)
     * @param alphaIndex index of \(\alpha\) in {@code a}
     * @param xOffset    index of \(x_0\)
     * @param incx       increment of \(x\), \(\ge 1\)
     * @return \(\tau \in \{0\} \cup [1, 2]\)
     */
    public static double generate(Backend backend, int n, double[] a, int alphaIndex, int xOffset, int incx) {
        if (n <= 1) {
            return 0.0;
        }
        double xnorm = backend.nrm2(n - 1, a, xOffset, incx);
        if (xnorm == 0.0) {
            return 0.0;
        }
        double alpha = a[alphaIndex];
        double beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        int rescalings = 0;
        if (Math.abs(beta) < SAFE_MIN) {
            // Scale x and alpha up until beta is safely representable (at most 20 times, as LAPACK).
            double up = 1.0 / SAFE_MIN;
            do {
                rescalings++;
                backend.scal(n - 1, up, a, xOffset, incx);
                beta *= up;
                alpha *= up;
            } while (Math.abs(beta) < SAFE_MIN && rescalings < 20);
            xnorm = backend.nrm2(n - 1, a, xOffset, incx);
            beta = -Math.copySign(Math.hypot(alpha, xnorm), alpha);
        }
        double tau = (beta - alpha) / beta;
        // |alpha - beta| >= |beta| >= SAFE_MIN, so the reciprocal cannot overflow.
        backend.scal(n - 1, 1.0 / (alpha - beta), a, xOffset, incx);
        for (int j = 0; j < rescalings; j++) {
            beta *= SAFE_MIN;
        }
        a[alphaIndex] = beta;
        return tau;
    }

    /**
     * \(C \leftarrow (I - \tau v v^{\mathsf T}) C\) for an \(m \times n\) block \(C\) (LAPACK {@code
     * dlarf}, side L): \(w = C^{\mathsf T} v\), then \(C \leftarrow C - \tau v w^{\mathsf T}\).
     *
     * @param backend the kernels
     * @param rows    \(m\)
     * @param cols    \(n\)
     * @param v       storage of \(v\) (contiguous, \(v_0\) stored explicitly); not modified
     * @param vOffset index of \(v_0\)
     * @param tau     \(\tau\); nothing is done if it is 0
     * @param c       storage of \(C\); overwritten
     * @param cOffset index of \(c_{00}\)
     * @param ldc     leading dimension of \(C\)
     * @param work    scratch of length \(\ge n\)
     */
    public static void applyLeft(
            Backend backend,
            int rows,
            int cols,
            double[] v,
            int vOffset,
            double tau,
            double[] c,
            int cOffset,
            int ldc,
            double[] work) {
        if (tau == 0.0 || rows == 0 || cols == 0) {
            return;
        }
        for (int j = 0; j < cols; j++) {
            work[j] = backend.dot(rows, c, cOffset + j * ldc, 1, v, vOffset, 1);
        }
        for (int j = 0; j < cols; j++) {
            backend.axpy(rows, -tau * work[j], v, vOffset, 1, c, cOffset + j * ldc, 1);
        }
    }

    /**
     * \(C \leftarrow C (I - \tau v v^{\mathsf T})\) for an \(m \times n\) block \(C\) (LAPACK {@code
     * dlarf}, side R): \(w = C v\), then \(C \leftarrow C - \tau w v^{\mathsf T}\). The vector may be
     * strided (a row of a column-major matrix).
     *
     * @param backend the kernels
     * @param rows    \(m\)
     * @param cols    \(n\)
     * @param v       storage of \(v\) (\(v_0\) stored explicitly); not modified
     * @param vOffset index of \(v_0\)
     * @param incv    increment of \(v\), \(\ge 1\)
     * @param tau     \(\tau\); nothing is done if it is 0
     * @param c       storage of \(C\); overwritten
     * @param cOffset index of \(c_{00}\)
     * @param ldc     leading dimension of \(C\)
     * @param work    scratch of length \(\ge m\)
     */
    public static void applyRight(
            Backend backend,
            int rows,
            int cols,
            double[] v,
            int vOffset,
            int incv,
            double tau,
            double[] c,
            int cOffset,
            int ldc,
            double[] work) {
        if (tau == 0.0 || rows == 0 || cols == 0) {
            return;
        }
        java.util.Arrays.fill(work, 0, rows, 0.0);
        for (int j = 0; j < cols; j++) {
            backend.axpy(rows, v[vOffset + j * incv], c, cOffset + j * ldc, 1, work, 0, 1);
        }
        for (int j = 0; j < cols; j++) {
            backend.axpy(rows, -tau * v[vOffset + j * incv], work, 0, 1, c, cOffset + j * ldc, 1);
        }
    }

    /**
     * Unblocked Householder QR of an \(m \times n\) block (LAPACK {@code dgeqr2}): \(A = H_1 \cdots
     * H_k R\), \(k = \min(m, n)\), with \(R\) on and above the diagonal and \(v_j\) below it.
     *
     * @param backend   the kernels
     * @param a         the block; overwritten by \(R\) and the reflectors
     * @param tau       receives \(\tau_1, \dots, \tau_k\)
     * @param tauOffset index of \(\tau_1\) in {@code tau}
     */
    public static void factorUnblocked(Backend backend, DenseMatrix a, double[] tau, int tauOffset) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        double[] d = a.data();
        int lda = a.ld();
        double[] work = new double[Math.max(n, 1)];
        for (int i = 0; i < k; i++) {
            int ii = a.offset() + i + i * lda;
            double t = generate(backend, m - i, d, ii, ii + 1, 1);
            tau[tauOffset + i] = t;
            if (i < n - 1 && t != 0.0) {
                double diag = d[ii];
                d[ii] = 1.0;
                applyLeft(backend, m - i, n - i - 1, d, ii, t, d, ii + lda, lda, work);
                d[ii] = diag;
            }
        }
    }

    /**
     * Forms the upper triangular \(T\) of \(H_1 \cdots H_k = I - V T V^{\mathsf T}\) (LAPACK {@code
     * dlarft}, direction forward, storage columnwise). The strictly upper part of \(V^{\mathsf T}V\)
     * comes from one {@link Blas#syrk} on the rows below the unit triangle, so the cost is
     * \(m k^2\) flops at GEMM speed plus \(O(k^3)\); then column \(i\) of \(T\) is \(-\tau_i\,
     * T_{0:i,0:i}\,(V^{\mathsf T}V)_{0:i,i}\) and \(t_{ii} = \tau_i\).
     *
     * @param backend   the kernels
     * @param v         \(m \times k\) block whose strictly lower part holds the reflectors, \(m \ge
     *     k\); not modified
     * @param tau       \(\tau_1, \dots, \tau_k\); not modified
     * @param tauOffset index of \(\tau_1\)
     * @param t         \(k \times k\); its upper triangle is overwritten by \(T\), its strictly lower
     *     part is not referenced
     */
    public static void formT(Backend backend, DenseMatrix v, double[] tau, int tauOffset, DenseMatrix t) {
        int m = v.rows();
        int k = v.cols();
        if (k == 0) {
            return;
        }
        if (m > k) {
            Blas.syrk(backend, Triangle.UPPER, Transpose.TRANSPOSE, 1.0, v.view(k, 0, m - k, k), 0.0, t);
        } else {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i <= j; i++) {
                    t.set(i, j, 0.0);
                }
            }
        }
        double[] vd = v.data();
        int vo = v.offset();
        int ldv = v.ld();
        double[] td = t.data();
        int to = t.offset();
        int ldt = t.ld();
        // Add the unit lower triangle's part: S[p, q] += V[q, p] + sum_{q < i < k} V[i, p] V[i, q].
        for (int q = 1; q < k; q++) {
            int colQ = vo + q * ldv;
            for (int p = 0; p < q; p++) {
                int colP = vo + p * ldv;
                double s = vd[colP + q];
                for (int i = q + 1; i < k; i++) {
                    s += vd[colP + i] * vd[colQ + i];
                }
                td[to + p + q * ldt] += s;
            }
        }
        // T[0:i, i] = -tau_i T[0:i, 0:i] S[0:i, i], in place (row p only reads entries p.. of the column).
        for (int i = 0; i < k; i++) {
            double ti = tau[tauOffset + i];
            int colI = to + i * ldt;
            for (int p = 0; p < i; p++) {
                double s = 0.0;
                for (int q = p; q < i; q++) {
                    s += td[to + p + q * ldt] * td[colI + q];
                }
                td[colI + p] = -ti * s;
            }
            td[colI + i] = ti;
        }
    }

    /**
     * Applies a block reflector from the left (LAPACK {@code dlarfb}, side L, forward,
     * columnwise): \(C \leftarrow H C\) or \(C \leftarrow H^{\mathsf T} C\) with \(H = I - V T
     * V^{\mathsf T}\). Three level-3 steps: \(W = V^{\mathsf T} C\), \(W \leftarrow
     * \operatorname{op}(T) W\), \(C \leftarrow C - V W\).
     *
     * @param backend the kernels
     * @param trans   {@code NO_TRANSPOSE} for \(H\), {@code TRANSPOSE} for \(H^{\mathsf T}\)
     * @param v       \(m \times k\), unit lower trapezoidal below its diagonal, \(m \ge k\); not
     *     modified (its diagonal and upper part are not read)
     * @param t       \(k \times k\) upper triangular; not modified
     * @param c       \(m \times n\); overwritten; must not overlap {@code v}'s lower part or {@code t}
     * @param work    \(k \times n\) scratch; overwritten
     */
    public static void applyBlockLeft(
            Backend backend, Transpose trans, DenseMatrix v, DenseMatrix t, DenseMatrix c, DenseMatrix work) {
        int m = v.rows();
        int k = v.cols();
        int n = c.cols();
        if (k == 0 || n == 0 || m == 0) {
            return;
        }
        DenseMatrix vTop = v.view(0, 0, k, k);
        DenseMatrix cTop = c.view(0, 0, k, n);
        work.copyFrom(cTop);
        Blas.trmm(backend, Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.UNIT, 1.0, vTop, work);
        if (m > k) {
            DenseMatrix vBot = v.view(k, 0, m - k, k);
            DenseMatrix cBot = c.view(k, 0, m - k, n);
            Blas.gemm(backend, Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, vBot, cBot, 1.0, work);
            Blas.trmm(backend, Side.LEFT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1.0, t, work);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, vBot, work, 1.0, cBot);
        } else {
            Blas.trmm(backend, Side.LEFT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1.0, t, work);
        }
        Blas.trmm(backend, Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.UNIT, 1.0, vTop, work);
        subtract(work, cTop);
    }

    /**
     * Applies a block reflector from the right (LAPACK {@code dlarfb}, side R, forward,
     * columnwise): \(C \leftarrow C H\) or \(C \leftarrow C H^{\mathsf T}\) with \(H = I - V T
     * V^{\mathsf T}\): \(W = C V\), \(W \leftarrow W \operatorname{op}(T)\), \(C \leftarrow C - W
     * V^{\mathsf T}\).
     *
     * @param backend the kernels
     * @param trans   {@code NO_TRANSPOSE} for \(H\), {@code TRANSPOSE} for \(H^{\mathsf T}\)
     * @param v       \(n \times k\), unit lower trapezoidal, \(n \ge k\); not modified
     * @param t       \(k \times k\) upper triangular; not modified
     * @param c       \(m \times n\); overwritten
     * @param work    \(m \times k\) scratch; overwritten
     */
    public static void applyBlockRight(
            Backend backend, Transpose trans, DenseMatrix v, DenseMatrix t, DenseMatrix c, DenseMatrix work) {
        int n = v.rows();
        int k = v.cols();
        int m = c.rows();
        if (k == 0 || n == 0 || m == 0) {
            return;
        }
        DenseMatrix vTop = v.view(0, 0, k, k);
        DenseMatrix cLeft = c.view(0, 0, m, k);
        work.copyFrom(cLeft);
        Blas.trmm(backend, Side.RIGHT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.UNIT, 1.0, vTop, work);
        if (n > k) {
            DenseMatrix vBot = v.view(k, 0, n - k, k);
            DenseMatrix cRight = c.view(0, k, m, n - k);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, cRight, vBot, 1.0, work);
            Blas.trmm(backend, Side.RIGHT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1.0, t, work);
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, -1.0, work, vBot, 1.0, cRight);
        } else {
            Blas.trmm(backend, Side.RIGHT, Triangle.UPPER, trans, Diagonal.NON_UNIT, 1.0, t, work);
        }
        Blas.trmm(backend, Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.UNIT, 1.0, vTop, work);
        subtract(work, cLeft);
    }

    /** {@code target -= w}, same shapes. */
    static void subtract(DenseMatrix w, DenseMatrix target) {
        double[] wd = w.data();
        double[] cd = target.data();
        int rows = w.rows();
        for (int j = 0; j < w.cols(); j++) {
            int ws = w.offset() + j * w.ld();
            int cs = target.offset() + j * target.ld();
            for (int i = 0; i < rows; i++) {
                cd[cs + i] -= wd[ws + i];
            }
        }
    }
}
