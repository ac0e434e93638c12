package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;

/**
 * Generalized Nyström low-rank approximation of a general matrix from two sketches [Clarkson and
 * Woodruff 2009; Nakatsukasa 2020]:
 * \[ A \approx A\Omega\,(\Psi A\Omega)^{\dagger}_{\epsilon}\,\Psi A, \qquad \Omega \in \mathbb{R}^{n
 * \times r},\ \Psi \in \mathbb{R}^{\ell \times m},\ \ell \gt r. \]
 *
 * <p><b>Stabilised pseudo-inverse.</b> With \(\Psi A\Omega = U\Sigma V^{\mathsf T}\) (a small \(\ell
 * \times r\) SVD) and \(t\) the number of \(\sigma_i \gt \epsilon\sigma_1\), the factors are formed
 * as \(W = (A\Omega)V_t\Sigma_t^{-1}\) and \(H = U_t^{\mathsf T}(\Psi A)\), never the pseudo-inverse
 * on its own: Nakatsukasa shows that this order, with the \(\epsilon\)-truncation, is stable in
 * floating point [Nakatsukasa 2020, §3].
 *
 * <p><b>Guarantee.</b> With \(Q = \operatorname{orth}(A\Omega)\), the approximation equals \(PA\)
 * for the oblique projector \(P = A\Omega(\Psi A\Omega)^\dagger\Psi\), and (exact arithmetic,
 * \(\Psi A\Omega\) of full column rank) \(\|A - PA\|_F^2 = \|(I - QQ^{\mathsf T})A\|_F^2 +
 * \|(\Psi Q)^\dagger\Psi(I - QQ^{\mathsf T})A\|_F^2\). For Gaussian \(\Psi\) independent of
 * \(\Omega\) the second term has expectation \(\frac{r}{\ell - r - 1}\) times the first, so with
 * \(r = k + p\)
 * \[ \mathbb{E}\|A - \hat A\|_F^2 \le \Bigl(1 + \frac{r}{\ell - r - 1}\Bigr)\Bigl(1 +
 * \frac{k}{p - 1}\Bigr)\sum_{j \gt k}\sigma_j^2 \]
 * [HMT 2011, Thm 10.5 and Prop. 10.1]; \(\ell = 1.5r\) keeps the first factor near 3.
 *
 * <p><b>Cost.</b> Two sketches, \(A\Omega\) and \(\Psi A\) (two passes, or one pass over a stream
 * of entries since they are independent), plus \(O((m + n)r\ell)\) flops: no orthogonalization of an
 * \(m \times r\) matrix, which makes it the fastest of the low-rank drivers when a pass is cheap.
 */
public final class GeneralizedNystrom {
    private final GeneralizedNystromOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public GeneralizedNystrom(GeneralizedNystromOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public GeneralizedNystromOptions options() {
        return options;
    }

    /**
     * Computes the approximation of a dense or sparse matrix.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param state the random stream (\(\Omega\) from it, \(\Psi\) from the state after); not
     *     modified
     * @return \(W\) and \(H\) of rank \(t \le r\), two passes, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(r \gt \min(m, n)\)
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<LowRankFactors> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the approximation of an operator.
     *
     * @param a     \(A\), an \(m \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return the factors, with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(r \gt \min(m, n)\)
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    public Sampled<LowRankFactors> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int m = ca.rows();
        int n = ca.cols();
        int r = options.rank();
        RandomizedSvd.checkRank(r, m, n);
        int ell = Math.min(options.rowSketchSize(), m);
        Sampled<SketchingOperator> right = options.rightSketch().of(r, n).sample(state);
        Sampled<SketchingOperator> left = options.leftSketch().of(ell, m).sample(right.next());
        DenseMatrix y = right.value().applyRight(ca);
        DenseMatrix x = left.value().applyLeft(ca);
        DenseMatrix core = right.value().applyRight(x);
        SvdResult svd = Decompositions.svd().decompose(core, SvdVectors.THIN);
        double[] s = svd.singularValues();
        int t = 0;
        while (t < s.length && s[t] > options.relativeTruncation() * s[0]) {
            t++;
        }
        DenseMatrix v = svd.vt().rowBlock(0, t).transpose();
        for (int j = 0; j < t; j++) {
            Blas.scal(1.0 / s[j], v.column(j));
        }
        DenseMatrix w = Dense.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, y, v);
        DenseMatrix h = Dense.multiply(
                Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, svd.u().columns(0, t), x);
        return new Sampled<>(new LowRankFactors(w, h, 2, (long) r + ell), left.next());
    }

    @Override
    public String toString() {
        return "GeneralizedNystrom" + options;
    }
}
