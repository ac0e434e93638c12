package dev.nla.sketch.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.internal.Hadamard;
import org.junit.jupiter.api.Test;

class SrhtSketchTest extends SketchingOperatorContract {
    @Override
    SketchingDistribution distribution(int d, int m) {
        return SrhtSketch.of(d, m);
    }

    @Override
    boolean supports(int d, int m) {
        return d <= Hadamard.nextPowerOfTwo(m);
    }

    @Test
    void rowsAreOrthogonalWithNormSqrtOfMOverDForPowerOfTwoM() {
        // S S^T = (1/d) P H D D H^T P^T = (m/d) I exactly when m = m' (no padding): entries are +-1/sqrt(d).
        DenseMatrix s = SrhtSketch.of(10, 64).sample(RngState.seed(1)).value().toDense();
        DenseMatrix sst = Inputs.multiply(s, s.transpose());
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 10; k++) {
                assertThat(sst.get(i, k)).isCloseTo(i == k ? 6.4 : 0.0, org.assertj.core.data.Offset.offset(1e-13));
            }
        }
    }

    @Test
    void entriesArePlusMinusOneOverSqrtD() {
        DenseMatrix s = SrhtSketch.of(9, 37).sample(RngState.seed(2)).value().toDense();
        for (double v : s.toColumnMajorArray()) {
            assertThat(Math.abs(v)).isEqualTo(1 / Math.sqrt(9));
        }
    }

    @Test
    void selectedRowsAreDistinct() {
        // distinct rows of H D are orthogonal, so no two rows of S (m = m') can be equal
        DenseMatrix s = SrhtSketch.of(32, 32).sample(RngState.seed(3)).value().toDense();
        DenseMatrix sst = Inputs.multiply(s, s.transpose());
        for (int i = 0; i < 32; i++) {
            for (int k = 0; k < i; k++) {
                assertThat(Math.abs(sst.get(i, k))).isLessThan(1e-12);
            }
        }
    }

    @Test
    void paddedColumnsIsTheNextPowerOfTwo() {
        assertThat(SrhtSketch.of(3, 100).paddedCols()).isEqualTo(128);
    }

    @Test
    void rejectsDAboveThePaddedDimension() {
        assertThatThrownBy(() -> SrhtSketch.of(9, 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d = 9")
                .hasMessageContaining("m' = 8");
    }

    @Test
    void rejectsZeroColumns() {
        assertThatThrownBy(() -> SrhtSketch.of(1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cols")
                .hasMessageContaining("got 0");
    }

    @Test
    void growsAlongRowsUpToThePaddedDimension() {
        SketchingOperator s = SrhtSketch.of(4, 7).sample(RngState.seed(4)).value();
        assertThat(s.resize(8, 7).toDense().view(0, 0, 4, 7).toColumnMajorArray())
                .containsExactly(s.toDense().toColumnMajorArray());
    }
}
