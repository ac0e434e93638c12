package dev.nla.core.testing;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * LAPACK-style test ratios for decompositions, the one helper every decomposition test uses.
 *
 * <p>The ratios follow LAPACK's testing programs ({@code dqrt01}, {@code dget01}, {@code dpot01})
 * with the normalizations of the acceptance criteria: a backward-stable factorization gives
 * \[ \frac{\|A - \text{factors}\|_F}{\max(m, n)\, u\, \|A\|_F} \lt 30, \qquad
 *    \frac{\|Q^{\mathsf T}Q - I\|_F}{n\, u} \lt 30 \]
 * for an \(m \times n\) matrix \(A\) and a \(Q\) with \(n\) orthonormal columns. The bounds are
 * \(O(1)\) by the error analysis (e.g. [Higham 2002, Thm 19.4] for QR), so 30 leaves room for the
 * constants while catching any real instability, which shows as ratios of \(10^3\) and more.
 * Orthogonality is normalized by the number of <em>columns</em>, stricter than LAPACK's division
 * by the number of rows.
 *
 * <p>Everything here is computed naively in plain loops, independent of the kernels and
 * decompositions under test. The residual entries \(a_{ij} - \sum_l f_{il} g_{lj}\) and the
 * entries of \(Q^{\mathsf T}Q - I\) are compensated sums (Dot2 of [Ogita, Rump and Oishi 2005]:
 * products split exactly with {@link Math#fma}, sums by TwoSum), as accurate as if computed in twice
 * the working precision: the test's own rounding, which for a plain sum of \(k\) terms can reach
 * \(k u\) and does so coherently on structured matrices (a constant matrix, rounding noise with
 * many equal entries), would otherwise be mistaken for the decomposition's error. Norms are scaled,
 * so matrices with entries near the overflow or underflow thresholds give correct ratios.
 *
 * <p>The matrices these ratios are checked on come from {@link MatrixFamilies}.
 */
public final class LapackRatios {
    /** The acceptance threshold on every ratio. */
    public static final double THRESHOLD = 30.0;

    private LapackRatios() {}

    // ------------------------------------------------------------------ ratios

    /**
     * \(\|A - B\|_F / (\max(m, n)\, u\, \|A\|_F)\), the scaled difference of two matrices computed
     * independently (e.g. an operator applied to \(A\) by two routes). For \(A = 0\) the ratio is 0
     * if \(B = 0\) and \(+\infty\) otherwise (LAPACK returns \(1/\varepsilon\) there).
     *
     * @param a the reference matrix
     * @param b the other matrix, same shape
     * @return the ratio
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double residualRatio(Matrix a, Matrix b) {
        requireShape(a, b.rows(), b.cols());
        DenseMatrix d = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                d.set(i, j, a.get(i, j) - b.get(i, j));
            }
        }
        return ratio(frobenius(d), Math.max(Math.max(a.rows(), a.cols()), 1) * Tolerances.U * frobenius(a));
    }

    /**
     * \(\|A - FG\|_F / (\max(m, n)\, u\, \|A\|_F)\), the scaled backward error of a factorization
     * \(A \approx FG\), each entry \(a_{ij} - \sum_l f_{il} g_{lj}\) a compensated sum (see the class
     * comment). For \(A = 0\) the ratio is 0 if \(FG = 0\) exactly and \(+\infty\) otherwise. A
     * product of more factors is passed as \(F\) = {@link #product} of the leading ones when those
     * are diagonal or permutations (one rounding per entry, no accumulation), e.g. {@link
     * #scaleColumns}{@code (u, sigma)} for an SVD.
     *
     * @param a the factored \(m \times n\) matrix
     * @param f the left factor, \(m \times k\)
     * @param g the right factor, \(k \times n\)
     * @return the ratio
     * @throws IllegalArgumentException if the shapes do not match
     */
    public static double residualRatio(Matrix a, Matrix f, Matrix g) {
        if (f.cols() != g.rows()) {
            throw new IllegalArgumentException(
                    "residualRatio: f is " + f.rows() + "x" + f.cols() + " but g is " + g.rows() + "x" + g.cols());
        }
        requireShape(a, f.rows(), g.cols());
        int m = a.rows();
        int n = a.cols();
        int k = f.cols();
        double[] fRows = new double[m * k];
        for (int l = 0; l < k; l++) {
            for (int i = 0; i < m; i++) {
                fRows[i * k + l] = f.get(i, l);
            }
        }
        double[] gCols = new double[k * n];
        for (int j = 0; j < n; j++) {
            for (int l = 0; l < k; l++) {
                gCols[j * k + l] = g.get(l, j);
            }
        }
        DenseMatrix r = DenseMatrix.zeros(m, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                r.set(i, j, compensatedDot(k, fRows, i * k, gCols, j * k, -1.0, a.get(i, j)));
            }
        }
        return ratio(frobenius(r), Math.max(Math.max(m, n), 1) * Tolerances.U * frobenius(a));
    }

    /**
     * \(\|Q^{\mathsf T}Q - I\|_F / (n\, u)\) for an \(m \times n\) matrix \(Q\) with (supposedly)
     * orthonormal columns, each entry a compensated sum; 0 for \(n = 0\).
     *
     * @param q the matrix whose columns should be orthonormal
     * @return the ratio
     */
    public static double orthogonalityRatio(Matrix q) {
        int m = q.rows();
        int n = q.cols();
        if (n == 0) {
            return 0.0;
        }
        double[] cols = new double[m * n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < m; i++) {
                cols[j * m + i] = q.get(i, j);
            }
        }
        DenseMatrix s = DenseMatrix.zeros(n, n);
        for (int b = 0; b < n; b++) {
            for (int a = 0; a <= b; a++) {
                double d = compensatedDot(m, cols, a * m, cols, b * m, 1.0, a == b ? -1.0 : 0.0);
                s.set(a, b, d);
                s.set(b, a, d);
            }
        }
        return ratio(frobenius(s), n * Tolerances.U);
    }

    /**
     * \(\|QQ^{\mathsf T} - I\|_F / (m\, u)\) for an \(m \times n\) matrix \(Q\) with (supposedly)
     * orthonormal rows (e.g. \(V^{\mathsf T}\) of an SVD): {@link #orthogonalityRatio} of
     * \(Q^{\mathsf T}\).
     *
     * @param q the matrix whose rows should be orthonormal
     * @return the ratio
     */
    public static double rowOrthogonalityRatio(Matrix q) {
        return orthogonalityRatio(transpose(q));
    }

    /**
     * \(c + s \sum_{l \lt k} x_l y_l\) (with \(s = \pm 1\)) by Dot2: error-free products by FMA and
     * error-free sums by TwoSum, the error terms summed apart and added at the end.
     */
    private static double compensatedDot(int k, double[] x, int xOff, double[] y, int yOff, double sign, double c) {
        double sum = c;
        double err = 0.0;
        for (int l = 0; l < k; l++) {
            double xl = sign * x[xOff + l];
            double yl = y[yOff + l];
            double p = xl * yl;
            double t = sum + p;
            double z = t - sum;
            err += Math.fma(xl, yl, -p) + ((sum - (t - z)) + (p - z));
            sum = t;
        }
        return sum + err;
    }

    /**
     * \(F \operatorname{diag}(d)\) restricted to the first {@code d.length} columns of \(F\) (e.g.
     * \(U_{:,1:k}\Sigma\) of a full SVD): one rounding per entry.
     *
     * @param f a matrix with at least {@code d.length} columns
     * @param d the column scales
     * @return a new \(m \times\) {@code d.length} matrix
     * @throws IllegalArgumentException if {@code f} has fewer than {@code d.length} columns
     */
    public static DenseMatrix scaleColumns(Matrix f, double[] d) {
        if (f.cols() < d.length) {
            throw new IllegalArgumentException(
                    "scaleColumns: " + d.length + " scales for " + f.rows() + "x" + f.cols() + " matrix");
        }
        DenseMatrix out = DenseMatrix.zeros(f.rows(), d.length);
        for (int j = 0; j < d.length; j++) {
            for (int i = 0; i < f.rows(); i++) {
                out.set(i, j, f.get(i, j) * d[j]);
            }
        }
        return out;
    }

    /**
     * The first {@code count} rows of a matrix, copied (e.g. \(V^{\mathsf T}_{1:k,:}\) of a full
     * SVD).
     *
     * @param a     the matrix
     * @param count number of rows, at most {@code a.rows()}
     * @return a new {@code count} \(\times n\) matrix
     * @throws IllegalArgumentException if {@code count > a.rows()}
     */
    public static DenseMatrix leadingRows(Matrix a, int count) {
        if (count > a.rows()) {
            throw new IllegalArgumentException(
                    "leadingRows: " + count + " rows of a " + a.rows() + "x" + a.cols() + " matrix");
        }
        DenseMatrix out = DenseMatrix.zeros(count, a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < count; i++) {
                out.set(i, j, a.get(i, j));
            }
        }
        return out;
    }

    /**
     * The symmetric matrix whose lower triangle is that of {@code a} (the upper triangle of {@code
     * a} is ignored, as symmetric eigensolvers that read only the lower triangle do).
     *
     * @param a a square matrix
     * @return a new symmetric matrix
     * @throws IllegalArgumentException if {@code a} is not square
     */
    public static DenseMatrix symmetricFromLower(Matrix a) {
        requireShape(a, a.cols(), a.cols());
        int n = a.rows();
        DenseMatrix s = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                s.set(i, j, a.get(i, j));
                s.set(j, i, a.get(i, j));
            }
        }
        return s;
    }

    /**
     * The largest \(|a_{ij}|\) with \(i \gt j\) (0 if the matrix is exactly upper trapezoidal).
     *
     * @param a the matrix
     * @return the largest entry below the diagonal in absolute value
     */
    public static double belowDiagonal(Matrix a) {
        double worst = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = j + 1; i < a.rows(); i++) {
                worst = Math.max(worst, Math.abs(a.get(i, j)));
            }
        }
        return worst;
    }

    /**
     * The largest \(|a_{ij}|\) with \(i \lt j\) (0 if the matrix is exactly lower trapezoidal).
     *
     * @param a the matrix
     * @return the largest entry above the diagonal in absolute value
     */
    public static double aboveDiagonal(Matrix a) {
        double worst = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < Math.min(j, a.rows()); i++) {
                worst = Math.max(worst, Math.abs(a.get(i, j)));
            }
        }
        return worst;
    }

    /**
     * The naive product \(F_1 F_2 \cdots F_p\), left to right, in plain loops.
     *
     * @param factors at least one matrix, with matching inner dimensions
     * @return a new matrix
     * @throws IllegalArgumentException if no factor is given or the inner dimensions differ
     */
    public static DenseMatrix product(Matrix... factors) {
        if (factors.length == 0) {
            throw new IllegalArgumentException("product of no factors");
        }
        DenseMatrix result = copy(factors[0]);
        for (int f = 1; f < factors.length; f++) {
            Matrix b = factors[f];
            if (result.cols() != b.rows()) {
                throw new IllegalArgumentException("product: factor " + (f - 1) + " has " + result.cols()
                        + " columns but factor " + f + " has " + b.rows() + " rows");
            }
            DenseMatrix c = DenseMatrix.zeros(result.rows(), b.cols());
            double[] cd = c.data();
            double[] ad = result.data();
            int m = result.rows();
            for (int j = 0; j < b.cols(); j++) {
                for (int p = 0; p < result.cols(); p++) {
                    double bpj = b.get(p, j);
                    if (bpj == 0) {
                        continue;
                    }
                    int aCol = p * m;
                    int cCol = j * m;
                    for (int i = 0; i < m; i++) {
                        cd[cCol + i] += ad[aCol + i] * bpj;
                    }
                }
            }
            result = c;
        }
        return result;
    }

    /**
     * \(\|A\|_F\) with scaling (no overflow or underflow for finite entries).
     *
     * @param a the matrix
     * @return the Frobenius norm
     */
    public static double frobenius(Matrix a) {
        double scale = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                scale = Math.max(scale, Math.abs(a.get(i, j)));
            }
        }
        if (scale == 0 || Double.isNaN(scale) || Double.isInfinite(scale)) {
            return scale;
        }
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double v = a.get(i, j) / scale;
                s += v * v;
            }
        }
        return scale * Math.sqrt(s);
    }

    /**
     * \(\|A\|_1 = \max_j \sum_i |a_{ij}|\), naively.
     *
     * @param a the matrix
     * @return the 1-norm (0 for an empty matrix)
     */
    public static double normOne(Matrix a) {
        double best = 0;
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int i = 0; i < a.rows(); i++) {
                s += Math.abs(a.get(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /**
     * The row permutation \(PA\) with \((PA)_{i,:} = A_{p_i,:}\).
     *
     * @param a           the matrix
     * @param permutation \(p\), a permutation of the row indices
     * @return a new matrix
     */
    public static DenseMatrix permuteRows(Matrix a, int[] permutation) {
        DenseMatrix out = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                out.set(i, j, a.get(permutation[i], j));
            }
        }
        return out;
    }

    /**
     * The column permutation \(AP\) with \((AP)_{:,j} = A_{:,p_j}\).
     *
     * @param a           the matrix
     * @param permutation \(p\), a permutation of the column indices
     * @return a new matrix
     */
    public static DenseMatrix permuteColumns(Matrix a, int[] permutation) {
        DenseMatrix out = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                out.set(i, j, a.get(i, permutation[j]));
            }
        }
        return out;
    }

    /**
     * A new compact copy.
     *
     * @param a the matrix
     * @return the copy
     */
    public static DenseMatrix copy(Matrix a) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                c.set(i, j, a.get(i, j));
            }
        }
        return c;
    }

    /**
     * The naive transpose.
     *
     * @param a the matrix
     * @return a new \(n \times m\) matrix
     */
    public static DenseMatrix transpose(Matrix a) {
        DenseMatrix t = DenseMatrix.zeros(a.cols(), a.rows());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                t.set(j, i, a.get(i, j));
            }
        }
        return t;
    }

    private static double ratio(double numerator, double denominator) {
        if (numerator == 0) {
            return 0;
        }
        return denominator == 0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }

    private static void requireShape(Matrix a, int rows, int cols) {
        if (a.rows() != rows || a.cols() != cols) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.rows() + "x" + a.cols() + " and " + rows + "x" + cols);
        }
    }
}
