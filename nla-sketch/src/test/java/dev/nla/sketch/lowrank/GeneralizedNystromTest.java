package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.testing.LowRankTesting;
import org.junit.jupiter.api.Test;

class GeneralizedNystromTest {
    private static final double[] POLY = TestMatrices.polynomialDecay(80, 1e3, 1.5);

    private static LowRankFactors run(GeneralizedNystromOptions o, DenseMatrix a, long seed) {
        return new GeneralizedNystrom(o).compute(a, RngState.seed(seed)).value();
    }

    /**
     * \(\mathbb{E}\|A - \hat A\|_F^2 \le (1 + r/(\ell - r - 1))(1 + k/(p - 1))\tau_k^2\) with \(r = k +
     * p = 20\), \(k = 10\), \(\ell = 30\) (see the class comment); median of the error over 11 seeds
     * against the square root of the bound.
     */
    @Test
    void errorIsWithinTheTwoSketchBound() {
        int k = 10;
        int r = 20;
        int ell = 30;
        double bound = Math.sqrt((1.0 + r / (ell - r - 1.0)) * (1.0 + k / (r - k - 1.0))) * tail(POLY, k);
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(120, 80, POLY, seed);
            return distance(
                    a,
                    run(GeneralizedNystromOptions.builder(r).build(), a, seed + 30)
                            .reconstruct());
        });
        assertThat(med).isLessThanOrEqualTo(bound);
    }

    @Test
    void defaultRowSketchIsOneAndAHalfTimesTheRank() {
        assertThat(GeneralizedNystromOptions.builder(20).build().rowSketchSize())
                .isEqualTo(30);
    }

    @Test
    void reproducesAnExactlyLowRankMatrix() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(70, 50, 6, 0.0, RngState.seed(3));
        LowRankFactors f = run(GeneralizedNystromOptions.builder(10).build(), a, 4);
        assertThat(distance(a, f.reconstruct())).isLessThan(1e-10 * frobenius(a));
    }

    /** On an exactly rank-6 matrix \(\Psi A\Omega\) has rank 6: the truncation drops the rest. */
    @Test
    void truncatesTheNumericallyZeroSingularValues() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(70, 50, 6, 0.0, RngState.seed(5));
        assertThat(run(GeneralizedNystromOptions.builder(10).build(), a, 6).rank())
                .isEqualTo(6);
    }

    @Test
    void matrixFreeInputMatchesDense() {
        DenseMatrix a = withSpectrum(60, 40, TestMatrices.polynomialDecay(40, 1e3, 1.5), 7);
        LowRankFactors d = run(GeneralizedNystromOptions.builder(8).build(), a, 8);
        LowRankFactors f = new GeneralizedNystrom(
                        GeneralizedNystromOptions.builder(8).build())
                .compute(LowRankTesting.matrixFree(a), RngState.seed(8))
                .value();
        assertThat(distance(d.reconstruct(), f.reconstruct())).isLessThan(1e-10);
    }

    @Test
    void rejectsARowSketchSmallerThanTheRank() {
        assertThatThrownBy(() ->
                        GeneralizedNystromOptions.builder(10).rowSketchSize(9).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9");
    }

    @Test
    void rejectsARankAboveTheSmallerDimension() {
        assertThatThrownBy(() -> run(GeneralizedNystromOptions.builder(11).build(), DenseMatrix.zeros(10, 20), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10x20");
    }
}
