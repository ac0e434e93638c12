package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.Sketches;
import org.junit.jupiter.api.Test;

class HyperAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    private static HyperAttentionOptions small(int size, int nMin) {
        return HyperAttentionOptions.of(size).withMinSequenceLength(nMin);
    }

    /** The twin of the unmasked approximate path: sorted heavy blocks + uniform samples (weight m/s). */
    private static DenseMatrix twin(AttentionInput in, int b, int s, RngState state) {
        int n = in.n();
        int m = in.k().rows();
        DenseMatrix proj = RandomMatrices.gaussian(16, 7, state.split(0)).value();
        int nb = (n + b - 1) / b;
        int[] qBlock = KdeformerAttentionTest.blocks(KdeformerAttentionTest.grayRanks(in.q(), proj), nb);
        int[] kBlock = KdeformerAttentionTest.blocks(KdeformerAttentionTest.grayRanks(in.k(), proj), nb);
        DenseMatrix sketch = Sketches.uniformSampling(s, m, true)
                .sample(state.split(1))
                .value()
                .toDense();
        double[] w = new double[m];
        for (int t = 0; t < s; t++) {
            for (int j = 0; j < m; j++) {
                w[j] += sketch.get(t, j) * sketch.get(t, j);
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> qBlock[i] == kBlock[j] ? 1.0 : w[j]);
    }

    @Test
    void matchesTwinOnApproximatePath() {
        AttentionInput in = ApproxTesting.lowRank(260, 16, 1.0, 71);
        HyperAttention method = new HyperAttention(small(32, 64), RngState.seed(1));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 32, 32, RngState.seed(1))))
                .isLessThan(1e-12);
    }

    @Test
    void exactBelowMinSequenceLength() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 72);
        DenseMatrix out = new HyperAttention(small(16, 200), RngState.seed(2)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.NONE, SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void causalExactBelowMinSequenceLength() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 73);
        DenseMatrix out = new HyperAttention(small(16, 200), RngState.seed(3))
                .compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.causal(), SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void causalRecursionIsCausal() {
        // n_min = 40 on n = 200: three levels of recursion, unmasked cores on the off-diagonal blocks.
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 74);
        HyperAttention method = new HyperAttention(small(16, 40), RngState.seed(4));
        assertThat(ApproxTesting.causalLeak(method, in, 75)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void causalRecursionIsExactOnTheFirstLeaf() {
        // Queries before the first split see only the first leaf, computed exactly.
        AttentionInput in = ApproxTesting.lowRank(256, 16, 1.0, 76);
        DenseMatrix out = new HyperAttention(small(16, 64), RngState.seed(5))
                .compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.causal(), SCALE);
        assertThat(ReferenceAttention.relativeError(out.rowBlock(0, 64), exact.rowBlock(0, 64)))
                .isLessThan(1e-12);
    }

    @Test
    void rejectsSamplesAboveM() {
        AttentionInput in = ApproxTesting.lowRank(30, 16, 1.0, 77);
        HyperAttention method = new HyperAttention(small(8, 4).withSamples(31), RngState.seed(6));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s = 31")
                .hasMessageContaining("m = 30");
    }

    @Test
    void rejectsNonPositiveMinSequenceLength() {
        assertThatThrownBy(() -> HyperAttentionOptions.defaults().withMinSequenceLength(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minSequenceLength");
    }

    @Test
    void defaultsAreThePapers() {
        HyperAttentionOptions o = HyperAttentionOptions.defaults();
        assertThat(new int[] {o.blockSize(), o.samples(), o.hashBits(), o.minSequenceLength()})
                .containsExactly(256, 256, 7, 4096);
    }

    @Test
    void sameStateSameBitsForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 78);
        DenseMatrix one = ApproxTesting.withThreads(1, () -> new HyperAttention(small(64, 128), RngState.seed(7))
                .compute(in.q(), in.k(), in.v(), AttentionMask.causal()));
        DenseMatrix two = ApproxTesting.withThreads(2, () -> new HyperAttention(small(64, 128), RngState.seed(7))
                .compute(in.q(), in.k(), in.v(), AttentionMask.causal()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void minSequenceLengthMatters() {
        AttentionInput in = ApproxTesting.lowRank(512, 16, 1.0, 79);
        double approx = ApproxTesting.error(new HyperAttention(small(32, 64), RngState.seed(8)), in);
        double exact = ApproxTesting.error(new HyperAttention(small(32, 512), RngState.seed(8)), in);
        assertThat(exact).isLessThan(1e-12);
        assertThat(approx).isGreaterThan(1e-6);
    }

    @Test
    void largerBlocksAndSamplesAreMoreAccurate() {
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 1.0, 80);
        double[] small = new double[5];
        double[] large = new double[5];
        for (int s = 0; s < 5; s++) {
            small[s] = ApproxTesting.error(new HyperAttention(small(16, 64), RngState.seed(90 + s)), in);
            large[s] = ApproxTesting.error(new HyperAttention(small(256, 64), RngState.seed(90 + s)), in);
        }
        assertThat(ApproxTesting.median(large)).isLessThan(ApproxTesting.median(small));
    }
}
