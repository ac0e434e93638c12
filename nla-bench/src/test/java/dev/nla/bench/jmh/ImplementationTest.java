package dev.nla.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ImplementationTest {
    @Test
    void parsesIdsIgnoringCase() {
        assertThat(Implementation.parse(" EJML ")).isEqualTo(Implementation.EJML);
    }

    @Test
    void unknownIdListsTheValidOnes() {
        assertThatThrownBy(() -> Implementation.parse("cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cuda'")
                .hasMessageContaining("native,vector,scalar,ejml,naive");
    }

    @Test
    void idsJoinWithCommas() {
        assertThat(Implementation.ids(List.of(Implementation.VECTOR, Implementation.NAIVE)))
                .isEqualTo("vector,naive");
    }

    @Test
    void scalarIsAlwaysAvailableAsABackend() {
        assertThat(Implementation.SCALAR.backend(2).threads()).isEqualTo(2);
    }

    @Test
    void vectorAvailabilityFollowsTheTestJvm() {
        boolean expected = Boolean.parseBoolean(System.getProperty("nla.test.expectVector", "false"));
        assertThat(Implementation.VECTOR.available()).isEqualTo(expected);
    }

    @Test
    void naiveIsNotABackend() {
        assertThatThrownBy(() -> Implementation.NAIVE.backend(1)).isInstanceOf(IllegalStateException.class);
    }
}
