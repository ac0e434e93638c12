package dev.nla.tensor.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

/** Layout, views and validation of {@link DenseTensor}. */
class DenseTensorTest {
    private static DenseTensor counting(int... shape) {
        DenseTensor x = DenseTensor.zeros(shape);
        for (int p = 0; p < x.elementCount(); p++) {
            x.data()[p] = p;
        }
        return x;
    }

    @Test
    void firstIndexVariesFastest() {
        DenseTensor x = counting(2, 3, 4);
        // x[i1, i2, i3] = i1 + 2 (i2 + 3 i3)
        assertThat(x.get(1, 2, 3)).isEqualTo(1 + 2 * (2 + 3 * 3));
    }

    @Test
    void linearIndexAndMultiIndexAreInverse() {
        DenseTensor x = counting(3, 1, 5, 2);
        for (int p = 0; p < x.elementCount(); p++) {
            assertThat(x.linearIndex(x.multiIndex(p))).isEqualTo(p);
        }
    }

    @Test
    void modeOneUnfoldingIsAViewOfTheStorage() {
        DenseTensor x = counting(2, 3, 4);
        DenseMatrix a = x.modeOneUnfolding();
        a.set(1, 5, -7.0);
        // column 5 of X_(1) is (i2, i3) = (2, 1): x[1, 2, 1]
        assertThat(x.get(1, 2, 1)).isEqualTo(-7.0);
    }

    @Test
    void matricizeGroupsLeadingModes() {
        DenseTensor x = counting(2, 3, 4);
        DenseMatrix a = x.matricize(2);
        assertThat(a.rows()).isEqualTo(6);
        assertThat(a.get(5, 3)).isEqualTo(x.get(1, 2, 3));
    }

    @Test
    void matricizeRejectsAnInvalidSplit() {
        assertThatThrownBy(() -> counting(2, 3).matricize(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[1, 2]")
                .hasMessageContaining("3");
    }

    @Test
    void zeroModeSizeIsRejectedWithTheMode() {
        assertThatThrownBy(() -> DenseTensor.zeros(3, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_2 = 0");
    }

    @Test
    void emptyShapeIsRejected() {
        assertThatThrownBy(DenseTensor::zeros).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void oversizedTensorIsRefusedBeforeAllocating() {
        assertThatThrownBy(() -> DenseTensor.zeros(100_000, 100_000, 100_000))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("1000000000000000");
    }

    @Test
    void elementCountSaturatesInsteadOfOverflowing() {
        int big = Integer.MAX_VALUE;
        assertThat(DenseTensor.elementCount(big, big, big, big)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void wrapChecksTheArrayLength() {
        assertThatThrownBy(() -> DenseTensor.wrap(new double[5], 2, 3))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("6")
                .hasMessageContaining("5");
    }

    @Test
    void wrapSharesAndOfCopies() {
        double[] data = {1, 2, 3, 4};
        DenseTensor shared = DenseTensor.wrap(data, 2, 2);
        DenseTensor copied = DenseTensor.of(data, 2, 2);
        data[0] = 9;
        assertThat(shared.get(0, 0) - copied.get(0, 0)).isEqualTo(8.0);
    }

    @Test
    void indexOutsideItsModeIsRejected() {
        assertThatThrownBy(() -> counting(2, 3).get(1, 3))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("mode 2");
    }

    @Test
    void indexOfTheWrongOrderIsRejected() {
        assertThatThrownBy(() -> counting(2, 3).get(1))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("order 2");
    }

    @Test
    void requireFiniteNamesTheMultiIndex() {
        DenseTensor x = counting(2, 3, 2);
        x.set(Double.NaN, 1, 2, 0);
        assertThatThrownBy(() -> x.requireFinite("X"))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("X entry [1, 2, 0]")
                .hasMessageContaining("NaN");
    }

    @Test
    void frobeniusNormSurvivesHugeEntries() {
        DenseTensor x = DenseTensor.wrap(new double[] {3e300, 4e300}, 2);
        assertThat(x.frobeniusNorm()).isEqualTo(5e300);
    }

    @Test
    void reshapeSharesStorage() {
        DenseTensor x = counting(2, 3, 4);
        DenseTensor y = x.reshape(6, 4);
        y.set(-1.0, 5, 3);
        assertThat(x.get(1, 2, 3)).isEqualTo(-1.0);
    }

    @Test
    void fromMatrixCopiesEntries() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(DenseTensor.fromMatrix(a).get(1, 2)).isEqualTo(6.0);
    }

    @Test
    void equalityIsByShapeAndEntries() {
        assertThat(counting(2, 3)).isEqualTo(counting(2, 3)).isNotEqualTo(counting(3, 2));
    }
}
