package dev.nla.bench.experiments.core;

import dev.nla.core.matrix.DenseMatrix;
import java.util.stream.IntStream;

/**
 * LAPACK-style accuracy ratios of a computed factorization, measured in plain Java loops outside
 * the code under test: the scaled residual \(\|A - FG\|_F / (\max(m,n)\,u\,\|A\|_F)\) and the loss
 * of orthogonality \(\|Q^{\mathsf T}Q - I\|_F / (n\,u)\) of an \(m \times n\) factor. A
 * backward-stable method gives ratios of order one.
 *
 * <p>Each entry of \(A - FG\) and of \(Q^{\mathsf T}Q - I\) is a compensated sum (Dot2 of [Ogita,
 * Rump and Oishi 2005]: products split exactly by {@link Math#fma}, sums by TwoSum), as accurate as
 * if computed in twice the working precision, so the measurement's own rounding (up to \(k u\) for
 * a plain sum of \(k\) products, coherently so on structured data) does not enter the ratios.
 * Columns are processed in parallel; every entry is computed by the same operations whatever the
 * thread count, so the ratios are reproducible.
 */
final class AccuracyRatios {
    private static final double U = 0x1.0p-53;

    private AccuracyRatios() {}

    /**
     * \(\|A - FG\|_F / (\max(m, n)\, u\, \|A\|_F)\) (0 when both \(A\) and \(FG\) vanish).
     *
     * @param a the factored \(m \times n\) matrix; not modified
     * @param f the left factor, \(m \times k\); not modified
     * @param g the right factor, \(k \times n\); not modified
     * @return the scaled residual
     * @throws IllegalArgumentException if the shapes do not match
     */
    static double residual(DenseMatrix a, DenseMatrix f, DenseMatrix g) {
        int m = a.rows();
        int n = a.cols();
        int k = f.cols();
        if (f.rows() != m || g.rows() != k || g.cols() != n) {
            throw new IllegalArgumentException(
                    "residual: A is " + a.shape() + ", F is " + f.shape() + ", G is " + g.shape());
        }
        double[] fRows = rowMajor(f);
        double[] gCols = g.toColumnMajorArray();
        double[] colSquares = new double[n];
        double scale = maxAbs(a);
        IntStream.range(0, n).parallel().forEach(j -> {
            double s = 0.0;
            for (int i = 0; i < m; i++) {
                double r = dot2(k, fRows, i * k, gCols, j * k, -1.0, a.get(i, j));
                s += square(r, scale);
            }
            colSquares[j] = s;
        });
        double err = frobenius(colSquares, scale);
        return ratio(err, Math.max(Math.max(m, n), 1) * U * norm(a));
    }

    /**
     * \(\|Q^{\mathsf T}Q - I\|_F / (n\, u)\) for the \(n\) columns of \(Q\) (0 for \(n = 0\)).
     *
     * @param q the \(m \times n\) factor; not modified
     * @return the loss of orthogonality of the columns
     */
    static double orthogonality(DenseMatrix q) {
        int m = q.rows();
        int n = q.cols();
        if (n == 0) {
            return 0.0;
        }
        double[] cols = q.toColumnMajorArray();
        double[] colSquares = new double[n];
        IntStream.range(0, n).parallel().forEach(b -> {
            double s = 0.0;
            for (int a = 0; a < n; a++) {
                double d = dot2(m, cols, a * m, cols, b * m, 1.0, a == b ? -1.0 : 0.0);
                s += d * d;
            }
            colSquares[b] = s;
        });
        double sum = 0.0;
        for (double v : colSquares) {
            sum += v;
        }
        return ratio(Math.sqrt(sum), n * U);
    }

    /**
     * \(\|QQ^{\mathsf T} - I\|_F / (m\, u)\) for the \(m\) rows of \(Q\) (e.g. \(V^{\mathsf T}\)).
     *
     * @param q the \(m \times n\) factor; not modified
     * @return the loss of orthogonality of the rows
     */
    static double rowOrthogonality(DenseMatrix q) {
        return orthogonality(q.transpose());
    }

    /**
     * \(c + s \sum_l x_l y_l\) by Dot2 (error-free products and sums, errors added at the end), in two
     * independent chains (even and odd \(l\)) merged by TwoSum, which halves the latency-bound time.
     */
    private static double dot2(int k, double[] x, int xOff, double[] y, int yOff, double sign, double c) {
        double s0 = c;
        double e0 = 0.0;
        double s1 = 0.0;
        double e1 = 0.0;
        int l = 0;
        for (; l + 1 < k; l += 2) {
            double x0 = sign * x[xOff + l];
            double y0 = y[yOff + l];
            double p0 = x0 * y0;
            double t0 = s0 + p0;
            double z0 = t0 - s0;
            e0 += Math.fma(x0, y0, -p0) + ((s0 - (t0 - z0)) + (p0 - z0));
            s0 = t0;
            double x1 = sign * x[xOff + l + 1];
            double y1 = y[yOff + l + 1];
            double p1 = x1 * y1;
            double t1 = s1 + p1;
            double z1 = t1 - s1;
            e1 += Math.fma(x1, y1, -p1) + ((s1 - (t1 - z1)) + (p1 - z1));
            s1 = t1;
        }
        if (l < k) {
            double x0 = sign * x[xOff + l];
            double y0 = y[yOff + l];
            double p0 = x0 * y0;
            double t0 = s0 + p0;
            double z0 = t0 - s0;
            e0 += Math.fma(x0, y0, -p0) + ((s0 - (t0 - z0)) + (p0 - z0));
            s0 = t0;
        }
        double t = s0 + s1;
        double z = t - s0;
        return t + (e0 + e1 + ((s0 - (t - z)) + (s1 - z)));
    }

    private static double[] rowMajor(DenseMatrix f) {
        int m = f.rows();
        int k = f.cols();
        double[] out = new double[m * k];
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < m; i++) {
                out[i * k + l] = f.get(i, l);
            }
        }
        return out;
    }

    private static double maxAbs(DenseMatrix a) {
        double max = 0.0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                max = Math.max(max, Math.abs(a.get(i, j)));
            }
        }
        return max;
    }

    /** \((x / s)^2\), or \(x^2\) when \(s = 0\). */
    private static double square(double x, double s) {
        double r = s == 0.0 ? x : x / s;
        return r * r;
    }

    private static double frobenius(double[] scaledSquares, double scale) {
        double sum = 0.0;
        for (double v : scaledSquares) {
            sum += v;
        }
        return (scale == 0.0 ? 1.0 : scale) * Math.sqrt(sum);
    }

    /** \(\|A\|_F\) without overflow or underflow (scaled by the largest entry). */
    private static double norm(DenseMatrix a) {
        double scale = maxAbs(a);
        if (scale == 0.0) {
            return 0.0;
        }
        double sum = 0.0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                sum += square(a.get(i, j), scale);
            }
        }
        return scale * Math.sqrt(sum);
    }

    private static double ratio(double numerator, double denominator) {
        if (numerator == 0.0) {
            return 0.0;
        }
        return denominator == 0.0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }
}
