package dev.nla.attention.heads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.TestInputs;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * GQA to MLA conversions on the spec's E4 layer: D = 512, h = 8, g = 2, d_h = 64 (so 2gd_h = 256),
 * n = 512 tokens from an anisotropic embedding table (vocabulary 256, Zipf 1.1), causal; the PCA
 * calibrates on another sample of 512 tokens. Spec tests 6, 7 and 18.
 */
class GqaToMlaTest {
    private static final int D = 512;
    private static final HeadConfig CONFIG = new HeadConfig(8, 2, 64);
    private static GroupedQueryAttention source;
    private static DenseMatrix tokens;
    private static DenseMatrix calibration;

    @BeforeAll
    static void layer() {
        source = GroupedQueryAttention.random(CONFIG, D, false, RngState.seed(2025));
        DenseMatrix table =
                AttentionInputs.anisotropicEmbeddings(AttentionInputs.TOKEN_VOCABULARY, D, RngState.seed(1));
        tokens = AttentionInputs.embedTokens(table, 512, RngState.seed(2));
        calibration = AttentionInputs.embedTokens(table, 512, RngState.seed(3)); // another sample
    }

    /**
     * Spec test 6: the exact conversion reproduces the GQA layer, both passes. The MLA keys are the
     * GQA keys times 0/1 selections (exact), so the only differences are the orders of the score and
     * output sums: 1e-12 relative is ~5000 u.
     */
    @ParameterizedTest(name = "absorbed = {0}")
    @ValueSource(booleans = {false, true})
    void exactConversionReproducesTheLayer(boolean absorbed) {
        MlaConversion c = GqaToMla.exact(source);
        assertThat(c.outputError(source, tokens, AttentionMask.causal(), absorbed))
                .isLessThanOrEqualTo(1e-12);
    }

    @Test
    void exactConversionKeepsTheCacheSize() {
        MlaConversion c = GqaToMla.exact(source);
        assertThat(new long[] {c.cacheFloatsPerToken(), c.sourceCacheFloats()}).containsExactly(256, 256);
    }

    /**
     * Spec test 7: the joint-SVD weight residual is the singular-value tail (Eckart–Young), to 1e-10
     * relative (the residual is formed explicitly, so it carries O(D u) rounding of ||W||_F).
     */
    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {16, 64, 128, 192})
    void jointSvdResidualIsTheSingularValueTail(int r) {
        MlaConversion c = GqaToMla.jointSvd(source, r);
        double[] sigma = c.stackedSingularValues();
        double tail = 0;
        for (int j = r; j < sigma.length; j++) {
            tail += sigma[j] * sigma[j];
        }
        double residual2 = c.weightResidual() * c.weightResidual();
        assertThat(Math.abs(residual2 - tail)).isLessThanOrEqualTo(1e-10 * tail);
    }

    @Test
    void jointSvdAtFullRankIsExact() {
        MlaConversion c = GqaToMla.jointSvd(source, 256);
        assertThat(c.outputError(source, tokens, AttentionMask.causal(), true)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void jointSvdErrorDoesNotIncreaseWithTheRank() {
        double previous = Double.POSITIVE_INFINITY;
        for (int r : new int[] {16, 32, 64, 128, 192, 256}) {
            double e = GqaToMla.jointSvd(source, r).outputError(source, tokens, AttentionMask.causal(), true);
            assertThat(e).as("r = %d", r).isLessThanOrEqualTo(previous);
            previous = e;
        }
    }

    /**
     * Spec test 18: activation PCA at r = 192 of 256 has layer-output error <= 0.1 (prototype 0.042)
     * and strictly below the joint weight SVD at the same rank (prototype 0.346).
     */
    @Test
    void activationPcaIsAccurateAtRank192() {
        MlaConversion c = GqaToMla.activationPca(source, calibration, 192, false);
        assertThat(c.outputError(source, tokens, AttentionMask.causal(), true)).isLessThanOrEqualTo(0.1);
    }

    @Test
    void activationPcaBeatsJointSvdAtRank192() {
        double pca = GqaToMla.activationPca(source, calibration, 192, false)
                .outputError(source, tokens, AttentionMask.causal(), true);
        double joint = GqaToMla.jointSvd(source, 192).outputError(source, tokens, AttentionMask.causal(), true);
        assertThat(pca).isLessThan(joint);
    }

    @Test
    void balancedActivationPcaIsExactAtFullRank() {
        MlaConversion c = GqaToMla.activationPca(source, calibration, 256, true);
        assertThat(c.outputError(source, tokens, AttentionMask.causal(), false)).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void splitSvdAtFullRankIsExact() {
        MlaConversion c = GqaToMla.splitSvd(source, 256);
        assertThat(c.outputError(source, tokens, AttentionMask.causal(), true)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void splitSvdIsNoBetterThanJointOnTheWeights() {
        // Joint truncation is the optimal rank-r factorisation of [W_K | W_V]; split is one of its rivals.
        assertThat(GqaToMla.splitSvd(source, 128).weightResidual())
                .isGreaterThanOrEqualTo(GqaToMla.jointSvd(source, 128).weightResidual());
    }

    @Test
    void lowRankConversionShrinksTheCache() {
        assertThat(GqaToMla.jointSvd(source, 64).cacheFloatsPerToken()).isEqualTo(64);
    }

    @ParameterizedTest(name = "r = {0}")
    @ValueSource(ints = {0, -1, 257})
    void jointRankOutOfRangeIsRejected(int r) {
        assertThatThrownBy(() -> GqaToMla.jointSvd(source, r))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = " + r)
                .hasMessageContaining("[1, 256]");
    }

    @Test
    void oddSplitRankIsRejected() {
        assertThatThrownBy(() -> GqaToMla.splitSvd(source, 31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 31");
    }

    @Test
    void pcaRankAboveTheCalibrationSizeIsRejected() {
        assertThatThrownBy(() -> GqaToMla.activationPca(source, calibration.rowBlock(0, 100), 101, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 101")
                .hasMessageContaining("[1, 100]");
    }

    @Test
    void calibrationWithTheWrongWidthIsRejected() {
        assertThatThrownBy(() -> GqaToMla.activationPca(source, TestInputs.gaussian(10, D - 1, 1), 4, false))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("D = " + D);
    }

    @Test
    void ropeLayersAreRefused() {
        GroupedQueryAttention rope = GroupedQueryAttention.random(new HeadConfig(4, 2, 8), 32, true, RngState.seed(1));
        assertThatThrownBy(() -> GqaToMla.exact(rope))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RoPE");
    }
}
