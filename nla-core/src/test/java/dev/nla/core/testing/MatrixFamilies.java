package dev.nla.core.testing;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.Philox4x32;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Generators of the matrix families decompositions are tested on (the issue's acceptance list),
 * checked with {@link LapackRatios}.
 *
 * <p>Shapes \(0 \times 0\), \(1 \times 1\), \(0 \times n\), \(n \times 0\), tall, wide and square
 * up to a given size; Gaussian matrices, prescribed singular values with condition numbers up to
 * \(10^{15}\) (geometric and polynomial decay), rank-deficient, Kahan, graded, zero, repeated and
 * clustered singular values, constant (all entries equal: rank one, and the rounding noise left
 * after the first reflector has many equal entries, so rounding errors add up coherently) and
 * scaled near the overflow and underflow thresholds; symmetric counterparts for eigensolvers; SPD,
 * PSD and tall-skinny families for Cholesky, pivoted Cholesky and CholeskyQR. Sizes are drawn so
 * that most matrices are small and a few are large, keeping the default tier fast. All randomness
 * comes from the seed through {@link RngState}: the same arguments give the same list, bit for bit.
 */
public final class MatrixFamilies {
    private MatrixFamilies() {}

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
        CONSTANT,
        CLUSTERED
    }

    /**
     * General \(m \times n\) matrices over all families and shapes (for QR, pivoted QR, SVD). The
     * first cases are the edge shapes \(0 \times 0\), \(0 \times n\), \(n \times 0\), \(1 \times
     * 1\), \(1 \times n\), \(n \times 1\); then shapes cycle through tall, wide and square, and the
     * families through the list above. Kahan and graded matrices of order \(\min(m, n)\) fill the
     * leading block of a non-square shape.
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

    /** The families of symmetric matrices. */
    private enum SymmetricFamily {
        ZERO,
        GAUSSIAN,
        GEOMETRIC,
        RANK_DEFICIENT,
        KAHAN,
        GRADED,
        REPEATED,
        CLUSTERED,
        SCALED,
        CONSTANT
    }

    /**
     * Symmetric \(n \times n\) matrices (for symmetric eigensolvers, which read the lower
     * triangle): \(G + G^{\mathsf T}\) with Gaussian \(G\), prescribed eigenvalues of both signs
     * with condition up to \(10^{15}\), rank-deficient, symmetrized Kahan and graded matrices, zero,
     * repeated and clustered eigenvalues, constant, and entries scaled by \(2^{\pm 600}\). Orders
     * from 0 up to {@code maxOrder}, the first two 0 and 1.
     *
     * @param count    number of matrices
     * @param maxOrder largest order, \(\ge 10\)
     * @param seed     the random stream's key
     * @return the cases (exactly symmetric)
     */
    public static List<Case> symmetric(int count, int maxOrder, long seed) {
        RngState state = RngState.seed(seed);
        List<Case> cases = new ArrayList<>(count);
        SymmetricFamily[] families = SymmetricFamily.values();
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int n = c < 2 ? c : dimension(s, 0, maxOrder);
            cases.add(symmetricCase(c, families[c % families.length], n, s));
        }
        return cases;
    }

    private static Case symmetricCase(int index, SymmetricFamily family, int n, RngState s) {
        DenseMatrix a;
        String detail;
        switch (family) {
            case ZERO:
                a = DenseMatrix.zeros(n, n);
                detail = "zero";
                break;
            case GAUSSIAN:
                a = symmetricGaussian(n, s.split(7));
                detail = "gaussian";
                break;
            case GEOMETRIC: {
                double cond = n <= 1 ? 1 : Math.pow(10, 15 * uniform(s, 2));
                double[] lambda = TestMatrices.exponentialDecay(n, cond);
                for (int i = 0; i < n; i += 2) {
                    lambda[i] = -lambda[i];
                }
                a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
                detail = "geometric(cond=" + String.format("%.1e", cond) + ")";
                break;
            }
            case RANK_DEFICIENT: {
                int r = (int) Math.floor(uniform(s, 2) * n);
                double[] lambda = new double[n];
                for (int i = 0; i < r; i++) {
                    lambda[i] = (i % 2 == 0 ? 1 : -1) * (1.0 + i);
                }
                a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
                detail = "rank-deficient(rank=" + r + ")";
                break;
            }
            case KAHAN: {
                double theta = 0.05 + 1.2 * uniform(s, 2);
                a = symmetrize(TestMatrices.kahan(n, theta));
                detail = "kahan(theta=" + String.format("%.3f", theta) + ")";
                break;
            }
            case GRADED: {
                double maxRatio = n <= 1 ? 10 : Math.exp(-Math.log(Double.MIN_NORMAL) / (2.0 * (n - 1)) * 0.9);
                double ratio = Math.min(10, 1 + (maxRatio - 1) * uniform(s, 2));
                a = symmetrize(TestMatrices.graded(n, ratio, s.split(7)));
                detail = "graded(ratio=" + String.format("%.3f", ratio) + ")";
                break;
            }
            case REPEATED: {
                double[] lambda = repeatedValues(n, s);
                for (int i = 1; i < n; i += 3) {
                    lambda[i] = -lambda[i];
                }
                a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
                detail = "repeated";
                break;
            }
            case CLUSTERED: {
                double[] lambda = new double[n];
                for (int i = 0; i < n; i++) {
                    lambda[i] = 1.0 + 1e-10 * i;
                }
                a = TestMatrices.symmetricWithEigenvalues(lambda, s.split(7));
                detail = "clustered";
                break;
            }
            case CONSTANT: {
                double value = 0.1 + uniform(s, 2);
                a = DenseMatrix.zeros(n, n);
                a.fill(value);
                detail = "constant(" + String.format("%.3f", value) + ")";
                break;
            }
            default: {
                double scale = uniform(s, 2) < 0.5 ? 0x1.0p-600 : 0x1.0p600;
                a = symmetricGaussian(n, s.split(7));
                double[] d = a.data();
                for (int t = 0; t < d.length; t++) {
                    d[t] *= scale;
                }
                detail = "scaled(" + (scale < 1 ? "2^-600" : "2^600") + ")";
                break;
            }
        }
        return new Case("#" + index + " " + detail + " " + n + "x" + n, a);
    }

    /**
     * \(G + G^{\mathsf T}\) for a Gaussian \(n \times n\) matrix \(G\) drawn from {@code state}:
     * a symmetric matrix with a semicircle-like spectrum.
     *
     * @param n     order \(n \ge 0\)
     * @param state the random stream; not modified
     * @return the exactly symmetric matrix
     */
    public static DenseMatrix symmetricGaussian(int n, RngState state) {
        return symmetrize(TestMatrices.gaussian(n, n, state));
    }

    /** \((A + A^{\mathsf T}) / 2\), exactly symmetric. */
    private static DenseMatrix symmetrize(DenseMatrix a) {
        int n = a.rows();
        DenseMatrix s = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s.set(i, j, 0.5 * (a.get(i, j) + a.get(j, i)));
            }
        }
        return s;
    }

    /**
     * Tall-skinny \(m \times n\) matrices (\(m \ge n\), \(n \le 60\), about one in 17 with \(m\)
     * of 2000 to 5000) inside a CholeskyQR method's domain: Gaussian, geometric and polynomial decay
     * with condition up to {@code maxCondition}; the first cases are \(0 \times 0\), \(5 \times
     * 0\), \(1 \times 1\), \(7 \times 1\), \(9 \times 9\).
     *
     * @param count        number of matrices
     * @param maxCondition the largest condition number, \(\ge 1\)
     * @param seed         the random stream's key
     * @return the cases
     */
    public static List<Case> tallSkinny(int count, double maxCondition, long seed) {
        List<Case> cases = new ArrayList<>(count);
        RngState state = RngState.seed(seed);
        int[][] edges = {{0, 0}, {5, 0}, {1, 1}, {7, 1}, {9, 9}};
        for (int c = 0; c < count; c++) {
            RngState s = state.split(c);
            int m;
            int n;
            if (c < edges.length) {
                m = edges[c][0];
                n = edges[c][1];
            } else {
                n = 1 + (int) (60 * uniform(s, 1));
                m = n + (int) (n * 30 * uniform(s, 2));
                if (c % 17 == 0) {
                    m = 2000 + (int) (3000 * uniform(s, 3));
                }
            }
            double cond = n <= 1 ? 1 : Math.pow(10, uniform(s, 4) * Math.log10(maxCondition));
            DenseMatrix a;
            String name;
            switch (c % 3) {
                case 0:
                    a = TestMatrices.gaussian(m, n, s.split(7));
                    name = "gaussian";
                    break;
                case 1:
                    a = TestMatrices.withSingularValues(m, n, TestMatrices.exponentialDecay(n, cond), s.split(7));
                    name = "geometric(cond=" + String.format("%.1e", cond) + ")";
                    break;
                default:
                    a = TestMatrices.withSingularValues(
                            m, n, n == 0 ? new double[0] : TestMatrices.polynomialDecay(n, cond, 2), s.split(7));
                    name = "polynomial(cond=" + String.format("%.1e", cond) + ")";
                    break;
            }
            cases.add(new Case("#" + c + " " + name + " " + m + "x" + n, a));
        }
        return cases;
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
                // the k x k Kahan matrix in the leading block, zeros elsewhere (keeps the shape)
                double theta = 0.05 + 1.2 * uniform(s, 2);
                a = leadingBlock(m, n, TestMatrices.kahan(k, theta));
                detail = "kahan(theta=" + String.format("%.3f", theta) + ")";
                break;
            }
            case GRADED: {
                double maxRatio = k <= 1 ? 10 : Math.exp(-Math.log(Double.MIN_NORMAL) / (2.0 * (k - 1)) * 0.9);
                double ratio = Math.min(10, 1 + (maxRatio - 1) * uniform(s, 2));
                a = leadingBlock(m, n, TestMatrices.graded(k, ratio, s.split(7)));
                detail = "graded(ratio=" + String.format("%.3f", ratio) + ")";
                break;
            }
            case REPEATED:
                a = TestMatrices.withSingularValues(m, n, repeatedValues(k, s), s.split(7));
                detail = "repeated";
                break;
            case CLUSTERED: {
                // distinct but extremely close singular values (relative gaps 1e-10)
                double[] sigma = new double[k];
                for (int i = 0; i < k; i++) {
                    sigma[i] = 1.0 + 1e-10 * (k - i);
                }
                a = TestMatrices.withSingularValues(m, n, sigma, s.split(7));
                detail = "clustered";
                break;
            }
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

    /** An m x n zero matrix with {@code block} (k x k, k = min(m, n)) in its leading corner. */
    private static DenseMatrix leadingBlock(int m, int n, DenseMatrix block) {
        DenseMatrix a = DenseMatrix.zeros(m, n);
        a.view(0, 0, block.rows(), block.cols()).copyFrom(block);
        return a;
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

    /**
     * A uniform number in \([0, 1)\), a pure function of the state and the index.
     *
     * @param s     the stream
     * @param index which number of the stream
     * @return the number
     */
    public static double uniform(RngState s, int index) {
        long[] words = new long[2];
        Philox4x32.block(s.key(), s.counterHigh(), s.counterLow() + index, words, 0);
        return ScalarDistribution.uniform01(words[0]);
    }
}
