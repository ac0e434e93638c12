package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SparseSignSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SparseSignSketch.of(d, m);
    }

    @ParameterizedTest(name = "d={0}, m={1}, zeta={2}")
    @CsvSource({"20, 300, 8", "9, 50, 9", "40, 30, 1", "100, 20, 50"})
    void everyColumnHasZetaNonzerosOfMagnitudeOneOverSqrtZeta(int d, int m, int zeta) {
        DenseMatrix s =
                SparseSignSketch.of(d, m, zeta).sample(RngState.seed(3)).value().toDense();
        for (int j = 0; j < m; j++) {
            int count = 0;
            for (int i = 0; i < d; i++) {
                double v = s.get(i, j);
                if (v != 0) {
                    count++;
                    assertThat(Math.abs(v)).isEqualTo(1 / Math.sqrt(zeta));
                }
            }
            assertThat(count).as("column %d", j).isEqualTo(zeta);
        }
    }

    @Test
    void signsAreBalanced() {
        // 8 * 5000 = 40000 signs: the count of + is Binomial(40000, 1/2), sd 100; 5 sd = 500.
        DenseMatrix s =
                SparseSignSketch.of(30, 5000).sample(RngState.seed(4)).value().toDense();
        int plus = 0;
        for (double v : s.toColumnMajorArray()) {
            if (v > 0) {
                plus++;
            }
        }
        assertThat(plus).isBetween(20000 - 500, 20000 + 500);
    }

    @Test
    void rowsAreUsedUniformly() {
        // each of 10 rows receives Binomial(8000 * 3, 1/10) hits: mean 2400, sd 46.5; 5 sd = 233.
        DenseMatrix s = SparseSignSketch.of(10, 8000, 3)
                .sample(RngState.seed(5))
                .value()
                .toDense();
        for (int i = 0; i < 10; i++) {
            int hits = 0;
            for (int j = 0; j < 8000; j++) {
                if (s.get(i, j) != 0) {
                    hits++;
                }
            }
            assertThat(hits).as("row %d", i).isBetween(2400 - 233, 2400 + 233);
        }
    }

    @Test
    void defaultZetaIsEightCappedAtD() {
        assertThat(SparseSignSketch.of(20, 5).nonzeros()).isEqualTo(8);
        assertThat(SparseSignSketch.of(5, 20).nonzeros()).isEqualTo(5);
    }

    @Test
    void countSketchHasOneUnitEntryPerColumn() {
        SparseSignSketch cs = SparseSignSketch.countSketch(7, 9);
        assertThat(cs.nonzeros()).isEqualTo(1);
        assertThat(cs.scale()).isEqualTo(1.0);
    }

    @Test
    void rejectsZetaZero() {
        assertThatThrownBy(() -> SparseSignSketch.of(10, 20, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("zeta")
                .hasMessageContaining("[1, d = 10]")
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsZetaAboveD() {
        assertThatThrownBy(() -> SparseSignSketch.of(10, 20, 11))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 11");
    }

    @Test
    void rejectsZeroRows() {
        assertThatThrownBy(() -> SparseSignSketch.of(0, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows")
                .hasMessageContaining("got 0");
    }

    @Test
    void growingAlongColumnsRequiresRowsToStay() {
        SketchingOperator s =
                SparseSignSketch.of(10, 20).sample(RngState.seed(6)).value();
        assertThatThrownBy(() -> s.resize(11, 20))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d = 10, asked 11");
    }
}
