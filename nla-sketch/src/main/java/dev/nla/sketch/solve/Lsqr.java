package dev.nla.sketch.solve;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import java.util.Arrays;
import java.util.Objects;

/**
 * LSQR [Paige and Saunders 1982]: the least-squares problem \(\min_x \|Ax - b\|_2\) for any
 * \(A \in \mathbb{R}^{m \times n}\) given as a {@link LinearOperator}, by Golub–Kahan
 * bidiagonalization.
 *
 * <p>From \(\beta_1u_1 = b - Ax_0\), \(\alpha_1v_1 = A^{\mathsf T}u_1\), the recurrences
 * \[ \beta_{k+1}u_{k+1} = Av_k - \alpha_ku_k, \qquad \alpha_{k+1}v_{k+1} = A^{\mathsf T}u_{k+1} -
 * \beta_{k+1}v_k \]
 * build orthonormal \(U_k\), \(V_k\) and a lower bidiagonal \(B_k\) with \(AV_k = U_{k+1}B_k\); the
 * iterate \(x_k = x_0 + V_ky_k\) minimizes \(\|b - Ax\|\) over \(x_0 + \mathcal{K}_k(A^{\mathsf
 * T}A, A^{\mathsf T}r_0)\), with \(y_k\) from a QR factorization of \(B_k\) updated by one plane
 * rotation per step. In exact arithmetic this is conjugate gradients on the normal equations, with
 * better numerical properties; the error in \(\|A(x_k - x_\star)\|\) decreases at least like
 * \(2\bigl((\kappa - 1)/(\kappa + 1)\bigr)^k\), \(\kappa = \operatorname{cond}(A)\).
 *
 * <p><b>Stopping</b>: the tests of {@link LsqrOptions} on the estimates \(\|r_k\| =
 * \bar\phi_{k+1}\) and \(\|A^{\mathsf T}r_k\| = \alpha_{k+1}|c_k|\bar\phi_{k+1}\), which cost
 * nothing. Non-convergence is reported in the result ({@link LsqrResult#converged()}), not thrown.
 *
 * <p><b>Starting point</b>: with \(x_0 \ne 0\) LSQR solves for the correction, \(\min_d \|A d -
 * r_0\|\) with \(r_0 = b - Ax_0\) (one extra product with \(A\)); the tests keep using \(\|b\|\)
 * and the full iterate \(x_k\). A good \(x_0\) matters for accuracy, not only for speed: the
 * rounding errors made in the iteration are proportional to \(\|r_0\|\) [Meier, Nakatsukasa,
 * Townsend and Webb 2023].
 *
 * <p><b>Cost</b> per iteration: one product with \(A\) and one with \(A^{\mathsf T}\) on a single
 * vector, plus about \(3m + 6n\) flops; storage \(u\), \(v\), \(w\), \(x\) and one \(m\)-vector.
 * Computations on vectors are sequential or go through {@link Blas} and the operator, so the
 * result is bitwise reproducible for every thread count when the operator's products are.
 */
public final class Lsqr {
    /** Machine epsilon \(2^{-52}\), Paige and Saunders' "machine precision" for tests 4–6. */
    private static final double EPS = 0x1.0p-52;

    private final LsqrOptions options;

