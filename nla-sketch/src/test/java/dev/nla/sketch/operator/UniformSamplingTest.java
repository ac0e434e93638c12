package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Definition and validation of {@link UniformSampling} (the contract is in the two subclasses). */
class UniformSamplingTest {
    /** The documented weight alpha sqrt(m) with alpha = 1/sqrt(d), evaluated as the class does. */
    private static double weight(int d, int m) {
        return (1.0 / Math.sqrt(d)) * Math.sqrt(m);
    }

    private static int[] picks(DenseMatrix s, double weight) {
        int[] k = new int[s.rows()];
        for (int i = 0; i < s.rows(); i++) {
            int count = 0;
            for (int j = 0; j < s.cols(); j++) {
                if (s.get(i, j) != 0) {
                    assertThat(s.get(i, j)).isEqualTo(weight);
                    k[i] = j;
                    count++;
                }
            }
            assertThat(count).as("row %d", i).isEqualTo(1);
        }
        return k;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void everyRowPicksOneRowWithWeightSqrtOfMOverD(boolean replacement) {
        DenseMatrix s = UniformSampling.of(16, 64, replacement)
                .sample(RngState.seed(1))
                .value()
                .toDense();
        picks(s, weight(16, 64));
    }

    @Test
    void withoutReplacementPicksDistinctRows() {
        DenseMatrix s = UniformSampling.of(50, 60, false)
                .sample(RngState.seed(2))
                .value()
                .toDense();
        Set<Integer> seen = new HashSet<>();
        for (int k : picks(s, weight(50, 60))) {
            assertThat(seen.add(k)).as("row %d picked twice", k).isTrue();
        }
    }

    @Test
    void withoutReplacementAllRowsIsAPermutation() {
        DenseMatrix s = UniformSampling.of(30, 30, false)
                .sample(RngState.seed(3))
                .value()
                .toDense();
        Set<Integer> seen = new HashSet<>();
        for (int k : picks(s, weight(30, 30))) {
            seen.add(k);
        }
        assertThat(seen).hasSize(30);
    }

    @Test
    void withoutReplacementOnALargeDimensionUsesTheSameShuffle() {
        // m > max(2^16, 4d) takes the map-based shuffle; its prefix must equal the array shuffle's.
        RngState state = RngState.seed(4);
        int[] viaMap = TransformOperator.shufflePrefix(state, 0, 300_000, 40);
        int[] viaArray = TransformOperator.shufflePrefix(state, 0, 300_000, 80_000);
        assertThat(viaMap).containsExactly(java.util.Arrays.copyOf(viaArray, 40));
    }

    @Test
    void picksAreUniform() {
        // 20000 draws over 10 rows: Binomial(20000, 1/10) counts, sd 42.4; 5 sd = 212.
        DenseMatrix s = UniformSampling.of(20000, 10, true)
                .sample(RngState.seed(5))
                .value()
                .toDense();
        int[] count = new int[10];
        for (int k : picks(s, weight(20000, 10))) {
            count[k]++;
        }
        for (int c : count) {
            assertThat(c).isBetween(2000 - 212, 2000 + 212);
        }
    }

    @Test
    void rejectsMoreRowsThanTheDimensionWithoutReplacement() {
        assertThatThrownBy(() -> UniformSampling.of(11, 10, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d = 11")
                .hasMessageContaining("m = 10");
    }

    @Test
    void allowsMoreRowsThanTheDimensionWithReplacement() {
        assertThat(UniformSampling.of(11, 10, true).rows()).isEqualTo(11);
    }
}
