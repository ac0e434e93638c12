package dev.nla.sketch.solve;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Sketch-and-solve least squares: \(\hat x = \operatorname{arg\,min}_x \|S(Ax - b)\|_2\) for a
 * random \(S \in \mathbb{R}^{d \times m}\), \(n \le d \ll m\), in place of \(\min_x\|Ax - b\|_2\).
 *
 * <p><b>Algorithm.</b> Draw \(S\) from {@link SketchAndSolveOptions#sketch()} with \(d =
 * \min(m, \lceil\gamma n\rceil)\) rows, form \(SA\) (\(d \times n\)) and \(Sb\), factor \(SA = QR\)
 * and return \(\hat x = R^{-1}(Q^{\mathsf T}Sb)_{1:n}\) (or the truncated-SVD solution, {@link
 * Factorization#SVD}) [Martinsson and Tropp 2020; Woodruff 2014].
 *
 * <p><b>Guarantee.</b> If \(S\) embeds the column space of \([A\ b]\) with distortion
 * \(\varepsilon\), \((1 - \varepsilon)\|y\| \le \|Sy\| \le (1 + \varepsilon)\|y\|\), then
 * \[ \|b - A\hat x\| \le \frac{1 + \varepsilon}{1 - \varepsilon}\,\min_x\|b - Ax\|. \]
 * For a Gaussian \(S\), exactly \(\mathbb{E}\|b - A\hat x\|^2 = \bigl(1 + \tfrac{n}{d - n - 1}\bigr)
 * \min_x\|b - Ax\|^2\): \(A(\hat x - x_\star) = Q_AG_1^+g\,\|r_\star\|\) with independent
 * Gaussian \(G_1 = SQ_A\) and \(g = Sr_\star/\|r_\star\|\), and \(\mathbb{E}\,(G_1^{\mathsf
 * T}G_1)^{-1} = I/(d - n - 1)\) (the inverse-Wishart mean); sparse sign sketches behave alike. The
 * residual is near-optimal but the solution itself is only as accurate as that residual allows:
 * \(\|A(\hat x - x_\star)\| \approx \sqrt{n/(d - n)}\,\|b - Ax_\star\|\). For full accuracy use
 * {@link SketchAndPrecondition}, which starts from \(\hat x\).
 *
 * <p><b>Cost.</b> The sketch (sparse sign: \(2\zeta mn\) flops; for a matrix-free operator, \(A^{\mathsf
 * T}\) applied to \(d\) vectors), the QR of \(SA\), \(2dn^2 - \tfrac23 n^3\) flops, and one product
 * with \(A\) for the reported residual.
 */
public final class SketchAndSolve {
    private final SketchAndSolveOptions options;

    /**
     * A solver with the given options.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public SketchAndSolve(SketchAndSolveOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * A solver with {@link SketchAndSolveOptions#defaults()}.
     *
     * @return the solver
     */
    public static SketchAndSolve withDefaults() {
        return new SketchAndSolve(SketchAndSolveOptions.defaults());
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SketchAndSolveOptions options() {
        return options;
    }

    /**
     * Solves the sketched problem for an explicit matrix.
     *
     * @param a     \(A\), \(m \times n\) with \(m \ge n \ge 1\), dense or sparse; not modified; must
     *     be finite
     * @param b     \(b\), \(m \times 1\); not modified; must be finite
     * @param state the random state of the sketch; not modified
     * @return the solution, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if \(m \lt n\), \(n = 0\) or {@code b} is
     *     not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code a} or {@code b} holds NaN or an
     *     infinity
     * @throws dev.nla.core.error.SingularMatrixException with {@link Factorization#QR}, if \(SA\) is
     *     singular to working precision (\(A\) rank deficient: use {@link Factorization#SVD})
     */
    public Sampled<SketchAndSolveResult> solve(Matrix a, DenseMatrix b, RngState state) {
        Objects.requireNonNull(a, "a");
        return solve(LinearOperator.of(a), b, state);
    }

    /**
     * Solves the sketched problem for an operator; when it has no explicit matrix the sketch
     * \(SA\) is formed with \(A^{\mathsf T}\) applied to the \(d\) columns of \(S^{\mathsf T}\).
     *
     * @param a     \(A\), \(m \times n\) with \(m \ge n \ge 1\); not modified; an explicit matrix
     *     behind it must be finite (matrix-free operators cannot be checked)
     * @param b     \(b\), \(m \times 1\); not modified; must be finite
     * @param state the random state of the sketch; not modified
     * @return the solution, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if \(m \lt n\), \(n = 0\) or {@code b} is
     *     not \(m \times 1\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code b} or an explicit matrix holds NaN
     *     or an infinity
     * @throws dev.nla.core.error.SingularMatrixException with {@link Factorization#QR}, if \(SA\) is
     *     singular to working precision
     */
    public Sampled<SketchAndSolveResult> solve(LinearOperator a, DenseMatrix b, RngState state) {
        SketchedSystem.validate("sketch-and-solve", a, b);
        Objects.requireNonNull(state, "state");
        SketchedSystem system = SketchedSystem.build(
                a,
                b,
                options.sketch(),
                options.sketchFactor(),
                options.factorization(),
                options.rankTolerance(),
                state);
        DenseMatrix x = system.solution(system.coefficients);
        double residual = SketchedSystem.residualNorm(a, b, x);
        return new Sampled<>(
                new SketchAndSolveResult(x, system.sketchRows, system.rank, residual, system.sketchedResidualNorm),
                system.next);
    }
}
