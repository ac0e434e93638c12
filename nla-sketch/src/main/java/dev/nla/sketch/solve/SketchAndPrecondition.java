package dev.nla.sketch.solve;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Sketch-and-precondition least squares (Blendenpik, LSRN): \(\min_x \|Ax - b\|_2\) for tall
 * \(A \in \mathbb{R}^{m \times n}\), to the accuracy of a dense QR solve, by LSQR on a
 * randomly preconditioned operator.
 *
 * <p><b>Algorithm</b> [Rokhlin and Tygert 2008; Avron, Maymounkov and Toledo 2010; Meng, Saunders
 * and Mahoney 2014; Martinsson and Tropp 2020]:
 *
 * <ol>
 *   <li>draw a sketch \(S\) (\(d \times m\), \(d = \min(m, \lceil\gamma n\rceil)\), default sparse
 *       sign with \(\zeta = 8\), \(\gamma = 4\)) and form \(SA\), \(Sb\);
 *   <li>factor \(SA = QR\) and set \(N = R^{-1}\) (or, {@link Factorization#SVD}, \(SA =
 *       U\Sigma V^{\mathsf T}\) and \(N = V_r\Sigma_r^{-1}\));
 *   <li>run {@link Lsqr} on \(\min_y \|ANy - b\|\), from \(y_0 = Q^{\mathsf T}Sb\) (\(U_r^{\mathsf
 *       T}Sb\)), i.e. from the sketch-and-solve solution \(x_0 = Ny_0\) (warm start, the
 *       default), or from zero;
 *   <li>return \(x = Ny\).
 * </ol>
 *
 * <p><b>Why it converges fast.</b> If \(S\) embeds the column space of \(A\) with distortion
 * \(\varepsilon\), the singular values of \(AN\) lie in \([1/(1 + \varepsilon), 1/(1 -
 * \varepsilon)]\), so \(\operatorname{cond}(AN) \le (1 + \varepsilon)/(1 - \varepsilon)\)
 * whatever \(\operatorname{cond}(A)\), and each LSQR iteration reduces the error
 * \(\|A(x_k - x_\star)\|\) by a factor \((\kappa' - 1)/(\kappa' + 1) \le \varepsilon\), \(\kappa' =
 * \operatorname{cond}(AN)\), or better. The iteration count depends on the tolerance and on
 * \(\gamma\) only: about 37 iterations to LSQR's \(10^{-14}\) tests for \(\gamma = 4\) (measured, for
 * condition numbers from \(10^2\) to \(10^{10}\)).
 *
 * <p><b>Why the warm start.</b> Started from zero, the method is not forward stable: rounding
 * errors in applying \(N\) are amplified by \(\operatorname{cond}(A)\) and scale with the initial
 * residual \(\|b\|\), so for ill-conditioned problems with small residuals the error in \(x\) can
 * exceed a QR solve's by orders of magnitude. From the sketch-and-solve solution the initial
 * residual is within a factor \((1 + \varepsilon)/(1 - \varepsilon)\) of the optimum, and the
 * solutions are much more accurate, though not always backward stable [Meier, Nakatsukasa, Townsend
 * and Webb 2023] (the start Rokhlin and Tygert proposed; RandLAPACK and Epperly's code make it the
 * default). On problems that are both ill-conditioned and far from consistent, the forward error can
 * still reach the \(\kappa^2u\|r\|/(\|A\|\|x\|)\) term of the perturbation bound, where Householder
 * QR often does better; see {@code docs/least-squares.md}.
 *
 * <p><b>Cost</b> (\(A\) dense): the sketch \(2\zeta mn\) flops, the QR \(2dn^2\), each iteration
 * \(4mn + 2n^2\) (one product with \(A\), one with \(A^{\mathsf T}\), two triangular solves), and a
 * final product for the reported residual; memory \(dn\) for \(SA\) and a few vectors. Against a
 * dense Householder QR (\(2mn^2\)) this wins once \(n\) exceeds about \(2(k + \zeta)\) for \(k\)
 * iterations. A matrix-free \(A\) works too: the sketch then costs \(A^{\mathsf T}\) on \(d\)
 * vectors.
 *
 * <p>Bitwise reproducible: the same state gives the same result for every thread count.
 */
public final class SketchAndPrecondition {
    private final SketchAndPreconditionOptions options;

