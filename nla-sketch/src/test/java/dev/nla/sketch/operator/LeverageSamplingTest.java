package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class LeverageSamplingTest extends SketchingOperatorContract {
    /** Scores 1, 2, ..., 5, 1, 2, ...: nonuniform, all positive. */
    static double[] scores(int m) {
        double[] s = new double[m];
        for (int j = 0; j < m; j++) {
            s[j] = 1 + j % 5;
        }
        return s;
    }

    @Override
    SketchingDistribution distribution(int d, int m) {
        return LeverageSampling.of(d, scores(m));
    }

    @Test
    void weightsAreOneOverSqrtOfDTimesTheProbability() {
        LeverageSampling law = LeverageSampling.of(40, scores(12));
        DenseMatrix s = law.sample(RngState.seed(1)).value().toDense();
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 12; j++) {
                if (s.get(i, j) != 0) {
                    // documented: alpha / sqrt(p_j), p_j = score / sum = (1 + j % 5) / 33
                    assertThat(s.get(i, j))
                            .isCloseTo(
                                    1 / Math.sqrt(40 * law.probability(j)), org.assertj.core.data.Offset.offset(1e-14));
                }
            }
        }
    }

    @Test
    void rowsWithZeroScoreAreNeverPicked() {
        double[] sc = {0, 3, 0, 0, 1, 0};
        DenseMatrix s =
                LeverageSampling.of(500, sc).sample(RngState.seed(2)).value().toDense();
        for (int i = 0; i < 500; i++) {
            for (int j : new int[] {0, 2, 3, 5}) {
                assertThat(s.get(i, j)).isZero();
            }
        }
    }

    @Test
    void picksFollowTheProbabilities() {
        // scores 1 and 3: row 1 is picked with probability 3/4; 20000 draws, sd 61; 5 sd = 306.
        DenseMatrix s = LeverageSampling.of(20000, new double[] {1, 3})
                .sample(RngState.seed(3))
                .value()
                .toDense();
        int ones = 0;
        for (int i = 0; i < 20000; i++) {
            if (s.get(i, 1) != 0) {
                ones++;
            }
        }
        assertThat(ones).isBetween(15000 - 306, 15000 + 306);
    }

    @Test
    void fromBasisUsesTheSquaredRowNorms() {
        DenseMatrix q = DenseMatrix.of(new double[][] {{0.6, 0}, {0.8, 0}, {0, 1}});
        LeverageSampling law = LeverageSampling.fromBasis(5, q);
        assertThat(law.scores())
                .containsExactly(new double[] {0.36, 0.64, 1.0}, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void scoresAreCopied() {
        double[] sc = {1, 2};
        LeverageSampling law = LeverageSampling.of(3, sc);
        sc[0] = 100;
        assertThat(law.probability(0)).isEqualTo(1.0 / 3);
    }

    @Test
    void rejectsANegativeScore() {
        assertThatThrownBy(() -> LeverageSampling.of(3, new double[] {1, -0.5, 2}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[1] = -0.5");
    }

    @Test
    void rejectsANaNScore() {
        assertThatThrownBy(() -> LeverageSampling.of(3, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scores[1] = NaN");
    }

    @Test
    void rejectsAllZeroScores() {
        assertThatThrownBy(() -> LeverageSampling.of(3, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void rejectsEmptyScores() {
        assertThatThrownBy(() -> LeverageSampling.of(3, new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void equalDistributionsAreEqual() {
        assertThat(LeverageSampling.of(3, new double[] {1, 2}))
                .isEqualTo(LeverageSampling.of(3, new double[] {1, 2}))
                .hasSameHashCodeAs(LeverageSampling.of(3, new double[] {1, 2}))
                .isNotEqualTo(LeverageSampling.of(3, new double[] {2, 1}));
    }
}
