package dev.nla.tensor.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import org.junit.jupiter.api.Test;

/** Validation and the rank rule of {@link Truncation}. */
class TruncationTest {
    @Test
    void negativeToleranceIsRejectedWithItsValue() {
        assertThatThrownBy(() -> Truncation.tolerance(-1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative tolerance")
                .hasMessageContaining("-0.001");
    }

    @Test
    void nanToleranceIsRejected() {
        assertThatThrownBy(() -> Truncation.tolerance(Double.NaN)).isInstanceOf(NonFiniteValueException.class);
    }

    @Test
    void rankBelowOneIsRejected() {
        assertThatThrownBy(() -> Truncation.ranks(3, 0, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ranks[1]");
    }

    @Test
    void uniformRankExpandsToTheOrder() {
        assertThat(Truncation.rank(4).withTolerance(1e-6).ranksFor(3)).containsExactly(4, 4, 4);
    }

    @Test
    void perModeRanksMustMatchTheOrder() {
        assertThatThrownBy(() -> Truncation.ranks(2, 2).ranksFor(3)).isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void rankAboveTheModeSizeIsRejected() {
        assertThatThrownBy(() -> Truncation.ranks(2, 9).ranksFor(new int[] {5, 8}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("t_2 = 9")
                .hasMessageContaining("n_2 = 8");
    }

    @Test
    void toleranceOnlyHasNoRanks() {
        assertThat(Truncation.tolerance(1e-3).ranksFor(3)).isNull();
    }

    @Test
    void chooseRankKeepsTheSmallestRankWithinTheTail() {
        double[] sigma = {10, 5, 1, 0.1, 0.01};
        // tail after rank 3: 0.1^2 + 0.01^2 = 0.0101 <= 0.011; after rank 2: 1.0101 > 0.011
        assertThat(Truncation.chooseRank(sigma, 0.011, 5)).isEqualTo(3);
        assertThat(Truncation.chooseRank(sigma, 0.011, 2)).isEqualTo(2);
        assertThat(Truncation.chooseRank(new double[] {0, 0}, 0, 5)).isEqualTo(1);
    }
}
