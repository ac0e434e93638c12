package dev.nla.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Require}: each check passes valid values through and refuses invalid ones with a message naming them. */
class RequireTest {
    // ------------------------------------------------------------------ scalars

    @Test
    void positiveIntPassesThrough() {
        assertThat(Require.positive("k", 3)).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void positiveIntRefusesNonPositive(int value) {
        assertThatThrownBy(() -> Require.positive("k", value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("k must be positive, got " + value);
    }

    @Test
    void positiveDoublePassesThrough() {
        assertThat(Require.positive("tol", 1e-300)).isEqualTo(1e-300);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY})
    void positiveDoubleRefusesNonPositiveNaNAndInfinity(double value) {
        assertThatThrownBy(() -> Require.positive("tol", value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("tol must be positive and finite, got " + value);
    }

    @Test
    void nonNegativeIntAcceptsZero() {
        assertThat(Require.nonNegative("n", 0)).isZero();
    }

    @Test
    void nonNegativeIntRefusesNegative() {
        assertThatThrownBy(() -> Require.nonNegative("n", -4))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be non-negative, got -4");
    }

    @Test
    void nonNegativeLongRefusesNegative() {
        assertThatThrownBy(() -> Require.nonNegative("blocks", -5_000_000_000L))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("blocks must be non-negative, got -5000000000");
    }

    @Test
    void nonNegativeLongPassesThrough() {
        assertThat(Require.nonNegative("blocks", 5_000_000_000L)).isEqualTo(5_000_000_000L);
    }

    @Test
    void nonNegativeDoubleAcceptsZero() {
        assertThat(Require.nonNegative("tol", 0.0)).isZero();
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void nonNegativeDoubleRefusesNegativeNaNAndInfinity(double value) {
        assertThatThrownBy(() -> Require.nonNegative("tol", value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("tol must be non-negative and finite, got " + value);
    }

    @Test
    void inRangeAcceptsBothEnds() {
        assertThat(new int[] {Require.inRange("i", 2, 2, 5), Require.inRange("i", 5, 2, 5)})
                .containsExactly(2, 5);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 6})
    void inRangeRefusesOutside(int value) {
        assertThatThrownBy(() -> Require.inRange("i", value, 2, 5))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("i must be in [2, 5], got " + value);
    }

    @Test
    void finitePassesThrough() {
        assertThat(Require.finite("alpha", -Double.MAX_VALUE)).isEqualTo(-Double.MAX_VALUE);
    }

    @Test
    void finiteRefusesNaNWithTheScalarForm() {
        assertThatThrownBy(() -> Require.finite("alpha", Double.NaN))
                .isInstanceOfSatisfying(
                        NonFiniteValueException.class, e -> assertThat(e.row()).isEqualTo(-1))
                .hasMessage("alpha must be finite, got NaN");
    }

    // ------------------------------------------------------------------ shapes

    @Test
    void multipliableAcceptsMatchingInnerDimensions() {
        Require.multipliable("mul", DenseMatrix.zeros(2, 3), DenseMatrix.zeros(3, 0));
        assertThat(DenseMatrix.zeros(2, 3).cols()).isEqualTo(3);
    }

    @Test
    void multipliableNamesBothShapes() {
        assertThatThrownBy(() -> Require.multipliable("mul", DenseMatrix.zeros(2, 3), DenseMatrix.zeros(4, 5)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("mul: inner dimensions differ, a is 2x3, b is 4x5");
    }

    @Test
    void multipliableNamesANullOperand() {
        assertThatThrownBy(() -> Require.multipliable("mul", DenseMatrix.zeros(2, 3), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("b");
    }

    @Test
    void sameShapeNamesBothShapes() {
        assertThatThrownBy(() -> Require.sameShape("add", DenseMatrix.zeros(2, 3), DenseMatrix.zeros(3, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("add: shapes differ, 2x3 vs 3x2");
    }

    @Test
    void sameShapeAcceptsDenseAndSparseOfOneShape() {
        Require.sameShape(
                "add", DenseMatrix.zeros(2, 3), SparseMatrix.builder(2, 3).build(SparseMatrix.Format.CSR));
        assertThat(DenseMatrix.zeros(2, 3).shape().size()).isEqualTo(6);
    }

    @Test
    void squareRefusesARectangle() {
        assertThatThrownBy(() -> Require.square("a", DenseMatrix.zeros(2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("a must be square, got 2x3");
    }

    @Test
    void squareRefusesNullByName() {
        assertThatThrownBy(() -> Require.square("lhs", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("lhs");
    }

    @Test
    void shapeRefusesAnotherShape() {
        assertThatThrownBy(() -> Require.shape("c", DenseMatrix.zeros(2, 3), 3, 3))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("c must be 3x3, got 2x3");
    }

    @Test
    void vectorAcceptsRowsAndColumns() {
        Require.vector("v", DenseMatrix.zeros(1, 4));
        Require.vector("v", DenseMatrix.zeros(4, 1));
        assertThat(DenseMatrix.zeros(1, 4).isVector()).isTrue();
    }

    @Test
    void vectorRefusesAMatrix() {
        assertThatThrownBy(() -> Require.vector("v", DenseMatrix.zeros(2, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("v must be a vector (1xn or nx1), got 2x2");
    }

    // ------------------------------------------------------------------ finiteness scans

    @Test
    void allFiniteNamesTheFirstBadEntryOfADenseView() {
        DenseMatrix parent = DenseMatrix.zeros(4, 4);
        parent.set(0, 0, Double.NaN); // outside the view: must not be reported
        parent.set(2, 3, Double.NEGATIVE_INFINITY);
        assertThatThrownBy(() -> Require.allFinite("a", parent.view(1, 1, 3, 3)))
                .isInstanceOfSatisfying(NonFiniteValueException.class, e -> assertThat(new int[] {e.row(), e.col()})
                        .containsExactly(1, 2))
                .hasMessage("a has a non-finite entry -Infinity at (1, 2)");
    }

    @Test
    void allFiniteScansColumnByColumn() {
        DenseMatrix a = DenseMatrix.zeros(3, 3);
        a.set(2, 0, Double.NaN);
        a.set(0, 1, Double.NaN);
        assertThatThrownBy(() -> Require.allFinite("a", a)).hasMessageContaining("(2, 0)");
    }

    @Test
    void allFiniteAcceptsAFiniteMatrix() {
        Require.allFinite("a", DenseMatrix.identity(3));
        assertThat(DenseMatrix.identity(3).get(1, 1)).isEqualTo(1.0);
    }

    @Test
    void allFiniteScansStoredSparseEntries() {
        SparseMatrix s = SparseMatrix.of(
                SparseMatrix.Format.CSC, 2, 2, new int[] {0, 1, 2}, new int[] {1, 0}, new double[] {1, Double.NaN});
        assertThatThrownBy(() -> Require.allFinite("s", s))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("s has a non-finite entry NaN at (0, 1)");
    }

    @Test
    void allFiniteOfAnArrayNamesTheIndex() {
        assertThatThrownBy(() -> Require.allFinite("d", new double[] {1, 2, Double.POSITIVE_INFINITY}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("d has a non-finite entry Infinity at (2, 0)");
    }

    @Test
    void allFiniteRefusesNullByName() {
        assertThatThrownBy(() -> Require.allFinite("d", (double[]) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("d");
    }

    // ------------------------------------------------------------------ sizes

    @Test
    void sizeWithinAcceptsTheLimit() {
        Require.sizeWithin("buffer", 10, 10);
        assertThat(10L).isLessThanOrEqualTo(10L);
    }

    @Test
    void sizeWithinRefusesMoreThanTheLimit() {
        assertThatThrownBy(() -> Require.sizeWithin("dense 8x8x8 tensor", 512, 100))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessage("dense 8x8x8 tensor needs 512 elements, over the limit of 100");
    }

    @Test
    void sizeWithinRefusesAnOverflowedNegativeRequest() {
        assertThatThrownBy(() -> Require.sizeWithin("buffer", -1, 100))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("-1");
    }
}
