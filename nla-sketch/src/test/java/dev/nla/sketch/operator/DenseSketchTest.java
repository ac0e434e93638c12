package dev.nla.sketch.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Definition, defaults and validation of {@link DenseSketch}; the operator contract is in the subclasses of the contract. */
class DenseSketchTest {
    @ParameterizedTest
    @EnumSource(DenseSketch.Entries.class)
    void entryIsScaleTimesTheRandomMatrixEntryTransposed(DenseSketch.Entries entries) {
        RngState state = RngState.seed(5);
        DenseSketch law = DenseSketch.of(entries, 7, 13);
        DenseMatrix s = law.sample(state).value().toDense();
        for (int i = 0; i < 7; i++) {
            for (int j = 0; j < 13; j++) {
                // exact: one multiplication of the same two doubles
                assertThat(s.get(i, j)).isEqualTo(law.scale() * RandomMatrices.entry(j, i, entries.law(), state));
            }
        }
    }

    @Test
    void applyRightIsTheRangeFinderProductWithRandomMatricesGenerate() {
        RngState state = RngState.seed(6);
        DenseMatrix a = Inputs.dense(9, 40, 7);
        DenseMatrix omega = RandomMatrices.generate(40, 12, ScalarDistribution.GAUSSIAN, state)
                .value();
        DenseMatrix expected = Blas.multiply(a, omega);
        Blas.scal(1 / Math.sqrt(12), expected);
        DenseMatrix actual = DenseSketch.gaussian(12, 40).sample(state).value().applyRight(a);
        assertThatMatrix(actual).isCloseEntrywise(expected, Tolerances.gemmBound(1 / Math.sqrt(12), a, omega, 0, null));
    }

    @Test
    void defaultScaleIsOneOverSqrtD() {
        assertThat(DenseSketch.gaussian(16, 3).scale()).isEqualTo(0.25);
    }

    @Test
    void withSizeKeepsTheScale() {
        assertThat(DenseSketch.rademacher(16, 3).withSize(20, 5).scale()).isEqualTo(0.25);
    }

    @Test
    void resizedOperatorKeepsTheScale() {
        SketchingOperator s =
                DenseSketch.gaussian(16, 30).sample(RngState.seed(1)).value();
        assertThat(((DenseSketch) s.resize(20, 30).distribution()).scale()).isEqualTo(0.25);
    }

    @Test
    void rejectsZeroRows() {
        assertThatThrownBy(() -> DenseSketch.gaussian(0, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows")
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsNegativeColumns() {
        assertThatThrownBy(() -> DenseSketch.uniform(3, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cols")
                .hasMessageContaining("got -2");
    }

    @Test
    void rejectsNullEntries() {
        assertThatThrownBy(() -> new DenseSketch(3, 4, null, 1.0))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void rejectsNonFiniteScale() {
        assertThatThrownBy(() -> new DenseSketch(3, 4, DenseSketch.Entries.GAUSSIAN, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale")
                .hasMessageContaining("NaN");
    }

    @Test
    void rejectsZeroScale() {
        assertThatThrownBy(() -> new DenseSketch(3, 4, DenseSketch.Entries.GAUSSIAN, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scale");
    }

    @Test
    void toDenseRejectsSketchesTooLargeToMaterialise() {
        SketchingOperator s =
                DenseSketch.gaussian(100_000, 100_000).sample(RngState.seed(1)).value();
        assertThatThrownBy(s::toDense)
                .isInstanceOf(dev.nla.core.error.SizeLimitExceededException.class)
                .hasMessageContaining("100000x100000");
    }

    @Test
    @org.junit.jupiter.api.Tag("slow")
    void largeSketchAppliesWithoutMaterialising() {
        // 4000 x 600000 would be 19 GB dense; applying it to one vector needs only blocks.
        SketchingOperator s =
                DenseSketch.rademacher(4000, 600_000).sample(RngState.seed(2)).value();
        DenseMatrix x = DenseMatrix.zeros(600_000, 1);
        x.set(123_456, 0, 1.0);
        DenseMatrix y = s.applyLeft(x);
        // S e_j is column j of S: entries +-1/sqrt(4000), exactly
        assertThat(Math.abs(y.get(17, 0))).isEqualTo(1 / Math.sqrt(4000));
    }

    @Test
    void toStringNamesTheLawAndSize() {
        assertThat(DenseSketch.gaussian(3, 4).sample(RngState.seed(1)).value().toString())
                .contains("3x4")
                .contains("GAUSSIAN");
    }
}
