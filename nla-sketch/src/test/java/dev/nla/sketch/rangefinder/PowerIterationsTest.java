package dev.nla.sketch.rangefinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PowerIterationsTest {
    /** scikit-learn: 7 if k &lt; 0.1 min(m, n). */
    @Test
    void autoIsSevenForSmallRanks() {
        assertThat(PowerIterations.AUTO.resolve(9, 100, 200)).isEqualTo(7);
    }

    @Test
    void autoIsFourOtherwise() {
        assertThat(PowerIterations.AUTO.resolve(10, 100, 200)).isEqualTo(4);
    }

    @Test
    void fixedCountsResolveToThemselves() {
        assertThat(PowerIterations.of(3).resolve(1, 1000, 1000)).isEqualTo(3);
    }

    @Test
    void rejectsNegativeCounts() {
        assertThatThrownBy(() -> PowerIterations.of(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void equalityFollowsTheCount() {
        assertThat(PowerIterations.of(2)).isEqualTo(PowerIterations.of(2)).isNotEqualTo(PowerIterations.AUTO);
    }

    @Test
    void printsAutoAsAuto() {
        assertThat(PowerIterations.AUTO).hasToString("auto");
    }
}
