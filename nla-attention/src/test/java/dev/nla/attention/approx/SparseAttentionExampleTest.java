package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/attention-sparse-sampling.md} ({@code
 * docs/examples/SparseAttentionExample.java}), statement for statement, with the printed
 * values asserted to the printed digits (half a unit of the last printed digit).
 */
class SparseAttentionExampleTest {
    @Test
    void attentionApproximationsExample() {
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 2.0, RngState.seed(1));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());

        Attention topK = new TopKAttention(TopKOptions.of(128));
        assertThat(ReferenceAttention.relativeError(topK.compute(in.q(), in.k(), in.v()), exact))
                .isCloseTo(0.041, within(5e-4));

        Attention window =
                new SlidingWindowAttention(SlidingWindowOptions.of(64).withGlobalTokens(4));
        DenseMatrix causal = window.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(new int[] {causal.rows(), causal.cols()}).containsExactly(1024, 64);

        Attention hyper =
                new HyperAttention(HyperAttentionOptions.of(128).withMinSequenceLength(256), RngState.seed(2));
        assertThat(ReferenceAttention.relativeError(hyper.compute(in.q(), in.k(), in.v()), exact))
                .isCloseTo(0.292, within(5e-4));

        Map<String, double[]> printed = Map.of(
                "bigbird", new double[] {0.156, 0.15},
                "reformer-lsh", new double[] {0.151, 0.14},
                "clustered", new double[] {0.544, 0.20},
                "sampling", new double[] {0.415, 0.02},
                "kdeformer", new double[] {0.366, 0.05});
        for (Map.Entry<String, double[]> e : printed.entrySet()) {
            AttentionMethod entry = AttentionMethods.find(e.getKey()).orElseThrow();
            Attention method = entry.create(64, RngState.seed(3));
            var run = CostCounter.measure(() -> method.compute(in.q(), in.k(), in.v()));
            assertThat(ReferenceAttention.relativeError(run.value(), exact))
                    .as(e.getKey())
                    .isCloseTo(e.getValue()[0], within(5e-4));
            assertThat(run.cost().flops() / 1e9).as(e.getKey()).isCloseTo(e.getValue()[1], within(5e-3));
        }

        Attention kde = AttentionMethods.find("kdeformer").orElseThrow().create(64, RngState.seed(4));
        assertThatThrownBy(() -> kde.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessage(
                        "kdeformer cannot honour a causal mask: its approximation mixes future keys into every query");
    }
}
