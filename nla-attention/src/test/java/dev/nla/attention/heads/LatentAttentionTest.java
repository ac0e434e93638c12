package dev.nla.attention.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.Scaling;
import dev.nla.attention.TestInputs;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * MLA: the absorbed pass (attention over the cached latent) equals the unabsorbed pass (explicit
 * keys and values) to rounding: the two differ only by the association of three products, so the
 * relative difference is O((D + d_c) u) per entry; 1e-12 leaves a wide margin.
 */
class LatentAttentionTest {
    private static final int D = 64;

    @Test
    void absorbedEqualsUnabsorbedWithDecoupledRope() {
        LatentAttention mla = LatentAttention.random(4, 16, 24, 8, D, RngState.seed(1));
        DenseMatrix x = TestInputs.gaussian(50, D, 2);
        assertThat(ReferenceAttention.relativeError(
                        mla.forward(x, AttentionMask.causal(), true), mla.forward(x, AttentionMask.causal(), false)))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void absorbedEqualsUnabsorbedWithoutRope() {
        LatentAttention mla = LatentAttention.random(3, 8, 20, 0, D, RngState.seed(3));
        DenseMatrix x = TestInputs.gaussian(30, D, 4);
        assertThat(ReferenceAttention.relativeError(
                        mla.forward(x, AttentionMask.NONE, true), mla.forward(x, AttentionMask.NONE, false)))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void zeroRopeWeightsGiveTheLayerWithoutRope() {
        LatentAttention base = LatentAttention.random(2, 8, 16, 0, D, RngState.seed(5));
        Scaling s = Scaling.fixed(0.25);
        LatentAttention zeroRope = new LatentAttention(
                2,
                base.wq(),
                base.wdkv(),
                base.wuk(),
                base.wuv(),
                base.wo(),
                DenseMatrix.zeros(D, 8),
                DenseMatrix.zeros(D, 4),
                s);
        LatentAttention noRope =
                LatentAttention.withoutRope(2, base.wq(), base.wdkv(), base.wuk(), base.wuv(), base.wo(), s);
        DenseMatrix x = TestInputs.gaussian(20, D, 6);
        // Zero RoPE columns add exact zeros to the dot products; only the GEMM blocking may differ.
        assertThat(ReferenceAttention.relativeError(
                        zeroRope.forward(x, AttentionMask.causal(), false),
                        noRope.forward(x, AttentionMask.causal(), false)))
                .isLessThanOrEqualTo(1e-13);
    }

    @Test
    void ropeWeightsChangeTheOutput() {
        LatentAttention withRope = LatentAttention.random(2, 8, 16, 4, D, RngState.seed(5));
        LatentAttention noRope = LatentAttention.withoutRope(
                2, withRope.wq(), withRope.wdkv(), withRope.wuk(), withRope.wuv(), withRope.wo(), withRope.scaling());
        DenseMatrix x = TestInputs.gaussian(20, D, 6);
        assertThat(ReferenceAttention.relativeError(
                        withRope.forward(x, AttentionMask.causal(), false),
                        noRope.forward(x, AttentionMask.causal(), false)))
                .isGreaterThan(1e-3);
    }

    @Test
    void cacheIsLatentPlusRopeDimension() {
        LatentAttention mla = LatentAttention.random(4, 16, 24, 8, D, RngState.seed(1));
        assertThat(mla.cacheFloatsPerToken()).isEqualTo(32);
    }

    @Test
    void absorbedPassIsCausal() {
        LatentAttention mla = LatentAttention.random(2, 8, 12, 4, D, RngState.seed(7));
        DenseMatrix x = TestInputs.gaussian(30, D, 8);
        DenseMatrix before = mla.forward(x, AttentionMask.causal(), true);
        DenseMatrix changed = x.copy();
        changed.view(12, 0, 18, D).copyFrom(TestInputs.gaussian(18, D, 9));
        DenseMatrix after = mla.forward(changed, AttentionMask.causal(), true);
        assertThat(TestInputs.maxAbsDiff(before.view(0, 0, 12, D), after.view(0, 0, 12, D)))
                .isZero();
    }

    @Test
    void upProjectionWithTheWrongLatentDimensionIsRejected() {
        assertThatThrownBy(() -> LatentAttention.withoutRope(
                        2,
                        TestInputs.gaussian(D, 16, 1),
                        TestInputs.gaussian(D, 10, 2),
                        TestInputs.gaussian(11, 16, 3),
                        TestInputs.gaussian(10, 16, 4),
                        TestInputs.gaussian(16, D, 5),
                        Scaling.inverseSqrtDimension()))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("W^UK");
    }

    @Test
    void widthsMustBeMultiplesOfTheHeadCount() {
        assertThatThrownBy(() -> LatentAttention.withoutRope(
                        3,
                        TestInputs.gaussian(D, 16, 1),
                        TestInputs.gaussian(D, 10, 2),
                        TestInputs.gaussian(10, 16, 3),
                        TestInputs.gaussian(10, 16, 4),
                        TestInputs.gaussian(16, D, 5),
                        Scaling.inverseSqrtDimension()))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("h = 3");
    }

    @Test
    void ropeNeedsBothWeights() {
        assertThatThrownBy(() -> new LatentAttention(
                        2,
                        TestInputs.gaussian(D, 16, 1),
                        TestInputs.gaussian(D, 10, 2),
                        TestInputs.gaussian(10, 16, 3),
                        TestInputs.gaussian(10, 16, 4),
                        TestInputs.gaussian(16, D, 5),
                        TestInputs.gaussian(D, 8, 6),
                        null,
                        Scaling.inverseSqrtDimension()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("W^QR and W^KR");
    }
}
