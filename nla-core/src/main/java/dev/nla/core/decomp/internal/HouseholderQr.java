package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Blocked Householder QR with the compact WY representation, in pure Java on the {@link Blas}
 * kernels.
 *
 * <p>Algorithm: the columns are processed in panels of width \(n_b\). Each panel is factored
 * recursively [Elmroth and Gustavson 2000] (LAPACK {@code dgeqrt3}): split the panel into halves,
 * factor the left half, apply its block reflector to the right half, factor the right half, and
 * join the two triangular factors, \(T = \begin{bmatrix} T_1 & -T_1 V_1^{\mathsf T} V_2 T_2 \\ 0 &
 * T_2 \end{bmatrix}\). Halves of at most {@value #LEAF_WIDTH} columns are factored column by column
 * ({@code dgeqr2}). The trailing matrix is then updated with the panel's block reflector ({@code
 * dlarfb}): two GEMMs and small triangular products. Almost all flops are in GEMM, so the
 * factorization runs at a good fraction of the kernel speed, including on tall-skinny matrices,
 * whose single panel is all recursion.
 *
 * <p>\(Q\) is formed backwards block by block ({@code dorgqr}), each block as \(\begin{bmatrix} I
 * \\ 0\end{bmatrix} - V T V_1^{\mathsf T}\) with one GEMM, so a thin \(Q\) costs one
 * \(m \times n \times n\) GEMM per panel. {@link #decompose} keeps the panels' \(T\) factors from
 * the factorization; the methods taking a {@link CompactQr} recompute them with {@link
 * Householder#formT}.
 *
 * <p>Cost: \(2mn^2 - 2n^3/3\) flops for the factorization plus about \(mn_b\) per column for the
 * \(T\) factors; \(2mn^2 - 2n^3/3\) more for a thin \(Q\) (\(m \ge n\)).
 */
public final class HouseholderQr implements Qr {
    /** Panels at most this wide are factored column by column. */
    static final int LEAF_WIDTH = 16;

    /** Panel width of the blocked factorization of wide-enough matrices. */
    static final int PANEL_WIDTH = 128;

    /** Matrices with at most this many columns are factored as one recursive panel. */
    static final int SINGLE_PANEL_MAX = 256;

    /**
     * Block width when block reflectors are rebuilt from stored reflectors (forming \(Q\), applying
     * \(Q\) to a matrix), for operands of fewer than {@link #WIDE_OPERAND} columns (rows when \(Q\)
     * acts from the right): each block costs \(O(mk^2)\) for its \(T\) and \(4mk\,c\) for the
     * update of \(c\) columns.
     */
    static final int APPLY_BLOCK = 32;

    /** Block width for operands of at least {@link #WIDE_OPERAND} columns: fewer, larger GEMMs. */
    static final int WIDE_APPLY_BLOCK = 96;

    /** Operands this wide get {@link #WIDE_APPLY_BLOCK}. */
    static final int WIDE_OPERAND = 256;

    /** Operands with fewer columns than this are multiplied by one reflector at a time. */
    static final int UNBLOCKED_APPLY_MAX = 8;

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public HouseholderQr() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public HouseholderQr(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public CompactQr factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        DenseMatrix work = Checks.copyOf(a);
        Factorization f = factorBlocked(backend(), work, false);
        return new CompactQr(work, f.tau);
    }

    @Override
    public CompactQr factorInPlace(DenseMatrix overwrittenA) {
        Objects.requireNonNull(overwrittenA, "overwrittenA");
        Require.allFinite("overwrittenA", overwrittenA);
        Factorization f = factorBlocked(backend(), overwrittenA, false);
        return new CompactQr(overwrittenA, f.tau);
    }

    @Override
    public QrResult decompose(Matrix a, QrMode mode) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(mode, "mode");
        Require.allFinite("a", a);
        int qCols = mode.qCols(a.rows(), a.cols());
        Require.sizeWithin(
                "Q of a " + a.rows() + "x" + a.cols() + " QR", (long) a.rows() * qCols, DenseMatrix.MAX_ELEMENTS);
        Backend be = backend();
        DenseMatrix work = Checks.copyOf(a);
        Factorization f = factorBlocked(be, work, true);
        DenseMatrix q = formQ(be, work, f.tau, f.tau.length, f.blockSize, f.t, qCols);
        return new QrResult(q, new CompactQr(work, f.tau).r(mode));
    }

    @Override
    public DenseMatrix q(CompactQr qr, QrMode mode) {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(mode, "mode");
        int qCols = mode.qCols(qr.rows(), qr.cols());
        Require.sizeWithin(
                "Q of a " + qr.rows() + "x" + qr.cols() + " QR", (long) qr.rows() * qCols, DenseMatrix.MAX_ELEMENTS);
        return formQ(backend(), qr.factors(), qr.tau(), qr.tau().length, qCols);
    }

    @Override
    public void applyQ(CompactQr qr, Side side, Transpose trans, DenseMatrix overwrittenC) {
        Checks.applyQArguments(qr, side, trans, overwrittenC);
        apply(backend(), qr.factors(), qr.tau(), qr.tau().length, side, trans, overwrittenC);
    }

    // ------------------------------------------------------------------ kernels

    /** The packed factors' reflector scalars and, when kept, the panels' T factors. */
    static final class Factorization {
        final double[] tau;
        final int blockSize;
        /** {@code blockSize x k}; the T of the panel starting at column j is at (0, j). Null if not kept. */
        final DenseMatrix t;

        Factorization(double[] tau, int blockSize, DenseMatrix t) {
            this.tau = tau;
            this.blockSize = blockSize;
            this.t = t;
        }
    }

    /** Panel width for an m x n factorization. */
    static int panelWidth(int m, int n) {
        int k = Math.min(m, n);
        return k <= SINGLE_PANEL_MAX ? Math.max(k, 1) : PANEL_WIDTH;
    }

    /**
     * Blocked QR of {@code a} in place (LAPACK {@code dgeqrf} with a recursive panel).
     *
     * @param be    the kernels
     * @param a     overwritten by R and the reflectors
     * @param keepT whether to keep every panel's T (for forming Q afterwards)
     * @return tau and the T factors
     */
    static Factorization factorBlocked(Backend be, DenseMatrix a, boolean keepT) {
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        double[] tau = new double[k];
        int nb = panelWidth(m, n);
        if (k == 0) {
            return new Factorization(tau, nb, keepT ? DenseMatrix.zeros(0, 0) : null);
        }
        int tRows = Math.min(nb, k);
        DenseMatrix tStore = DenseMatrix.zeros(tRows, keepT ? k : tRows);
        DenseMatrix work = n > nb ? DenseMatrix.zeros(tRows, n - Math.min(nb, k)) : null;
        for (int j = 0; j < k; j += nb) {
            int jb = Math.min(nb, k - j);
            DenseMatrix panel = a.view(j, j, m - j, jb);
            DenseMatrix t = keepT ? tStore.view(0, j, jb, jb) : tStore.view(0, 0, jb, jb);
            factorPanel(be, panel, t, tau, j);
            int rest = n - j - jb;
            if (rest > 0) {
                Householder.applyBlockLeft(
                        be, Transpose.TRANSPOSE, panel, t, a.view(j, j + jb, m - j, rest), work.view(0, 0, jb, rest));
            }
        }
        return new Factorization(tau, nb, keepT ? tStore : null);
    }

    /**
     * Recursive QR of an m x n panel, m >= n, with its T factor (LAPACK {@code dgeqrt3}).
     *
     * @param be        the kernels
     * @param a         the panel; overwritten by R and the reflectors
     * @param t         n x n; its upper triangle receives T (the strictly lower part is scratch)
     * @param tau       receives the reflector scalars
     * @param tauOffset index of the panel's first tau
     */
    static void factorPanel(Backend be, DenseMatrix a, DenseMatrix t, double[] tau, int tauOffset) {
        int m = a.rows();
        int n = a.cols();
        if (n <= LEAF_WIDTH) {
            Householder.factorUnblocked(be, a, tau, tauOffset);
            Householder.formT(be, a, tau, tauOffset, t);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        DenseMatrix left = a.columns(0, n1);
        DenseMatrix t1 = t.view(0, 0, n1, n1);
        DenseMatrix t2 = t.view(n1, n1, n2, n2);
        DenseMatrix t12 = t.view(0, n1, n1, n2);
        factorPanel(be, left, t1, tau, tauOffset);
        // A2 <- H1^T A2, with T12 as the workspace.
        Householder.applyBlockLeft(be, Transpose.TRANSPOSE, left, t1, a.columns(n1, n2), t12);
        factorPanel(be, a.view(n1, n1, m - n1, n2), t2, tau, tauOffset + n1);
        // T12 = -T1 (V1^T V2) T2, the Gram block by compensated dot products (see Householder)
        Householder.gram(be, a, 0, n1, n1, n, t12);
        Blas.trmm(be, Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, -1.0, t1, t12);
        Blas.trmm(be, Side.RIGHT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, t2, t12);
    }

    /**
     * Block width for rebuilding block reflectors against an operand of {@code width} columns.
     *
     * @param width columns of the operand (rows when applied from the right)
     * @return {@link #APPLY_BLOCK} or {@link #WIDE_APPLY_BLOCK}
     */
    static int applyBlock(int width) {
        return width >= WIDE_OPERAND ? WIDE_APPLY_BLOCK : APPLY_BLOCK;
    }

    /**
     * Forms the first {@code qCols} columns of \(Q = H_1 \cdots H_k\) (LAPACK {@code dorgqr}) from
     * stored reflectors, rebuilding the \(T\) factors in blocks of {@link #applyBlock}{@code
     * (qCols)}.
     *
     * @param be    the kernels
     * @param v     the packed factors (\(m \times\) at least \(k\)); not modified
     * @param tau   the reflector scalars (at least \(k\)); not modified
     * @param k     the number of reflectors
     * @param qCols number of columns of \(Q\), \(k \le\) {@code qCols} \(\le m\)
     * @return the new \(m \times\) {@code qCols} matrix
     */
    static DenseMatrix formQ(Backend be, DenseMatrix v, double[] tau, int k, int qCols) {
        return formQ(be, v, tau, k, applyBlock(qCols), null, qCols);
    }

    /**
     * Forms the first {@code qCols} columns of \(Q = H_1 \cdots H_k\) (LAPACK {@code dorgqr}).
     *
     * @param be        the kernels
     * @param v         the packed factors (m x n); not modified
     * @param tau       the reflector scalars (at least k)
     * @param k         the number of reflectors, at most the columns of {@code v}
     * @param nb        the block width (of {@code tStore}'s blocks, if given)
     * @param tStore    the T factors, {@code nb x k}, or null to recompute them
     * @param qCols     number of columns of Q, {@code k <= qCols <= m}
     * @return the new m x qCols matrix
     */
    static DenseMatrix formQ(Backend be, DenseMatrix v, double[] tau, int k, int nb, DenseMatrix tStore, int qCols) {
        int m = v.rows();
        DenseMatrix q = DenseMatrix.zeros(m, qCols);
        for (int c = k; c < qCols; c++) {
            q.set(c, c, 1.0);
        }
        if (k == 0) {
            return q;
        }
        int tRows = Math.min(nb, k);
        DenseMatrix tScratch = tStore == null ? DenseMatrix.zeros(tRows, tRows) : null;
        DenseMatrix work = DenseMatrix.zeros(tRows, Math.max(qCols, 1));
        int last = ((k - 1) / nb) * nb;
        for (int j = last; j >= 0; j -= nb) {
            int jb = Math.min(nb, k - j);
            DenseMatrix vb = v.view(j, j, m - j, jb);
            DenseMatrix t;
            if (tStore != null) {
                t = tStore.view(0, j, jb, jb);
            } else {
                t = tScratch.view(0, 0, jb, jb);
                Householder.formT(be, vb, tau, j, t);
            }
            int rest = qCols - j - jb;
            if (rest > 0) {
                Householder.applyBlockLeft(
                        be, Transpose.NO_TRANSPOSE, vb, t, q.view(j, j + jb, m - j, rest), work.view(0, 0, jb, rest));
            }
            // Q[j:, j:j+jb] = [I; 0] - V T V1^T: W = T V1^T (upper triangular), then -V W.
            DenseMatrix w = work.view(0, 0, jb, jb);
            double[] vd = vb.data();
            int ldv = vb.ld();
            for (int c = 0; c < jb; c++) {
                for (int r = 0; r < jb; r++) {
                    double value = r < c ? vd[vb.offset() + c + r * ldv] : (r == c ? 1.0 : 0.0);
                    w.set(r, c, value);
                }
            }
            Blas.trmm(be, Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, t, w);
            if (m - j > jb) {
                Blas.gemm(
                        be,
                        Transpose.NO_TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        -1.0,
                        v.view(j + jb, j, m - j - jb, jb),
                        w,
                        0.0,
                        q.view(j + jb, j, m - j - jb, jb));
            }
            DenseMatrix top = q.view(j, j, jb, jb);
            top.copyFrom(w);
            Blas.trmm(
                    be,
                    Side.LEFT,
                    Triangle.LOWER,
                    Transpose.NO_TRANSPOSE,
                    Diagonal.UNIT,
                    -1.0,
                    v.view(j, j, jb, jb),
                    top);
            for (int c = 0; c < jb; c++) {
                top.add(c, c, 1.0);
            }
        }
        return q;
    }

    /**
     * \(C \leftarrow \operatorname{op}(Q) C\) or \(C \operatorname{op}(Q)\) (LAPACK {@code dormqr}),
     * blocked unless \(C\) is thin.
     */
    static void apply(Backend be, DenseMatrix v, double[] tau, int k, Side side, Transpose trans, DenseMatrix c) {
        int m = v.rows();
        boolean left = side == Side.LEFT;
        int other = left ? c.cols() : c.rows();
        if (k == 0 || other == 0) {
            return;
        }
        // Q = H_1 ... H_k. Left Q^T and right Q apply H_1 first; left Q and right Q^T apply H_k first.
        boolean forward = left == trans.isTranspose();
        if (other < UNBLOCKED_APPLY_MAX) {
            applyUnblocked(be, v, tau, k, left, forward, c);
            return;
        }
        int nb = applyBlock(other);
        int tRows = Math.min(nb, k);
        DenseMatrix t = DenseMatrix.zeros(tRows, tRows);
        DenseMatrix work = left ? DenseMatrix.zeros(tRows, other) : DenseMatrix.zeros(other, tRows);
        int last = ((k - 1) / nb) * nb;
        for (int step = 0; step <= last / nb; step++) {
            int j = forward ? step * nb : last - step * nb;
            int jb = Math.min(nb, k - j);
            DenseMatrix vb = v.view(j, j, m - j, jb);
            DenseMatrix tb = t.view(0, 0, jb, jb);
            Householder.formT(be, vb, tau, j, tb);
            if (left) {
                Householder.applyBlockLeft(be, trans, vb, tb, c.view(j, 0, m - j, other), work.view(0, 0, jb, other));
            } else {
                Householder.applyBlockRight(be, trans, vb, tb, c.view(0, j, other, m - j), work.view(0, 0, other, jb));
            }
        }
    }

    /** One reflector at a time, reading v_j's implicit unit entry without writing the factors. */
    private static void applyUnblocked(
            Backend be, DenseMatrix v, double[] tau, int k, boolean left, boolean forward, DenseMatrix c) {
        int m = v.rows();
        double[] vd = v.data();
        int ldv = v.ld();
        double[] cd = c.data();
        int ldc = c.ld();
        for (int step = 0; step < k; step++) {
            int j = forward ? step : k - 1 - step;
            double tj = tau[j];
            if (tj == 0.0) {
                continue;
            }
            int vStart = v.offset() + j + 1 + j * ldv; // v_j below its unit entry
            int len = m - j - 1;
            if (left) {
                // C[j:, :] -= tau v (v^T C[j:, :])
                for (int col = 0; col < c.cols(); col++) {
                    int cj = c.offset() + j + col * ldc;
                    double s = cd[cj] + be.dot(len, vd, vStart, 1, cd, cj + 1, 1);
                    double f = -tj * s;
                    cd[cj] += f;
                    be.axpy(len, f, vd, vStart, 1, cd, cj + 1, 1);
                }
            } else {
                // C[:, j:] -= tau (C[:, j:] v) v^T
                int rows = c.rows();
                for (int row = 0; row < rows; row++) {
                    int rj = c.offset() + row + j * ldc;
                    double s = cd[rj] + be.dot(len, vd, vStart, 1, cd, rj + ldc, ldc);
                    double f = -tj * s;
                    cd[rj] += f;
                    be.axpy(len, f, vd, vStart, 1, cd, rj + ldc, ldc);
                }
            }
        }
    }
}
