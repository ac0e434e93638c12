package dev.nla.sketch.estimate;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Hutch++ [Meyer, Musco, Musco and Woodruff 2021]: Girard–Hutchinson on what a low-rank
 * approximation leaves over,
 * \[ \hat t = \operatorname{tr}(Q^{\mathsf T}AQ) + \frac1g\sum_{i=1}^g \tilde\omega_i^{\mathsf
 * T}A\tilde\omega_i, \qquad Q = \operatorname{orth}(AS), \quad \tilde\omega_i = (I -
 * QQ^{\mathsf T})\omega_i, \]
 * with \(S \in \mathbb{R}^{n \times k}\) and the \(\omega_i\) independent test vectors. Since
 * \(\operatorname{tr}(A) = \operatorname{tr}(Q^{\mathsf T}AQ) + \operatorname{tr}((I -
 * QQ^{\mathsf T})A(I - QQ^{\mathsf T}))\), the estimator is unbiased, and its variance is that of
 * Hutchinson on the deflated matrix, whose Frobenius norm is at most that of \(A\) minus its
 * best rank-\(k\) part.
 *
 * <p><b>Budget.</b> Of \(m\) products, \(k = \lfloor m/3\rfloor\) build the sketch \(AS\), \(k\)
 * form \(AQ\) and \(g = m - 2k\) go to Hutchinson on the deflated matrix (the split of the
 * reference code {@code hutch_plusplus.m}). For PSD \(A\), \(O(1/\varepsilon)\) products give
 * relative error \(\varepsilon\) with high probability, against \(O(1/\varepsilon^2)\) for
 * Hutchinson; the gain is largest when the spectrum decays (low rank plus noise).
 *
 * <p><b>Error estimate.</b> The standard error of the \(g\) deflated samples: it measures the
 * randomness of the Hutchinson part given \(Q\) only.
 *
 * <p><b>Cost.</b> \(m\) products with \(A\), a Householder QR of the \(n \times k\) sketch and
 * \(O(nk(k + g))\) flops. Works for any square \(A\) (symmetric or not).
 */
public final class HutchPlusPlus implements TraceEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors (used for both \(S\) and the \(\omega_i\)).
     *
     * @param vectors the law of the test vectors; not {@link TestVectors#IMPROVED}
     * @throws NullPointerException     if {@code vectors} is null
     * @throws IllegalArgumentException if {@code vectors} is {@link TestVectors#IMPROVED}
     */
    public HutchPlusPlus(TestVectors vectors) {
        Estimators.plainVectors("hutch++", vectors);
        this.vectors = vectors;
    }

    /**
     * The estimator with random signs, as in the paper.
     *
     * @return the estimator
     */
    public static HutchPlusPlus withDefaults() {
        return new HutchPlusPlus(TestVectors.RADEMACHER);
    }

    /**
     * The test vectors.
     *
     * @return the law
     */
    public TestVectors vectors() {
        return vectors;
    }

    @Override
    public String name() {
        return "hutch++";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses exactly {@code matvecs} products, \(m \ge 3\), with \(k = \lfloor m/3\rfloor \le
     * n\). \(S\) is drawn from {@code state} and the \(\omega_i\) from the state after it.
     */
    @Override
    public Sampled<TraceEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("hutch++", a);
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        Estimators.budget("hutch++", matvecs, 3, 3L * n + 2, n, "k = floor(m/3) sketch vectors, at most n");
        int k = matvecs / 3;
        int g = matvecs - 2 * k;
        Sampled<DenseMatrix> s = vectors.draw(n, k, state);
        DenseMatrix q = Decompositions.qr()
                .decompose(Estimators.apply(a, s.value()), QrMode.THIN)
                .q();
        DenseMatrix aq = Estimators.apply(a, q);
        double head = 0;
        for (double v : Estimators.columnDots(q, aq)) {
            head += v;
        }
        Sampled<DenseMatrix> omega = vectors.draw(n, g, s.next());
        DenseMatrix w = omega.value();
        // w <- (I - Q Q^T) w, twice for orthogonality to working precision.
        for (int pass = 0; pass < 2; pass++) {
            DenseMatrix c = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, w);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, q, c, 1.0, w);
        }
        double[] tail = Estimators.columnDots(w, Estimators.apply(a, w));
        double[] samples = new double[g];
        for (int i = 0; i < g; i++) {
            samples[i] = head + tail[i];
        }
        return new Sampled<>(TraceEstimate.of(samples, matvecs), omega.next());
    }
}
