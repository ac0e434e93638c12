package dev.nla.sketch.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsqrOptionsTest {
    @Test
    void defaultsAreDocumented() {
        assertThat(LsqrOptions.defaults()).isEqualTo(new LsqrOptions(1e-10, 1e-10, 1e8, 1000));
    }

    @Test
    void preconditionedDefaultsAreDocumented() {
        assertThat(LsqrOptions.preconditioned())
                .isEqualTo(new LsqrOptions(1e-14, 1e-14, Double.POSITIVE_INFINITY, 100));
    }

    @Test
    void rejectsNegativeAtol() {
        assertThatThrownBy(() -> new LsqrOptions(-1e-3, 0, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("atol")
                .hasMessageContaining("-0.001");
    }

    @Test
    void rejectsNanBtol() {
        assertThatThrownBy(() -> new LsqrOptions(0, Double.NaN, 1, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("btol")
                .hasMessageContaining("NaN");
    }

    @Test
    void rejectsNonPositiveConditionLimit() {
        assertThatThrownBy(() -> new LsqrOptions(0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("conditionLimit")
                .hasMessageContaining("0.0");
    }

    @Test
    void rejectsNegativeIterationLimit() {
        assertThatThrownBy(() -> LsqrOptions.defaults().withMaxIterations(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIterations")
                .hasMessageContaining("-2");
    }

    @Test
    void acceptsAnInfiniteConditionLimit() {
        assertThat(LsqrOptions.defaults()
                        .withConditionLimit(Double.POSITIVE_INFINITY)
                        .conditionLimit())
                .isInfinite();
    }
}
