package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Hager–Higham estimator on explicit matrices, whose 1-norm is known exactly. */
class OneNormEstimatorTest {
    private static Consumer<double[]> times(DenseMatrix b) {
        return x -> {
            double[] y = new double[x.length];
            for (int j = 0; j < b.cols(); j++) {
                for (int i = 0; i < b.rows(); i++) {
                    y[i] += b.get(i, j) * x[j];
                }
            }
            System.arraycopy(y, 0, x, 0, x.length);
        };
    }

    private static double estimate(DenseMatrix b) {
        return OneNormEstimator.estimate(b.rows(), times(b), times(LapackRatios.transpose(b)));
    }

    @Test
    void diagonalMatrixIsExact() {
        DenseMatrix b = DenseMatrix.diagonal(1, -7, 3, 0.5);
        assertThat(estimate(b)).isCloseTo(7.0, within(1e-15));
    }

    @Test
    void oneByOneIsExact() {
        assertThat(estimate(DenseMatrix.of(new double[][] {{-4}}))).isEqualTo(4.0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 10, 50, 200})
    void estimateIsALowerBoundWithinAFactorThree(int n) {
        DenseMatrix b = TestMatrices.gaussian(n, n, RngState.seed(n));
        double truth = LapackRatios.normOne(b);
        // Hager's estimate is ||B x||_1 for a unit x, never above the truth; Higham reports it
        // within a factor 3 in practice [Higham 2002, §15.3] (ratios stay near 1 on Gaussian B).
        assertThat(estimate(b)).isBetween(truth / 3, truth * (1 + 1e-12));
    }

    @Test
    void nonFiniteProductGivesInfinity() {
        Consumer<double[]> overflow = x -> java.util.Arrays.fill(x, Double.POSITIVE_INFINITY);
        assertThat(OneNormEstimator.estimate(3, overflow, overflow)).isInfinite();
    }

    @Test
    void reciprocalFollowsLapackConventions() {
        assertThat(new double[] {
                    OneNormEstimator.reciprocal(0, 5, 5),
                    OneNormEstimator.reciprocal(3, 0, 5),
                    OneNormEstimator.reciprocal(3, 2, Double.POSITIVE_INFINITY),
                    OneNormEstimator.reciprocal(3, 2, 4)
                })
                .containsExactly(1.0, 0.0, 0.0, 0.125);
    }
}
