package dev.nla.tensor.tensor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation and accessors of {@link TuckerTensor}. */
class TuckerTensorTest {
    private static TuckerTensor sample() {
        return TuckerTensor.of(DenseTensor.zeros(2, 3), DenseMatrix.zeros(5, 2), DenseMatrix.zeros(7, 3));
    }

    @Test
    void reportsModeSizesAndRanks() {
        TuckerTensor t = sample();
        assertThat(t.modeSizes()).containsExactly(5, 7);
        assertThat(t.ranks()).containsExactly(2, 3);
    }

    @Test
    void factorWithTheWrongNumberOfColumnsIsRejected() {
        assertThatThrownBy(() ->
                        TuckerTensor.of(DenseTensor.zeros(2, 3), DenseMatrix.zeros(5, 2), DenseMatrix.zeros(7, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("factor 2 is 7x4")
                .hasMessageContaining("r_2 = 3");
    }

    @Test
    void wrongNumberOfFactorsIsRejected() {
        assertThatThrownBy(() -> TuckerTensor.of(DenseTensor.zeros(2, 3), DenseMatrix.zeros(5, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("order 2")
                .hasMessageContaining("1 factors");
    }

    @Test
    void nullFactorIsNamed() {
        assertThatThrownBy(() -> new TuckerTensor(DenseTensor.zeros(2), java.util.Arrays.asList((DenseMatrix) null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("factors[0]");
    }

    @Test
    void withFactorReplacesOneMode() {
        TuckerTensor t = sample().withFactor(0, DenseMatrix.zeros(9, 2));
        assertThat(t.modeSizes()).containsExactly(9, 7);
    }

    @Test
    void withCoreKeepsTheShape() {
        assertThatThrownBy(() -> sample().withCore(DenseTensor.zeros(3, 2)))
                .isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void ofDenseHasIdentityFactors() {
        DenseTensor x = DenseTensor.zeros(2, 3);
        TuckerTensor t = TuckerTensor.ofDense(x);
        assertThat(t.factor(1).toArray()).isEqualTo(DenseMatrix.identity(3).toArray());
    }

    @Test
    void factorListIsImmutable() {
        assertThatThrownBy(() -> sample().factors().set(0, DenseMatrix.zeros(5, 2)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void requireFiniteNamesTheFactor() {
        DenseMatrix u = DenseMatrix.zeros(7, 3);
        u.set(4, 1, Double.POSITIVE_INFINITY);
        TuckerTensor t = new TuckerTensor(DenseTensor.zeros(2, 3), List.of(DenseMatrix.zeros(5, 2), u));
        assertThatThrownBy(() -> t.requireFinite("X"))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("X factor 2")
                .hasMessageContaining("(4, 1)");
    }

    @Test
    void storedValuesCountsCoreAndFactors() {
        assertThat(sample().storedValues()).isEqualTo(6 + 10 + 21);
    }
}
