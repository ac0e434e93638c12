package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class TopKAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** The twin: sort each row's visible scores (descending, ties to the smaller index), keep k. */
    private static DenseMatrix twin(AttentionInput in, int k, boolean causal) {
        int n = in.n();
        int m = in.k().rows();
        boolean[][] chosen = new boolean[n][m];
        for (int i = 0; i < n; i++) {
            int visible = causal ? Math.min(m, i + m - n + 1) : m;
            Integer[] idx = new Integer[visible];
            double[] s = new double[visible];
            for (int j = 0; j < visible; j++) {
                idx[j] = j;
                double dot = 0;
                for (int l = 0; l < in.d(); l++) {
                    dot += in.q().get(i, l) * in.k().get(j, l);
                }
                s[j] = SCALE * dot;
            }
            Arrays.sort(idx, Comparator.<Integer>comparingDouble(j -> -s[j]).thenComparingInt(j -> j));
            for (int t = 0; t < Math.min(k, visible); t++) {
                chosen[i][idx[t]] = true;
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> chosen[i][j] ? 1.0 : 0.0);
    }

    // Tolerance: the kept sets are identical (scores differ from the twin's by ~d u, far below the gaps
    // between distinct scores of Gaussian data), so only summation order differs: 1e-12.
    @Test
    void matchesTwinWithoutMask() {
        AttentionInput in = ApproxTesting.lowRank(203, 16, 2.0, 11);
        DenseMatrix out = new TopKAttention(TopKOptions.of(17).withQueryChunk(50)).compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 17, false))).isLessThan(1e-12);
    }

    @Test
    void matchesTwinCausal() {
        AttentionInput in = ApproxTesting.lowRank(203, 16, 2.0, 12);
        DenseMatrix out = new TopKAttention(TopKOptions.of(9)).compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 9, true))).isLessThan(1e-12);
    }

    @Test
    void kEqualToMIsExactAttention() {
        AttentionInput in = ApproxTesting.lowRank(100, 16, 2.0, 13);
        DenseMatrix out = new TopKAttention(TopKOptions.of(100)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.NONE, SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void isCausal() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 14);
        assertThat(ApproxTesting.causalLeak(new TopKAttention(TopKOptions.of(8)), in, 15))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void tiesGoToTheSmallerIndex() {
        // Equal keys give equal scores: with k = 1 the first of them must be chosen.
        DenseMatrix q = DenseMatrix.of(new double[][] {{1, 0}});
        DenseMatrix k = DenseMatrix.of(new double[][] {{0, 1}, {1, 0}, {1, 0}});
        DenseMatrix v = DenseMatrix.of(new double[][] {{5}, {7}, {9}});
        assertThat(new TopKAttention(TopKOptions.of(1)).compute(q, k, v).get(0, 0))
                .isEqualTo(7.0);
    }

    @Test
    void rejectsNonPositiveK() {
        assertThatThrownBy(() -> TopKOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k")
                .hasMessageContaining("0");
    }

    @Test
    void rejectsKAboveM() {
        AttentionInput in = ApproxTesting.lowRank(30, 16, 1.0, 16);
        assertThatThrownBy(() -> new TopKAttention(TopKOptions.of(31)).compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("k = 31")
                .hasMessageContaining("m = 30");
    }

    @Test
    void largerKIsMoreAccurate() {
        AttentionInput in = ApproxTesting.lowRank(512, 16, 2.0, 17);
        double small = ApproxTesting.error(new TopKAttention(TopKOptions.of(8)), in);
        double large = ApproxTesting.error(new TopKAttention(TopKOptions.of(128)), in);
        assertThat(large).isLessThan(small);
    }

    @Test
    void chunkDoesNotChangeTheResult() {
        AttentionInput in = ApproxTesting.lowRank(300, 16, 2.0, 18);
        DenseMatrix a = new TopKAttention(TopKOptions.of(20).withQueryChunk(7)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new TopKAttention(TopKOptions.of(20).withQueryChunk(64)).compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(a, b)).isLessThan(1e-14);
    }

    @Test
    void sameResultForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 2.0, 19);
        TopKAttention method = new TopKAttention(TopKOptions.of(64));
        DenseMatrix one = ApproxTesting.withThreads(1, () -> method.compute(in.q(), in.k(), in.v()));
        DenseMatrix two = ApproxTesting.withThreads(2, () -> method.compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void peakMemoryIsFarBelowTheScoreMatrix() {
        // Output n d_v plus one 64 x m tile per thread: at n = m = 2048 that is under 1/8 of n m.
        AttentionInput in = ApproxTesting.lowRank(2048, 16, 2.0, 20);
        long peak = dev.nla.attention.analysis.CostCounter.measure(
                        () -> new TopKAttention(TopKOptions.of(64)).compute(in.q(), in.k(), in.v()))
                .cost()
                .peakElements();
        assertThat(peak).isLessThan(2048L * 2048 / 8);
    }

    /** Spec test 16 (first half): k = 512 at beta = 2, n = 4096, d = 64, median of 5 seeds <= 0.06. */
    @Test
    @Tag("statistical")
    void specTest16TopKAtBetaTwo() {
        double[] err = new double[5];
        for (int s = 0; s < 5; s++) {
            err[s] = ApproxTesting.error(
                    new TopKAttention(TopKOptions.of(512)), ApproxTesting.lowRank(4096, 64, 2.0, 1610 + s));
        }
        assertThat(ApproxTesting.median(err)).isLessThanOrEqualTo(0.06);
    }
}
