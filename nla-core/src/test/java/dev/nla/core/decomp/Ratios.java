package dev.nla.core.decomp;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.testing.Tolerances;

/**
 * LAPACK-style test ratios computed naively (plain loops), independent of the code under test. The
 * sums use the error-free transformations of Ogita, Rump and Oishi (twice the working precision,
 * with {@link Math#fma}), so that the test's own rounding (which can add up coherently for
 * structured matrices) does not enter the ratios.
 *
 * <ul>
 *   <li>residual: \(\|A - U\Sigma V^{\mathsf T}\|_F / (\max(m,n)\,u\,\|A\|_F)\) (0 when \(A = 0\)
 *       and the reconstruction is exactly 0);
 *   <li>orthogonality: \(\|Q^{\mathsf T}Q - I\|_F / (q\,u)\) for a \(p \times q\) \(Q\) with
 *       orthonormal columns (the acceptance's normalization by the number of columns, stricter than
 *       LAPACK's dort01 which divides by the vector length).
 * </ul>
 *
 * A backward-stable factorization gives ratios of order 1; the acceptance threshold is 30.
 */
final class Ratios {
    static final double THRESHOLD = 30.0;

    private Ratios() {}

    /** A compensated accumulator of sums of products (Ogita–Rump–Oishi Dot2). */
    static final class Acc {
        private double s;
        private double c;

        Acc(double start) {
            s = start;
        }

        void add(double x, double y) {
            double p = x * y;
            double ep = Math.fma(x, y, -p);
            double t = s + p;
            double z = t - s;
            double es = (s - (t - z)) + (p - z);
            s = t;
            c += ep + es;
        }

        double value() {
            return s + c;
        }
    }

    static double frobenius(Matrix a) {
        double s = 0.0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double v = a.get(i, j);
                s += v * v;
            }
        }
        return Math.sqrt(s);
    }

    /** Residual ratio of \(A \approx U_{:,0:k}\operatorname{diag}(w)W^{\mathsf T}_{0:k,:}\), where W is given transposed. */
    static double svdResidual(Matrix a, DenseMatrix u, double[] s, DenseMatrix vt) {
        int m = a.rows();
        int n = a.cols();
        int k = s.length;
        double[][] us = new double[m][k];
        for (int i = 0; i < m; i++) {
            for (int l = 0; l < k; l++) {
                us[i][l] = u.get(i, l) * s[l];
            }
        }
        double[][] vtd = vt.toArray();
        double err = 0.0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                Acc r = new Acc(a.get(i, j));
                for (int l = 0; l < k; l++) {
                    r.add(-us[i][l], vtd[l][j]);
                }
                err += r.value() * r.value();
            }
        }
        return ratio(Math.sqrt(err), Math.max(m, n) * Tolerances.U * frobenius(a));
    }

    /** Residual ratio of \(A \approx Z \operatorname{diag}(\lambda) Z^{\mathsf T}\) for symmetric A given by its lower triangle. */
    static double eigenResidual(Matrix a, double[] lambda, DenseMatrix z) {
        int n = lambda.length;
        double[][] zd = z.toArray();
        double err = 0.0;
        double norm = 0.0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double aij = i >= j ? a.get(i, j) : a.get(j, i);
                norm += aij * aij;
                Acc r = new Acc(aij);
                for (int l = 0; l < n; l++) {
                    r.add(-zd[i][l] * lambda[l], zd[j][l]);
                }
                err += r.value() * r.value();
            }
        }
        return ratio(Math.sqrt(err), n * Tolerances.U * Math.sqrt(norm));
    }

    /** Orthogonality ratio of the columns of q. */
    static double orthonormalColumns(DenseMatrix q) {
        int p = q.rows();
        int c = q.cols();
        double[][] qd = q.toArray();
        double err = 0.0;
        for (int a = 0; a < c; a++) {
            for (int b = 0; b < c; b++) {
                Acc s = new Acc(a == b ? -1.0 : 0.0);
                for (int i = 0; i < p; i++) {
                    s.add(qd[i][a], qd[i][b]);
                }
                err += s.value() * s.value();
            }
        }
        return ratio(Math.sqrt(err), c * Tolerances.U);
    }

    /** Orthogonality ratio of the rows of q. */
    static double orthonormalRows(DenseMatrix q) {
        return orthonormalColumns(q.transpose());
    }

    private static double ratio(double err, double scale) {
        if (err == 0.0) {
            return 0.0;
        }
        return err / scale;
    }
}
