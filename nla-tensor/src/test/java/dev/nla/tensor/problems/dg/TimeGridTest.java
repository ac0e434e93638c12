package dev.nla.tensor.problems.dg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TimeGridTest {
    @Test
    void cflGridUsesTheLargestAllowedEqualStep() {
        // dx = 1/64, k = 2, a = 1, C = 0.5: dt_max = 0.5/(64*5) = 1/640, so 640 steps reach T = 1.
        TimeGrid g = TimeGrid.of(new DgOptions(2, 64, 1.0), 1.0, 0.5, TimeStepRule.CFL);
        assertThat(g.steps()).isEqualTo(640);
    }

    @Test
    void stepsReachTheFinalTime() {
        TimeGrid g = TimeGrid.of(new DgOptions(3, 37, 1.7), 0.9, 0.4, TimeStepRule.ORDER_MATCHED);
        assertThat(g.finalTime()).isCloseTo(0.9, within(1e-15));
    }

    @Test
    void orderMatchedRuleIsFinerForHighDegrees() {
        DgOptions o = new DgOptions(4, 32, 1.0);
        assertThat(TimeGrid.of(o, 1.0, 0.5, TimeStepRule.ORDER_MATCHED).steps())
                .isGreaterThan(TimeGrid.of(o, 1.0, 0.5, TimeStepRule.CFL).steps());
    }

    @Test
    void rejectsNonPositiveCourantNumber() {
        assertThatThrownBy(() -> TimeGrid.of(new DgOptions(1, 4, 1.0), 1.0, 0.0, TimeStepRule.CFL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("courant");
    }
}
