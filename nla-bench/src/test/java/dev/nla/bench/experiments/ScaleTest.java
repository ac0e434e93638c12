package dev.nla.bench.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ScaleTest {
    @Test
    void parsesLabelsIgnoringCase() {
        assertThat(Scale.parse(" Paper ")).isEqualTo(Scale.PAPER);
    }

    @Test
    void labelIsLowerCase() {
        assertThat(Scale.QUICK.label()).isEqualTo("quick");
    }

    @Test
    void unknownLabelListsTheValidOnes() {
        assertThatThrownBy(() -> Scale.parse("huge"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'huge'")
                .hasMessageContaining("smoke, quick, paper");
    }
}
