package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NotConvergedException;
import java.util.Arrays;

/**
 * Eigenvalues and eigenvectors of a symmetric tridiagonal matrix by Cuppen's divide and conquer with
 * the Gu–Eisenstat eigenvector formula (LAPACK dstedc/dlaed0–dlaed4) [Cuppen 1981], [Gu–Eisenstat
 * 1995].
 *
 * <p>Tearing: \(T = \operatorname{diag}(T_1, T_2) + \rho\, v v^{\mathsf T}\) with \(\rho =
 * |\beta|\), \(v = e_{n_1} + \operatorname{sign}(\beta) e_{n_1+1}\), where \(\beta\) is the coupling
 * entry and \(|\beta|\) is subtracted from the two diagonal entries it touches. With \(T_i = Q_i
 * \Lambda_i Q_i^{\mathsf T}\) solved recursively, the merge is the eigenproblem of \(D + \rho z
 * z^{\mathsf T}\), \(z = \operatorname{diag}(Q_1, Q_2)^{\mathsf T} v\):
 * <ul>
 *   <li>deflation (dlaed2): components with \(\rho|z_i| \le 8\varepsilon\max(|d|_{\max},
 *       |z|_{\max})\) keep their eigenpair; pairs of close \(d_i\) are rotated so that one
 *       \(z_i\) vanishes;
 *   <li>the secular equation \(1 + \rho\sum_i z_i^2/(d_i - \lambda) = 0\) is solved for each root
 *       in its interlacing interval, the root stored as an offset \(\tau\) from the nearer pole so
 *       that every \(d_i - \lambda_j\) is computed to high relative accuracy; iterations use the
 *       two-pole rational model of Bunch, Nielsen and Sorensen safeguarded by bisection;
 *   <li>\(\hat z\) is recomputed from the computed roots by Löwner's formula, \(\hat z_i^2 =
 *       \prod_j (\lambda_j - d_i) / \prod_{j \ne i} (d_j - d_i)\) (up to the factor \(1/\rho\)),
 *       which makes the computed eigenvectors \(\hat z_i / (d_i - \lambda_j)\) numerically
 *       orthogonal;
 *   <li>the eigenvectors of the merged problem are \(\operatorname{diag}(Q_1, Q_2)\,U\): one GEMM
 *       per merge, which is where the \(O(n^3)\) work goes.
 * </ul>
 * Leaves of order at most 25 use {@link TridiagonalQl}. The matrix is scaled to unit max-norm
 * first. Backward stable like dstedc.
 */
public final class TridiagonalDivideConquer {
    private static final double EPS = 0x1.0p-53;
    private static final int LEAF = 25;
    private static final int MAX_SECULAR_ITERATIONS = 100;

    private TridiagonalDivideConquer() {}

