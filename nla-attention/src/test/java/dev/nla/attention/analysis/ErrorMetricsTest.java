package dev.nla.attention.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

/** Error metrics on small matrices with known answers (tolerances: a few ulps of the results). */
class ErrorMetricsTest {
    private static final DenseMatrix X = DenseMatrix.of(new double[][] {{3, 0}, {0, 4}});
    private static final DenseMatrix Y = DenseMatrix.of(new double[][] {{3, 1}, {0, 4}});

    @Test
    void relativeFrobenius() {
        // ||Y - X||_F = 1, ||X||_F = 5.
        assertThat(ErrorMetrics.relativeFrobenius(Y, X)).isCloseTo(0.2, within(1e-15));
    }

    @Test
    void relativeSpectral() {
        // ||Y - X||_2 = 1, ||X||_2 = 4.
        assertThat(ErrorMetrics.relativeSpectral(Y, X)).isCloseTo(0.25, within(1e-14));
    }

    @Test
    void maxAbs() {
        DenseMatrix z = DenseMatrix.of(new double[][] {{3, -0.5}, {0, 6}});
        assertThat(ErrorMetrics.maxAbs(z, X)).isEqualTo(2.0);
    }

    @Test
    void normalizedSpectralDividesByBothNorms() {
        DenseMatrix a = DenseMatrix.diagonal(2, 1);
        DenseMatrix v = DenseMatrix.diagonal(5, 1);
        // 1 / (2 * 5)
        assertThat(ErrorMetrics.normalizedSpectral(Y, X, a, v)).isCloseTo(0.1, within(1e-14));
    }

    @Test
    void zeroReferenceGivesInfinityOrZero() {
        DenseMatrix zero = DenseMatrix.zeros(2, 2);
        assertThat(new double[] {ErrorMetrics.relativeFrobenius(X, zero), ErrorMetrics.relativeFrobenius(zero, zero)})
                .containsExactly(Double.POSITIVE_INFINITY, 0.0);
    }

    @Test
    void shapesMustAgree() {
        assertThatThrownBy(() -> ErrorMetrics.relativeFrobenius(DenseMatrix.zeros(2, 3), X))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x3");
    }

    @Test
    void nonFiniteEntriesAreRejected() {
        DenseMatrix bad = X.copy();
        bad.set(1, 0, Double.NaN);
        assertThatThrownBy(() -> ErrorMetrics.maxAbs(bad, X))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("approx");
    }
}
