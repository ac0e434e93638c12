package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.error.NotConvergedException;

/**
 * Singular values and vectors of an upper bidiagonal matrix by implicit QR with the zero-shift
 * variant of Demmel and Kahan (LAPACK dbdsqr) [Demmel and Kahan 1990].
 *
 * <p>For \(B = U_B \Sigma V_B^{\mathsf T}\) the routine overwrites \(d\) with \(\Sigma\) (sorted
 * decreasingly, non-negative) and post-multiplies two given matrices: \(U \leftarrow U U_B\) and \(V
 * \leftarrow V V_B\) (both are rotated column-wise, so \(V\) is stored untransposed).
 *
 * <p>Accuracy: each singular value is computed to high relative accuracy, \(|\hat\sigma_i -
 * \sigma_i| \le p(n)\,\varepsilon_{tol}\,\sigma_i\), thanks to the relative convergence criteria
 * (a superdiagonal entry is set to zero only when it is below \(tol\) times a running lower
 * bound \(\mu\) on the smallest singular value of the block) and to the zero-shift sweep used
 * whenever a shift would spoil relative accuracy (\(n\,tol\,\sigma_{\min}/\sigma_{\max} \le
 * \max(\varepsilon, tol/100)\)). The shifted sweep uses the smaller singular value of the trailing
 * (or leading) \(2\times 2\) block; the chase direction follows the larger end of the block.
 * Rotations of one sweep are saved and applied to the singular vectors in one blocked pass.
 */
public final class BidiagonalQr {
    private static final double EPS = 0x1.0p-53;
    private static final double UNFL = Double.MIN_NORMAL;
    private static final int MAXITR = 6;

    private BidiagonalQr() {}

    /**
     * Runs the iteration.
     *
     * @param be   the kernels (only the thread count, for rotating \(U\) and \(V\))
     * @param n    order of \(B\)
     * @param d    the \(n\) diagonal entries; overwritten with the singular values, decreasing
     * @param e    the \(n - 1\) superdiagonal entries; destroyed
     * @param u    storage of \(U\) (\(nru \times n\)), or {@code null}; overwritten with \(U U_B\)
     * @param uOff index of \(u_{00}\)
     * @param ldu  leading dimension of \(U\)
     * @param nru  rows of \(U\)
     * @param v    storage of \(V\) (\(ncv \times n\)), or {@code null}; overwritten with \(V V_B\)
     * @param vOff index of \(v_{00}\)
     * @param ldv  leading dimension of \(V\)
     * @param ncv  rows of \(V\)
     * @throws NotConvergedException if more than \(6 n^2\) inner steps do not converge
     */
    public static void compute(
            Backend be,
            int n,
            double[] d,
            double[] e,
            double[] u,
            int uOff,
            int ldu,
            int nru,
            double[] v,
            int vOff,
            int ldv,
            int ncv) {
        if (u == null) {
            nru = 0;
        }
        if (v == null) {
            ncv = 0;
        }
        if (n == 0) {
            return;
        }
        // 1-based copies: D(1..n), E(1..n-1)
        double[] dd = new double[n + 1];
        double[] ee = new double[n + 1];
        System.arraycopy(d, 0, dd, 1, n);
        if (n > 1) {
            System.arraycopy(e, 0, ee, 1, n - 1);
        }
        if (n > 1) {
            iterate(be, n, dd, ee, u, uOff, ldu, nru, v, vOff, ldv, ncv);
        }
        // make positive, then sort decreasingly
        for (int i = 1; i <= n; i++) {
            if (dd[i] == 0.0) {
                dd[i] = 0.0;
            }
            if (dd[i] < 0.0) {
                dd[i] = -dd[i];
                if (ncv > 0) {
                    int col = vOff + (i - 1) * ldv;
                    for (int r = 0; r < ncv; r++) {
                        v[col + r] = -v[col + r];
                    }
                }
            }
        }
        for (int i = 1; i < n; i++) {
            int isub = 1;
            double smin = dd[1];
            for (int j = 2; j <= n + 1 - i; j++) {
                if (dd[j] <= smin) {
                    isub = j;
                    smin = dd[j];
                }
            }
            int last = n + 1 - i;
            if (isub != last) {
                dd[isub] = dd[last];
                dd[last] = smin;
                if (ncv > 0) {
                    swapColumns(v, vOff, ldv, ncv, isub - 1, last - 1);
                }
                if (nru > 0) {
                    swapColumns(u, uOff, ldu, nru, isub - 1, last - 1);
                }
            }
        }
        System.arraycopy(dd, 1, d, 0, n);
    }

