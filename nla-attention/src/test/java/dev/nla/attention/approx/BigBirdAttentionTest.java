package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class BigBirdAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** The twin: block pattern of the class comment; the random blocks are the method's own draws. */
    private static DenseMatrix twin(AttentionInput in, BigBirdAttention method, int b) {
        int n = in.n();
        int m = in.k().rows();
        int nq = (n + b - 1) / b;
        int nk = (m + b - 1) / b;
        boolean[][] blocks = new boolean[nq][nk];
        for (int t = 0; t < nq; t++) {
            if (t == 0 || t == nq - 1) {
                java.util.Arrays.fill(blocks[t], true);
                continue;
            }
            int[] drawn = method.keyBlocks(t, nq, nk);
            for (int u : drawn) {
                blocks[t][u] = true;
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> blocks[i / b][j / b] ? 1.0 : 0.0);
    }

    @Test
    void matchesTwin() {
        AttentionInput in = ApproxTesting.lowRank(330, 16, 1.0, 21);
        BigBirdAttention method = new BigBirdAttention(BigBirdOptions.of(16), RngState.seed(1));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, method, 16))).isLessThan(1e-12);
    }

    @Test
    void patternHasWindowGlobalAndRandomBlocks() {
        BigBirdAttention method = new BigBirdAttention(BigBirdOptions.of(16), RngState.seed(2));
        int[] blocks = method.keyBlocks(10, 30, 30);
        // window {9, 10, 11}, globals {0, 29}, 3 random others: 8 distinct blocks.
        assertThat(blocks).hasSize(8).contains(0, 9, 10, 11, 29);
    }

    @Test
    void refusesCausalMask() {
        AttentionInput in = ApproxTesting.lowRank(64, 16, 1.0, 22);
        BigBirdAttention method = new BigBirdAttention(BigBirdOptions.of(8), RngState.seed(3));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("bigbird");
    }

    @Test
    void rejectsBlockSizeAboveN() {
        AttentionInput in = ApproxTesting.lowRank(50, 16, 1.0, 23);
        BigBirdAttention method = new BigBirdAttention(BigBirdOptions.of(51), RngState.seed(4));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b = 51")
                .hasMessageContaining("n = 50");
    }

    @Test
    void rejectsNonPositiveBlockSize() {
        assertThatThrownBy(() -> BigBirdOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockSize");
    }

    @Test
    void rejectsNegativeRandomBlocks() {
        assertThatThrownBy(() -> BigBirdOptions.of(8).withRandomBlocks(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
    }

    @Test
    void sameStateSameBits() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 24);
        DenseMatrix one = ApproxTesting.withThreads(
                1, () -> new BigBirdAttention(BigBirdOptions.of(32), RngState.seed(5)).compute(in.q(), in.k(), in.v()));
        DenseMatrix two = ApproxTesting.withThreads(
                2, () -> new BigBirdAttention(BigBirdOptions.of(32), RngState.seed(5)).compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void stateMatters() {
        AttentionInput in = ApproxTesting.lowRank(512, 16, 1.0, 25);
        DenseMatrix a = new BigBirdAttention(BigBirdOptions.of(16), RngState.seed(6)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new BigBirdAttention(BigBirdOptions.of(16), RngState.seed(7)).compute(in.q(), in.k(), in.v());
        assertThat(ApproxTesting.sameBits(a, b)).isFalse();
    }

    @Test
    void moreRandomBlocksAreMoreAccurate() {
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 0.5, 26);
        double few = ApproxTesting.error(
                new BigBirdAttention(BigBirdOptions.of(16).withRandomBlocks(0), RngState.seed(8)), in);
        double many = ApproxTesting.error(
                new BigBirdAttention(BigBirdOptions.of(16).withRandomBlocks(30), RngState.seed(8)), in);
        assertThat(many).isLessThan(few);
    }
}
