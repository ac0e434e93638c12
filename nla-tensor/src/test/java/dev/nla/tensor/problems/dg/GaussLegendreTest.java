package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussLegendreTest {
    @Test
    void threePointRuleHasTheTextbookNodesAndWeights() {
        GaussLegendre g = GaussLegendre.of(3);
        double s = Math.sqrt(0.6);
        assertThat(new double[] {g.node(0), g.node(1), g.node(2), g.weight(0), g.weight(1), g.weight(2)})
                .containsExactly(new double[] {-s, 0, s, 5.0 / 9, 8.0 / 9, 5.0 / 9}, within(1e-15));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 9, 20})
    void integratesMonomialsUpToDegreeTwoQMinusOneExactly(int q) {
        GaussLegendre g = GaussLegendre.of(q);
        for (int p = 0; p <= 2 * q - 1; p++) {
            double s = 0;
            for (int i = 0; i < q; i++) {
                s += g.weight(i) * Math.pow(g.node(i), p);
            }
            double exact = p % 2 == 1 ? 0.0 : 2.0 / (p + 1);
            assertThat(s).as("x^%d with %d points", p, q).isCloseTo(exact, within(1e-14));
        }
    }

    @Test
    void isNotExactAtDegreeTwoQ() {
        GaussLegendre g = GaussLegendre.of(2);
        double s = g.weight(0) * Math.pow(g.node(0), 4) + g.weight(1) * Math.pow(g.node(1), 4);
        assertThat(Math.abs(s - 0.4)).isGreaterThan(0.1);
    }

    @Test
    void rejectsZeroPoints() {
        assertThatThrownBy(() -> GaussLegendre.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("points");
    }
}
