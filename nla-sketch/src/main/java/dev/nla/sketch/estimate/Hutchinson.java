package dev.nla.sketch.estimate;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Arrays;
import java.util.Objects;

/**
 * The Girard–Hutchinson trace estimator
 * \[ \hat t = \frac1m\sum_{i=1}^m \omega_i^{\mathsf T}A\omega_i, \qquad \mathbb{E}\,\hat t =
 * \operatorname{tr}(A), \]
 * with \(m\) independent isotropic test vectors [Girard 1989; Hutchinson 1990].
 *
 * <p><b>Accuracy.</b> With random signs and symmetric \(A\), \(\operatorname{Var}\hat t =
 * \tfrac2m\bigl(\|A\|_F^2 - \sum_i a_{ii}^2\bigr)\), so the error decreases like
 * \(m^{-1/2}\): \(O(1/\varepsilon^2)\) products for a relative error \(\varepsilon\) on PSD
 * matrices [Meyer, Musco, Musco and Woodruff 2021]. The samples are independent, so the standard
 * error \(s/\sqrt m\) is a sound error estimate.
 *
 * <p><b>Cost.</b> \(m\) products with \(A\) (applied as one block of \(m\) vectors; the adaptive
 * version applies a block per round) and \(2nm\) flops.
 */
public final class Hutchinson implements AdaptiveTraceEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors; not {@link TestVectors#IMPROVED}
     * @throws NullPointerException     if {@code vectors} is null
     * @throws IllegalArgumentException if {@code vectors} is {@link TestVectors#IMPROVED}
     */
    public Hutchinson(TestVectors vectors) {
        Estimators.plainVectors("hutchinson", vectors);
        this.vectors = vectors;
    }

    /**
     * The estimator with random signs ({@link TestVectors#RADEMACHER}), the default.
     *
     * @return the estimator
     */
    public static Hutchinson withDefaults() {
        return new Hutchinson(TestVectors.RADEMACHER);
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
        return "hutchinson";
    }

    /**
     * {@inheritDoc}
     *
     * <p>Uses exactly {@code matvecs} products, \(1 \le m\); the error estimate needs \(m \ge 2\).
     */
    @Override
    public Sampled<TraceEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Estimators.square("hutchinson", a);
        Objects.requireNonNull(state, "state");
        Estimators.budget("hutchinson", matvecs, 1, Integer.MAX_VALUE, a.rows(), "one product per test vector");
        Sampled<double[]> samples = samples(a, matvecs, state);
        return new Sampled<>(TraceEstimate.of(samples.value(), matvecs), samples.next());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Rounds of \(m_0, m_0, 2m_0, 4m_0, \dots\) new test vectors (the count doubles), \(m_0\) =
     * {@link TraceTolerance#initialVectors()}, the last one cut to the budget.
     */
    @Override
    public Sampled<AdaptiveTraceEstimate> estimate(LinearOperator a, TraceTolerance tolerance, RngState state) {
        Estimators.square("hutchinson", a);
        Objects.requireNonNull(tolerance, "tolerance");
        Objects.requireNonNull(state, "state");
        if (tolerance.maxMatvecs() < tolerance.initialVectors()) {
            throw new IllegalArgumentException("hutchinson: maxMatvecs " + tolerance.maxMatvecs()
                    + " cannot pay for the first round of " + tolerance.initialVectors() + " test vectors");
        }
        Rounds rounds = new Rounds();
        double[] all = new double[0];
        RngState next = state;
        boolean converged = false;
        while (true) {
            int add = (int)
                    Math.min(Math.max(tolerance.initialVectors(), all.length), tolerance.maxMatvecs() - all.length);
            Sampled<double[]> s = samples(a, add, next);
            next = s.next();
            double[] grown = Arrays.copyOf(all, all.length + add);
            System.arraycopy(s.value(), 0, grown, all.length, add);
            all = grown;
            TraceEstimate e = TraceEstimate.of(all, all.length);
            rounds.add(e);
            if (tolerance.isMet(e.trace(), e.errorEstimate())) {
                converged = true;
                break;
            }
            if (all.length >= tolerance.maxMatvecs()) {
                break;
            }
        }
        return new Sampled<>(rounds.result(converged), next);
    }

    /** \(\omega_i^{\mathsf T}A\omega_i\) for \(k\) fresh test vectors. */
    private Sampled<double[]> samples(LinearOperator a, int k, RngState state) {
        Sampled<DenseMatrix> omega = vectors.draw(a.rows(), k, state);
        DenseMatrix y = Estimators.apply(a, omega.value());
        return new Sampled<>(Estimators.columnDots(omega.value(), y), omega.next());
    }
}