    private static void swapColumns(double[] a, int off, int ld, int rows, int p, int q) {
        int cp = off + p * ld;
        int cq = off + q * ld;
        for (int r = 0; r < rows; r++) {
            double t = a[cp + r];
            a[cp + r] = a[cq + r];
            a[cq + r] = t;
        }
    }

    @SuppressWarnings("checkstyle:MethodLength")
    private static void iterate(
            Backend be,
            int n,
            double[] d,
            double[] e,
            double[] u,
            int uOff,
            int ldu,
            int nru,
            double[] v,
            int vOff,
            int ldv,
            int ncv) {
        double[] work = new double[4 * (n - 1) + 1];
        double[] rot = new double[3];
        RotationBatch ub = nru > 0 ? new RotationBatch(u, uOff, ldu, nru, be.threads()) : null;
        RotationBatch vb = ncv > 0 ? new RotationBatch(v, vOff, ldv, ncv, be.threads()) : null;
        try {
            loop(n, d, e, work, rot, ub, vb);
        } finally {
            if (ub != null) {
                ub.flush();
            }
            if (vb != null) {
                vb.flush();
            }
        }
    }

    @SuppressWarnings("checkstyle:MethodLength")
    private static void loop(
            int n, double[] d, double[] e, double[] work, double[] rot, RotationBatch ub, RotationBatch vb) {
        int nm1 = n - 1;
        int nm12 = nm1 + nm1;
        int nm13 = nm12 + nm1;
        double[] sv = new double[6];
        double tolmul = Math.max(10.0, Math.min(100.0, Math.pow(EPS, -0.125)));
        double tol = tolmul * EPS;
        double smax = 0.0;
        for (int i = 1; i <= n; i++) {
            smax = Math.max(smax, Math.abs(d[i]));
        }
        for (int i = 1; i < n; i++) {
            smax = Math.max(smax, Math.abs(e[i]));
        }
        double sminoa = Math.abs(d[1]);
        if (sminoa != 0.0) {
            double mu = sminoa;
            for (int i = 2; i <= n; i++) {
                mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
                sminoa = Math.min(sminoa, mu);
                if (sminoa == 0.0) {
                    break;
                }
            }
        }
        sminoa = sminoa / Math.sqrt(n);
        double thresh = Math.max(tol * sminoa, MAXITR * (n * (n * UNFL)));
        int maxitdivn = MAXITR * n;
        int iterdivn = 0;
        int iter = -1;
        int oldll = -1;
        int oldm = -1;
        int m = n;
        int idir = 0;
        while (m > 1) {
            if (iter >= n) {
                iter -= n;
                iterdivn++;
                if (iterdivn >= maxitdivn) {
                    int unconverged = 0;
                    for (int i = 1; i < n; i++) {
                        if (e[i] != 0.0) {
                            unconverged++;
                        }
                    }
                    throw new NotConvergedException(
                            "bidiagonal QR: " + unconverged + " of " + (n - 1)
                                    + " superdiagonal entries did not converge to zero",
                            maxitdivn * n);
                }
            }
            // find diagonal block to work on
            smax = Math.abs(d[m]);
            int ll = 0;
            boolean split = false;
            for (int lll = 1; lll <= m - 1; lll++) {
                ll = m - lll;
                double abss = Math.abs(d[ll]);
                double abse = Math.abs(e[ll]);
                if (abse <= thresh || abse == 0.0) {
                    split = true;
                    break;
                }
                smax = Math.max(smax, Math.max(abss, abse));
            }
            if (split) {
                e[ll] = 0.0;
                if (ll == m - 1) {
                    m -= 1;
                    continue;
                }
            } else {
                ll = 0;
            }
            ll++;
            // E(ll)..E(m-1) nonzero, E(ll-1) zero
            if (ll == m - 1) {
                PlaneRotations.svd2x2(d[m - 1], e[m - 1], d[m], sv);
                d[m - 1] = sv[1];
                e[m - 1] = 0.0;
                d[m] = sv[0];
                double sinr = sv[2];
                double cosr = sv[3];
                double sinl = sv[4];
                double cosl = sv[5];
                if (vb != null) {
                    vb.addOne(m - 2, cosr, sinr);
                }
                if (ub != null) {
                    ub.addOne(m - 2, cosl, sinl);
                }
                m -= 2;
                continue;
            }
            if (ll > oldm || m < oldll) {
                idir = Math.abs(d[ll]) >= Math.abs(d[m]) ? 1 : 2;
            }
            // convergence tests
            double smin;
            boolean deflated = false;
            if (idir == 1) {
                if (Math.abs(e[m - 1]) <= Math.abs(tol) * Math.abs(d[m])) {
                    e[m - 1] = 0.0;
                    continue;
                }
                double mu = Math.abs(d[ll]);
                smin = mu;
                for (int lll = ll; lll <= m - 1; lll++) {
                    if (Math.abs(e[lll]) <= tol * mu) {
                        e[lll] = 0.0;
                        deflated = true;
                        break;
                    }
                    mu = Math.abs(d[lll + 1]) * (mu / (mu + Math.abs(e[lll])));
                    smin = Math.min(smin, mu);
                }
            } else {
                if (Math.abs(e[ll]) <= Math.abs(tol) * Math.abs(d[ll])) {
                    e[ll] = 0.0;
                    continue;
                }
                double mu = Math.abs(d[m]);
                smin = mu;
                for (int lll = m - 1; lll >= ll; lll--) {
                    if (Math.abs(e[lll]) <= tol * mu) {
                        e[lll] = 0.0;
                        deflated = true;
                        break;
                    }
                    mu = Math.abs(d[lll]) * (mu / (mu + Math.abs(e[lll])));
                    smin = Math.min(smin, mu);
                }
            }
            if (deflated) {
                continue;
            }
            oldll = ll;
            oldm = m;
            // shift
            double shift;
            if (n * tol * (smin / smax) <= Math.max(EPS, 0.01 * tol)) {
                shift = 0.0;
            } else {
                double sll;
                if (idir == 1) {
                    sll = Math.abs(d[ll]);
                    PlaneRotations.singularValues2x2(d[m - 1], e[m - 1], d[m], sv);
                } else {
                    sll = Math.abs(d[m]);
                    PlaneRotations.singularValues2x2(d[ll], e[ll], d[ll + 1], sv);
                }
                shift = sv[0];
                if (sll > 0.0 && (shift / sll) * (shift / sll) < EPS) {
                    shift = 0.0;
                }
            }
            iter += m - ll;
            int cnt = m - ll;
            if (shift == 0.0) {
                if (idir == 1) {
                    double cs = 1.0;
                    double oldcs = 1.0;
                    double oldsn = 0.0;
                    for (int i = ll; i <= m - 1; i++) {
                        PlaneRotations.rotation(d[i] * cs, e[i], rot);
                        cs = rot[0];
                        double sn = rot[1];
                        double r = rot[2];
                        if (i > ll) {
                            e[i - 1] = oldsn * r;
                        }
                        PlaneRotations.rotation(oldcs * r, d[i + 1] * sn, rot);
                        oldcs = rot[0];
                        oldsn = rot[1];
                        d[i] = rot[2];
                        work[i - ll + 1] = cs;
                        work[i - ll + 1 + nm1] = sn;
                        work[i - ll + 1 + nm12] = oldcs;
                        work[i - ll + 1 + nm13] = oldsn;
                    }
                    double h = d[m] * cs;
                    d[m] = h * oldcs;
                    e[m - 1] = h * oldsn;
                    applyV(vb, ll, cnt, work, 1, 1 + nm1, true);
                    applyU(ub, ll, cnt, work, nm12 + 1, nm13 + 1, true);
                    if (Math.abs(e[m - 1]) <= thresh) {
                        e[m - 1] = 0.0;
                    }
                } else {
                    double cs = 1.0;
                    double oldcs = 1.0;
                    double oldsn = 0.0;
                    for (int i = m; i >= ll + 1; i--) {
                        PlaneRotations.rotation(d[i] * cs, e[i - 1], rot);
                        cs = rot[0];
                        double sn = rot[1];
                        double r = rot[2];
                        if (i < m) {
                            e[i] = oldsn * r;
                        }
                        PlaneRotations.rotation(oldcs * r, d[i - 1] * sn, rot);
                        oldcs = rot[0];
                        oldsn = rot[1];
                        d[i] = rot[2];
                        work[i - ll] = cs;
                        work[i - ll + nm1] = -sn;
                        work[i - ll + nm12] = oldcs;
                        work[i - ll + nm13] = -oldsn;
                    }
                    double h = d[ll] * cs;
                    d[ll] = h * oldcs;
                    e[ll] = h * oldsn;
                    applyV(vb, ll, cnt, work, nm12 + 1, nm13 + 1, false);
                    applyU(ub, ll, cnt, work, 1, 1 + nm1, false);
                    if (Math.abs(e[ll]) <= thresh) {
                        e[ll] = 0.0;
                    }
                }
            } else if (idir == 1) {
                double f = (Math.abs(d[ll]) - shift) * (Math.copySign(1.0, d[ll]) + shift / d[ll]);
                double g = e[ll];
                for (int i = ll; i <= m - 1; i++) {
                    PlaneRotations.rotation(f, g, rot);
                    double cosr = rot[0];
                    double sinr = rot[1];
                    if (i > ll) {
                        e[i - 1] = rot[2];
                    }
                    f = cosr * d[i] + sinr * e[i];
                    e[i] = cosr * e[i] - sinr * d[i];
                    g = sinr * d[i + 1];
                    d[i + 1] = cosr * d[i + 1];
                    PlaneRotations.rotation(f, g, rot);
                    double cosl = rot[0];
                    double sinl = rot[1];
                    d[i] = rot[2];
                    f = cosl * e[i] + sinl * d[i + 1];
                    d[i + 1] = cosl * d[i + 1] - sinl * e[i];
                    if (i < m - 1) {
                        g = sinl * e[i + 1];
                        e[i + 1] = cosl * e[i + 1];
                    }
                    work[i - ll + 1] = cosr;
                    work[i - ll + 1 + nm1] = sinr;
                    work[i - ll + 1 + nm12] = cosl;
                    work[i - ll + 1 + nm13] = sinl;
                }
                e[m - 1] = f;
                applyV(vb, ll, cnt, work, 1, 1 + nm1, true);
                applyU(ub, ll, cnt, work, nm12 + 1, nm13 + 1, true);
                if (Math.abs(e[m - 1]) <= thresh) {
                    e[m - 1] = 0.0;
                }
            } else {
                double f = (Math.abs(d[m]) - shift) * (Math.copySign(1.0, d[m]) + shift / d[m]);
                double g = e[m - 1];
                for (int i = m; i >= ll + 1; i--) {
                    PlaneRotations.rotation(f, g, rot);
                    double cosr = rot[0];
                    double sinr = rot[1];
                    if (i < m) {
                        e[i] = rot[2];
                    }
                    f = cosr * d[i] + sinr * e[i - 1];
                    e[i - 1] = cosr * e[i - 1] - sinr * d[i];
                    g = sinr * d[i - 1];
                    d[i - 1] = cosr * d[i - 1];
                    PlaneRotations.rotation(f, g, rot);
                    double cosl = rot[0];
                    double sinl = rot[1];
                    d[i] = rot[2];
                    f = cosl * e[i - 1] + sinl * d[i - 1];
                    d[i - 1] = cosl * d[i - 1] - sinl * e[i - 1];
                    if (i > ll + 1) {
                        g = sinl * e[i - 2];
                        e[i - 2] = cosl * e[i - 2];
                    }
                    work[i - ll] = cosr;
                    work[i - ll + nm1] = -sinr;
                    work[i - ll + nm12] = cosl;
                    work[i - ll + nm13] = -sinl;
                }
                e[ll] = f;
                if (Math.abs(e[ll]) <= thresh) {
                    e[ll] = 0.0;
                }
                applyU(ub, ll, cnt, work, 1, 1 + nm1, false);
                applyV(vb, ll, cnt, work, nm12 + 1, nm13 + 1, false);
            }
        }
    }

    /** Queues rotations of the right singular vectors: columns ll-1 .. ll-1+cnt of V (0-based). */
    private static void applyV(RotationBatch vb, int ll, int cnt, double[] w, int cOff, int sOff, boolean fwd) {
        if (vb != null) {
            vb.add(ll - 1, cnt, w, cOff, w, sOff, fwd);
        }
    }

    /** Queues rotations of the left singular vectors. */
    private static void applyU(RotationBatch ub, int ll, int cnt, double[] w, int cOff, int sOff, boolean fwd) {
        if (ub != null) {
            ub.add(ll - 1, cnt, w, cOff, w, sOff, fwd);
        }
    }
}
