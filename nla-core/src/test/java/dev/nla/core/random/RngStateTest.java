package dev.nla.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RngStateTest {

    @Test
    void seedStartsAtCounterZero() {
        assertThat(RngState.seed(42)).isEqualTo(new RngState(42, 0, 0));
    }

    @Test
    void sameSeedGivesEqualStates() {
        assertThat(RngState.seed(-7).advance(3).split(5))
                .isEqualTo(RngState.seed(-7).advance(3).split(5));
    }

    @Test
    void advanceAddsToTheLowWord() {
        assertThat(new RngState(1, 5, 10).advance(7)).isEqualTo(new RngState(1, 5, 17));
    }

    @Test
    void advanceCarriesIntoTheHighWord() {
        // counterLow = 2^64 - 2 (unsigned); + 5 wraps to 3 and carries 1.
        assertThat(new RngState(1, 5, -2L).advance(5)).isEqualTo(new RngState(1, 6, 3));
    }

    @Test
    void advanceCarriesWhenTheLowWordIsAllOnes() {
        assertThat(new RngState(1, 0, -1L).advance(1)).isEqualTo(new RngState(1, 1, 0));
    }

    @Test
    void advanceWrapsModulo2To128() {
        assertThat(new RngState(1, -1L, -1L).advance(1)).isEqualTo(new RngState(1, 0, 0));
    }

    @Test
    void advanceByMaxLongCarriesFromTheUnsignedUpperHalf() {
        // 2^63 + (2^63 - 1) = 2^64 - 1: no carry; one more block carries.
        RngState s = new RngState(1, 0, Long.MIN_VALUE).advance(Long.MAX_VALUE);
        assertThat(s.advance(1)).isEqualTo(new RngState(1, 1, 0));
    }

    @Test
    void advanceIsAdditive() {
        RngState s = new RngState(3, 9, -100L);
        assertThat(s.advance(60).advance(70)).isEqualTo(s.advance(130));
    }

    @Test
    void advanceRejectsNegativeBlocks() {
        assertThatThrownBy(() -> RngState.seed(1).advance(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blocks")
                .hasMessageContaining("-3");
    }

    @Test
    void advanceColumnsAddsToTheHighWord() {
        assertThat(new RngState(1, 5, -1L).advanceColumns(4)).isEqualTo(new RngState(1, 9, -1L));
    }

    @Test
    void advanceColumnsRejectsNegativeColumns() {
        assertThatThrownBy(() -> RngState.seed(1).advanceColumns(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("columns")
                .hasMessageContaining("-2");
    }

    @Test
    void splitChildHasCounterZero() {
        RngState child = new RngState(8, 3, 4).split(0);
        assertThat(new long[] {child.counterHigh(), child.counterLow()}).containsExactly(0L, 0L);
    }

    @Test
    void splitChildDiffersFromParent() {
        RngState parent = RngState.seed(8);
        assertThat(parent.split(0).key()).isNotEqualTo(parent.key());
    }

    @Test
    void splitChildrenDifferFromEachOther() {
        RngState parent = RngState.seed(8);
        Set<Long> keys = new HashSet<>();
        for (long i = 0; i < 10_000; i++) {
            keys.add(parent.split(i).key());
        }
        // 10^4 keys collide with probability <= 10^8 / 2^65 ~ 3e-12.
        assertThat(keys).hasSize(10_000);
    }

    @Test
    void splitDependsOnTheCounter() {
        RngState parent = RngState.seed(8);
        assertThat(parent.advance(1).split(0)).isNotEqualTo(parent.split(0));
    }

    @Test
    void splitDependsOnTheKey() {
        assertThat(RngState.seed(8).split(0)).isNotEqualTo(RngState.seed(9).split(0));
    }

    @Test
    void splitIsNotTheParentsNextBlock() {
        // The hash uses a tweaked key, so the child key is not a word the parent stream outputs.
        RngState parent = RngState.seed(8);
        long[] words = new long[2];
        Philox4x32.block(parent, words, 0);
        assertThat(parent.split(0).key()).isNotIn(words[0], words[1]);
    }

    @Test
    void splitOfChildrenDoesNotReturnToParent() {
        RngState parent = RngState.seed(123);
        assertThat(parent.split(0).split(0).key())
                .isNotIn(parent.key(), parent.split(0).key());
    }

    @Test
    void toStringShowsKeyAndCounterInHex() {
        assertThat(new RngState(42, 1, 255).toString()).isEqualTo("RngState[key=0x2a, counter=0x1:0xff]");
    }

    @Test
    void sampledRejectsNullNext() {
        assertThatThrownBy(() -> new Sampled<>("x", null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("next");
    }

    @Test
    void sampledRejectsNullValue() {
        assertThatThrownBy(() -> new Sampled<>(null, RngState.seed(1)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("value");
    }
}
