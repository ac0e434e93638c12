package dev.nla.attention.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HeadConfigTest {
    @Test
    void headCountsThatDoNotDivideAreRejected() {
        assertThatThrownBy(() -> new HeadConfig(8, 3, 64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("g = 3")
                .hasMessageContaining("h = 8");
    }

    @Test
    void zeroHeadDimensionIsRejected() {
        assertThatThrownBy(() -> new HeadConfig(8, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("headDim");
    }

    @Test
    void consecutiveQueryHeadsShareAKeyValueHead() {
        HeadConfig c = new HeadConfig(8, 2, 64);
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = c.groupOf(i);
        }
        assertThat(groups).containsExactly(0, 0, 0, 0, 1, 1, 1, 1);
    }

    @Test
    void groupOfOutOfRangeHeadFails() {
        assertThatThrownBy(() -> HeadConfig.mha(4, 8).groupOf(4))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("4");
    }

    @Test
    void cacheIsTwoGroupsTimesHeadDimension() {
        assertThat(new HeadConfig(8, 2, 64).cacheFloatsPerToken()).isEqualTo(256);
    }

    @Test
    void kindsFollowTheGroupCount() {
        assertThat(new String[] {
                    HeadConfig.mha(8, 4).kind(), HeadConfig.mqa(8, 4).kind(), new HeadConfig(8, 4, 4).kind()
                })
                .containsExactly("MHA", "MQA", "GQA");
    }
}
