package dev.nla.sketch.estimate;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * The Hutchinson-style diagonal estimator of Bekas, Kokiopoulou and Saad [BKS 2007],
 * \[ \hat d = \Bigl(\sum_{i=1}^m \omega_i \odot A\omega_i\Bigr) \oslash \Bigl(\sum_{i=1}^m \omega_i
 * \odot \omega_i\Bigr) \]
 * (\(\odot\), \(\oslash\) entrywise). With random signs the denominator is \(m\), the estimator is
 * unbiased, and the error in entry \(k\) has variance \(\frac1m\sum_{j \ne k}a_{kj}^2\): exact for
 * diagonal matrices, \(O(m^{-1/2})\) in general.
 *
 * <p><b>Cost.</b> \(m\) products with \(A\) and \(3nm\) flops.
 */
public final class HutchinsonDiagonal implements DiagonalEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors; not {@link TestVectors#IMPROVED}
     * @throws NullPointerException     if {@code vectors} is null
     * @throws IllegalArgumentException if {@code vectors} is {@link TestVectors#IMPROVED}
     */
    public HutchinsonDiagonal(TestVectors vectors) {
        Estimators.plainVectors("hutchinson diagonal", vectors);
        this.vectors = vectors;
    }

    /**
     * The estimator with random signs, the default.
     *
     * @return the estimator
     */
    public static HutchinsonDiagonal withDefaults() {
        return new HutchinsonDiagonal(TestVectors.RADEMACHER);
    }

    @Override
    public String name() {
        return "hutchinson-diagonal";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses exactly {@code matvecs} \(\ge 1\) products, one per test vector.
     */
    @Override
    public Sampled<DiagonalEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("hutchinson diagonal", a);
        Objects.requireNonNull(state, "state");
        int n = a.rows();
        Estimators.budget("hutchinson diagonal", matvecs, 1, Integer.MAX_VALUE, n, "one product per test vector");
        Sampled<DenseMatrix> draw = vectors.draw(n, matvecs, state);
        DenseMatrix omega = draw.value();
        DenseMatrix y = Estimators.apply(a, omega);
        double[] d = new double[n];
        for (int k = 0; k < n; k++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < matvecs; i++) {
                double w = omega.get(k, i);
                num += w * y.get(k, i);
                den += w * w;
            }
            d[k] = num / den;
        }
        return new Sampled<>(new DiagonalEstimate(d, matvecs, matvecs), draw.next());
    }
}
