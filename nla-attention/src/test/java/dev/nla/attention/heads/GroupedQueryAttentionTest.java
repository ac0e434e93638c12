package dev.nla.attention.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.TestInputs;
import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * MHA/MQA/GQA layers. Tolerances: each output is a sum over heads of convex combinations computed
 * with the same operations in another order; 1e-12 relative is about 10^4 u.
 */
class GroupedQueryAttentionTest {
    private static final int D = 48;
    private static final int N = 40;

    /** Naive twin: per head, explicit dot products and Math.exp (ReferenceAttention), then W_O. */
    private static DenseMatrix naive(GroupedQueryAttention layer, DenseMatrix x, AttentionMask mask) {
        HeadConfig c = layer.config();
        int dh = c.headDim();
        DenseMatrix q = Blas.multiply(x, layer.wq());
        DenseMatrix k = Blas.multiply(x, layer.wk());
        DenseMatrix v = Blas.multiply(x, layer.wv());
        if (layer.rope().isPresent()) {
            q = layer.rope().get().apply(q, 0);
            k = layer.rope().get().apply(k, 0);
        }
        DenseMatrix h = DenseMatrix.zeros(x.rows(), c.queryWidth());
        for (int i = 0; i < c.heads(); i++) {
            int g = c.groupOf(i);
            h.columns(i * dh, dh)
                    .copyFrom(ReferenceAttention.compute(
                            q.columns(i * dh, dh),
                            k.columns(g * dh, dh),
                            v.columns(g * dh, dh),
                            mask,
                            1 / Math.sqrt(dh)));
        }
        return Blas.multiply(h, layer.wo());
    }

    @Test
    void gqaEqualsTheNaiveTwinCausal() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(new HeadConfig(6, 2, 8), D, false, RngState.seed(1));
        DenseMatrix x = TestInputs.gaussian(N, D, 2);
        assertThat(ReferenceAttention.relativeError(
                        layer.forward(x, AttentionMask.causal()), naive(layer, x, AttentionMask.causal())))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void ropeLayerEqualsTheNaiveTwin() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(HeadConfig.mqa(4, 8), D, true, RngState.seed(3));
        DenseMatrix x = TestInputs.gaussian(N, D, 4);
        assertThat(ReferenceAttention.relativeError(
                        layer.forward(x, AttentionMask.causal()), naive(layer, x, AttentionMask.causal())))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void gqaIsMhaWithReplicatedKeyValueWeights() {
        HeadConfig gqa = new HeadConfig(4, 2, 8);
        GroupedQueryAttention layer = GroupedQueryAttention.random(gqa, D, false, RngState.seed(5));
        DenseMatrix wk = DenseMatrix.zeros(D, 32);
        DenseMatrix wv = DenseMatrix.zeros(D, 32);
        for (int i = 0; i < 4; i++) {
            wk.columns(8 * i, 8).copyFrom(layer.wk().columns(8 * gqa.groupOf(i), 8));
            wv.columns(8 * i, 8).copyFrom(layer.wv().columns(8 * gqa.groupOf(i), 8));
        }
        GroupedQueryAttention mha =
                new GroupedQueryAttention(HeadConfig.mha(4, 8), layer.wq(), wk, wv, layer.wo(), false);
        DenseMatrix x = TestInputs.gaussian(N, D, 6);
        // Same operations on the same numbers: bitwise equal.
        assertThat(TestInputs.maxAbsDiff(layer.forward(x, AttentionMask.NONE), mha.forward(x, AttentionMask.NONE)))
                .isZero();
    }

    @Test
    void layerIsCausal() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(new HeadConfig(4, 2, 8), D, true, RngState.seed(7));
        DenseMatrix x = TestInputs.gaussian(N, D, 8);
        DenseMatrix before = layer.forward(x, AttentionMask.causal());
        DenseMatrix changed = x.copy();
        changed.view(25, 0, N - 25, D).copyFrom(TestInputs.gaussian(N - 25, D, 9));
        DenseMatrix after = layer.forward(changed, AttentionMask.causal());
        assertThat(TestInputs.maxAbsDiff(before.view(0, 0, 25, D), after.view(0, 0, 25, D)))
                .isZero();
    }

    @Test
    void cacheIsTwoGTimesHeadDim() {
        assertThat(GroupedQueryAttention.random(new HeadConfig(8, 2, 16), 32, false, RngState.seed(1))
                        .cacheFloatsPerToken())
                .isEqualTo(64);
    }

    @Test
    void wrongKeyWeightShapeIsRejected() {
        HeadConfig c = new HeadConfig(4, 2, 8);
        assertThatThrownBy(() -> new GroupedQueryAttention(
                        c,
                        TestInputs.gaussian(D, 32, 1),
                        TestInputs.gaussian(D, 24, 2),
                        TestInputs.gaussian(D, 16, 3),
                        TestInputs.gaussian(32, D, 4),
                        false))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("W_K");
    }

    @Test
    void wrongOutputWeightShapeIsRejected() {
        HeadConfig c = new HeadConfig(4, 2, 8);
        assertThatThrownBy(() -> new GroupedQueryAttention(
                        c,
                        TestInputs.gaussian(D, 32, 1),
                        TestInputs.gaussian(D, 16, 2),
                        TestInputs.gaussian(D, 16, 3),
                        TestInputs.gaussian(31, D, 4),
                        false))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("W_O")
                .hasMessageContaining("31");
    }

    @Test
    void tokensWithTheWrongWidthAreRejected() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(HeadConfig.mha(2, 8), D, false, RngState.seed(1));
        assertThatThrownBy(() -> layer.forward(TestInputs.gaussian(5, D + 1, 1), AttentionMask.NONE))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("D = " + D);
    }

    @Test
    void noTokensIsRejected() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(HeadConfig.mha(2, 8), D, false, RngState.seed(1));
        assertThatThrownBy(() -> layer.forward(DenseMatrix.zeros(0, D), AttentionMask.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 0");
    }

    @Test
    void nonFiniteTokensAreRejected() {
        GroupedQueryAttention layer = GroupedQueryAttention.random(HeadConfig.mha(2, 8), D, false, RngState.seed(1));
        DenseMatrix x = TestInputs.gaussian(5, D, 1);
        x.set(3, 4, Double.NaN);
        assertThatThrownBy(() -> layer.forward(x, AttentionMask.NONE))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("X");
    }

    @Test
    void weightsAreCopied() {
        DenseMatrix wq = TestInputs.gaussian(D, 16, 1);
        GroupedQueryAttention layer = new GroupedQueryAttention(
                HeadConfig.mha(2, 8),
                wq,
                TestInputs.gaussian(D, 16, 2),
                TestInputs.gaussian(D, 16, 3),
                TestInputs.gaussian(16, D, 4),
                false);
        DenseMatrix x = TestInputs.gaussian(6, D, 5);
        DenseMatrix before = layer.forward(x, AttentionMask.NONE);
        wq.fill(0);
        assertThat(TestInputs.maxAbsDiff(before, layer.forward(x, AttentionMask.NONE)))
                .isZero();
    }
}
