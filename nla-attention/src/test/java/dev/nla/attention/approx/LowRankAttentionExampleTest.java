package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.analysis.Measured;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/attention-lowrank-kernel.md} ({@code
 * docs/examples/LowRankAttentionExample.java}), statement for statement, with the printed facts
 * asserted instead of printed.
 */
class LowRankAttentionExampleTest {
    @Test
    void attentionApproximationsExample() {
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 1.0, RngState.seed(1));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        Attention nystrom = new NystromformerAttention(NystromformerOptions.of(64));
        double nystromError = KernelLowRankTesting.relativeError(nystrom.compute(in.q(), in.k(), in.v()), exact);
        Attention performer = new PerformerAttention(PerformerOptions.of(256), RngState.seed(2));
        double performerError = KernelLowRankTesting.relativeError(performer.compute(in.q(), in.k(), in.v()), exact);
        DenseMatrix causal = performer.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        Attention linear = AttentionMethods.find("linear").orElseThrow().create(0, RngState.seed(3));
        Measured<DenseMatrix> m = CostCounter.measure(() -> linear.compute(in.q(), in.k(), in.v()));

        // the page quotes errors of about 0.02 (Nystromformer) and 0.1 to 0.2 (Performer) at this size
        assertThat(nystromError).isLessThan(0.05);
        assertThat(performerError).isLessThan(0.3);
        assertThat(new int[] {causal.rows(), causal.cols()}).containsExactly(1024, 64);
        assertThatThrownBy(() -> nystrom.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class);
        // 2 (n + m) d (d_v + 1) for the two products plus the feature map and the division
        assertThat(m.cost().flops()).isGreaterThan(2L * 2048 * 64 * 65);
    }
}
