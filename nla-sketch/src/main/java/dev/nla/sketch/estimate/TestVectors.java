package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;

/**
 * The law of the random test vectors \(\omega \in \mathbb{R}^n\) of the estimators. Every law is
 * isotropic, \(\mathbb{E}[\omega\omega^{\mathsf T}] = I\), so \(\mathbb{E}[\omega^{\mathsf
 * T}A\omega] = \operatorname{tr}(A)\).
 *
 * <p>Column \(j\) of a block of test vectors drawn from a state is column \(j\) of the {@link
 * RandomMatrices} matrix of that state, so consecutive blocks ({@link Sampled#next()}) continue the
 * same stream and an adaptive estimator's first vectors are those of a fixed-budget run.
 */
public enum TestVectors {
    /**
     * Independent random signs \(\pm 1\). The variance of \(\omega^{\mathsf T}A\omega\) is
     * \(2(\|A\|_F^2 - \sum_i a_{ii}^2)\) for symmetric \(A\), the smallest among vectors with
     * independent entries [Hutchinson 1990]; the default of Hutchinson, Hutch++ and the diagonal
     * estimators.
     */
    RADEMACHER,
    /**
     * Independent standard Gaussian entries: variance \(2\|A\|_F^2\), worse than signs; kept for
     * comparisons and for analyses that assume Gaussians. Not recommended for XTrace.
     */
    GAUSSIAN,
    /**
     * Uniform on the sphere of radius \(\sqrt n\) (a Gaussian vector divided by its norm, times
     * \(\sqrt n\)): rotation invariant, worst-case optimal for Girard–Hutchinson [Epperly, Tropp and
     * Webber 2024].
     */
    SPHERE,
    /**
     * {@link #SPHERE} vectors with the exchangeable estimators' "improved" normalization [Epperly,
     * Tropp and Webber 2024, §2.3]: the residual term of the leave-one-out estimate is rescaled by
     * \((n - m + 1)/\|(I - P_{(i)})\omega_i\|^2\), which is exact in expectation because the
     * projected vector is uniform on the sphere of the complement. The default of {@link XTrace}
     * and {@link XNysTrace}; rejected by the other estimators.
     */
    IMPROVED;

    /**
     * Draws \(k\) test vectors of length \(n\).
     *
     * @param n     length \(n \ge 1\)
     * @param k     number \(k \ge 0\)
     * @param state the stream; not modified
     * @return the \(n \times k\) block and {@code state.advanceColumns(k)}
     */
    Sampled<DenseMatrix> draw(int n, int k, RngState state) {
        ScalarDistribution law = this == RADEMACHER ? ScalarDistribution.RADEMACHER : ScalarDistribution.GAUSSIAN;
        Sampled<DenseMatrix> draw = RandomMatrices.generate(n, k, law, state);
        if (this == SPHERE || this == IMPROVED) {
            DenseMatrix omega = draw.value();
            double radius = Math.sqrt(n);
            for (int j = 0; j < k; j++) {
                DenseMatrix col = omega.column(j);
                Blas.scal(radius / Blas.nrm2(col), col);
            }
        }
        return draw;
    }

    /** Whether this law is meant for the exchangeable estimators only. */
    boolean exchangeableOnly() {
        return this == IMPROVED;
    }
}
