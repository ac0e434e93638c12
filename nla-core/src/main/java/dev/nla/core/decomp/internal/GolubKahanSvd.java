package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Pure-Java SVD: optional QR pre-reduction, blocked Golub–Kahan bidiagonalization, and the
 * Demmel–Kahan bidiagonal QR iteration (the LAPACK dgesvd pipeline) [Golub and Kahan 1965],
 * [Demmel and Kahan 1990], [Chan 1982].
 *
 * <p>Steps for an \(m \times n\) input (a wide input is transposed first, so \(m \ge n\)):
 * <ol>
 *   <li>scale into \([\sqrt{\text{safmin}}/\varepsilon, \sqrt{\text{safmax}}\,\varepsilon]\) if the
 *       largest entry lies outside it (undone on the singular values);
 *   <li>if \(m \ge 1.6\,n\), blocked Householder QR \(A = QR\) and continue with the \(n \times n\)
 *       \(R\) (Chan's R-bidiagonalization; the crossover is LAPACK's);
 *   <li>blocked bidiagonalization \(R = Q_B B P^{\mathsf T}\) (dgebrd/dlabrd, half the flops in
 *       GEMM);
 *   <li>bidiagonal QR on \(B\), rotating the explicitly formed \(Q_B\) and \(P\);
 *   <li>\(U = Q \begin{pmatrix} Q_B U_B \\ 0 \end{pmatrix}\) by blocked application of the QR
 *       reflectors (GEMM), \(V = P V_B\); then the sign convention of {@link SvdResult}.
 * </ol>
 *
 * <p>Cost with vectors for \(m \gg n\): about \(6mn^2\) flops, mostly GEMM, plus
 * \(O(n^3)\) rotation work in the bidiagonal QR. Singular values are backward stable:
 * \(|\hat\sigma_i - \sigma_i| \le p(m, n)\,\varepsilon\,\sigma_1\), and the bidiagonal stage adds
 * only a relative error. Thread-count independent: the same input gives the same bits whatever the
 * number of kernel threads, provided the GEMM backend is deterministic.
 */
public final class GolubKahanSvd implements Svd {
    /** QR pre-reduction when \(m \ge\) {@code QR_RATIO}\(\cdot n\) (LAPACK's \(11/6 \approx 1.6\)). */
    static final double QR_RATIO = 1.6;

    private static final double SMLNUM = Math.sqrt(Double.MIN_NORMAL) / 0x1.0p-53;
    private static final double BIGNUM = 1.0 / SMLNUM;

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public GolubKahanSvd() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend (its GEMMs and its thread count).
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public GolubKahanSvd(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public SvdResult decompose(Matrix a, SvdVectors vectors) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(vectors, "vectors");
        Require.allFinite("a", a);
        int m = a.rows();
        int n = a.cols();
        boolean full = vectors == SvdVectors.FULL;
        boolean wide = m < n;
        int k = Math.min(m, n);
        Checks.svdSizes(m, n, vectors);
        DenseMatrix work = wide ? a.toDense().transpose() : a.toDense().copy();
        int mt = work.rows();
        int nt = work.cols();
        Core core = compute(backend(), work, true, full);
        // work = U' S V'^T with U' mt x ucols, V' nt x nt
        DenseMatrix u;
        DenseMatrix vt;
        if (!wide) {
            u = DenseMatrix.wrap(mt, core.ucols, core.u);
            vt = DenseMatrix.wrap(nt, nt, core.v).transpose();
        } else {
            u = DenseMatrix.wrap(nt, nt, core.v);
            vt = DenseMatrix.wrap(mt, core.ucols, core.u).transpose();
        }
        Signs.fixSvd(u, vt, k);
        return new SvdResult(u, core.sigma, vt);
    }

    @Override
    public double[] singularValues(Matrix a) {
        Objects.requireNonNull(a, "a");
        Require.allFinite("a", a);
        DenseMatrix work =
                a.rows() < a.cols() ? a.toDense().transpose() : a.toDense().copy();
        return compute(backend(), work, false, false).sigma;
    }

    /** Result of the tall core: U (mt x ucols, column-major), sigma, V (nt x nt). */
    private record Core(double[] u, int ucols, double[] sigma, double[] v) {}

    /** SVD of the tall (mt >= nt) matrix {@code w}, which is destroyed. */
    private static Core compute(Backend be, DenseMatrix w, boolean wantVectors, boolean full) {
        int m = w.rows();
        int n = w.cols();
        double[] a = w.data();
        int lda = w.ld();
        int ucols = full ? m : n;
        if (n == 0) {
            double[] u = new double[m * ucols];
            for (int j = 0; j < ucols; j++) {
                u[j + j * m] = 1.0;
            }
            return new Core(u, ucols, new double[0], new double[0]);
        }
        double anrm = 0.0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                anrm = Math.max(anrm, Math.abs(a[i + j * lda]));
            }
        }
        double scale = 1.0;
        if (anrm > 0.0 && anrm < SMLNUM) {
            scale = SMLNUM / anrm;
        } else if (anrm > BIGNUM) {
            scale = BIGNUM / anrm;
        }
        if (scale != 1.0) {
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < m; i++) {
                    a[i + j * lda] *= scale;
                }
            }
        }
        boolean useQr = m >= QR_RATIO * n;
        double[] tauQr = null;
        double[] b;
        int mb;
        int ldb;
        if (useQr) {
            tauQr = HouseholderQr.factorBlocked(be, w, false).tau;
            b = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i <= j; i++) {
                    b[i + j * n] = a[i + j * lda];
                }
            }
            mb = n;
            ldb = n;
        } else {
            b = a;
            mb = m;
            ldb = lda;
        }
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        double[] tauq = new double[n];
        double[] taup = new double[n];
        Bidiagonalization.reduce(be, mb, n, b, 0, ldb, d, e, tauq, taup);
        if (!wantVectors) {
            BidiagonalQr.compute(be, n, d, e, null, 0, 1, 0, null, 0, 1, 0);
            unscale(d, scale);
            return new Core(null, 0, d, null);
        }
        double[] v = Bidiagonalization.formP(be, n, b, 0, ldb, taup);
        double[] u;
        if (useQr) {
            double[] qb = Bidiagonalization.formQ(be, n, n, n, b, 0, ldb, tauq);
            BidiagonalQr.compute(be, n, d, e, qb, 0, n, n, v, 0, n, n);
            u = new double[m * ucols];
            for (int j = 0; j < n; j++) {
                System.arraycopy(qb, j * n, u, j * m, n);
            }
            for (int j = n; j < ucols; j++) {
                u[j + j * m] = 1.0;
            }
            HouseholderQr.apply(be, w, tauQr, n, Side.LEFT, Transpose.NO_TRANSPOSE, DenseMatrix.wrap(m, ucols, u));
        } else {
            u = Bidiagonalization.formQ(be, m, n, ucols, b, 0, ldb, tauq);
            BidiagonalQr.compute(be, n, d, e, u, 0, m, m, v, 0, n, n);
        }
        unscale(d, scale);
        return new Core(u, ucols, d, v);
    }

    private static void unscale(double[] d, double scale) {
        if (scale != 1.0) {
            for (int i = 0; i < d.length; i++) {
                d[i] /= scale;
            }
        }
    }
}
