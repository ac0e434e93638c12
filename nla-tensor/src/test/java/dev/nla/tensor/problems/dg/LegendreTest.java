package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LegendreTest {
    @Test
    void lowDegreesMatchTheClosedForms() {
        double x = 0.37;
        double[] p = Legendre.values(4, x);
        double[] expected = {
            1, x, (3 * x * x - 1) / 2, (5 * x * x * x - 3 * x) / 2, (35 * Math.pow(x, 4) - 30 * x * x + 3) / 8
        };
        assertThat(p).containsExactly(expected, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 8})
    void endpointValuesAreOneAndPlusMinusOne(int degree) {
        double[] right = Legendre.values(degree, 1.0);
        double[] left = Legendre.values(degree, -1.0);
        for (int l = 0; l <= degree; l++) {
            assertThat(right[l]).isCloseTo(1.0, within(1e-14));
            assertThat(left[l]).isCloseTo(l % 2 == 0 ? 1.0 : -1.0, within(1e-14));
        }
    }

    @Test
    void derivativeMatchesTheClosedForm() {
        double x = -0.61;
        assertThat(Legendre.valueAndDerivative(3, x)[1]).isCloseTo((15 * x * x - 3) / 2, within(1e-14));
    }

    @Test
    void valueAndDerivativeAgreesWithValues() {
        double x = 0.83;
        assertThat(Legendre.valueAndDerivative(7, x)[0]).isCloseTo(Legendre.values(7, x)[7], within(1e-15));
    }
}