    /**
     * Computes \(T = Z \Lambda Z^{\mathsf T}\) with \(\Lambda\) ascending.
     *
     * @param be the kernels (GEMMs of the merges, rotations of the leaves)
     * @param n order
     * @param d the \(n\) diagonal entries; overwritten with the eigenvalues, ascending
     * @param e the \(n - 1\) off-diagonal entries; not modified
     * @return \(Z\), compact \(n \times n\)
     * @throws NotConvergedException if a leaf QL iteration or a secular equation fails
     */
    public static double[] compute(Backend be, int n, double[] d, double[] e) {
        if (n == 0) {
            return new double[0];
        }
        double scale = 0.0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(d[i]));
        }
        for (int i = 0; i < n - 1; i++) {
            scale = Math.max(scale, Math.abs(e[i]));
        }
        if (scale == 0.0) {
            double[] z = new double[n * n];
            for (int i = 0; i < n; i++) {
                z[i + i * n] = 1.0;
            }
            return z;
        }
        double[] dd = new double[n];
        double[] ee = new double[Math.max(1, n - 1)];
        for (int i = 0; i < n; i++) {
            dd[i] = d[i] / scale;
        }
        for (int i = 0; i < n - 1; i++) {
            ee[i] = e[i] / scale;
        }
        double[] z = solve(be, n, dd, ee);
        for (int i = 0; i < n; i++) {
            d[i] = dd[i] * scale;
        }
        return z;
    }

    /** Solves the tridiagonal problem (d, e) of order n; d is overwritten with ascending eigenvalues. */
    private static double[] solve(Backend be, int n, double[] d, double[] e) {
        if (n <= LEAF) {
            double[] q = new double[n * n];
            for (int i = 0; i < n; i++) {
                q[i + i * n] = 1.0;
            }
            TridiagonalQl.compute(be, n, d, Arrays.copyOf(e, Math.max(1, n - 1)), q, 0, n, n);
            return q;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        double beta = e[n1 - 1];
        double ab = Math.abs(beta);
        double[] d1 = Arrays.copyOfRange(d, 0, n1);
        double[] e1 = Arrays.copyOfRange(e, 0, Math.max(1, n1 - 1));
        double[] d2 = Arrays.copyOfRange(d, n1, n);
        double[] e2 = Arrays.copyOfRange(e, n1, n1 + Math.max(1, n2 - 1));
        d1[n1 - 1] -= ab;
        d2[0] -= ab;
        double[] q1 = solve(be, n1, d1, e1);
        double[] q2 = solve(be, n2, d2, e2);
        return merge(be, n1, n2, d1, q1, d2, q2, beta, d);
    }

    /**
     * Merges two solved halves coupled by \(\beta\); writes the ascending eigenvalues into {@code
     * out} and returns the eigenvectors.
     */
    private static double[] merge(
            Backend be, int n1, int n2, double[] d1, double[] q1, double[] d2, double[] q2, double beta, double[] out) {
        int n = n1 + n2;
        // Q = diag(Q1, Q2), explicit n x n
        double[] q = new double[n * n];
        for (int j = 0; j < n1; j++) {
            System.arraycopy(q1, j * n1, q, j * n, n1);
        }
        for (int j = 0; j < n2; j++) {
            System.arraycopy(q2, j * n2, q, n1 + (n1 + j) * n, n2);
        }
        double[] d = new double[n];
        System.arraycopy(d1, 0, d, 0, n1);
        System.arraycopy(d2, 0, d, n1, n2);
        double sgn = beta < 0 ? -1.0 : 1.0;
        double[] z = new double[n];
        for (int j = 0; j < n1; j++) {
            z[j] = q1[n1 - 1 + j * n1];
        }
        for (int j = 0; j < n2; j++) {
            z[n1 + j] = sgn * q2[j * n2];
        }
        double rho = Math.abs(beta);
        double nz = Householder.norm2(n, z, 0, 1);
        for (int i = 0; i < n; i++) {
            z[i] /= nz;
        }
        rho *= nz * nz;
        // indices sorted by d (both halves are sorted: merge)
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        final double[] dsort = d;
        Arrays.sort(order, (a, b) -> Double.compare(dsort[a], dsort[b]));
        double dmax = 0.0;
        double zmax = 0.0;
        for (int i = 0; i < n; i++) {
            dmax = Math.max(dmax, Math.abs(d[i]));
            zmax = Math.max(zmax, Math.abs(z[i]));
        }
        double tol = 8.0 * EPS * Math.max(dmax, zmax);
        // column structure of diag(Q1, Q2): 1 = top rows only, 3 = bottom rows only, 2 = both
        int[] coltyp = new int[n];
        for (int i = 0; i < n; i++) {
            coltyp[i] = i < n1 ? 1 : 3;
        }
        int[] nondef = new int[n];
        int k = 0;
        int[] defl = new int[n];
        int nd = 0;
        if (rho * zmax <= tol) {
            for (int i = 0; i < n; i++) {
                defl[nd++] = order[i];
            }
        } else {
            int pj = -1;
            for (int t = 0; t < n; t++) {
                int nj = order[t];
                if (rho * Math.abs(z[nj]) <= tol) {
                    defl[nd++] = nj;
                    continue;
                }
                if (pj < 0) {
                    pj = nj;
                    continue;
                }
                double s = z[pj];
                double c = z[nj];
                double tau = PlaneRotations.hypot(c, s);
                double gap = d[nj] - d[pj];
                c /= tau;
                s = -s / tau;
                if (Math.abs(gap * c * s) <= tol) {
                    z[nj] = tau;
                    z[pj] = 0.0;
                    PlaneRotations.rotateColumns(q, 0, n, n, pj, nj, c, s);
                    if (coltyp[pj] != coltyp[nj]) {
                        coltyp[nj] = 2;
                    }
                    double tt = d[pj] * c * c + d[nj] * s * s;
                    d[nj] = d[pj] * s * s + d[nj] * c * c;
                    d[pj] = tt;
                    defl[nd++] = pj;
                    pj = nj;
                } else {
                    nondef[k++] = pj;
                    pj = nj;
                }
            }
            if (pj >= 0) {
                nondef[k++] = pj;
            }
        }
        double[] lambda = new double[n];
        double[] qout = new double[n * n];
        int[] cols = new int[n];
        if (k > 0) {
            double[] dl = new double[k];
            double[] w = new double[k];
            for (int i = 0; i < k; i++) {
                dl[i] = d[nondef[i]];
                w[i] = z[nondef[i]];
            }
            double[] delta = new double[k * k];
            double[] lam = new double[k];
            secular(k, dl, w, rho, delta, lam);
            double[] u = eigenvectors(k, dl, w, delta);
            // gather the non-deflated columns grouped by structure (top-only, dense, bottom-only) and
            // permute the rows of U alike, so that the zero blocks of diag(Q1, Q2) are skipped
            int[] grouped = new int[k];
            int g = 0;
            for (int type = 1; type <= 3; type++) {
                for (int i = 0; i < k; i++) {
                    if (coltyp[nondef[i]] == type) {
                        grouped[g++] = i;
                    }
                }
            }
            int k1 = 0;
            int k3 = 0;
            for (int i = 0; i < k; i++) {
                if (coltyp[nondef[i]] == 1) {
                    k1++;
                } else if (coltyp[nondef[i]] == 3) {
                    k3++;
                }
            }
            double[] qk = new double[n * k];
            double[] up = new double[k * k];
            for (int t = 0; t < k; t++) {
                int i = grouped[t];
                System.arraycopy(q, nondef[i] * n, qk, t * n, n);
                for (int j = 0; j < k; j++) {
                    up[t + j * k] = u[i + j * k];
                }
            }
            double[] prod = new double[n * k];
            int top = k - k3;
            int bottomStart = k1;
            if (top > 0) {
                be.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        n1,
                        k,
                        top,
                        1.0,
                        qk,
                        0,
                        n,
                        up,
                        0,
                        k,
                        0.0,
                        prod,
                        0,
                        n);
            }
            if (k - bottomStart > 0) {
                be.gemm(
                        Transpose.NO_TRANSPOSE,
                        Transpose.NO_TRANSPOSE,
                        n2,
                        k,
                        k - bottomStart,
                        1.0,
                        qk,
                        n1 + bottomStart * n,
                        n,
                        up,
                        bottomStart,
                        k,
                        0.0,
                        prod,
                        n1,
                        n);
            }
            for (int j = 0; j < k; j++) {
                lambda[j] = lam[j];
                cols[j] = j;
            }
            System.arraycopy(prod, 0, qout, 0, n * k);
        }
        for (int t = 0; t < nd; t++) {
            lambda[k + t] = d[defl[t]];
            System.arraycopy(q, defl[t] * n, qout, (k + t) * n, n);
        }
        // sort all eigenvalues ascending with their columns
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        final double[] lsort = lambda;
        Arrays.sort(idx, (a, b) -> Double.compare(lsort[a], lsort[b]));
        double[] result = new double[n * n];
        for (int j = 0; j < n; j++) {
            out[j] = lambda[idx[j]];
            System.arraycopy(qout, idx[j] * n, result, j * n, n);
        }
        return result;
    }

    /**
     * Solves \(1 + \rho\sum_i w_i^2/(d_i - \lambda) = 0\) for its \(k\) roots (\(d\) strictly
     * increasing, \(w_i \ne 0\), \(\rho \gt 0\)), returning {@code delta[i + j*k]} \(= d_i -
     * \lambda_j\) computed to high relative accuracy.
     */
    static void secular(int k, double[] d, double[] w, double rho, double[] delta, double[] lam) {
        double[] w2 = new double[k];
        double wnorm2 = 0.0;
        for (int i = 0; i < k; i++) {
            w2[i] = rho * w[i] * w[i];
            wnorm2 += w2[i];
        }
        double[] diff = new double[k];
        for (int j = 0; j < k; j++) {
            int origin;
            double lo;
            double hi;
            if (j < k - 1) {
                double gap = d[j + 1] - d[j];
                double mid = 0.5 * gap;
                // f at the midpoint, with differences taken from d_j
                double f = 1.0;
                for (int i = 0; i < k; i++) {
                    f += w2[i] / ((d[i] - d[j]) - mid);
                }
                if (f >= 0.0) {
                    origin = j;
                    lo = 0.0;
                    hi = mid;
                } else {
                    origin = j + 1;
                    lo = -mid;
                    hi = 0.0;
                }
            } else {
                origin = k - 1;
                lo = 0.0;
                hi = wnorm2;
            }
            double dorg = d[origin];
            for (int i = 0; i < k; i++) {
                diff[i] = d[i] - dorg;
            }
            double tau = 0.5 * (lo + hi);
            int left = j;
            int right = j + 1;
            boolean converged = false;
            for (int it = 0; it < MAX_SECULAR_ITERATIONS; it++) {
                double psi = 0.0;
                double dpsi = 0.0;
                double phi = 0.0;
                double dphi = 0.0;
                double abssum = 0.0;
                for (int i = 0; i < k; i++) {
                    double del = diff[i] - tau;
                    double t = w2[i] / del;
                    abssum += Math.abs(t);
                    if (i <= left) {
                        psi += t;
                        dpsi += t / del;
                    } else {
                        phi += t;
                        dphi += t / del;
                    }
                }
                double f = 1.0 + psi + phi;
                if (f < 0.0) {
                    lo = tau;
                } else {
                    hi = tau;
                }
                if (Math.abs(f) <= 8.0 * k * EPS * (1.0 + abssum) || hi - lo <= 4.0 * EPS * Math.abs(tau)) {
                    converged = true;
                    break;
                }
                // two-pole rational model around the current point
                double a = diff[left] - tau;
                double eta;
                if (right < k) {
                    double b = diff[right] - tau;
                    double q1 = a * a * dpsi;
                    double q2 = b * b * dphi;
                    double c = 1.0 + (psi - q1 / a) + (phi - q2 / b);
                    eta = rationalStep(a, b, c, q1, q2);
                } else {
                    double q1 = a * a * dpsi;
                    double c = 1.0 + psi - q1 / a;
                    eta = c > 0.0 ? a + q1 / c : Double.NaN;
                }
                double next = tau + eta;
                if (!(next > lo && next < hi)) {
                    next = 0.5 * (lo + hi);
                }
                if (next == tau) {
                    converged = true;
                    break;
                }
                tau = next;
            }
            if (!converged) {
                throw new NotConvergedException("secular equation root " + j + " of " + k, MAX_SECULAR_ITERATIONS);
            }
            lam[j] = dorg + tau;
            for (int i = 0; i < k; i++) {
                delta[i + j * k] = diff[i] - tau;
            }
        }
    }

    /**
     * The root \(\eta \in (a, b)\) of \(c + q_1/(a - \eta) + q_2/(b - \eta) = 0\), or NaN if the
     * quadratic has no root there.
     */
    private static double rationalStep(double a, double b, double c, double q1, double q2) {
        // c (a - x)(b - x) + q1 (b - x) + q2 (a - x) = 0  =>  c x^2 - B x + C0 = 0
        double bb = c * (a + b) + q1 + q2;
        double c0 = c * a * b + q1 * b + q2 * a;
        if (c == 0.0) {
            return bb != 0.0 ? c0 / bb : Double.NaN;
        }
        double disc = bb * bb - 4.0 * c * c0;
        if (disc < 0.0) {
            disc = 0.0;
        }
        double sq = Math.sqrt(disc);
        double r1;
        double r2;
        if (bb >= 0.0) {
            r1 = (bb + sq) / (2.0 * c);
            r2 = (bb + sq) != 0.0 ? 2.0 * c0 / (bb + sq) : Double.NaN;
        } else {
            r1 = (bb - sq) / (2.0 * c);
            r2 = (bb - sq) != 0.0 ? 2.0 * c0 / (bb - sq) : Double.NaN;
        }
        if (r1 > a && r1 < b) {
            return r1;
        }
        if (r2 > a && r2 < b) {
            return r2;
        }
        return Double.NaN;
    }

    /**
     * Eigenvectors of \(D + \rho w w^{\mathsf T}\) from the roots (Gu–Eisenstat): recomputes \(\hat
     * w\) by Löwner's formula and returns the normalized columns \(\hat w_i / (d_i - \lambda_j)\).
     */
    private static double[] eigenvectors(int k, double[] d, double[] w, double[] delta) {
        double[] what = new double[k];
        for (int i = 0; i < k; i++) {
            double p = -delta[i + i * k];
            for (int j = 0; j < k; j++) {
                if (j != i) {
                    p *= delta[i + j * k] / (d[i] - d[j]);
                }
            }
            what[i] = Math.copySign(Math.sqrt(Math.max(p, 0.0)), w[i]);
        }
        double[] u = new double[k * k];
        for (int j = 0; j < k; j++) {
            double s = 0.0;
            for (int i = 0; i < k; i++) {
                double v = what[i] / delta[i + j * k];
                u[i + j * k] = v;
                s += v * v;
            }
            double inv = 1.0 / Math.sqrt(s);
            for (int i = 0; i < k; i++) {
                u[i + j * k] *= inv;
            }
        }
        return u;
    }
}