    /**
     * A solver with the given options.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public SketchAndPrecondition(SketchAndPreconditionOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A solver with {@link SketchAndPreconditionOptions#defaults()}.
     *
     * @return the solver
     */
    public static SketchAndPrecondition withDefaults() {
        return new SketchAndPrecondition(SketchAndPreconditionOptions.defaults());
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SketchAndPreconditionOptions options() {
        return options;
    }

    /**
     * Solves \(\min_x\|Ax - b\|\) for an explicit matrix.
     *
     * @param a     \(A\), \(m \times n\) with \(m \ge n \ge 1\), dense or sparse; not modified; must
     *     be finite
     * @param b     \(b\), \(m \times 1\); not modified; must be finite
     * @param state the random state of the sketch; not modified
     * @return the solution with its convergence record, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if \(m \lt n\), \(n = 0\) or {@code b} is
     *     not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code a} or {@code b} holds NaN or an
     *     infinity
     * @throws dev.nla.core.error.SingularMatrixException with the QR preconditioner, if \(SA\) is
     *     singular to working precision (\(A\) rank deficient: use {@link Factorization#SVD})
     */
    public Sampled<SketchAndPreconditionResult> solve(Matrix a, DenseMatrix b, RngState state) {
        Objects.requireNonNull(a, "a");
        return solve(LinearOperator.of(a), b, state, null);
    }

    /**
     * Solves \(\min_x\|Ax - b\|\) for an operator.
     *
     * @param a     \(A\), \(m \times n\) with \(m \ge n \ge 1\); not modified; an explicit matrix
     *     behind it must be finite (matrix-free operators cannot be checked)
     * @param b     \(b\), \(m \times 1\); not modified; must be finite
     * @param state the random state of the sketch; not modified
     * @return the solution with its convergence record, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if \(m \lt n\), \(n = 0\) or {@code b} is
     *     not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b} or an explicit matrix holds NaN
     *     or an infinity
     * @throws dev.nla.core.error.SingularMatrixException with the QR preconditioner, if \(SA\) is
     *     singular to working precision
     */
    public Sampled<SketchAndPreconditionResult> solve(LinearOperator a, DenseMatrix b, RngState state) {
        return solve(a, b, state, null);
    }

    /**
     * Solves \(\min_x\|Ax - b\|\), reporting every iterate \(x_k = Ny_k\) to a monitor (each report
     * costs one application of \(N\); without a monitor nothing extra is computed).
     *
     * @param a       \(A\), \(m \times n\) with \(m \ge n \ge 1\); not modified
     * @param b       \(b\), \(m \times 1\); not modified; must be finite
     * @param state   the random state of the sketch; not modified
     * @param monitor receives \(x_0, x_1, \dots\) with LSQR's residual estimates (the second one for
     *     the preconditioned operator), or null
     * @return the solution with its convergence record, and the state to use next
     * @throws NullPointerException       if {@code a}, {@code b} or {@code state} is null
     * @throws dev.nla.core.error.DimensionMismatchException if \(m \lt n\), \(n = 0\) or {@code b} is
     *     not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b} or an explicit matrix holds NaN
     *     or an infinity
     * @throws dev.nla.core.error.SingularMatrixException with the QR preconditioner, if \(SA\) is
     *     singular to working precision
     */
    public Sampled<SketchAndPreconditionResult> solve(
            LinearOperator a, DenseMatrix b, RngState state, LsqrMonitor monitor) {
        SketchedSystem.validate("sketch-and-precondition", a, b);
        Objects.requireNonNull(state, "state");
        SketchedSystem system = SketchedSystem.build(
                a,
                b,
                options.sketch(),
                options.sketchFactor(),
                options.preconditioner(),
                options.rankTolerance(),
                state);
        LinearOperator preconditioned = a.times(system.preconditioner);
        LsqrMonitor inner = null;
        if (monitor != null) {
            DenseMatrix x = DenseMatrix.zeros(a.cols(), 1);
            inner = (k, y, rnorm, arnorm) -> {
                system.preconditioner.apply(Transpose.NO_TRANSPOSE, y, x);
                monitor.iteration(k, x, rnorm, arnorm);
            };
        }
        DenseMatrix y0 = options.warmStart() ? system.coefficients : null;
        LsqrResult lsqr = new Lsqr(options.lsqr()).iterate(preconditioned, b, y0, inner);
        DenseMatrix x = system.solution(lsqr.solution());
        double residual = SketchedSystem.residualNorm(a, b, x);
        return new Sampled<>(
                new SketchAndPreconditionResult(
                        x,
                        lsqr.stopReason(),
                        lsqr.iterations(),
                        lsqr.matvecs(),
                        residual,
                        lsqr.residualHistory(),
                        lsqr.normalResidualHistory(),
                        system.sketchRows,
                        system.rank,
                        options.warmStart()),
                system.next);
    }
}