    /**
     * An LSQR solver with the given stopping rules.
     *
     * @param options the stopping rules
     * @throws NullPointerException if {@code options} is null
     */
    public Lsqr(LsqrOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * An LSQR solver with {@link LsqrOptions#defaults()}.
     *
     * @return the solver
     */
    public static Lsqr withDefaults() {
        return new Lsqr(LsqrOptions.defaults());
    }

    /**
     * The stopping rules.
     *
     * @return the options
     */
    public LsqrOptions options() {
        return options;
    }

    /**
     * Solves \(\min_x \|Ax - b\|\) from \(x_0 = 0\).
     *
     * @param a the \(m \times n\) operator; not modified
     * @param b \(b\), \(m \times 1\); not modified; must be finite
     * @return the solution and the convergence record
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code b} is not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b} (or the matrix behind an
     *     explicit operator) holds NaN or an infinity
     */
    public LsqrResult solve(LinearOperator a, DenseMatrix b) {
        return solve(a, b, null, null);
    }

    /**
     * Solves \(\min_x \|Ax - b\|\) from a starting point.
     *
     * @param a  the \(m \times n\) operator; not modified
     * @param b  \(b\), \(m \times 1\); not modified; must be finite
     * @param x0 the starting point \(x_0\), \(n \times 1\), or null for zero; not modified; must be
     *     finite
     * @return the solution and the convergence record
     * @throws NullPointerException       if {@code a} or {@code b} is null
     * @throws DimensionMismatchException if {@code b} is not \(m \times 1\) or {@code x0} is not
     *     \(n \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b}, {@code x0} or the matrix
     *     behind an explicit operator holds NaN or an infinity
     */
    public LsqrResult solve(LinearOperator a, DenseMatrix b, DenseMatrix x0) {
        return solve(a, b, x0, null);
    }

    /**
     * Solves \(\min_x \|Ax - b\|\) from a starting point, reporting every iterate to a monitor.
     *
     * <p>Inputs are validated once: shapes, finiteness of \(b\) and \(x_0\), and finiteness of the
     * matrix behind an explicit operator ({@link LinearOperator#matrix()}); a matrix-free operator
     * cannot be scanned, and a NaN it produces propagates into the result.
     *
     * @param a       the \(m \times n\) operator; not modified
     * @param b       \(b\), \(m \times 1\); not modified; must be finite
     * @param x0      the starting point, \(n \times 1\), or null for zero; not modified; must be
     *     finite
     * @param monitor receives iterates \(0, 1, \dots\), or null
     * @return the solution and the convergence record
     * @throws NullPointerException       if {@code a} or {@code b} is null
     * @throws DimensionMismatchException if {@code b} is not \(m \times 1\) or {@code x0} is not
     *     \(n \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b}, {@code x0} or the matrix
     *     behind an explicit operator holds NaN or an infinity
     */
    public LsqrResult solve(LinearOperator a, DenseMatrix b, DenseMatrix x0, LsqrMonitor monitor) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int m = a.rows();
        int n = a.cols();
        if (b.rows() != m || b.cols() != 1) {
            throw new DimensionMismatchException(
                    "lsqr: a is " + m + "x" + n + " so b must be " + m + "x1, got " + b.rows() + "x" + b.cols());
        }
        if (x0 != null && (x0.rows() != n || x0.cols() != 1)) {
            throw new DimensionMismatchException(
                    "lsqr: a is " + m + "x" + n + " so x0 must be " + n + "x1, got " + x0.rows() + "x" + x0.cols());
        }
        Require.allFinite("b", b);
        if (x0 != null) {
            Require.allFinite("x0", x0);
        }
        a.matrix().ifPresent(matrix -> Require.allFinite("a", matrix));
        return iterate(a, b, x0, monitor);
    }

    /** The iteration, on validated inputs. */
    LsqrResult iterate(LinearOperator a, DenseMatrix b, DenseMatrix x0, LsqrMonitor monitor) {
        int m = a.rows();
        int n = a.cols();
        int maxIterations = options.maxIterations();
        double atol = options.atol();
        double btol = options.btol();
        double ctol = 1.0 / options.conditionLimit();

        DenseMatrix x = DenseMatrix.zeros(n, 1);
        DenseMatrix u = DenseMatrix.zeros(m, 1);
        u.copyFrom(b);
        long matvecs = 0;
        if (x0 != null && !isZero(x0)) {
            x.copyFrom(x0);
            a.apply(Transpose.NO_TRANSPOSE, -1.0, x, 1.0, u); // u = b - A x0
            matvecs++;
        }
        double bnorm = Blas.nrm2(b);
        double beta = Blas.nrm2(u);
        DenseMatrix v = DenseMatrix.zeros(n, 1);
        double alpha = 0.0;
        if (beta > 0) {
            Blas.scal(1.0 / beta, u);
            a.apply(Transpose.TRANSPOSE, u, v);
            matvecs++;
            alpha = Blas.nrm2(v);
            if (alpha > 0) {
                Blas.scal(1.0 / alpha, v);
            }
        }
        DenseMatrix w = v.copy();
        double rhobar = alpha;
        double phibar = beta;
        double anorm = 0.0;
        double acond = 0.0;
        double ddnorm = 0.0;
        double rnorm = beta;
        double arnorm = alpha * beta;

        double[] rHistory = new double[Math.min(maxIterations, 1 << 16) + 1];
        double[] arHistory = new double[rHistory.length];
        rHistory[0] = rnorm;
        arHistory[0] = arnorm;
        if (monitor != null) {
            monitor.iteration(0, x, rnorm, arnorm);
        }
        if (arnorm == 0.0) {
            return new LsqrResult(
                    x,
                    LsqrStopReason.EXACT_START,
                    0,
                    matvecs,
                    rnorm,
                    arnorm,
                    anorm,
                    acond,
                    new double[] {rnorm},
                    new double[] {arnorm});
        }

        LsqrStopReason reason = LsqrStopReason.ITERATION_LIMIT;
        int itn = 0;
        while (itn < maxIterations) {
            itn++;
            // Golub-Kahan bidiagonalization: beta u = A v - alpha u, alpha v = A^T u - beta v.
            a.apply(Transpose.NO_TRANSPOSE, 1.0, v, -alpha, u);
            matvecs++;
            beta = Blas.nrm2(u);
            if (beta > 0) {
                Blas.scal(1.0 / beta, u);
                anorm = norm3(anorm, alpha, beta);
                a.apply(Transpose.TRANSPOSE, 1.0, u, -beta, v);
                matvecs++;
                alpha = Blas.nrm2(v);
                if (alpha > 0) {
                    Blas.scal(1.0 / alpha, v);
                }
            }
            // Plane rotation eliminating beta from the lower bidiagonal matrix.
            double rho = Math.hypot(rhobar, beta);
            double c = rhobar / rho;
            double s = beta / rho;
            double theta = s * alpha;
            rhobar = -c * alpha;
            double phi = c * phibar;
            phibar = s * phibar;
            double tau = s * phi;
            // Update x and the search direction w.
            double wnorm = Blas.nrm2(w) / rho;
            ddnorm += wnorm * wnorm;
            Blas.axpy(phi / rho, w, x);
            Blas.scal(-theta / rho, w);
            Blas.axpy(1.0, v, w);

            acond = anorm * Math.sqrt(ddnorm);
            rnorm = phibar;
            arnorm = alpha * Math.abs(tau);
            double xnorm = Blas.nrm2(x);
            if (itn >= rHistory.length) {
                rHistory = Arrays.copyOf(rHistory, Math.min(maxIterations + 1, 2 * rHistory.length));
                arHistory = Arrays.copyOf(arHistory, rHistory.length);
            }
            rHistory[itn] = rnorm;
            arHistory[itn] = arnorm;
            if (monitor != null) {
                monitor.iteration(itn, x, rnorm, arnorm);
            }

            // The tests of Paige and Saunders, later ones taking precedence (istop 7 ... 1).
            double axb = bnorm > 0 ? anorm * xnorm / bnorm : Double.POSITIVE_INFINITY;
            double test1 = bnorm > 0 ? rnorm / bnorm : Double.POSITIVE_INFINITY;
            double test2 =
                    anorm * rnorm > 0 ? arnorm / (anorm * rnorm) : (arnorm == 0 ? 0.0 : Double.POSITIVE_INFINITY);
            double test3 = acond > 0 ? 1.0 / acond : Double.POSITIVE_INFINITY;
            double t1 = bnorm > 0 ? test1 / (1.0 + axb) : Double.POSITIVE_INFINITY;
            double rtol = btol + atol * axb;
            LsqrStopReason stop = null;
            if (itn >= maxIterations) {
                stop = LsqrStopReason.ITERATION_LIMIT;
            }
            if (1.0 + test3 <= 1.0) {
                stop = LsqrStopReason.CONDITION_MACHINE_PRECISION;
            }
            if (1.0 + test2 <= 1.0) {
                stop = LsqrStopReason.NORMAL_EQUATIONS_MACHINE_PRECISION;
            }
            if (1.0 + t1 <= 1.0 || rnorm == 0.0) {
                stop = LsqrStopReason.RESIDUAL_MACHINE_PRECISION;
            }
            if (test3 <= ctol) {
                stop = LsqrStopReason.CONDITION_LIMIT;
            }
            if (test2 <= atol) {
                stop = LsqrStopReason.NORMAL_EQUATIONS_TOLERANCE;
            }
            if (test1 <= rtol) {
                stop = LsqrStopReason.RESIDUAL_TOLERANCE;
            }
            if (stop != null) {
                reason = stop;
                break;
            }
        }
        return new LsqrResult(
                x,
                reason,
                itn,
                matvecs,
                rnorm,
                arnorm,
                anorm,
                acond,
                Arrays.copyOf(rHistory, itn + 1),
                Arrays.copyOf(arHistory, itn + 1));
    }

    /** \(\sqrt{a^2 + b^2 + c^2}\) without overflow. */
    private static double norm3(double a, double b, double c) {
        return Math.hypot(Math.hypot(a, b), c);
    }

    private static boolean isZero(DenseMatrix x) {
        for (int i = 0; i < x.rows(); i++) {
            if (x.get(i, 0) != 0.0) {
                return false;
            }
        }
        return true;
    }
}
