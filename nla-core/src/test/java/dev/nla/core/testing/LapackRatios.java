package dev.nla.core.testing;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.Philox4x32;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * LAPACK-style test ratios for decompositions and generators of the matrix families they are
 * checked on.
 *
 * <p>The ratios follow LAPACK's testing programs ({@code dqrt01}, {@code dget01}, {@code dpot01}):
 * a backward-stable factorization gives
 * \[ \frac{\|A - \text{factors}\|_F}{\max(m, n)\, u\, \|A\|_F} \lt 30, \qquad
 *    \frac{\|Q^{\mathsf T}Q - I\|_F}{m\, u} \lt 30 \]
 * (the bound is \(O(1)\) in exact arithmetic on the error analysis, e.g. [Higham 2002, Thm 19.4]
 * for QR, so 30 leaves room for the constants while catching any real instability, which shows as
 * ratios of \(10^3\) and more). For \(Q\) (\(m \times n\), \(m \ge n\)) the denominator is the
 * number of rows \(m\), as in LAPACK (see {@link #orthogonalityRatio}). Everything here is computed naively in plain loops, independent of
 * the kernels and decompositions under test. Norms are scaled so that matrices with entries near
 * the overflow or underflow thresholds give correct ratios.
 *
 * <p>The families (the issue's acceptance list): shapes \(0 \times 0\), \(1 \times 1\), \(0 \times
 * n\), \(n \times 0\), tall, wide and square up to a given size; Gaussian matrices, prescribed
 * singular values with condition numbers up to \(10^{15}\) (geometric and polynomial decay),
 * rank-deficient, Kahan, graded, zero, repeated singular values, constant (all entries equal) and
 * scaled near the overflow and underflow thresholds. Sizes are drawn so that most
 * matrices are small and a few are large, keeping the default tier fast. All randomness comes from
 * the seed through {@link RngState}: the same arguments give the same list, bit for bit.
 */
public final class LapackRatios {
    /** The acceptance threshold on every ratio. */
    public static final double THRESHOLD = 30.0;

    private LapackRatios() {}

    /**
     * A generated test matrix and a description used as the test's display name.
     *
     * @param name   family, shape and parameters, e.g. {@code "#12 geometric(cond=1e9) 40x7"}
     * @param matrix the matrix; tests must not modify it
     */
    public record Case(String name, DenseMatrix matrix) {
        /**
         * Validates the components.
         *
         * @throws NullPointerException if a component is null
         */
        public Case {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(matrix, "matrix");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    // ------------------------------------------------------------------ ratios

    /**
     * \(\|A - B\|_F / (\max(m, n)\, u\, \|A\|_F)\), the scaled backward error of a factorization
     * whose product is \(B\). For \(A = 0\) the ratio is 0 if \(B = 0\) and \(+\infty\) otherwise
     * (LAPACK returns \(1/\varepsilon\) there).
     *
     * @param a             the factored matrix
     * @param reconstructed the product of the factors, same shape
     * @return the ratio
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double residualRatio(Matrix a, Matrix reconstructed) {
        requireSameShape(a, reconstructed);
        double diff = frobenius(difference(a, reconstructed));
        double norm = frobenius(a);
        return ratio(diff, Math.max(Math.max(a.rows(), a.cols()), 1) * Tolerances.U * norm);
    }

    /**
     * \(\|Q^{\mathsf T}Q - I\|_F / (m\, u)\) for an \(m \times n\) matrix \(Q\) with (supposedly)
     * orthonormal columns, \(m \ge n\); 0 for \(n = 0\).
     *
     * <p>The denominator is the number of <em>rows</em>, as in LAPACK's {@code dqrt01}/{@code
     * dqrt02} ({@code RESULT(2) = norm(I - Q'Q) / (M * EPS)}): the error bound of Householder QR is
     * \(O(mnu)\) [Higham 2002, Thm 19.4], and on data whose rounding errors add up coherently (a
     * constant matrix, whose trailing columns are rounding noise with many equal entries) LAPACK
     * itself reaches \(\|Q^{\mathsf T}Q - I\|_F \approx m u\), e.g. 345 times \(nu\) for a constant
     * \(5000 \times 17\) matrix, about once \(mu\). Dividing by \(mu\) keeps the ratio of order one for
     * every stable method, while loss of orthogonality from an unstable one (\(\kappa^2 u\) for
     * Gram–Schmidt) still shows as ratios of \(10^{3}\) and more.
     *
     * @param q the matrix whose columns should be orthonormal
     * @return the ratio
     */
    public static double orthogonalityRatio(Matrix q) {
        int n = q.cols();
        int m = q.rows();
        if (n == 0) {
            return 0.0;
        }
        double[] s = new double[n * n];
        for (int a = 0; a < n; a++) {
            for (int b = a; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < m; i++) {
                    dot += q.get(i, a) * q.get(i, b);
                }
                double d = dot - (a == b ? 1 : 0);
                s[a + b * n] = d;
                s[b + a * n] = d;
            }
        }
        return ratio(frobenius(DenseMatrix.wrap(n, n, s)), Math.max(m, n) * Tolerances.U);
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

    // ------------------------------------------------------------------ families

    /** The families of general matrices. */
    private enum Family {
        ZERO,
        GAUSSIAN,
        GEOMETRIC,
        POLYNOMIAL,
        RANK_DEFICIENT,
        KAHAN,
        GRADED,
        REPEATED,
        SCALED,
        CONSTANT
    }

    /**
     * General \(m \times n\) matrices over all families and shapes (for QR, pivoted QR, SVD). The
     * first cases are the edge shapes \(0 \times 0\), \(0 \times n\), \(n \times 0\), \(1 \times
     * 1\), \(1 \times n\), \(n \times 1\); then shapes cycle through tall, wide and square, and the
     * families through the list above. Kahan and graded matrices are square.
     *
     * @param count        number of matrices
     * @param maxDimension largest \(m\) or \(n\), \(\ge 10\)
     * @param seed         the random stream's key
     * @return the cases
     */
    public static List<Case> general(int count, int maxDimension, long seed) {
        RngState state = RngState.seed(seed);
        List<Case> cases = new ArrayList<>(count);
        int[][] edges = {{0, 0}, {0, 5}, {5, 0}, {1, 1}, {1, 7}, {7, 1}};
        Family[] families = Family.values();
        for (int c = 0; c < count; c++) {
            int m;
            int n;
            RngState s = state.split(c);
            if (c < edges.length) {
                m = edges[c][0];
                n = edges[c][1];
            } else {
                int a = dimension(s, 0, maxDimension);
                int b = dimension(s, 1, maxDimension);
                switch (c % 3) {
                    case 0:
                        m = Math.max(a, b);
                        n = Math.min(a, b);
                        break;
                    case 1:
                        m = Math.min(a, b);
                        n = Math.max(a, b);
                        break;
                    default:
                        m = a;
                        n = a;
                        break;
                }
            }
            Family family = families[c % families.length];
            cases.add(generalCase(c, family, m, n, s));
        }
        return cases;
    }

    /**
     * Square \(n \times n\) matrices over all families (for LU, determinants, linear solves), sizes
     * from \(0\) up to {@code maxOrder}.
     *
     * @param count    number of matrices
     * @param maxOrder largest order, \(\ge 10\)
     * @param seed     the random stream's key
     * @return the cases
     */
    public static List<Case> square(int count, int maxOrder, long seed) {
        RngState state = RngState.seed(seed);
        List<Case> cases = new ArrayList<>(count);
        Family[] families = Family.values();
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int n = c < 2 ? c : dimension(s, 0, maxOrder);
            cases.add(generalCase(c, families[c % families.length], n, n, s));
        }
        return cases;
    }

    /**
     * Symmetric positive definite matrices that Cholesky must factor: random with eigenvalue
     * condition up to \(10^{10}\) (geometric decay), repeated eigenvalues, diagonal with a wide
     * range, graded \(DSD\) with a well-conditioned \(S\) (condition of the product up to
     * \(10^{14}\)), and the identity. The upper bound on the condition keeps every case safely
     * definite in floating point [Higham 2002, Thm 10.7: success if \(20 n^{3/2} \kappa_2(A) u \le
     * 1\) up to scaling].
     *
     * @param count    number of matrices
     * @param maxOrder largest order, \(\ge 10\)
     * @param seed     the random stream's key
     * @return the cases (symmetric, exactly)
     */
    public static List<Case> symmetricPositiveDefinite(int count, int maxOrder, long seed) {
        RngState state = RngState.seed(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int n = c < 2 ? c : dimension(s, 0, maxOrder);
            String shape = n + "x" + n;
            DenseMatrix a;
            String name;
            switch (c % 5) {
                case 0: {
                    double cond = n <= 1 ? 1 : Math.pow(10, 10 * uniform(s, 2));
                    a = n == 0 ? DenseMatrix.zeros(0, 0) : TestMatrices.randomSpd(n, cond, s.split(7));
                    name = "spd(cond=" + String.format("%.1e", cond) + ")";
                    break;
                }
                case 1: {
                    double[] lambda = repeatedValues(n, s);
                    a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
                    name = "spd-repeated";
                    break;
                }
                case 2: {
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = Math.pow(10, 12 * uniform(s, 10 + i) - 6);
                    }
                    a = DenseMatrix.diagonal(d);
                    name = "diagonal";
                    break;
                }
                case 3: {
                    // D S D with S = I + G G^T / n (condition about 5) and D = diag(10^{-7 t_i}).
                    double cond = n <= 1 ? 1 : 10;
                    DenseMatrix sMatrix =
                            n == 0 ? DenseMatrix.zeros(0, 0) : TestMatrices.randomSpd(n, cond, s.split(7));
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = Math.pow(10, -7 * uniform(s, 10 + i));
                    }
                    a = DenseMatrix.zeros(n, n);
                    for (int j = 0; j < n; j++) {
                        for (int i = 0; i < n; i++) {
                            a.set(i, j, d[i] * sMatrix.get(i, j) * d[j]);
                        }
                    }
                    name = "graded-spd";
                    break;
                }
                default:
                    a = DenseMatrix.identity(n);
                    name = "identity";
                    break;
            }
            cases.add(new Case("#" + c + " " + name + " " + shape, a));
        }
        return cases;
    }

    /**
     * Symmetric positive semidefinite matrices of known rank \(r \lt n\) (for pivoted Cholesky):
     * \(U \operatorname{diag}(\lambda_1, \dots, \lambda_r, 0, \dots, 0) U^{\mathsf T}\) with
     * \(\lambda\) geometrically decaying from 1 to at most \(10^{-6}\), so the rank is clear at any
     * tolerance between \(10^{-8}\) and \(10^{-14}\) relative.
     *
     * @param count    number of matrices
     * @param maxOrder largest order, \(\ge 10\)
     * @param seed     the random stream's key
     * @return the cases; {@link #rankOf} recovers the rank from the name
     */
    public static List<Case> positiveSemidefinite(int count, int maxOrder, long seed) {
        RngState state = RngState.seed(seed);
        List<Case> cases = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int n = Math.max(2, dimension(s, 0, maxOrder));
            int r = (int) Math.floor(uniform(s, 3) * n);
            double[] lambda = new double[n];
            double cond = Math.pow(10, 6 * uniform(s, 4));
            double[] decay = r <= 1 ? new double[] {1} : TestMatrices.exponentialDecay(r, cond);
            for (int i = 0; i < r; i++) {
                lambda[i] = decay[i];
            }
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
            cases.add(new Case("#" + c + " psd(rank=" + r + ") " + n + "x" + n, a));
        }
        return cases;
    }

    /**
     * The rank encoded in a {@link #positiveSemidefinite} case name.
     *
     * @param c the case
     * @return the rank
     */
    public static int rankOf(Case c) {
        String name = c.name();
        int start = name.indexOf("rank=") + 5;
        int end = name.indexOf(')', start);
        return Integer.parseInt(name.substring(start, end));
    }

    private static Case generalCase(int index, Family family, int m, int n, RngState s) {
        int k = Math.min(m, n);
        DenseMatrix a;
        String detail;
        switch (family) {
            case ZERO:
                a = DenseMatrix.zeros(m, n);
                detail = "zero";
                break;
            case GAUSSIAN:
                a = TestMatrices.gaussian(m, n, s.split(7));
                detail = "gaussian";
                break;
            case GEOMETRIC: {
                double cond = k <= 1 ? 1 : Math.pow(10, 15 * uniform(s, 2));
                a = TestMatrices.withSingularValues(
                        m, n, k == 0 ? new double[0] : TestMatrices.exponentialDecay(k, cond), s.split(7));
                detail = "geometric(cond=" + String.format("%.1e", cond) + ")";
                break;
            }
            case POLYNOMIAL: {
                double cond = k <= 1 ? 1 : Math.pow(10, 15 * uniform(s, 2));
                // TestMatrices' profiles need k >= 1.
                double[] sigma = k == 0 ? new double[0] : TestMatrices.polynomialDecay(k, cond, 1 + 2 * uniform(s, 3));
                a = TestMatrices.withSingularValues(m, n, sigma, s.split(7));
                detail = "polynomial(cond=" + String.format("%.1e", cond) + ")";
                break;
            }
            case RANK_DEFICIENT: {
                int r = k == 0 ? 0 : (int) Math.floor(uniform(s, 2) * k);
                double[] sigma = new double[k];
                for (int i = 0; i < r; i++) {
                    sigma[i] = Math.pow(10, -3.0 * i / Math.max(r, 1));
                }
                a = TestMatrices.withSingularValues(m, n, sigma, s.split(7));
                detail = "rank-deficient(rank=" + r + ")";
                break;
            }
            case KAHAN: {
                double theta = 0.05 + 1.2 * uniform(s, 2);
                a = TestMatrices.kahan(m, theta);
                n = m;
                detail = "kahan(theta=" + String.format("%.3f", theta) + ")";
                break;
            }
            case GRADED: {
                double maxRatio = m <= 1 ? 10 : Math.exp(-Math.log(Double.MIN_NORMAL) / (2.0 * (m - 1)) * 0.9);
                double ratio = Math.min(10, 1 + (maxRatio - 1) * uniform(s, 2));
                a = TestMatrices.graded(m, ratio, s.split(7));
                n = m;
                detail = "graded(ratio=" + String.format("%.3f", ratio) + ")";
                break;
            }
            case REPEATED:
                a = TestMatrices.withSingularValues(m, n, repeatedValues(k, s), s.split(7));
                detail = "repeated";
                break;
            case CONSTANT: {
                // Every entry equal: rank one, and the trailing columns of a QR are rounding noise
                // with many equal entries, whose errors add up coherently.
                double value = 0.1 + uniform(s, 2);
                a = DenseMatrix.zeros(m, n);
                a.fill(value);
                detail = "constant(" + String.format("%.3f", value) + ")";
                break;
            }
            default: {
                double scale = uniform(s, 2) < 0.5 ? 0x1.0p-600 : 0x1.0p600;
                a = TestMatrices.gaussian(m, n, s.split(7));
                double[] d = a.data();
                for (int t = 0; t < d.length; t++) {
                    d[t] *= scale;
                }
                detail = "scaled(" + (scale < 1 ? "2^-600" : "2^600") + ")";
                break;
            }
        }
        return new Case("#" + index + " " + detail + " " + a.rows() + "x" + a.cols(), a);
    }

    /** Values 1, 1/2, 1/3 ... each repeated in clusters of 1 to 4 (exactly equal within a cluster). */
    private static double[] repeatedValues(int k, RngState s) {
        double[] v = new double[k];
        int i = 0;
        double value = 1;
        int cluster = 0;
        while (i < k) {
            int size = 1 + (int) Math.floor(4 * uniform(s, 20 + cluster));
            for (int t = 0; t < size && i < k; t++) {
                v[i++] = value;
            }
            value = 1.0 / (2 + cluster);
            cluster++;
        }
        Arrays.sort(v);
        for (int a = 0, b = k - 1; a < b; a++, b--) {
            double t = v[a];
            v[a] = v[b];
            v[b] = t;
        }
        return v;
    }

    /** Most dimensions small, a few large: 55% in [1, 10], 30% in [11, 60], 12% in [61, 200], 3% up to max. */
    private static int dimension(RngState s, int which, int max) {
        double u = uniform(s, 100 + 2 * which);
        double v = uniform(s, 101 + 2 * which);
        int lo;
        int hi;
        if (u < 0.55) {
            lo = 1;
            hi = 10;
        } else if (u < 0.85) {
            lo = 11;
            hi = 60;
        } else if (u < 0.97) {
            lo = 61;
            hi = 200;
        } else {
            lo = 201;
            hi = max;
        }
        hi = Math.min(hi, max);
        lo = Math.min(lo, hi);
        return lo + (int) Math.floor(v * (hi - lo + 1));
    }

    /** A uniform number in [0, 1), a pure function of the state and the index. */
    static double uniform(RngState s, int index) {
        long[] words = new long[2];
        Philox4x32.block(s.key(), s.counterHigh(), s.counterLow() + index, words, 0);
        return ScalarDistribution.uniform01(words[0]);
    }

    private static double ratio(double numerator, double denominator) {
        if (numerator == 0) {
            return 0;
        }
        return denominator == 0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }

    private static DenseMatrix difference(Matrix a, Matrix b) {
        DenseMatrix d = DenseMatrix.zeros(a.rows(), a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                d.set(i, j, a.get(i, j) - b.get(i, j));
            }
        }
        return d;
    }

    private static void requireSameShape(Matrix a, Matrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            throw new IllegalArgumentException(
                    "shapes differ: " + a.rows() + "x" + a.cols() + " and " + b.rows() + "x" + b.cols());
        }
    }
}
