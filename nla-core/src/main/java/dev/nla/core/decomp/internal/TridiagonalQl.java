package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.error.NotConvergedException;

/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by the implicit QL or QR
 * iteration with Wilkinson-type shifts (LAPACK dsteqr) [Golub and Van Loan 2013, §8.3.5], [Greenbaum and
 * Dongarra 1989].
 *
 * <p>The matrix is split wherever \(|e_i| \le \varepsilon \sqrt{|d_i|}\sqrt{|d_{i+1}|}\); each
 * unreduced block is scaled into a safe range and iterated with QL (chasing upward) when its last
 * diagonal entry is the larger in magnitude, QR otherwise, so that the eigenvalue converging first
 * is the one at the small end. Rotations of each sweep are saved and applied to \(Z\) in delayed
 * batches of sweeps, row block by row block ({@link RotationBatch}). Backward stable: the computed eigenvalues are exact for a tridiagonal matrix within \(p(n)
 * \varepsilon \|T\|\) of the input.
 */
public final class TridiagonalQl {
    private static final double EPS = 0x1.0p-53;
    private static final double EPS2 = EPS * EPS;
    private static final double SAFMIN = Double.MIN_NORMAL;
    private static final double SSFMAX = Math.sqrt(1.0 / SAFMIN) / 3.0;
    private static final double SSFMIN = Math.sqrt(SAFMIN) / EPS2;
    private static final int MAXIT = 30;

    private TridiagonalQl() {}

    /**
     * Computes \(T = Z_T \Lambda Z_T^{\mathsf T}\), sorts \(\Lambda\) ascending and overwrites \(Z
     * \leftarrow Z Z_T\).
     *
     * @param be   the kernels (only the thread count, for rotating \(Z\))
     * @param n    order
     * @param d    the \(n\) diagonal entries; overwritten with the eigenvalues, ascending
     * @param e    the \(n - 1\) off-diagonal entries; destroyed
     * @param z    storage of \(Z\) (\(nz \times n\)), or {@code null} for eigenvalues only;
     *     overwritten
     * @param zOff index of \(z_{00}\)
     * @param ldz  leading dimension
     * @param nz   rows of \(Z\)
     * @throws NotConvergedException if \(30 n\) sweeps do not suffice
     */
    public static void compute(Backend be, int n, double[] d, double[] e, double[] z, int zOff, int ldz, int nz) {
        if (n <= 1) {
            return;
        }
        boolean vec = z != null && nz > 0;
        double[] dd = new double[n + 1];
        double[] ee = new double[n + 1];
        System.arraycopy(d, 0, dd, 1, n);
        System.arraycopy(e, 0, ee, 1, n - 1);
        iterate(be, n, dd, ee, vec ? z : null, zOff, ldz, nz);
        // sort ascending (selection sort: one swap per vector)
        for (int ii = 2; ii <= n; ii++) {
            int i = ii - 1;
            int k = i;
            double p = dd[i];
            for (int j = ii; j <= n; j++) {
                if (dd[j] < p) {
                    k = j;
                    p = dd[j];
                }
            }
            if (k != i) {
                dd[k] = dd[i];
                dd[i] = p;
                if (vec) {
                    int ci = zOff + (i - 1) * ldz;
                    int ck = zOff + (k - 1) * ldz;
                    for (int r = 0; r < nz; r++) {
                        double t = z[ci + r];
                        z[ci + r] = z[ck + r];
                        z[ck + r] = t;
                    }
                }
            }
        }
        System.arraycopy(dd, 1, d, 0, n);
    }

    private static void iterate(Backend be, int n, double[] d, double[] e, double[] z, int zOff, int ldz, int nz) {
        RotationBatch zb = z != null ? new RotationBatch(z, zOff, ldz, nz, be.threads()) : null;
        try {
            loop(n, d, e, zb);
        } finally {
            if (zb != null) {
                zb.flush();
            }
        }
    }

