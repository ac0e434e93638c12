package dev.nla.tensor.problems.cookie;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.solve.TuckerOperator;
import dev.nla.tensor.solve.TuckerPreconditioner;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The cookie problem for all parameter samples at once, as one linear system in Tucker format
 * [Kressner and Tobler 2011]:
 * \[ \mathcal A = A_0 \otimes I \otimes \cdots \otimes I + \sum_{\mu=1}^{m} A_\mu \otimes I \otimes
 *    \cdots \otimes D_\mu \otimes \cdots \otimes I, \qquad \mathcal A\mathcal X = \mathcal B = b
 *    \otimes \mathbf 1 \otimes \cdots \otimes \mathbf 1, \]
 * with mode 1 the space (\(N_h\) nodes), mode \(\mu + 1\) the \(n_\mu\) samples \(\rho_\mu^{(i)}\) of
 * the coefficient of cookie \(\mu\), and \(D_\mu = \operatorname{diag}(\rho_\mu^{(1)}, \dots,
 * \rho_\mu^{(n_\mu)})\). The fibre \(\mathcal X(:, i_1, \dots, i_m)\) of the solution is the FE
 * solution \(A(\rho)^{-1}b\) at \(\rho = (\rho_1^{(i_1)}, \dots, \rho_m^{(i_m)})\).
 *
 * <p>(The formulas number cookies from 1 as the spec does; the Java API counts cookies
 * \(\mu = 0, \dots, m - 1\) and puts cookie \(\mu\) in 0-based mode \(\mu + 1\).)
 *
 * <p><b>Application.</b> For \(\mathcal X = [\![\mathcal G; U_1, \dots, U_d]\!]\), \(d = m + 1\),
 * \[ \mathcal A\mathcal X = [\![\mathcal G; A_0U_1, U_2, \dots, U_d]\!] + \sum_\mu [\![\mathcal G;
 *    A_\mu U_1, U_2, \dots, D_\mu U_{\mu+1}, \dots, U_d]\!], \]
 * a {@link TuckerSum} of \(m + 1\) summands sharing the core \(\mathcal G\): cost
 * \((m + 1)\operatorname{nnz}\cdot r_1\) for the sparse products plus \(n_\mu r_{\mu+1}\) per
 * diagonal scaling; nothing is rounded. The mean-based preconditioner \(\mathcal P = (A_0 + \sum_\mu
 * A_\mu) \otimes I \otimes \cdots \otimes I\) acts on the spatial factor only, through the banded
 * Cholesky factorization computed once, and leaves the ranks unchanged.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ParametricCookieOperator implements TuckerOperator {
    private final CookieProblem problem;
    private final double[][] samples;
    private final int[] modeSizes;

    private ParametricCookieOperator(CookieProblem problem, double[][] samples) {
        this.problem = problem;
        this.samples = samples;
        this.modeSizes = new int[samples.length + 1];
        modeSizes[0] = problem.size();
        for (int mu = 0; mu < samples.length; mu++) {
            modeSizes[mu + 1] = samples[mu].length;
        }
    }

    /**
     * The operator on given parameter samples, one array per cookie.
     *
     * @param problem the assembled problem
     * @param samples \(\rho_\mu^{(1)}, \dots, \rho_\mu^{(n_\mu)}\) for each cookie \(\mu\), \(n_\mu
     *     \ge 1\), every value positive and finite; copied
     * @return the operator on \(\mathbb{R}^{N_h \times n_1 \times \cdots \times n_m}\)
     * @throws NullPointerException       if an argument or an array is null
     * @throws DimensionMismatchException if the number of arrays differs from the number of cookies
     * @throws IllegalArgumentException   if an array is empty or a sample is \(\le 0\) (the
     *     operator would be singular or indefinite at that parameter point; the message names the
     *     cookie, the sample and its value)
     * @throws NonFiniteValueException    if a sample is NaN or infinite
     */
    public static ParametricCookieOperator of(CookieProblem problem, double[]... samples) {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(samples, "samples");
        if (samples.length != problem.cookieCount()) {
            throw new DimensionMismatchException(
                    "got sample arrays for " + samples.length + " cookies, the problem has " + problem.cookieCount());
        }
        double[][] copy = new double[samples.length][];
        for (int mu = 0; mu < samples.length; mu++) {
            double[] s = Objects.requireNonNull(samples[mu], "samples[" + mu + "]");
            if (s.length == 0) {
                throw new IllegalArgumentException("cookie " + mu + " has no parameter samples");
            }
            for (int i = 0; i < s.length; i++) {
                if (!Double.isFinite(s[i])) {
                    throw new NonFiniteValueException("samples[" + mu + "][" + i + "]", s[i]);
                }
                if (!(s[i] > 0.0)) {
                    throw new IllegalArgumentException("samples[" + mu + "][" + i + "] = " + s[i]
                            + " is not positive: the coefficient on cookie " + mu + " must be > 0, otherwise"
                            + " A0 + sum_mu rho_mu A_mu is singular (0) or indefinite (< 0) at that point");
                }
            }
            copy[mu] = s.clone();
        }
        return new ParametricCookieOperator(problem, copy);
    }

    /**
     * The same \(n\) equispaced samples \(\rho^{(i)} = \rho_{\min} + (i - 1)(\rho_{\max} -
     * \rho_{\min})/(n - 1)\) for every cookie (MATLAB's {@code linspace(lo, hi, n)}; \(n = 1\) gives
     * \(\rho_{\min}\)). The TT-GMRES experiments use \([1, 10]\).
     *
     * @param problem the assembled problem
     * @param n       samples per cookie, \(\ge 1\)
     * @param lo      \(\rho_{\min} \gt 0\)
     * @param hi      \(\rho_{\max} \ge \rho_{\min}\)
     * @return the operator
     * @throws NullPointerException     if {@code problem} is null
     * @throws IllegalArgumentException if {@code n < 1}, {@code lo} is not positive (the message
     *     says the operator would be singular or indefinite), or {@code hi < lo}
     * @throws dev.nla.core.error.NonFiniteValueException if {@code lo} or {@code hi} is NaN or infinite
     */
    public static ParametricCookieOperator uniform(CookieProblem problem, int n, double lo, double hi) {
        Objects.requireNonNull(problem, "problem");
        Require.positive("n", n);
        Require.finite("lo", lo);
        Require.finite("hi", hi);
        if (!(lo > 0)) {
            throw new IllegalArgumentException("lo = " + lo + " is not positive: the range [" + lo + ", " + hi
                    + "] holds coefficients rho <= 0, for which A0 + sum_mu rho_mu A_mu is singular (rho = 0) or "
                    + "indefinite (rho < 0)");
        }
        if (hi < lo) {
            throw new IllegalArgumentException("hi = " + hi + " is below lo = " + lo);
        }
        double[] s = new double[n];
        for (int i = 0; i < n; i++) {
            s[i] = n == 1 ? lo : lo + i * (hi - lo) / (n - 1);
        }
        double[][] all = new double[problem.cookieCount()][];
        Arrays.fill(all, s);
        return of(problem, all);
    }

    /**
     * The underlying FE problem.
     *
     * @return the problem
     */
    public CookieProblem problem() {
        return problem;
    }

    /**
     * The samples of cookie \(\mu\).
     *
     * @param mu cookie index, {@code 0 <= mu < m}
     * @return a new array of \(n_\mu\) values
     * @throws IndexOutOfBoundsException if {@code mu} is out of range
     */
    public double[] samples(int mu) {
        Objects.checkIndex(mu, samples.length);
        return samples[mu].clone();
    }

    @Override
    public int[] modeSizes() {
        return modeSizes.clone();
    }

    /**
     * The parameter point \((\rho_0^{(i_0)}, \dots, \rho_{m-1}^{(i_{m-1})})\) of a grid index.
     *
     * @param index one sample index per cookie, {@code 0 <= index[mu] < n_mu}
     * @return a new array of \(m\) values
     * @throws NullPointerException       if {@code index} is null
     * @throws DimensionMismatchException if {@code index.length != m}
     * @throws IndexOutOfBoundsException  if an index is out of range
     */
    public double[] parameterPoint(int... index) {
        checkIndex(index);
        double[] rho = new double[index.length];
        for (int mu = 0; mu < index.length; mu++) {
            rho[mu] = samples[mu][index[mu]];
        }
        return rho;
    }

    /**
     * The right-hand side \(\mathcal B = b \otimes \mathbf 1 \otimes \cdots \otimes \mathbf 1\) (the
     * same load at every parameter point), multilinear rank \((1, \dots, 1)\).
     *
     * @return a new Tucker tensor with core \(1\), factors \(b\) and all-ones vectors
     */
    public TuckerTensor rightHandSide() {
        int d = modeSizes.length;
        int[] ones = new int[d];
        Arrays.fill(ones, 1);
        DenseTensor core = DenseTensor.zeros(ones);
        core.data()[0] = 1.0;
        List<DenseMatrix> factors = new ArrayList<>(d);
        factors.add(problem.load());
        for (int k = 1; k < d; k++) {
            DenseMatrix one = DenseMatrix.zeros(modeSizes[k], 1);
            one.fill(1.0);
            factors.add(one);
        }
        return new TuckerTensor(core, factors);
    }

    /**
     * \(\mathcal A\mathcal X\) as a sum of \(m + 1\) Tucker tensors sharing the core of \(\mathcal
     * X\) (see the class comment).
     *
     * @param x \(\mathcal X\), mode sizes \((N_h, n_1, \dots, n_m)\); not modified (its core and
     *     untouched factors are shared by the result)
     * @return the unrounded sum; summand 0 is the background term, summand \(\mu + 1\) the term of
     *     cookie \(\mu\); all scalars 1
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if the mode sizes differ
     */
    @Override
    public TuckerSum apply(TuckerTensor x) {
        checkShape(x);
        DenseMatrix u1 = x.factor(0);
        List<TuckerTensor> terms = new ArrayList<>(samples.length + 1);
        terms.add(x.withFactor(0, Blas.multiply(problem.a0(), u1)));
        for (int mu = 0; mu < samples.length; mu++) {
            TuckerTensor t = x.withFactor(0, Blas.multiply(problem.cookieMatrix(mu), u1));
            terms.add(t.withFactor(mu + 1, scaleRows(samples[mu], x.factor(mu + 1))));
        }
        return TuckerSum.of(terms);
    }

    /**
     * The mean-based preconditioner \(\mathcal P^{-1} = (A_0 + \sum_\mu A_\mu)^{-1} \otimes I
     * \otimes \cdots \otimes I\), applied to the spatial factor by one banded Cholesky solve with
     * \(r_1\) right-hand sides (\(4N_hw\,r_1\) flops); the factorization is computed here, once.
     *
     * @return the preconditioner
     */
    public TuckerPreconditioner meanPreconditioner() {
        BandedCholesky p = problem.meanPreconditioner();
        return TuckerPreconditioner.onMode(0, p::solve);
    }

    /**
     * The spatial fibre \(\mathcal X(:, i_1, \dots, i_m) = U_1\,(\mathcal G \times_2 u_2^{\mathsf T}
     * \cdots \times_d u_d^{\mathsf T})\) of a Tucker tensor, \(u_k^{\mathsf T}\) the row \(i\) of
     * \(U_k\): the approximate FE solution at one parameter point. Cost \(\prod_k r_k\) plus
     * \(N_hr_1\).
     *
     * @param x     \(\mathcal X\), mode sizes \((N_h, n_1, \dots, n_m)\); not modified
     * @param index one sample index per cookie
     * @return the nodal values, a new \(N_h \times 1\) vector
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the mode sizes differ or {@code index.length != m}
     * @throws IndexOutOfBoundsException  if an index is out of range
     */
    public DenseMatrix fibre(TuckerTensor x, int... index) {
        checkShape(x);
        checkIndex(index);
        List<DenseMatrix> rows = new ArrayList<>(modeSizes.length);
        rows.add(null);
        for (int mu = 0; mu < index.length; mu++) {
            DenseMatrix u = x.factor(mu + 1);
            rows.add(u.view(index[mu], 0, 1, u.cols()));
        }
        DenseTensor g = ModeProducts.multiplyAll(x.core(), Transpose.NO_TRANSPOSE, rows);
        DenseMatrix coefficients = DenseMatrix.wrap(g.size(0), 1, g.data());
        return Blas.multiply(x.factor(0), coefficients);
    }

    private void checkShape(TuckerTensor x) {
        Objects.requireNonNull(x, "x");
        if (!Arrays.equals(x.modeSizes(), modeSizes)) {
            throw new DimensionMismatchException("the tensor has mode sizes " + Arrays.toString(x.modeSizes())
                    + ", the cookie operator acts on " + Arrays.toString(modeSizes));
        }
    }

    private void checkIndex(int[] index) {
        Objects.requireNonNull(index, "index");
        if (index.length != samples.length) {
            throw new DimensionMismatchException(
                    "index has " + index.length + " entries, need one per cookie (" + samples.length + ")");
        }
        for (int mu = 0; mu < index.length; mu++) {
            Objects.checkIndex(index[mu], samples[mu].length);
        }
    }

    /** diag(s) * u in a new matrix. */
    private static DenseMatrix scaleRows(double[] s, DenseMatrix u) {
        DenseMatrix out = DenseMatrix.zeros(u.rows(), u.cols());
        for (int j = 0; j < u.cols(); j++) {
            for (int i = 0; i < u.rows(); i++) {
                out.set(i, j, s[i] * u.get(i, j));
            }
        }
        return out;
    }
}
