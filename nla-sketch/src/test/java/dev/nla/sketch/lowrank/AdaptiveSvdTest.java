package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.matrixFree;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AdaptiveSvdTest {
    private static final double[] SIGMA = TestMatrices.polynomialDecay(80, 1e4, 2.0);

    private static DenseMatrix input(long seed) {
        return withSpectrum(120, 80, SIGMA, seed);
    }

    private static LowRankSvd run(AdaptiveSvdOptions o, DenseMatrix a, long seed) {
        return new AdaptiveSvd(o).compute(a, RngState.seed(seed)).value();
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-1, 1e-2, 1e-3})
    void meetsTheTolerance(double tol) {
        DenseMatrix a = input(1);
        LowRankSvd r = run(AdaptiveSvdOptions.builder(tol).blockSize(8).build(), a, 2);
        assertThat(distance(a, r.reconstruct())).isLessThanOrEqualTo(tol * frobenius(a) + 1e-12);
    }

    /**
     * The SVD truncation takes back the QB overshoot: the rank is at most one above the optimal rank
     * for the tolerance (with blocks of 8 the QB alone can overshoot by up to 7).
     */
    @Test
    void rankIsAtMostOneAboveOptimal() {
        double tol = 1e-2;
        DenseMatrix a = input(3);
        int optimal = 0;
        while (tail(SIGMA, optimal) > tol * frobenius(a)) {
            optimal++;
        }
        LowRankSvd r = run(AdaptiveSvdOptions.builder(tol).blockSize(8).build(), a, 4);
        assertThat(r.rank()).isBetween(optimal, optimal + 1);
    }

    @Test
    void errorEstimateMatchesTheTrueError() {
        DenseMatrix a = input(5);
        LowRankSvd r = run(AdaptiveSvdOptions.builder(1e-2).build(), a, 6);
        assertThat(r.errorEstimate().getAsDouble())
                .isCloseTo(distance(a, r.reconstruct()), org.assertj.core.data.Offset.offset(1e-10));
    }

    @Test
    void respectsTheRankLimit() {
        LowRankSvd r = run(AdaptiveSvdOptions.builder(1e-8).maxRank(12).build(), input(7), 8);
        assertThat(r.rank()).isEqualTo(12);
    }

    @Test
    void reportsNonConvergenceAtTheRankLimit() {
        LowRankSvd r = run(AdaptiveSvdOptions.builder(1e-8).maxRank(12).build(), input(7), 8);
        assertThat(r.converged()).isFalse();
    }

    @Test
    void matrixFreeInputMeetsTwiceTheTolerance() {
        DenseMatrix a = input(9);
        LowRankSvd r = new AdaptiveSvd(AdaptiveSvdOptions.builder(1e-2).build())
                .compute(matrixFree(a), RngState.seed(10))
                .value();
        assertThat(distance(a, r.reconstruct())).isLessThanOrEqualTo(2e-2 * frobenius(a));
    }

    @Test
    void zeroMatrixGivesRankZero() {
        LowRankSvd r = run(AdaptiveSvdOptions.builder(1e-3).build(), DenseMatrix.zeros(20, 10), 11);
        assertThat(r.rank()).isZero();
    }

    @Test
    void rejectsANegativeTolerance() {
        assertThatThrownBy(() -> AdaptiveSvdOptions.builder(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void rejectsAZeroRankLimit() {
        assertThatThrownBy(() -> AdaptiveSvdOptions.builder(0.1).maxRank(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxRank");
    }
}
