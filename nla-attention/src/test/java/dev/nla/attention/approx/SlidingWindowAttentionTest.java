package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SlidingWindowAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** The twin: the pattern of the class comment, pair by pair. */
    private static DenseMatrix twin(AttentionInput in, int w, int g, boolean causal) {
        int n = in.n();
        int m = in.k().rows();
        int off = m - n;
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> {
            int p = i + off;
            boolean band = causal ? (j >= p - w && j <= p) : Math.abs(p - j) <= w;
            boolean global = j < g || p < g;
            return (band || global) && !(causal && j > p) ? 1.0 : 0.0;
        });
    }

    // Tolerance: both sides sum the same O(w) positive terms in different orders; 1e-12 relative is
    // far above the (w + d) u accumulated rounding.
    @Test
    void matchesTwinWithoutMask() {
        AttentionInput in = ApproxTesting.lowRank(301, 16, 1.0, 1);
        DenseMatrix out = new SlidingWindowAttention(SlidingWindowOptions.of(20).withGlobalTokens(3))
                .compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 20, 3, false)))
                .isLessThan(1e-12);
    }

    @Test
    void matchesTwinCausal() {
        AttentionInput in = ApproxTesting.lowRank(301, 16, 1.0, 2);
        DenseMatrix out = new SlidingWindowAttention(SlidingWindowOptions.of(37).withGlobalTokens(5))
                .compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 37, 5, true))).isLessThan(1e-12);
    }

    @Test
    void fullWindowIsExactAttention() {
        AttentionInput in = ApproxTesting.lowRank(150, 16, 2.0, 3);
        DenseMatrix out = new SlidingWindowAttention(SlidingWindowOptions.of(150)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.NONE, SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void isCausal() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 4);
        SlidingWindowAttention method =
                new SlidingWindowAttention(SlidingWindowOptions.of(16).withGlobalTokens(2));
        assertThat(ApproxTesting.causalLeak(method, in, 5)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void windowZeroWithoutGlobalsReturnsOwnValue() {
        AttentionInput in = ApproxTesting.lowRank(40, 16, 1.0, 5);
        DenseMatrix out = new SlidingWindowAttention(SlidingWindowOptions.of(0)).compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, in.v())).isLessThan(1e-15);
    }

    @Test
    void rejectsNegativeWindow() {
        assertThatThrownBy(() -> SlidingWindowOptions.of(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("window")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsNegativeGlobalTokens() {
        assertThatThrownBy(() -> SlidingWindowOptions.of(4).withGlobalTokens(-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    @Test
    void globalTokensMatter() {
        AttentionInput in = ApproxTesting.lowRank(256, 16, 1.0, 6);
        double without = ApproxTesting.error(new SlidingWindowAttention(SlidingWindowOptions.of(8)), in);
        double with = ApproxTesting.error(
                new SlidingWindowAttention(SlidingWindowOptions.of(8).withGlobalTokens(32)), in);
        assertThat(with).isNotEqualTo(without);
    }

    @Test
    void widerWindowIsMoreAccurateOnLocalInput() {
        AttentionInput in = AttentionInputs.localQK(512, 16, 8, 1.0, RngState.seed(7));
        double narrow = ApproxTesting.error(new SlidingWindowAttention(SlidingWindowOptions.of(4)), in);
        double wide = ApproxTesting.error(new SlidingWindowAttention(SlidingWindowOptions.of(32)), in);
        assertThat(wide).isLessThan(narrow);
    }

    @Test
    void paddingIsHonoured() {
        AttentionInput in = ApproxTesting.lowRank(120, 16, 1.0, 8);
        boolean[] keep = new boolean[120];
        for (int j = 0; j < 120; j++) {
            keep[j] = j % 3 != 0;
        }
        DenseMatrix out = new SlidingWindowAttention(SlidingWindowOptions.of(10))
                .compute(in.q(), in.k(), in.v(), AttentionMask.keyPadding(keep));
        DenseMatrix ref = ApproxTesting.weighted(
                in.q(), in.k(), in.v(), SCALE, (i, j) -> keep[j] && Math.abs(i - j) <= 10 ? 1.0 : 0.0);
        assertThat(ReferenceAttention.relativeError(out, ref)).isLessThan(1e-12);
    }

    @Test
    void sameResultForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(2048, 64, 1.0, 9);
        SlidingWindowAttention method =
                new SlidingWindowAttention(SlidingWindowOptions.of(64).withGlobalTokens(4));
        DenseMatrix one = ApproxTesting.withThreads(1, () -> method.compute(in.q(), in.k(), in.v()));
        DenseMatrix two = ApproxTesting.withThreads(2, () -> method.compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void flopsGrowLinearlyInN() {
        SlidingWindowAttention method = new SlidingWindowAttention(SlidingWindowOptions.of(32));
        long small = flops(method, 1024);
        long large = flops(method, 4096);
        // 4x the queries, same band: the counted work grows 4x (up to the block overhang at the ends).
        assertThat((double) large / small).isBetween(3.8, 4.2);
    }

    private static long flops(SlidingWindowAttention method, int n) {
        AttentionInput in = ApproxTesting.lowRank(n, 16, 1.0, 10);
        return CostCounter.measure(() -> method.compute(in.q(), in.k(), in.v()))
                .cost()
                .flops();
    }

    /**
     * Spec test 16 (second half): window 64 on LocalQK (bandwidth 16), n = 4096, d = 64, median of 5
     * seeds, eps_F <= 0.05. Calibration (docs/attention-sparse-sampling.md): the Gaussian profile at
     * |i - j| = 64 = 4 bandwidths is e^{-8} = 3.4e-4, so the discarded mass is tiny.
     */
    @Test
    @Tag("statistical")
    void specTest16WindowOnLocalInput() {
        double[] err = new double[5];
        for (int s = 0; s < 5; s++) {
            AttentionInput in = AttentionInputs.localQK(4096, 64, 16, 1.0, RngState.seed(1600 + s));
            err[s] = ApproxTesting.error(new SlidingWindowAttention(SlidingWindowOptions.of(64)), in);
        }
        assertThat(ApproxTesting.median(err)).isLessThanOrEqualTo(0.05);
    }
}
