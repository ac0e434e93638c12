package dev.nla.core.testing;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Arrays;
import java.util.Objects;

/**
 * Test matrices with known structure: Gaussian and Haar-orthogonal matrices, prescribed singular
 * values and eigenvalues, the usual spectral profiles, and classical adversarial matrices (Kahan,
 * graded). The menu follows RandLAPACK's {@code rl_gen.hh}, EJML's {@code RandomMatrices_DDRM} and
 * scikit-learn's {@code make_low_rank_matrix}.
 *
 * <p>All randomness comes from the {@link RngState} argument: the same state gives
 * bitwise-identical matrices on every run and machine. Where a generator needs several independent
 * random matrices it draws them from {@code state.split(1)}, {@code state.split(2)}, ... as stated
 * in its comment. The orthogonal factors come from a small naive Householder QR inside this class,
 * independent of any production decomposition, so tests of the decompositions do not test their
 * code against itself. Every result is a new compact matrix.
 */
public final class TestMatrices {
    private TestMatrices() {}

    /**
     * An \(m \times n\) matrix of independent standard normal entries: the block \(M^{(s)}[0 : m,\;
     * 0 : n]\) of the infinite Gaussian matrix of {@code state} (see {@link RandomMatrices}).
     *
     * @param rows  \(m \ge 0\)
     * @param cols  \(n \ge 0\)
     * @param state the random stream; not modified
     * @return the Gaussian matrix
     * @throws IllegalArgumentException if a size is negative
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix gaussian(int rows, int cols, RngState state) {
        return RandomMatrices.gaussian(rows, cols, state).value();
    }

    /**
     * A Haar-distributed (uniformly random) \(n \times n\) orthogonal matrix [Mezzadri 2007].
     *
     * <p>Let \(G\) = {@link #gaussian gaussian(n, n, state)} and \(G = QR\) its Householder QR.
     * The result is \(Q D\) with \(D = \operatorname{diag}(\operatorname{sign} r_{ii})\): the unique
     * orthogonal factor for which \(R' = (QD)^{\mathsf T} G\) is upper triangular with a positive
     * diagonal. Absorbing the signs matters: Householder QR alone returns \(Q\) with a biased
     * distribution (here \(q_{00} \lt 0\) always), not the Haar measure. Because \(HG\) has the
     * law of \(G\) for every orthogonal \(H\), and the QR factor with positive \(R\) is unique,
     * \(QD\) has the law of \(H Q D\): it is Haar-distributed.
     *
     * @param n     order \(n \ge 0\)
     * @param state the random stream; not modified
     * @return an orthogonal \(n \times n\) matrix, \(\|Q^{\mathsf T}Q - I\|_F = O(nu)\)
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix haarOrthogonal(int n, RngState state) {
        return haarOrthonormalColumns(n, n, state);
    }

    /**
     * The first \(k\) columns of a Haar-distributed \(m \times m\) orthogonal matrix: a uniformly
     * random point of the Stiefel manifold, drawn as the thin Householder QR factor of \(G\) =
     * {@link #gaussian gaussian(m, k, state)} with the signs of \(R\)'s diagonal absorbed
     * [Mezzadri 2007] (the argument of {@link #haarOrthogonal} applies column by column). Costs
     * \(O(mk^2)\) instead of the \(O(m^3)\) of a full Haar matrix.
     *
     * @param rows  \(m \ge 0\)
     * @param cols  \(k\), {@code 0 <= k <= m}
     * @param state the random stream; not modified
     * @return an \(m \times k\) matrix with orthonormal columns
     * @throws IllegalArgumentException if {@code cols < 0} or {@code cols > rows}
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix haarOrthonormalColumns(int rows, int cols, RngState state) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Objects.requireNonNull(state, "state");
        if (cols > rows) {
            throw new IllegalArgumentException("orthonormal columns need cols <= rows, got " + rows + "x" + cols);
        }
        return orthogonalFactor(gaussian(rows, cols, state));
    }

    /**
     * \(A = U \operatorname{diag}(\sigma) V^{\mathsf T}\), an \(m \times n\) matrix with prescribed
     * singular values (EJML {@code RandomMatrices_DDRM.singular}, Hipparchus {@code
     * createTestMatrix}).
     *
     * <p>\(U\) = {@link #haarOrthonormalColumns haarOrthonormalColumns(m, k, state.split(1))} and
     * \(V\) = {@code haarOrthonormalColumns(n, k, state.split(2))} with \(k = \min(m, n)\), so the
     * singular vectors are Haar-distributed. The singular values of \(A\) are the \(\sigma_i\) up
     * to rounding: \(\|A - U\Sigma V^{\mathsf T}\|_2 = O(k u \max_i \sigma_i)\) in floating point.
     * The \(\sigma_i\) need not be sorted: they are placed in the given order.
     *
     * @param rows  \(m \ge 0\)
     * @param cols  \(n \ge 0\)
     * @param sigma \(k = \min(m, n)\) non-negative finite values; not modified
     * @param state the random stream; not modified
     * @return the \(m \times n\) matrix
     * @throws IllegalArgumentException   if a size is negative or a \(\sigma_i\) is negative, NaN or
     *     infinite
     * @throws DimensionMismatchException if {@code sigma.length != min(rows, cols)}
     * @throws NullPointerException       if {@code sigma} or {@code state} is null
     */
    public static DenseMatrix withSingularValues(int rows, int cols, double[] sigma, RngState state) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Objects.requireNonNull(sigma, "sigma");
        Objects.requireNonNull(state, "state");
        int k = Math.min(rows, cols);
        if (sigma.length != k) {
            throw new DimensionMismatchException("a " + rows + "x" + cols + " matrix has min(rows, cols) = " + k
                    + " singular values, sigma has length " + sigma.length);
        }
        for (int i = 0; i < k; i++) {
            Require.nonNegative("sigma[" + i + "]", sigma[i]);
        }
        DenseMatrix u = haarOrthonormalColumns(rows, k, state.split(1));
        DenseMatrix v = haarOrthonormalColumns(cols, k, state.split(2));
        return scaledOuter(u, sigma, v, false);
    }

    /**
     * Polynomially decaying singular values \(\sigma_i = (1 + (i - 1)\,c)^{-p}\), \(i = 1, \dots,
     * n\), with \(c = (\kappa^{1/p} - 1)/(n - 1)\) chosen so that \(\sigma_1 = 1\) and \(\sigma_n =
     * 1/\kappa\): the profile \(a(i + b)^{-p}\) of RandLAPACK's {@code gen_poly_mat}, normalized by
     * the condition number \(\kappa\).
     *
     * @param n         number of values \(n \ge 0\); for \(n = 1\) the condition must be 1
     * @param condition \(\kappa = \sigma_1/\sigma_n \ge 1\), finite
     * @param exponent  \(p \gt 0\), finite
     * @return \(\sigma_1 = 1 \ge \sigma_2 \ge \dots \ge \sigma_n = 1/\kappa\) (the last value is set
     *     to {@code 1.0 / condition} exactly)
     * @throws IllegalArgumentException if {@code n < 0}, {@code condition < 1} or not finite, {@code
     *     exponent} not positive and finite, or {@code n == 1} with {@code condition != 1}
     */
    public static double[] polynomialDecay(int n, double condition, double exponent) {
        checkProfile(n, condition);
        Require.positive("exponent", exponent);
        double[] sigma = new double[n];
        if (n <= 1) {
            if (n == 1) {
                sigma[0] = 1.0;
            }
            return sigma;
        }
        double c = (Math.pow(condition, 1.0 / exponent) - 1.0) / (n - 1);
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.pow(1.0 + i * c, -exponent);
        }
        sigma[n - 1] = 1.0 / condition;
        return sigma;
    }

    /**
     * Geometrically decaying singular values \(\sigma_i = \kappa^{-(i-1)/(n-1)}\), \(i = 1, \dots,
     * n\): \(\sigma_1 = 1\), \(\sigma_n = 1/\kappa\), constant ratio between neighbours (RandLAPACK's
     * {@code gen_exp_mat}, LAPACK's {@code dlatms} mode 3).
     *
     * @param n         number of values \(n \ge 0\); for \(n = 1\) the condition must be 1
     * @param condition \(\kappa = \sigma_1/\sigma_n \ge 1\), finite
     * @return the decreasing values (the last set to {@code 1.0 / condition} exactly)
     * @throws IllegalArgumentException if {@code n < 0}, {@code condition < 1} or not finite, or
     *     {@code n == 1} with {@code condition != 1}
     */
    public static double[] exponentialDecay(int n, double condition) {
        checkProfile(n, condition);
        double[] sigma = new double[n];
        if (n <= 1) {
            if (n == 1) {
                sigma[0] = 1.0;
            }
            return sigma;
        }
        for (int i = 0; i < n; i++) {
            sigma[i] = Math.pow(condition, -(double) i / (n - 1));
        }
        sigma[n - 1] = 1.0 / condition;
        return sigma;
    }

    /**
     * The singular-value profile of scikit-learn's {@code make_low_rank_matrix} [Pedregosa et al.
     * 2011]: a bell-shaped low-rank part plus a fat exponential tail,
     * \[ \sigma_i = (1 - t)\, e^{-(i/r)^2} + t\, e^{-0.1\, i/r}, \qquad i = 0, \dots, n - 1, \]
     * with effective rank \(r\) and tail strength \(t\). \(\sigma_0 = 1\); the values decrease.
     * Combine with {@link #withSingularValues} to get the matrix.
     *
     * @param n             number of values \(n \ge 0\)
     * @param effectiveRank \(r \ge 1\): the width of the bell, about the number of singular vectors
     *     that explain most of the matrix
     * @param tailStrength  \(t \in [0, 1]\): the weight of the slowly decaying tail
     * @return the \(n\) values
     * @throws IllegalArgumentException if {@code n < 0}, {@code effectiveRank < 1} or {@code
     *     tailStrength} is outside {@code [0, 1]}
     */
    public static double[] lowRankPlusTail(int n, int effectiveRank, double tailStrength) {
        Require.nonNegative("n", n);
        Require.positive("effectiveRank", effectiveRank);
        if (!(tailStrength >= 0 && tailStrength <= 1)) {
            throw new IllegalArgumentException("tailStrength must be in [0, 1], got " + tailStrength);
        }
        double[] sigma = new double[n];
        for (int i = 0; i < n; i++) {
            double x = (double) i / effectiveRank;
            sigma[i] = (1 - tailStrength) * Math.exp(-x * x) + tailStrength * Math.exp(-0.1 * x);
        }
        return sigma;
    }

    /**
     * A rank-\(r\) matrix plus Gaussian noise: \(A = U_r V_r^{\mathsf T} + \nu\, G / \sqrt{\max(m,
     * n)}\), the rectangular analogue of the "low rank + noise" family of Tropp, Yurtsever, Udell and
     * Cevher [TYUC 2017].
     *
     * <p>\(U_r\) = {@link #haarOrthonormalColumns haarOrthonormalColumns(m, r, state.split(1))},
     * \(V_r\) = {@code haarOrthonormalColumns(n, r, state.split(2))} and \(G\) = {@link #gaussian
     * gaussian(m, n, state.split(3))}. The signal has \(r\) singular values equal to 1. The noise
     * has spectral norm close to \(\nu (1 + \sqrt{\min(m,n)/\max(m,n)}) \in [\nu, 2\nu]\)
     * [Davidson and Szarek 2001], so \(\sigma_{r+1}(A) \le\) about \(2\nu\): \(\nu\) is the noise
     * level relative to the signal.
     *
     * @param rows  \(m \ge 0\)
     * @param cols  \(n \ge 0\)
     * @param rank  \(r\), {@code 0 <= r <= min(rows, cols)}
     * @param noise \(\nu \ge 0\), finite
     * @param state the random stream; not modified
     * @return the \(m \times n\) matrix
     * @throws IllegalArgumentException if a size is negative, {@code rank} is out of range or {@code
     *     noise} is negative or not finite
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix lowRankPlusNoise(int rows, int cols, int rank, double noise, RngState state) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Require.inRange("rank", rank, 0, Math.min(rows, cols));
        Require.nonNegative("noise", noise);
        Objects.requireNonNull(state, "state");
        double[] ones = new double[rank];
        Arrays.fill(ones, 1.0);
        DenseMatrix u = haarOrthonormalColumns(rows, rank, state.split(1));
        DenseMatrix v = haarOrthonormalColumns(cols, rank, state.split(2));
        DenseMatrix a = scaledOuter(u, ones, v, false);
        if (noise > 0 && rows > 0 && cols > 0) {
            DenseMatrix g = gaussian(rows, cols, state.split(3));
            double scale = noise / Math.sqrt(Math.max(rows, cols));
            double[] ad = a.data();
            double[] gd = g.data();
            for (int t = 0; t < ad.length; t++) {
                ad[t] += scale * gd[t];
            }
        }
        return a;
    }

    /**
     * The Kahan matrix \(K_n(\theta) = \operatorname{diag}(1, s, \dots, s^{n-1})\,(I - c\,N)\)
     * with \(s = \sin\theta\), \(c = \cos\theta\) and \(N\) the strictly upper triangular matrix of
     * ones [Kahan 1966]: \(k_{ii} = s^{i}\), \(k_{ij} = -c\, s^{i}\) for \(j \gt i\) (0-based), zero
     * below the diagonal. It is upper triangular, ill-conditioned for small \(\theta\), and its
     * smallest singular value is far below its smallest diagonal entry, so QR with column pivoting
     * (which does not permute it, up to rounding ties) fails to reveal its rank. See {@link
     * #kahanPerturbed} for the variant that breaks the ties.
     *
     * @param n     order \(n \ge 0\)
     * @param theta the angle \(\theta\), finite; the useful range is \(0 \lt \theta \lt \pi\)
     * @return the upper triangular \(n \times n\) matrix
     * @throws IllegalArgumentException if {@code n < 0}
     * @throws dev.nla.core.error.NonFiniteValueException if {@code theta} is NaN or infinite
     */
    public static DenseMatrix kahan(int n, double theta) {
        Require.nonNegative("n", n);
        Require.finite("theta", theta);
        double s = Math.sin(theta);
        double c = Math.cos(theta);
        DenseMatrix k = DenseMatrix.zeros(n, n);
        double si = 1.0;
        for (int i = 0; i < n; i++) {
            k.set(i, i, si);
            for (int j = i + 1; j < n; j++) {
                k.set(i, j, -c * si);
            }
            si *= s;
        }
        return k;
    }

    /**
     * The Kahan matrix with a diagonal perturbation, \(K_n(\theta) + \pi\,\varepsilon\,
     * \operatorname{diag}(n, n-1, \dots, 1)\) with \(\varepsilon = 2^{-52}\): Higham's {@code
     * gallery('kahan', n, theta, pert)} (suggested by C. Bischof). The perturbation makes the
     * column norms of the trailing submatrices strictly decreasing, so that QR with column pivoting
     * provably keeps the natural order in floating point; Higham's Test Matrix Toolbox uses \(\pi =
     * 25\) (no interchanges up to \(n = 90\)), current MATLAB \(10^3\) (up to \(n = 100\)).
     *
     * @param n            order \(n \ge 0\)
     * @param theta        the angle, finite
     * @param perturbation \(\pi \ge 0\), finite
     * @return the upper triangular \(n \times n\) matrix
     * @throws IllegalArgumentException if {@code n < 0} or {@code perturbation} is negative or not
     *     finite
     * @throws dev.nla.core.error.NonFiniteValueException if {@code theta} is NaN or infinite
     */
    public static DenseMatrix kahanPerturbed(int n, double theta, double perturbation) {
        Require.nonNegative("perturbation", perturbation);
        DenseMatrix k = kahan(n, theta);
        for (int i = 0; i < n; i++) {
            k.add(i, i, perturbation * Tolerances.EPS * (n - i));
        }
        return k;
    }

    /**
     * A two-sided graded matrix \(A = D G D\) with \(D = \operatorname{diag}(1, \rho^{-1}, \dots,
     * \rho^{-(n-1)})\) and \(G\) = {@link #gaussian gaussian(n, n, state)}: \(a_{ij} = \rho^{-(i +
     * j)} g_{ij}\), so magnitudes fall by the factor \(\rho\) from one row (or column) to the next.
     * Such matrices separate algorithms with relative accuracy (one-sided Jacobi, Cholesky with
     * pivoting) from those that are only normwise stable [Demmel and Veselić 1992].
     *
     * @param n     order \(n \ge 0\)
     * @param ratio grading factor \(\rho \ge 1\), finite
     * @param state the random stream; not modified
     * @return the \(n \times n\) graded matrix
     * @throws IllegalArgumentException if {@code n < 0}, {@code ratio < 1} or not finite, or if the
     *     smallest scale \(\rho^{-2(n-1)}\) is below {@link Double#MIN_NORMAL} (the corner entries
     *     would underflow)
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix graded(int n, double ratio, RngState state) {
        Require.nonNegative("n", n);
        Objects.requireNonNull(state, "state");
        if (!(ratio >= 1) || ratio == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("ratio must be >= 1 and finite, got " + ratio);
        }
        if (n > 1 && 2.0 * (n - 1) * Math.log(ratio) > -Math.log(Double.MIN_NORMAL)) {
            throw new IllegalArgumentException("graded " + n + "x" + n + " matrix with ratio " + ratio
                    + ": the smallest scale ratio^-" + 2 * (n - 1) + " underflows");
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(ratio, -i);
        }
        DenseMatrix a = gaussian(n, n, state);
        double[] data = a.data();
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                data[i + j * n] = d[i] * data[i + j * n] * d[j];
            }
        }
        return a;
    }

    /**
     * A symmetric matrix with prescribed eigenvalues, \(A = Q \operatorname{diag}(\lambda)
     * Q^{\mathsf T}\) with \(Q\) = {@link #haarOrthogonal haarOrthogonal(n, state)}. Only the upper
     * triangle is computed; the lower one is its mirror image, so \(A = A^{\mathsf T}\) exactly.
     * The eigenvalues of \(A\) are the \(\lambda_i\) up to \(O(n u \max|\lambda_i|)\).
     *
     * @param lambda the \(n\) eigenvalues, finite, in any order; not modified
     * @param state  the random stream; not modified
     * @return the symmetric \(n \times n\) matrix
     * @throws NullPointerException    if {@code lambda} or {@code state} is null
     * @throws dev.nla.core.error.NonFiniteValueException if a \(\lambda_i\) is NaN or infinite
     */
    public static DenseMatrix symmetricWithEigenvalues(double[] lambda, RngState state) {
        Require.allFinite("lambda", lambda);
        Objects.requireNonNull(state, "state");
        DenseMatrix q = haarOrthogonal(lambda.length, state);
        return scaledOuter(q, lambda, q, true);
    }

    /**
     * A random symmetric positive definite matrix with condition number \(\kappa\): {@link
     * #symmetricWithEigenvalues} with the eigenvalues {@link #exponentialDecay exponentialDecay(n,
     * condition)}, i.e. \(\lambda_i = \kappa^{-(i-1)/(n-1)}\) from 1 down to \(1/\kappa\).
     *
     * @param n         order \(n \ge 0\); for \(n = 1\) the condition must be 1
     * @param condition \(\kappa = \lambda_{\max}/\lambda_{\min} \ge 1\), finite
     * @param state     the random stream; not modified
     * @return the SPD \(n \times n\) matrix (exactly symmetric)
     * @throws IllegalArgumentException if the arguments are rejected by {@link #exponentialDecay}
     * @throws NullPointerException     if {@code state} is null
     */
    public static DenseMatrix randomSpd(int n, double condition, RngState state) {
        return symmetricWithEigenvalues(exponentialDecay(n, condition), state);
    }

    private static void checkProfile(int n, double condition) {
        Require.nonNegative("n", n);
        if (!(condition >= 1) || condition == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("condition must be >= 1 and finite, got " + condition);
        }
        if (n == 1 && condition != 1) {
            throw new IllegalArgumentException(
                    "a single value has condition 1, got n = 1 with condition = " + condition);
        }
    }

    /**
     * \(U \operatorname{diag}(w) V^{\mathsf T}\) computed naively; with {@code symmetric}, only the
     * upper triangle is computed and mirrored ({@code u == v} is then expected).
     */
    private static DenseMatrix scaledOuter(DenseMatrix u, double[] w, DenseMatrix v, boolean symmetric) {
        int m = u.rows();
        int n = v.rows();
        int k = w.length;
        DenseMatrix a = DenseMatrix.zeros(m, n);
        double[] ad = a.data();
        double[] ud = u.data();
        double[] vd = v.data();
        for (int j = 0; j < n; j++) {
            int rowsHere = symmetric ? j + 1 : m;
            for (int p = 0; p < k; p++) {
                double coefficient = w[p] * vd[j + p * n];
                if (coefficient == 0) {
                    continue;
                }
                int uCol = p * m;
                int aCol = j * m;
                for (int i = 0; i < rowsHere; i++) {
                    ad[aCol + i] += ud[uCol + i] * coefficient;
                }
            }
        }
        if (symmetric) {
            for (int j = 0; j < n; j++) {
                for (int i = j + 1; i < m; i++) {
                    ad[i + j * m] = ad[j + i * m];
                }
            }
        }
        return a;
    }

    /**
     * The thin orthogonal factor \(Q D\) of {@code a} (\(m \times k\), \(m \ge k\), compact) by
     * unblocked Householder QR, with \(D = \operatorname{diag}(\operatorname{sign} r_{jj})\) so that
     * \((QD)^{\mathsf T} A\) has a non-negative diagonal. {@code a} is overwritten.
     */
    private static DenseMatrix orthogonalFactor(DenseMatrix a) {
        int m = a.rows();
        int k = a.cols();
        double[] r = a.data();
        double[] beta = new double[k];
        double[] sign = new double[k];
        // Factor: column j's reflector v (v_j = 1 implicitly scaled) is kept below the diagonal.
        for (int j = 0; j < k; j++) {
            int cj = j * m;
            double norm2 = 0;
            for (int i = j; i < m; i++) {
                norm2 += r[cj + i] * r[cj + i];
            }
            double norm = Math.sqrt(norm2);
            double x0 = r[cj + j];
            if (norm == 0) {
                beta[j] = 0; // H_j = I; r_jj = 0, counted as positive
                sign[j] = 1;
                continue;
            }
            double alpha = x0 >= 0 ? -norm : norm; // r_jj = alpha, no cancellation in v_0 = x0 - alpha
            double v0 = x0 - alpha;
            // Store v / v0 (first component 1); beta = 2 / (v^T v) for the scaled vector.
            double vtv = 1;
            for (int i = j + 1; i < m; i++) {
                r[cj + i] /= v0;
                vtv += r[cj + i] * r[cj + i];
            }
            beta[j] = 2 / vtv;
            r[cj + j] = alpha;
            sign[j] = alpha > 0 ? 1 : -1;
            for (int c = j + 1; c < k; c++) {
                int cc = c * m;
                double dot = r[cc + j];
                for (int i = j + 1; i < m; i++) {
                    dot += r[cj + i] * r[cc + i];
                }
                double f = beta[j] * dot;
                r[cc + j] -= f;
                for (int i = j + 1; i < m; i++) {
                    r[cc + i] -= f * r[cj + i];
                }
            }
        }
        // Accumulate Q = H_0 H_1 ... H_{k-1} [I_k; 0] backwards (as LAPACK dorg2r).
        DenseMatrix q = DenseMatrix.zeros(m, k);
        double[] qd = q.data();
        for (int j = 0; j < k; j++) {
            qd[j + j * m] = 1;
        }
        for (int j = k - 1; j >= 0; j--) {
            if (beta[j] == 0) {
                continue;
            }
            int cj = j * m;
            for (int c = j; c < k; c++) {
                int cc = c * m;
                double dot = qd[cc + j];
                for (int i = j + 1; i < m; i++) {
                    dot += r[cj + i] * qd[cc + i];
                }
                double f = beta[j] * dot;
                qd[cc + j] -= f;
                for (int i = j + 1; i < m; i++) {
                    qd[cc + i] -= f * r[cj + i];
                }
            }
        }
        for (int j = 0; j < k; j++) {
            if (sign[j] < 0) {
                for (int i = 0; i < m; i++) {
                    qd[i + j * m] = -qd[i + j * m];
                }
            }
        }
        return q;
    }
}
