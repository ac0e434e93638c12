package dev.nla.core.matrix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link Shape}. */
class ShapeTest {
    @Test
    void sizeDoesNotOverflow() {
        assertThat(new Shape(Integer.MAX_VALUE, Integer.MAX_VALUE).size()).isEqualTo(4611686014132420609L);
    }

    @Test
    void transposeSwaps() {
        assertThat(new Shape(2, 5).transpose()).isEqualTo(new Shape(5, 2));
    }

    @Test
    void toStringIsRowsByCols() {
        assertThat(new Shape(3, 4)).hasToString("3x4");
    }

    @Test
    void negativeRowsAreRefused() {
        assertThatThrownBy(() -> new Shape(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be non-negative, got -1");
    }

    @Test
    void negativeColsAreRefused() {
        assertThatThrownBy(() -> new Shape(1, -2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cols must be non-negative, got -2");
    }

    @Test
    void matrixShapeMatchesItsDimensions() {
        assertThat(DenseMatrix.zeros(3, 7).shape()).isEqualTo(new Shape(3, 7));
    }

    @Test
    void emptyShapeIsAllowed() {
        assertThat(new Shape(0, 0).size()).isZero();
    }
}
