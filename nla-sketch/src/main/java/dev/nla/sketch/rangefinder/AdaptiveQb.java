package dev.nla.sketch.rangefinder;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Blocked randomized QB factorization to a tolerance (Yu, Gu and Li's randQB_EI [Yu, Gu and Li 2018,
 * Alg. 2]): grows \(Q = [Q_1, Q_2, \dots]\) and \(B = [B_1; B_2; \dots]\) by blocks of \(b\) columns
 * until \(\|A - QB\|_F \le \varepsilon\|A\|_F\).
 *
 * <p><b>Algorithm.</b> One sketch \(S\) of \(\ell_{\max}\) rows is drawn; block \(i\) uses its rows
 * as \(\Omega_i^{\mathsf T}\) (so the test vectors do not depend on the block size). For each block:
 * \[ Y_i = A\Omega_i - Q(B\Omega_i) = (I - QQ^{\mathsf T})A\Omega_i, \]
 * then \(q\) power iterations \(Y_i \leftarrow (I - QQ^{\mathsf T})A\,\operatorname{orth}(A^{\mathsf
 * T}(I - QQ^{\mathsf T})\operatorname{orth}(Y_i))\) (applied through \(B\), without forming the
 * projector), reorthogonalization against \(Q\) (two rounds of block Gram–Schmidt), \(Q_i =
 * \operatorname{orth}(Y_i)\) and \(B_i = Q_i^{\mathsf T}A\). The error indicator (see below) is
 * updated; once it meets the tolerance, the last block is cut to the fewest leading columns that
 * still meet it, which gives the rank \(r\).
 *
 * <p><b>Error indicator.</b> Explicit matrices: \(E^2 = \|A\|_F^2 - \|B\|_F^2\) [Yu, Gu and Li 2018],
 * free, exact for orthonormal \(Q\) up to a subtraction; when it falls below \(2^{-20}\|A\|_F\) and
 * the tolerance asks for less, the residual \(\|A - QB\|_F\) is recomputed exactly (one extra pass)
 * so that rounding cannot fake convergence. Matrix-free operators: \(s\) Gaussian probes
 * \(\|(I - QQ^{\mathsf T})AG\|_F/\sqrt s\) [HMT 2011, §4.3] and a probe estimate of \(\|A\|_F\) (one
 * extra pass); a random estimate, so the tolerance holds in expectation.
 *
 * <p><b>Cost.</b> \(2 + 2q\) passes over \(A\) per block of \(b\) columns, plus \(O((m + n)r^2)\) for
 * the projections. With \(q = 0\) the rank found exceeds the optimal rank for the tolerance by a
 * modest amount on fast decay; power iterations bring it closer [Yu, Gu and Li 2018, §5].
 */
public final class AdaptiveQb implements RangeFinder {
    private final AdaptiveQbOptions options;

    /**
     * A finder with the given options.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public AdaptiveQb(AdaptiveQbOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public AdaptiveQbOptions options() {
        return options;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Here {@code size} is the largest rank \(\ell_{\max}\) (capped at \(\min(m, n)\)). If the
     * tolerance is not met at \(\ell_{\max}\) columns the result has {@link QbResult#converged()}
     * {@code false}. The result always carries the indicator's {@link QbResult#errorEstimate()}. The
     * sketch is drawn from {@code state}, the probes (matrix-free input) from {@code state.split(1)};
     * the returned state is the sketch's next state.
     */
    @Override
    public Sampled<QbResult> find(LinearOperator a, int size, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int cap = SubspaceIteration.checkedSize(ca, size);
        int m = ca.rows();
        int n = ca.cols();
        ErrorIndicator indicator = ErrorIndicator.create(ca, options.probes(), state.split(1));
        double threshold = options.effectiveTolerance() * indicator.normA();
        Sampled<SketchingOperator> draw = options.testMatrix().of(cap, n).sample(state);
        SketchingOperator sketch = draw.value();
        DenseMatrix qAll = DenseMatrix.zeros(m, cap);
        DenseMatrix bAll = DenseMatrix.zeros(cap, n);
        int rank = 0;
        int passes = 0;
        long matvecs = 0;
        boolean converged = indicator.error() <= threshold;
        while (!converged && rank < cap) {
            int size2 = Math.min(options.blockSize(), cap - rank);
            DenseMatrix q = qAll.columns(0, rank);
            DenseMatrix b = bAll.rowBlock(0, rank);
            SketchingOperator omega = sketch.block(rank, 0, size2, n);
            DenseMatrix y = Dense.sketchRight(omega, ca);
            passes++;
            if (rank > 0) {
                Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, omega.applyRight(b), 1.0, y);
            }
            for (int i = 0; i < options.powerIterations(); i++) {
                y = Dense.orthonormal(y);
                DenseMatrix z = Dense.apply(ca, Transpose.TRANSPOSE, y);
                if (rank > 0) {
                    DenseMatrix qty = Dense.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, y);
                    Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, b, qty, 1.0, z);
                }
                z = Dense.orthonormal(z);
                y = Dense.apply(ca, Transpose.NO_TRANSPOSE, z);
                if (rank > 0) {
                    DenseMatrix bz = Dense.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, b, z);
                    Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, bz, 1.0, y);
                }
                passes += 2;
            }
            DenseMatrix qi = Dense.orthonormalizeAgainst(q, y);
            DenseMatrix bi = Dense.apply(ca, Transpose.TRANSPOSE, qi).transpose();
            passes++;
            matvecs += (long) size2 * (2 + 2L * options.powerIterations());
            qAll.columns(rank, size2).copyFrom(qi);
            bAll.rowBlock(rank, size2).copyFrom(bi);
            int keep = indicator.add(qAll.columns(0, rank + size2), bAll.rowBlock(0, rank + size2), qi, bi, threshold);
            rank += keep;
            converged = indicator.error() <= threshold;
        }
        QbResult result = new QbResult(
                qAll.columns(0, rank).copy(),
                bAll.rowBlock(0, rank).copy(),
                OptionalDouble.of(indicator.error()),
                converged,
                passes + indicator.passes(),
                matvecs + indicator.matvecs());
        return new Sampled<>(result, draw.next());
    }

    /**
     * Finds the range of an operator to the tolerance with no rank limit other than \(\min(m, n)\).
     *
     * @param a     \(A\), \(m \times n\); not modified; an explicit matrix must be finite
     * @param state the random stream; not modified
     * @return the QB factorization and the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(A\) is empty
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    public Sampled<QbResult> find(LinearOperator a, RngState state) {
        Objects.requireNonNull(a, "a");
        return find(a, Math.max(1, Math.min(a.rows(), a.cols())), state);
    }

    @Override
    public String toString() {
        return "AdaptiveQb" + options;
    }
}
