package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class LessUniformSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return LessUniformSketch.of(d, m, Math.min(4, m));
    }

    @Test
    void everyRowHasAtMostSNonzerosThatAreIntegerMultiplesOfTheScale() {
        LessUniformSketch law = LessUniformSketch.of(12, 40, 6);
        DenseMatrix s = law.sample(RngState.seed(1)).value().toDense();
        for (int i = 0; i < 12; i++) {
            int count = 0;
            double total = 0;
            for (int j = 0; j < 40; j++) {
                double v = s.get(i, j) / law.scale();
                if (v != 0) {
                    count++;
                    // a column hit twice sums two signs: -2, 0 (dropped... kept as 0), or +2
                    assertThat(Math.abs(v)).isIn(1.0, 2.0, 3.0);
                }
                total += Math.abs(v);
            }
            assertThat(count).isLessThanOrEqualTo(6);
            assertThat(total).isLessThanOrEqualTo(6.0);
        }
    }

    @Test
    void defaultScaleIsSqrtOfMOverDs() {
        assertThat(LessUniformSketch.of(4, 100, 25).scale()).isEqualTo(1.0);
    }

    @Test
    void rejectsSAboveM() {
        assertThatThrownBy(() -> LessUniformSketch.of(4, 10, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, m = 10]")
                .hasMessageContaining("got 11");
    }

    @Test
    void rejectsSZero() {
        assertThatThrownBy(() -> LessUniformSketch.of(4, 10, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }
}
