package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.orthogonalityLoss;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class RandomizedEigenTest {
    /** Eigenvalues of alternating sign with geometric magnitudes: \(\pm 0.8^j\). */
    private static double[] alternating(int n) {
        double[] l = new double[n];
        for (int j = 0; j < n; j++) {
            l[j] = (j % 2 == 0 ? 1 : -1) * Math.pow(0.8, j);
        }
        return l;
    }

    private static LowRankEigen run(RandomizedEigenOptions o, DenseMatrix a, long seed) {
        return new RandomizedEigen(o).compute(a, RngState.seed(seed)).value();
    }

    @Test
    void findsTheLargestMagnitudeEigenvalues() {
        double[] lambda = alternating(60);
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(1));
        LowRankEigen e = run(RandomizedEigenOptions.builder(6).build(), a, 2);
        double[] expected = java.util.Arrays.copyOf(lambda, 6);
        assertThat(e.eigenvalues()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-8));
    }

    @Test
    void largestAlgebraicSelectionKeepsThePositiveOnes() {
        double[] lambda = alternating(60);
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(3));
        LowRankEigen e = run(
                RandomizedEigenOptions.builder(3)
                        .oversampling(20)
                        .selection(EigenSelection.LARGEST_ALGEBRAIC)
                        .build(),
                a,
                4);
        assertThat(e.eigenvalues())
                .containsExactly(new double[] {1, 0.64, 0.4096}, org.assertj.core.data.Offset.offset(1e-8));
    }

    /** Within the factor 2 of [HMT 2011, §5.3] times the HMT range bound, in the median. */
    @Test
    void errorIsNearOptimal() {
        double[] lambda = TestMatrices.polynomialDecay(60, 1e3, 1.5);
        int k = 8;
        double med = median(1, 11, seed -> {
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(seed));
            return distance(
                    a,
                    run(RandomizedEigenOptions.builder(k).build(), a, seed + 50).reconstruct());
        });
        assertThat(med).isLessThan(1.05 * tail(lambda, k));
    }

    @Test
    void eigenvectorsAreOrthonormal() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(alternating(40), RngState.seed(5));
        assertThat(orthogonalityLoss(
                        run(RandomizedEigenOptions.builder(5).build(), a, 6).eigenvectors()))
                .isLessThan(1e-13);
    }

    @Test
    void errorEstimateMatchesTheTrueError() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(alternating(40), RngState.seed(7));
        LowRankEigen e = run(RandomizedEigenOptions.builder(5).build(), a, 8);
        assertThat(e.errorEstimate().getAsDouble())
                .isCloseTo(distance(a, e.reconstruct()), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void rejectsANonSymmetricMatrix() {
        DenseMatrix a = TestMatrices.gaussian(10, 10, RngState.seed(9));
        assertThatThrownBy(() -> run(RandomizedEigenOptions.builder(2).build(), a, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("symmetric");
    }

    @Test
    void rejectsANonSquareMatrix() {
        assertThatThrownBy(() -> run(RandomizedEigenOptions.builder(2).build(), DenseMatrix.zeros(5, 4), 1))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x4");
    }

    @Test
    void rejectsARankAboveTheOrder() {
        DenseMatrix a = DenseMatrix.identity(5);
        assertThatThrownBy(() -> run(RandomizedEigenOptions.builder(6).build(), a, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("6");
    }
}
