package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.Attention;
import dev.nla.attention.analysis.Cost;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.analysis.Measured;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.attention.exact.OnlineSoftmaxAttention;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Spec test 19, the CI gate on the deterministic flop counter: log-log slopes of counted flops over
 * \(n \in \{1024, \dots, 16384\}\), \(d = d_v = 64\). Counting only: no timing. The counts are exact
 * functions of the shapes, so the slopes are deterministic.
 */
class FlopSlopeTest {
    private static final int[] SIZES = {1024, 2048, 4096, 8192, 16384};
    private static final int D = 64;

    private static Cost cost(Attention method, int n) {
        RngState state = RngState.seed(19).split(n);
        DenseMatrix q = KernelLowRankTesting.gaussian(n, D, 0.3, 0.0, state.split(0));
        DenseMatrix k = KernelLowRankTesting.gaussian(n, D, 0.3, 0.0, state.split(1));
        DenseMatrix v = KernelLowRankTesting.gaussian(n, D, 1.0, 1.0, state.split(2));
        Measured<DenseMatrix> r = CostCounter.measure(() -> method.compute(q, k, v));
        return r.cost();
    }

    /** Least-squares slope of log(flops) against log(n). */
    private static double slope(IntFunction<Attention> method) {
        double[] x = new double[SIZES.length];
        double[] y = new double[SIZES.length];
        for (int i = 0; i < SIZES.length; i++) {
            x[i] = Math.log(SIZES[i]);
            y[i] = Math.log(cost(method.apply(SIZES[i]), SIZES[i]).flops());
        }
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i] / x.length;
            my += y[i] / x.length;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        return sxy / sxx;
    }

    @Test
    void nystromformerWith64LandmarksIsLinear() {
        assertThat(slope(n -> new NystromformerAttention(NystromformerOptions.of(64))))
                .isLessThanOrEqualTo(1.05);
    }

    @Test
    void performerWith256FeaturesIsLinear() {
        assertThat(slope(n -> new PerformerAttention(PerformerOptions.of(256), RngState.seed(7))))
                .isLessThanOrEqualTo(1.05);
    }

    @Test
    void linearAttentionIsLinear() {
        assertThat(slope(n -> new LinearAttention())).isLessThanOrEqualTo(1.05);
    }

    @Test
    void causalLinearAttentionIsLinear() {
        double[] y = new double[2];
        for (int i = 0; i < 2; i++) {
            int n = SIZES[3 + i];
            DenseMatrix q = KernelLowRankTesting.gaussian(
                    n, D, 0.3, 0.0, RngState.seed(20).split(i));
            Measured<DenseMatrix> r = CostCounter.measure(
                    () -> new LinearAttention().compute(q, q, q, dev.nla.attention.AttentionMask.causal()));
            y[i] = r.cost().flops();
        }
        assertThat(Math.log(y[1] / y[0]) / Math.log(2)).isLessThanOrEqualTo(1.05);
    }

    // Peak counted extra memory of Nystromformer: F (n x r), B (r x n), the n x d_v output and O(r^2 + rd)
    // scratch, so at most 4 n r doubles for r = d_v = 64.
    @Test
    void nystromformerPeakMemoryIsLinearInNTimesR() {
        for (int n : SIZES) {
            Cost c = cost(new NystromformerAttention(NystromformerOptions.of(64)), n);
            assertThat(c.peakElements()).as("n = %d", n).isLessThanOrEqualTo(4L * n * 64);
        }
    }

    @Tag("slow")
    @Test
    void exactAttentionIsQuadratic() {
        assertThat(slope(n -> DenseAttention.withDefaults())).isGreaterThanOrEqualTo(1.95);
    }

    @Tag("slow")
    @Test
    void onlineSoftmaxIsQuadratic() {
        assertThat(slope(n -> OnlineSoftmaxAttention.withDefaults())).isGreaterThanOrEqualTo(1.95);
    }

    @Tag("slow")
    @Test
    void onlineSoftmaxNeverAllocatesAnNByNArray() {
        for (int n : SIZES) {
            Cost c = cost(OnlineSoftmaxAttention.withDefaults(), n);
            assertThat(c.largestArray()).as("largest array at n = %d", n).isLessThan((long) n * n / 8);
            assertThat(c.peakElements()).as("peak at n = %d", n).isLessThan((long) n * n / 4);
        }
    }

    @Test
    void onlineSoftmaxNeverAllocatesAnNByNArrayAtSmallSizes() {
        for (int n : new int[] {1024, 2048}) {
            Cost c = cost(OnlineSoftmaxAttention.withDefaults(), n);
            assertThat(c.peakElements()).as("peak at n = %d", n).isLessThan((long) n * n / 4);
        }
    }
}