    private static void loop(int n, double[] d, double[] e, RotationBatch zb) {
        boolean vec = zb != null;
        double[] work = new double[2 * n];
        double[] rot = new double[4];
        int nmaxit = n * MAXIT;
        int jtot = 0;
        int l1 = 1;
        int nm1 = n - 1;
        while (l1 <= n) {
            if (l1 > 1) {
                e[l1 - 1] = 0.0;
            }
            int m = n;
            for (int mm = l1; mm <= nm1; mm++) {
                double tst = Math.abs(e[mm]);
                if (tst == 0.0) {
                    m = mm;
                    break;
                }
                if (tst <= (Math.sqrt(Math.abs(d[mm])) * Math.sqrt(Math.abs(d[mm + 1]))) * EPS) {
                    e[mm] = 0.0;
                    m = mm;
                    break;
                }
            }
            int l = l1;
            int lsv = l;
            int lend = m;
            int lendsv = lend;
            l1 = m + 1;
            if (lend == l) {
                continue;
            }
            double anorm = 0.0;
            for (int i = l; i <= lend; i++) {
                anorm = Math.max(anorm, Math.abs(d[i]));
                if (i < lend) {
                    anorm = Math.max(anorm, Math.abs(e[i]));
                }
            }
            if (anorm == 0.0) {
                continue;
            }
            double scale = 1.0;
            if (anorm > SSFMAX) {
                scale = SSFMAX / anorm;
            } else if (anorm < SSFMIN) {
                scale = SSFMIN / anorm;
            }
            if (scale != 1.0) {
                for (int i = l; i <= lend; i++) {
                    d[i] *= scale;
                    if (i < lend) {
                        e[i] *= scale;
                    }
                }
            }
            if (Math.abs(d[lend]) < Math.abs(d[l])) {
                lend = lsv;
                l = lendsv;
            }
            if (lend > l) {
                // QL iteration
                while (true) {
                    int mm = lend;
                    if (l != lend) {
                        for (int k = l; k <= lend - 1; k++) {
                            double tst = Math.abs(e[k]) * Math.abs(e[k]);
                            if (tst <= (EPS2 * Math.abs(d[k])) * Math.abs(d[k + 1]) + SAFMIN) {
                                mm = k;
                                break;
                            }
                        }
                    }
                    m = mm;
                    if (m < lend) {
                        e[m] = 0.0;
                    }
                    double p = d[l];
                    if (m == l) {
                        d[l] = p;
                        l++;
                        if (l <= lend) {
                            continue;
                        }
                        break;
                    }
                    if (m == l + 1) {
                        if (vec) {
                            PlaneRotations.symmetricEigen2x2(d[l], e[l], d[l + 1], rot);
                            work[l] = rot[2];
                            work[n - 1 + l] = rot[3];
                            zb.add(l - 1, 1, work, l, work, n - 1 + l, false);
                        } else {
                            PlaneRotations.symmetricEigen2x2(d[l], e[l], d[l + 1], rot);
                        }
                        d[l] = rot[0];
                        d[l + 1] = rot[1];
                        e[l] = 0.0;
                        l += 2;
                        if (l <= lend) {
                            continue;
                        }
                        break;
                    }
                    if (jtot == nmaxit) {
                        break;
                    }
                    jtot++;
                    double g = (d[l + 1] - p) / (2.0 * e[l]);
                    double r = PlaneRotations.hypot(g, 1.0);
                    g = d[m] - p + (e[l] / (g + Math.copySign(r, g)));
                    double s = 1.0;
                    double c = 1.0;
                    p = 0.0;
                    for (int i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        PlaneRotations.rotation(g, f, rot);
                        c = rot[0];
                        s = rot[1];
                        r = rot[2];
                        if (i != m - 1) {
                            e[i + 1] = r;
                        }
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        if (vec) {
                            work[i] = c;
                            work[n - 1 + i] = -s;
                        }
                    }
                    if (vec) {
                        zb.add(l - 1, m - l, work, l, work, n - 1 + l, false);
                    }
                    d[l] = d[l] - p;
                    e[l] = g;
                }
            } else {
                // QR iteration
                while (true) {
                    int mm = lend;
                    if (l != lend) {
                        for (int k = l; k >= lend + 1; k--) {
                            double tst = Math.abs(e[k - 1]) * Math.abs(e[k - 1]);
                            if (tst <= (EPS2 * Math.abs(d[k])) * Math.abs(d[k - 1]) + SAFMIN) {
                                mm = k;
                                break;
                            }
                        }
                    }
                    m = mm;
                    if (m > lend) {
                        e[m - 1] = 0.0;
                    }
                    double p = d[l];
                    if (m == l) {
                        d[l] = p;
                        l--;
                        if (l >= lend) {
                            continue;
                        }
                        break;
                    }
                    if (m == l - 1) {
                        PlaneRotations.symmetricEigen2x2(d[l - 1], e[l - 1], d[l], rot);
                        if (vec) {
                            work[m] = rot[2];
                            work[n - 1 + m] = rot[3];
                            zb.add(l - 2, 1, work, m, work, n - 1 + m, true);
                        }
                        d[l - 1] = rot[0];
                        d[l] = rot[1];
                        e[l - 1] = 0.0;
                        l -= 2;
                        if (l >= lend) {
                            continue;
                        }
                        break;
                    }
                    if (jtot == nmaxit) {
                        break;
                    }
                    jtot++;
                    double g = (d[l - 1] - p) / (2.0 * e[l - 1]);
                    double r = PlaneRotations.hypot(g, 1.0);
                    g = d[m] - p + (e[l - 1] / (g + Math.copySign(r, g)));
                    double s = 1.0;
                    double c = 1.0;
                    p = 0.0;
                    for (int i = m; i <= l - 1; i++) {
                        double f = s * e[i];
                        double b = c * e[i];
                        PlaneRotations.rotation(g, f, rot);
                        c = rot[0];
                        s = rot[1];
                        r = rot[2];
                        if (i != m) {
                            e[i - 1] = r;
                        }
                        g = d[i] - p;
                        r = (d[i + 1] - g) * s + 2.0 * c * b;
                        p = s * r;
                        d[i] = g + p;
                        g = c * r - b;
                        if (vec) {
                            work[i] = c;
                            work[n - 1 + i] = s;
                        }
                    }
                    if (vec) {
                        zb.add(m - 1, l - m, work, m, work, n - 1 + m, true);
                    }
                    d[l] = d[l] - p;
                    e[l - 1] = g;
                }
            }
            if (scale != 1.0) {
                double inv = 1.0 / scale;
                for (int i = lsv; i <= lendsv; i++) {
                    d[i] *= inv;
                    if (i < lendsv) {
                        e[i] *= inv;
                    }
                }
            }
            if (jtot >= nmaxit) {
                int bad = 0;
                for (int i = 1; i < n; i++) {
                    if (e[i] != 0.0) {
                        bad++;
                    }
                }
                if (bad > 0) {
                    throw new NotConvergedException(
                            "tridiagonal QL: " + bad + " of " + (n - 1) + " off-diagonal entries did not converge",
                            jtot);
                }
            }
        }
    }
}
