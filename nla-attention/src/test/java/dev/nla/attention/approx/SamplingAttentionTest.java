package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.LeverageSampling;
import org.junit.jupiter.api.Test;

class SamplingAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** The twin: the law of the class comment, the sketch's draws, weights 1/(s p_j) summed per key. */
    private static DenseMatrix twin(AttentionInput in, int s, double gamma, RngState state) {
        int m = in.k().rows();
        double[] norm = new double[m];
        double total = 0;
        for (int j = 0; j < m; j++) {
            double ss = 0;
            for (int c = 0; c < in.v().cols(); c++) {
                ss += in.v().get(j, c) * in.v().get(j, c);
            }
            norm[j] = Math.sqrt(ss);
            total += norm[j];
        }
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            p[j] = (1 - gamma) * norm[j] / total + gamma / m;
        }
        DenseMatrix sketch = LeverageSampling.of(s, p).sample(state).value().toDense();
        double[] w = new double[m];
        for (int t = 0; t < s; t++) {
            for (int j = 0; j < m; j++) {
                w[j] += sketch.get(t, j) * sketch.get(t, j);
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> w[j]);
    }

    @Test
    void matchesTwin() {
        AttentionInput in = ApproxTesting.lowRank(210, 16, 1.0, 51);
        DenseMatrix out =
                new SamplingAttention(SamplingOptions.of(40), RngState.seed(1)).compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 40, 0.25, RngState.seed(1))))
                .isLessThan(1e-12);
    }

    @Test
    void weightsAreInverseProbabilities() {
        // With gamma = 1 every p_j = 1/m: the weights are m/s.
        AttentionInput in = ApproxTesting.lowRank(100, 16, 1.0, 52);
        Hashing.Samples drawn = Hashing.sample(
                LeverageSampling.of(10, SamplingAttention.valueNormLaw(in.v(), AttentionMask.NONE, 1.0)),
                RngState.seed(2));
        assertThat(drawn.weight()).usingComparatorWithPrecision(1e-12).containsOnly(10.0);
    }

    @Test
    void refusesCausalMask() {
        AttentionInput in = ApproxTesting.lowRank(64, 16, 1.0, 53);
        SamplingAttention method = new SamplingAttention(SamplingOptions.of(8), RngState.seed(3));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("sampling");
    }

    @Test
    void rejectsSamplesAboveM() {
        AttentionInput in = ApproxTesting.lowRank(30, 16, 1.0, 54);
        SamplingAttention method = new SamplingAttention(SamplingOptions.of(31), RngState.seed(4));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("s = 31")
                .hasMessageContaining("m = 30");
    }

    @Test
    void rejectsMixOutsideUnitInterval() {
        assertThatThrownBy(() -> SamplingOptions.of(4).withUniformMix(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void paddedKeysAreNeverSampled() {
        AttentionInput in = ApproxTesting.lowRank(100, 16, 1.0, 55);
        boolean[] keep = new boolean[100];
        for (int j = 0; j < 100; j++) {
            keep[j] = j < 60;
        }
        Hashing.Samples drawn = Hashing.sample(
                LeverageSampling.of(200, SamplingAttention.valueNormLaw(in.v(), AttentionMask.keyPadding(keep), 0.25)),
                RngState.seed(5));
        assertThat(java.util.Arrays.stream(drawn.index()).max().getAsInt()).isLessThan(60);
    }

    @Test
    void sameStateSameBitsForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 56);
        DenseMatrix one =
                ApproxTesting.withThreads(1, () -> new SamplingAttention(SamplingOptions.of(256), RngState.seed(6))
                        .compute(in.q(), in.k(), in.v()));
        DenseMatrix two =
                ApproxTesting.withThreads(2, () -> new SamplingAttention(SamplingOptions.of(256), RngState.seed(6))
                        .compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void moreSamplesAreMoreAccurate() {
        // Median over 5 states, so that one lucky draw cannot decide.
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 0.5, 57);
        double[] few = new double[5];
        double[] many = new double[5];
        for (int s = 0; s < 5; s++) {
            few[s] = ApproxTesting.error(new SamplingAttention(SamplingOptions.of(16), RngState.seed(70 + s)), in);
            many[s] = ApproxTesting.error(new SamplingAttention(SamplingOptions.of(512), RngState.seed(70 + s)), in);
        }
        assertThat(ApproxTesting.median(many)).isLessThan(ApproxTesting.median(few));
    }

    @Test
    void uniformMixMatters() {
        AttentionInput in = ApproxTesting.lowRank(256, 16, 1.0, 58);
        DenseMatrix a = new SamplingAttention(SamplingOptions.of(32).withUniformMix(0.0), RngState.seed(8))
                .compute(in.q(), in.k(), in.v());
        DenseMatrix b = new SamplingAttention(SamplingOptions.of(32).withUniformMix(1.0), RngState.seed(8))
                .compute(in.q(), in.k(), in.v());
        assertThat(ApproxTesting.sameBits(a, b)).isFalse();
    }
}
