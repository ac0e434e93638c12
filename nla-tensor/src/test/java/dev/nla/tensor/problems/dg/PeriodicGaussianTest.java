package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodicGaussianTest {
    @Test
    void hasPeriodOne() {
        PeriodicGaussian g = new PeriodicGaussian(0.5, 0.3);
        // The image sum is the same set of terms shifted by one: equal to rounding.
        assertThat(g.applyAsDouble(0.13 + 1.0)).isCloseTo(g.applyAsDouble(0.13), within(1e-15));
    }

    @Test
    void narrowBumpIsTheGaussianNearItsCentre() {
        PeriodicGaussian g = new PeriodicGaussian(0.5, 0.04);
        // The nearest image is 1/2 away at x = 1/2 + 0.03: exp(-0.47^2/(2*0.04^2)) ~ 1e-30.
        assertThat(g.applyAsDouble(0.53)).isCloseTo(Math.exp(-0.5 * 0.75 * 0.75), within(1e-15));
    }

    @Test
    void wideBumpAddsItsImages() {
        // w = 0.5 at the antipode: exp(-1/8) from the images at -1/2 and +1/2, plus exp(-9/8) * 2, ...
        PeriodicGaussian g = new PeriodicGaussian(0.0, 0.5);
        double expected = 0;
        for (int p = -20; p <= 20; p++) {
            expected += Math.exp(-0.5 * Math.pow((0.5 - p) / 0.5, 2));
        }
        assertThat(g.applyAsDouble(0.5)).isCloseTo(expected, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.1, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNonFiniteWidthIsRefused(double w) {
        assertThatThrownBy(() -> new PeriodicGaussian(0.5, w))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width")
                .hasMessageContaining(String.valueOf(w));
    }

    @Test
    void nonFiniteCentreIsRefused() {
        assertThatThrownBy(() -> new PeriodicGaussian(Double.NaN, 0.1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("center");
    }
}
