package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;

/**
 * Householder reflectors: generation, application one at a time, and the compact WY form of a
 * block of them (LAPACK {@code dlarfg}, {@code dlarf}, {@code dlarft}, {@code dlarfb}). The one
 * reflector implementation of the package: QR, pivoted QR, the SVD's bidiagonalization and the
 * eigensolvers' tridiagonalization all use it (through {@link HouseholderQr} for blocked work).
 *
 * <p>A reflector is \(H = I - \tau v v^{\mathsf T}\) with \(v_0 = 1\); \(H\) is symmetric and
 * orthogonal when \(\tau = 0\) or \(\tau v^{\mathsf T} v = 2\). A block of \(k\) reflectors \(H_1
 * H_2 \cdots H_k = I - V T V^{\mathsf T}\), with \(V\) unit lower trapezoidal (column \(j\) holds
 * \(v_j\), zero above row \(j\)) and \(T\) upper triangular, is the compact WY representation
 * [Schreiber and Van Loan 1989]. As in LAPACK, \(V\) is stored below the diagonal of the factored
 * matrix; its unit diagonal is implicit and the entries on and above the diagonal (which hold
 * \(R\)) are never read.
 *
 * <p>Orthogonality of blocked reflectors: \(I - V T V^{\mathsf T}\) is orthogonal only if \(T\)
 * agrees with \(V\) to working precision, and \(T\) is built from the Gram matrix \(V^{\mathsf
 * T}V\), whose entries are dot products of length \(m\). A plain dot product errs by up to
 * \(\gamma_m\) relative, and does so coherently when the data are structured (the rounding noise
 * left in a constant or rank-one matrix has many equal entries): with plain SYRK/GEMM Gram
 * products the thin \(Q\) of a constant \(233 \times 8\) matrix had \(\|Q^{\mathsf T}Q - I\|_F
 * \approx 58\,nu\), of a constant \(2000 \times 200\) one \(110\,nu\). The Gram entries are
 * therefore compensated dot products ({@link DecompKernels#dot}, error \(O(u)\) independent of
 * \(m\)); so are the norms that define \(\tau\) ({@link #norm2}). This costs \(O(mk^2)\) per
 * block of \(k\) reflectors, spread over the kernel threads.
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

    /**
     * Below this many multiply-adds a Gram block ({@link #gram}) is computed on the calling thread:
     * about 50 µs of compensated dot products, the order of a fork/join round trip.
     */
    private static final long PARALLEL_GRAM = 1L << 18;

    private Householder() {}

    /**
     * \(\|x\|_2\) for a strided vector, with a compensated sum of squares ({@link
     * DecompKernels#dot}: relative error \(O(u)\), independent of \(n\)) and without overflow or
     * harmful underflow (rescaled by the largest entry when the plain sum would leave the safe
     * range).
     *
     * @param n   length
     * @param x   storage; not modified
     * @param off index of \(x_0\)
     * @param inc stride, \(\ge 1\)
     * @return the norm (NaN or \(+\infty\) if an entry is)
     */
    public static double norm2(int n, double[] x, int off, int inc) {
        if (n <= 0) {
            return 0.0;
        }
        double sum = inc == 1 ? DecompKernels.INSTANCE.dot(n, x, off, x, off) : sumOfSquares(n, x, off, inc, 1.0);
        if (sum > 0x1.0p-900 && sum < 0x1.0p900) {
            return Math.sqrt(sum);
        }
        // tiny (squares may have underflowed), huge (may have overflowed) or not finite
        double scale = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            scale = Math.max(scale, Math.abs(x[p]));
        }
        if (scale == 0.0 || !Double.isFinite(scale)) {
            return Double.isNaN(sum) ? Double.NaN : scale;
        }
        return scale * Math.sqrt(sumOfSquares(n, x, off, inc, scale));
    }

    /**
     * \(\sum_i (x_i / s)^2\) with Dot2 (error-free products by FMA, TwoSum accumulation); divides
     * rather than multiplies by \(1/s\), which overflows for subnormal \(s\).
     */
    private static double sumOfSquares(int n, double[] x, int off, int inc, double divisor) {
        double sum = 0.0;
        double comp = 0.0;
        for (int i = 0, p = off; i < n; i++, p += inc) {
            double r = divisor == 1.0 ? x[p] : x[p] / divisor;
            double q = r * r;
            double t = sum + q;
            double z = t - sum;
            comp += Math.fma(r, r, -q) + ((sum - (t - z)) + (q - z));
            sum = t;
        }
        return sum + comp;
    }

    /**
     * Generates \(H = I - \tau v v^{\mathsf T}\) with \(H \begin{bmatrix}\alpha \\ x\end{bmatrix}
     * = \begin{bmatrix}\beta \\ 0\end{bmatrix}\), \(\beta = -\operatorname{sign}(\alpha)\,\|(\alpha,
     * x)\|_2\), \(v = (1, x / (\alpha - \beta))\), \(\tau = (\beta - \alpha)/\beta\) (LAPACK {@code
     * dlarfg}). If \(x = 0\), then \(\tau = 0\) and \(H = I\). Tiny vectors are rescaled so that
     * \(v\) and \(\tau\) are accurate for every finite input; \(\|x\|_2\) is computed with {@link
     * #norm2}, so that \(\tau v^{\mathsf T} v = 2\) holds to \(O(u)\) whatever the length.
     *
     * @param n          length of \((\alpha, x)\), \(\ge 0\)
     * @param a          storage holding \(\alpha\) and \(x\); \(\alpha\) is overwritten by \(\beta\)
     *     and \(x\) by \(v_{1:}\)
     * @param alphaIndex index of \(\alpha\) in {@code a}
     * @param xOffset    index of \(x_0\)
     * @param incx       increment of \(x\), \(\ge 1\)
     * @return \(\tau \in \{0\} \cup [1, 2]\)
     */
    public static double generate(int n, double[] a, int alphaIndex, int xOffset, int incx) {
        if (n <= 1) {
            return 0.0;
        }
        double xnorm = norm2(n - 1, a, xOffset, incx);
        if (xnorm == 0.0) {
            return 0.0;
        }
        double alpha = a[alphaIndex];
        double beta = -Math.copySign(PlaneRotations.hypot(alpha, xnorm), alpha);
        int rescalings = 0;
        if (Math.abs(beta) < SAFE_MIN) {
            // Scale x and alpha up until beta is safely representable (at most 20 times, as LAPACK).
            double up = 1.0 / SAFE_MIN;
            do {
                rescalings++;
                scale(n - 1, up, a, xOffset, incx);
                beta *= up;
                alpha *= up;
            } while (Math.abs(beta) < SAFE_MIN && rescalings < 20);
            xnorm = norm2(n - 1, a, xOffset, incx);
            beta = -Math.copySign(PlaneRotations.hypot(alpha, xnorm), alpha);
        }
        double tau = (beta - alpha) / beta;
        // |alpha - beta| >= |beta| >= SAFE_MIN, so the reciprocal cannot overflow.
        scale(n - 1, 1.0 / (alpha - beta), a, xOffset, incx);
        for (int j = 0; j < rescalings; j++) {
            beta *= SAFE_MIN;
        }
        a[alphaIndex] = beta;
        return tau;
    }

    private static void scale(int n, double factor, double[] x, int off, int inc) {
        for (int i = 0, p = off; i < n; i++, p += inc) {
            x[p] *= factor;
        }
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
            double t = generate(m - i, d, ii, ii + 1, 1);
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
     * comes from {@link #gram} (compensated dot products, see the class comment), \(m k^2 / 2\)
     * multiply-adds; then column \(i\) of \(T\) is \(-\tau_i\, T_{0:i,0:i}\,(V^{\mathsf
     * T}V)_{0:i,i}\) and \(t_{ii} = \tau_i\), \(O(k^3)\).
     *
     * @param backend   the kernels (only its thread count is used)
     * @param v         \(m \times k\) block whose strictly lower part holds the reflectors, \(m \ge
     *     k\); not modified
     * @param tau       \(\tau_1, \dots, \tau_k\); not modified
     * @param tauOffset index of \(\tau_1\)
     * @param t         \(k \times k\); its upper triangle is overwritten by \(T\), its strictly lower
     *     part is not referenced
     */
    public static void formT(Backend backend, DenseMatrix v, double[] tau, int tauOffset, DenseMatrix t) {
        int k = v.cols();
        if (k == 0) {
            return;
        }
        gram(backend, v, 0, k, 0, k, t);
        double[] td = t.data();
        int to = t.offset();
        int ldt = t.ld();
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
     * Entries of the Gram matrix of reflectors stored below the diagonal of \(A\) (unit diagonal
     * implicit, zeros above it): for \(p \in [p_0, p_1)\), \(q \in [q_0, q_1)\) and \(p \lt q\),
     * \[ G_{p - p_0,\, q - q_0} = v_p^{\mathsf T} v_q = a_{qp} + \textstyle\sum_{i \gt q} a_{ip}
     *    a_{iq}, \]
     * each a compensated dot product ({@link DecompKernels#dot}). Split over the backend's threads
     * (columns \(q\) dealt out in turn) when the work is large; every entry is computed by the same
     * operations whatever the thread count.
     *
     * @param backend the kernels (only its thread count is used)
     * @param a       \(m \times n\) storage of the reflectors, \(m \ge\) every \(q\); not modified
     * @param p0      first \(p\)
     * @param p1      one past the last \(p\)
     * @param q0      first \(q\)
     * @param q1      one past the last \(q\)
     * @param g       receives the entries with \(p \lt q\); others are not referenced
     */
    static void gram(Backend backend, DenseMatrix a, int p0, int p1, int q0, int q1, DenseMatrix g) {
        int m = a.rows();
        long work = 0;
        for (int q = q0; q < q1; q++) {
            work += (long) Math.max(0, Math.min(p1, q) - p0) * (m - q);
        }
        int parts = work >= PARALLEL_GRAM ? Math.min(backend.threads(), q1 - q0) : 1;
        if (parts <= 1) {
            gramColumns(a, p0, p1, q0, q1, 0, 1, g);
        } else {
            Parallel.forEach(parts, part -> gramColumns(a, p0, p1, q0, q1, part, parts, g));
        }
    }

    /** The columns {@code q0 + part, q0 + part + stride, ...} of {@link #gram}. */
    private static void gramColumns(
            DenseMatrix a, int p0, int p1, int q0, int q1, int part, int stride, DenseMatrix g) {
        DecompKernels kernel = DecompKernels.INSTANCE;
        double[] ad = a.data();
        int ao = a.offset();
        int lda = a.ld();
        int m = a.rows();
        double[] gd = g.data();
        int go = g.offset();
        int ldg = g.ld();
        for (int q = q0 + part; q < q1; q += stride) {
            int colQ = ao + q * lda;
            int end = Math.min(p1, q);
            for (int p = p0; p < end; p++) {
                int colP = ao + p * lda;
                gd[go + (p - p0) + (q - q0) * ldg] =
                        ad[colP + q] + kernel.dot(m - q - 1, ad, colP + q + 1, ad, colQ + q + 1);
            }
        }
    }

    /**
     * Applies a block reflector from the left (LAPACK {@code dlarfb}, side L, forward,
     * columnwise): \(C \leftarrow H C\) or \(C \leftarrow H^{\mathsf T} C\) with \(H = I - V T
     * V^{\mathsf T}\): \(W = V^{\mathsf T} C\), \(Y = \operatorname{op}(T) W\), \(C \leftarrow C - V
     * Y\). Every step is a GEMM: the unit triangle of \(V\) and \(T\) are first copied into small
     * explicit \(k \times k\) triangles (cheaper than TRMM with a \(k \times k\) triangle, whose
     * level-3 kernels only pay off for larger orders).
     *
     * @param backend the kernels
     * @param trans   {@code NO_TRANSPOSE} for \(H\), {@code TRANSPOSE} for \(H^{\mathsf T}\)
     * @param v       \(m \times k\), unit lower trapezoidal below its diagonal, \(m \ge k\); not
     *     modified (its diagonal and upper part are not read)
     * @param t       \(k \times k\) upper triangular; not modified (its strictly lower part is not
     *     read)
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
        DenseMatrix vTop = unitLowerTriangle(v, k);
        DenseMatrix cTop = c.view(0, 0, k, n);
        Blas.gemm(backend, Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, vTop, cTop, 0.0, work);
        DenseMatrix vBot = v.view(k, 0, m - k, k);
        DenseMatrix cBot = c.view(k, 0, m - k, n);
        if (m > k) {
            Blas.gemm(backend, Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, vBot, cBot, 1.0, work);
        }
        DenseMatrix y = DenseMatrix.zeros(k, n);
        Blas.gemm(backend, trans, Transpose.NO_TRANSPOSE, 1.0, upperTriangle(t), work, 0.0, y);
        if (m > k) {
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, vBot, y, 1.0, cBot);
        }
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, vTop, y, 1.0, cTop);
    }

    /**
     * Applies a block reflector from the right (LAPACK {@code dlarfb}, side R, forward,
     * columnwise): \(C \leftarrow C H\) or \(C \leftarrow C H^{\mathsf T}\) with \(H = I - V T
     * V^{\mathsf T}\): \(W = C V\), \(Y = W \operatorname{op}(T)\), \(C \leftarrow C - Y V^{\mathsf
     * T}\), all GEMMs as in {@link #applyBlockLeft}.
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
        DenseMatrix vTop = unitLowerTriangle(v, k);
        DenseMatrix cLeft = c.view(0, 0, m, k);
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, cLeft, vTop, 0.0, work);
        DenseMatrix vBot = v.view(k, 0, n - k, k);
        DenseMatrix cRight = c.view(0, k, m, n - k);
        if (n > k) {
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, cRight, vBot, 1.0, work);
        }
        DenseMatrix y = DenseMatrix.zeros(m, k);
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, trans, 1.0, work, upperTriangle(t), 0.0, y);
        if (n > k) {
            Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, -1.0, y, vBot, 1.0, cRight);
        }
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, -1.0, y, vTop, 1.0, cLeft);
    }

    /** The unit lower triangle of the first {@code k} rows of {@code v}, explicitly, zeros above. */
    private static DenseMatrix unitLowerTriangle(DenseMatrix v, int k) {
        DenseMatrix out = DenseMatrix.zeros(k, k);
        for (int j = 0; j < k; j++) {
            out.set(j, j, 1.0);
            for (int i = j + 1; i < k; i++) {
                out.set(i, j, v.get(i, j));
            }
        }
        return out;
    }

    /** The upper triangle of {@code t}, explicitly, zeros below. */
    private static DenseMatrix upperTriangle(DenseMatrix t) {
        int k = t.rows();
        DenseMatrix out = DenseMatrix.zeros(k, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i <= j; i++) {
                out.set(i, j, t.get(i, j));
            }
        }
        return out;
    }
}
