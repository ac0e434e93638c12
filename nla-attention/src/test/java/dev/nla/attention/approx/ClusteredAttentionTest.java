package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class ClusteredAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** The twin: same-cluster pairs (plus the own token for a query whose cluster has no visible key). */
    private static DenseMatrix twin(AttentionInput in, int[] label, boolean causal) {
        int n = in.n();
        boolean[] empty = new boolean[n];
        for (int i = 0; i < n; i++) {
            empty[i] = true;
            for (int j = 0; j < n; j++) {
                if (label[i] == label[n + j] && !(causal && j > i)) {
                    empty[i] = false;
                }
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> {
            if (empty[i]) {
                return j == i ? 1.0 : 0.0;
            }
            return label[i] == label[n + j] && !(causal && j > i) ? 1.0 : 0.0;
        });
    }

    @Test
    void matchesTwinWithoutMask() {
        AttentionInput in = ApproxTesting.lowRank(240, 16, 1.0, 41);
        ClusteredAttention method = new ClusteredAttention(ClusteredOptions.of(6), RngState.seed(1));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        int[] label = method.assign(in.q(), in.k(), false);
        assertThat(ReferenceAttention.relativeError(out, twin(in, label, false)))
                .isLessThan(1e-12);
    }

    @Test
    void matchesTwinCausal() {
        AttentionInput in = ApproxTesting.lowRank(240, 16, 1.0, 42);
        ClusteredAttention method = new ClusteredAttention(ClusteredOptions.of(6), RngState.seed(2));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        int[] label = method.assign(in.q(), in.k(), true);
        assertThat(ReferenceAttention.relativeError(out, twin(in, label, true))).isLessThan(1e-12);
    }

    @Test
    void assignmentIsALloydFixedPointAfterConvergence() {
        // After many iterations every point is assigned to its most similar centroid, and centroids
        // are the normalised means: reassigning changes nothing. Checked through the labels being
        // stable from 50 to 51 iterations.
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 43);
        int[] a = new ClusteredAttention(ClusteredOptions.of(5).withIterations(50), RngState.seed(3))
                .assign(in.q(), in.k(), false);
        int[] b = new ClusteredAttention(ClusteredOptions.of(5).withIterations(51), RngState.seed(3))
                .assign(in.q(), in.k(), false);
        assertThat(b).isEqualTo(a);
    }

    @Test
    void oneClusterIsExactAttention() {
        AttentionInput in = ApproxTesting.lowRank(100, 16, 1.0, 44);
        DenseMatrix out =
                new ClusteredAttention(ClusteredOptions.of(1), RngState.seed(4)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.NONE, SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void isCausal() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 45);
        ClusteredAttention method = new ClusteredAttention(ClusteredOptions.of(4), RngState.seed(5));
        assertThat(ApproxTesting.causalLeak(method, in, 46)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void rejectsClustersAboveN() {
        AttentionInput in = ApproxTesting.lowRank(30, 16, 1.0, 47);
        ClusteredAttention method = new ClusteredAttention(ClusteredOptions.of(31), RngState.seed(6));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c = 31")
                .hasMessageContaining("n = 30");
    }

    @Test
    void rejectsNonPositiveClusters() {
        assertThatThrownBy(() -> ClusteredOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clusters");
    }

    @Test
    void sameStateSameBitsForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 48);
        DenseMatrix one =
                ApproxTesting.withThreads(1, () -> new ClusteredAttention(ClusteredOptions.of(8), RngState.seed(7))
                        .compute(in.q(), in.k(), in.v()));
        DenseMatrix two =
                ApproxTesting.withThreads(2, () -> new ClusteredAttention(ClusteredOptions.of(8), RngState.seed(7))
                        .compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void iterationsMatter() {
        AttentionInput in = ApproxTesting.lowRank(400, 16, 1.0, 49);
        int[] none = new ClusteredAttention(ClusteredOptions.of(8).withIterations(0), RngState.seed(8))
                .assign(in.q(), in.k(), false);
        int[] ten = new ClusteredAttention(ClusteredOptions.of(8).withIterations(10), RngState.seed(8))
                .assign(in.q(), in.k(), false);
        assertThat(ten).isNotEqualTo(none);
    }

    @Test
    void fewerClustersAreMoreAccurate() {
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 1.0, 50);
        double two = ApproxTesting.error(new ClusteredAttention(ClusteredOptions.of(2), RngState.seed(9)), in);
        double many = ApproxTesting.error(new ClusteredAttention(ClusteredOptions.of(64), RngState.seed(9)), in);
        assertThat(two).isLessThan(many);
    }
}
