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
    void matchesTwinWithJointKmeans() {
        AttentionInput in = ApproxTesting.lowRank(240, 16, 1.0, 141);
        ClusteredAttention method = new ClusteredAttention(
                ClusteredOptions.of(6).withKeys(ClusteredOptions.KeyRouting.JOINT_KMEANS), RngState.seed(11));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        int[] label = method.assign(in.q(), in.k(), false);
        assertThat(ReferenceAttention.relativeError(out, twin(in, label, false)))
                .isLessThan(1e-12);
    }

    @Test
    void keysRouteToTheBestScoringQueryMean() {
        AttentionInput in = ApproxTesting.lowRank(150, 16, 1.0, 142);
        ClusteredAttention method = new ClusteredAttention(ClusteredOptions.of(5), RngState.seed(12));
        int[] label = method.assign(in.q(), in.k(), false);
        int n = 150;
        double[][] mean = new double[5][16];
        int[] size = new int[5];
        for (int i = 0; i < n; i++) {
            size[label[i]]++;
            for (int l = 0; l < 16; l++) {
                mean[label[i]][l] += in.q().get(i, l);
            }
        }
        for (int j = 0; j < n; j++) {
            int best = -1;
            double value = Double.NEGATIVE_INFINITY;
            for (int u = 0; u < 5; u++) {
                double dot = 0;
                for (int l = 0; l < 16; l++) {
                    dot += mean[u][l] / Math.max(1, size[u]) * in.k().get(j, l);
                }
                if (size[u] > 0 && dot > value) {
                    value = dot;
                    best = u;
                }
            }
            assertThat(label[n + j]).isEqualTo(best);
        }
    }

    @Test
    void queryMeanRoutingBeatsJointKmeansOnIndependentProjections() {
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 2.0, 143);
        double means = ApproxTesting.error(new ClusteredAttention(ClusteredOptions.of(16), RngState.seed(13)), in);
        double joint = ApproxTesting.error(
                new ClusteredAttention(
                        ClusteredOptions.of(16).withKeys(ClusteredOptions.KeyRouting.JOINT_KMEANS), RngState.seed(13)),
                in);
        assertThat(means).isLessThan(joint);
    }

    @Test
    void assignmentIsALloydFixedPointAfterConvergence() {
        // After many iterations every point is assigned to its most similar centroid, and centroids
        // are the normalised means: reassigning changes nothing. Checked through the labels being
        // stable from 50 to 51 iterations.
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 43);
        ClusteredOptions joint = ClusteredOptions.of(5).withKeys(ClusteredOptions.KeyRouting.JOINT_KMEANS);
        int[] a = new ClusteredAttention(joint.withIterations(50), RngState.seed(3)).assign(in.q(), in.k(), false);
        int[] b = new ClusteredAttention(joint.withIterations(51), RngState.seed(3)).assign(in.q(), in.k(), false);
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
