package dev.nla.sketch.internal;

import dev.nla.core.matrix.DenseMatrix;

/**
 * One-sided Jacobi SVD of a small square matrix [Demmel and Veselić 1992]: plane rotations applied
 * to the columns of \(W = R\) (and accumulated in \(V\)) until every pair of columns is orthogonal
 * to \(\sqrt{n}\,u\) relative (\(u = 2^{-53}\)); then \(\sigma_i = \|w_i\|\), \(u_i = w_i/\sigma_i\), \(R = U\Sigma
 * V^{\mathsf T}\). Computes singular values to high relative accuracy, in \(O(n^3)\) flops per
 * sweep (typically 6 to 10 sweeps); used for the \(\ell \times \ell\) triangles of the randomized
 * SVD, where it is several times faster than a general bidiagonal SVD at these sizes.
 */
public final class JacobiSvd {
    /** Largest order for which Jacobi is used (the cost grows like \(n^3\) per sweep). */
    public static final int MAX_ORDER = 128;

    private static final int MAX_SWEEPS = 60;

    private JacobiSvd() {}

    /**
     * The SVD of a small square matrix.
     *
     * @param r \(R\), \(n \times n\), \(n \le\) {@value #MAX_ORDER}; not modified
     * @return \(U\), \(\sigma\) (decreasing) and \(V^{\mathsf T}\) as {@code {U, V^T}} with the values
     *     in {@code sigma}; {@code null} if a singular value is zero to working precision (the left
     *     vector is then undetermined) or the sweeps did not converge, so that the caller uses a
     *     general SVD instead
     */
    public static Result decompose(DenseMatrix r) {
        int n = r.rows();
        double[] w = r.toColumnMajorArray();
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            v[i + i * n] = 1.0;
        }
        // Convergence test of LAPACK's dgesvj: |w_p^T w_q| <= sqrt(n) u ||w_p|| ||w_q||; a stricter
        // threshold can stall on rounding noise in the computed inner products.
        double tol = Math.sqrt(Math.max(n, 1)) * 0x1.0p-53;
        boolean converged = false;
        for (int sweep = 0; sweep < MAX_SWEEPS && !converged; sweep++) {
            converged = true;
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    double alpha = 0;
                    double beta = 0;
                    double gamma = 0;
                    int wp = p * n;
                    int wq = q * n;
                    for (int i = 0; i < n; i++) {
                        double a = w[wp + i];
                        double b = w[wq + i];
                        alpha += a * a;
                        beta += b * b;
                        gamma += a * b;
                    }
                    if (gamma == 0 || Math.abs(gamma) <= tol * Math.sqrt(alpha * beta)) {
                        continue;
                    }
                    converged = false;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.signum(zeta) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
                    if (zeta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(1 + t * t);
                    double s = c * t;
                    rotate(w, wp, wq, n, c, s);
                    rotate(v, wp, wq, n, c, s);
                }
            }
        }
        if (!converged) {
            return null;
        }
        double[] sigma = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += w[j * n + i] * w[j * n + i];
            }
            sigma[j] = Math.sqrt(s);
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(sigma[y], sigma[x]));
        double smallest = n == 0 ? 0 : sigma[order[n - 1]];
        double largest = n == 0 ? 0 : sigma[order[0]];
        if (n > 0 && !(smallest > n * 0x1.0p-52 * largest)) {
            return null;
        }
        DenseMatrix u = DenseMatrix.zeros(n, n);
        DenseMatrix vt = DenseMatrix.zeros(n, n);
        double[] sorted = new double[n];
        for (int k = 0; k < n; k++) {
            int j = order[k];
            sorted[k] = sigma[j];
            for (int i = 0; i < n; i++) {
                u.set(i, k, w[j * n + i] / sigma[j]);
                vt.set(k, i, v[j * n + i]);
            }
        }
        return new Result(u, sorted, vt);
    }

    private static void rotate(double[] x, int p, int q, int n, double c, double s) {
        for (int i = 0; i < n; i++) {
            double a = x[p + i];
            double b = x[q + i];
            x[p + i] = c * a - s * b;
            x[q + i] = s * a + c * b;
        }
    }

    /**
     * \(R = U\operatorname{diag}(\sigma)V^{\mathsf T}\).
     *
     * @param u     \(U\), orthonormal columns
     * @param sigma the singular values, decreasing
     * @param vt    \(V^{\mathsf T}\), orthonormal rows
     */
    public record Result(DenseMatrix u, double[] sigma, DenseMatrix vt) {}
}
