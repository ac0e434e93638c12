package dev.nla.sketch.estimate;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * Estimates \(\|A\|_F\) of a (possibly rectangular) operator from \(\|A\|_F^2 =
 * \operatorname{tr}(A^{\mathsf T}A) = \mathbb{E}\|A\omega\|^2\):
 * \[ \widehat{\|A\|_F} = \Bigl(\frac1m\sum_{i=1}^m \|A\omega_i\|^2\Bigr)^{1/2}. \]
 * This is Hutchinson on \(A^{\mathsf T}A\) at one product per sample (not two): with random signs
 * the variance of a sample is \(2(\|A^{\mathsf T}A\|_F^2 - \sum_j \|a_j\|^4) \le 2\|A\|_F^4\), so the
 * relative error of \(\widehat{\|A\|_F^2}\) is at most about \(\sqrt{2/m}\) whatever \(A\), and half
 * that for the norm [Hutchinson 1990].
 *
 * <p><b>Error estimate.</b> The standard error \(s/\sqrt m\) of the mean of the squares, carried to
 * the norm by the delta method: \(s/(2\sqrt m\,\widehat{\|A\|_F})\).
 *
 * <p><b>Cost.</b> \(m\) products with \(A\) and \(2m\) times the number of rows in flops.
 */
public final class FrobeniusNormEstimator {
    private final TestVectors vectors;

    /**
     * An estimator with the given test vectors.
     *
     * @param vectors the law of the test vectors; not {@link TestVectors#IMPROVED}
     * @throws NullPointerException     if {@code vectors} is null
     * @throws IllegalArgumentException if {@code vectors} is {@link TestVectors#IMPROVED}
     */
    public FrobeniusNormEstimator(TestVectors vectors) {
        Estimators.plainVectors("frobenius norm", vectors);
        this.vectors = vectors;
    }

    /**
     * The estimator with random signs, the default.
     *
     * @return the estimator
     */
    public static FrobeniusNormEstimator withDefaults() {
        return new FrobeniusNormEstimator(TestVectors.RADEMACHER);
    }

    /**
     * Estimates \(\|A\|_F\) with {@code matvecs} products.
     *
     * @param a       the \(p \times n\) operator, \(n \ge 1\); not modified
     * @param matvecs the number \(m \ge 1\) of test vectors and products
     * @param state   the random state of the test vectors; not modified
     * @return the estimate, and the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws dev.nla.core.error.DimensionMismatchException if {@code a} has no columns
     * @throws IllegalArgumentException   if {@code matvecs < 1}
     * @throws dev.nla.core.error.NonFiniteValueException if an explicit matrix behind {@code a} holds
     *     NaN or an infinity
     */
    public Sampled<NormEstimate> estimate(LinearOperator a, int matvecs, RngState state) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(state, "state");
        if (a.cols() == 0) {
            throw new DimensionMismatchException(
                    "frobenius norm: a must have at least one column, got " + a.rows() + "x" + a.cols());
        }
        a.matrix().ifPresent(m -> Require.allFinite("a", m));
        Estimators.budget("frobenius norm", matvecs, 1, Integer.MAX_VALUE, a.cols(), "one product per test vector");
        Sampled<DenseMatrix> draw = vectors.draw(a.cols(), matvecs, state);
        DenseMatrix y = Estimators.apply(a, draw.value());
        double[] squares = Estimators.columnDots(y, y);
        double mean = Stats.mean(squares);
        double norm = Math.sqrt(mean);
        double error = norm > 0 ? Stats.standardError(squares) / (2 * norm) : (matvecs >= 2 ? 0.0 : Double.NaN);
        return new Sampled<>(new NormEstimate(norm, error, matvecs, squares), draw.next());
    }
}
