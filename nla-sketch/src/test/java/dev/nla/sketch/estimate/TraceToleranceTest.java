package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TraceToleranceTest {
    @Test
    void isMetBelowTheRelativePlusAbsoluteTolerance() {
        TraceTolerance t = TraceTolerance.of(0.01, 0.5, 100);
        assertThat(t.isMet(100, 1.5)).isTrue();
        assertThat(t.isMet(-100, 1.5)).isTrue();
        assertThat(t.isMet(100, 1.51)).isFalse();
    }

    @Test
    void isNeverMetByANanError() {
        assertThat(TraceTolerance.of(0.01, 0.5, 100).isMet(1, Double.NaN)).isFalse();
    }

    @Test
    void defaultsToEightInitialVectors() {
        assertThat(TraceTolerance.of(0.1, 0, 10).initialVectors()).isEqualTo(8);
    }

    @Test
    void rejectsANegativeRelativeTolerance() {
        assertThatThrownBy(() -> TraceTolerance.of(-0.1, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("relative")
                .hasMessageContaining("-0.1");
    }

    @Test
    void rejectsANegativeAbsoluteTolerance() {
        assertThatThrownBy(() -> TraceTolerance.of(0.1, -2, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("absolute")
                .hasMessageContaining("-2");
    }

    @Test
    void rejectsAnInfiniteTolerance() {
        assertThatThrownBy(() -> TraceTolerance.of(Double.POSITIVE_INFINITY, 0, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }

    @Test
    void rejectsAnEmptyBudget() {
        assertThatThrownBy(() -> TraceTolerance.of(0.1, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMatvecs");
    }

    @Test
    void rejectsFewerThanTwoInitialVectors() {
        assertThatThrownBy(() -> new TraceTolerance(0.1, 0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("initialVectors")
                .hasMessageContaining("1");
    }
}
