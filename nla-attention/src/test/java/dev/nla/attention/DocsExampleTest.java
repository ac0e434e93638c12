package dev.nla.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.analysis.AttentionSpectrum;
import dev.nla.attention.analysis.ErrorMetrics;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.attention.exact.KvCache;
import dev.nla.attention.exact.OnlineSoftmaxAttention;
import dev.nla.attention.heads.GqaToMla;
import dev.nla.attention.heads.GroupedQueryAttention;
import dev.nla.attention.heads.HeadConfig;
import dev.nla.attention.heads.MlaConversion;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/attention.md} ({@code docs/examples/AttentionExample.java}), statement
 * for statement, with the printed values asserted.
 */
class DocsExampleTest {
    private static final AttentionMask CAUSAL = AttentionMask.causal();
    private static GroupedQueryAttention gqa;
    private static DenseMatrix tokens;
    private static DenseMatrix calibration;

    @BeforeAll
    static void layer() {
        gqa = GroupedQueryAttention.random(new HeadConfig(8, 2, 32), 256, false, RngState.seed(3));
        DenseMatrix table = AttentionInputs.anisotropicEmbeddings(256, 256, RngState.seed(4));
        tokens = AttentionInputs.embedTokens(table, 256, RngState.seed(5));
        calibration = AttentionInputs.embedTokens(table, 256, RngState.seed(6));
    }

    @Test
    void exactAttentionThreeWays() {
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 1.0, RngState.seed(1));
        DenseMatrix dense = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), CAUSAL);
        DenseMatrix online = OnlineSoftmaxAttention.withBlockSize(64).compute(in.q(), in.k(), in.v(), CAUSAL);
        DenseMatrix decoded = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        // printed: 6.1e-16 and 7.7e-16
        assertThat(ErrorMetrics.relativeFrobenius(online, dense)).isLessThan(1e-14);
        assertThat(ErrorMetrics.relativeFrobenius(decoded, dense)).isLessThan(1e-14);
    }

    @Test
    void temperatureDecidesTheSpectrum() {
        AttentionInput flat = AttentionInputs.lowRankQK(1024, 64, 32, 0.5, RngState.seed(2));
        AttentionInput sharp = AttentionInputs.lowRankQK(1024, 64, 32, 2.0, RngState.seed(2));
        AttentionSpectrum f =
                AttentionSpectrum.of(flat.q(), flat.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        AttentionSpectrum s =
                AttentionSpectrum.of(sharp.q(), sharp.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        // printed: k90 = 8, k99 = 69, 0.005; k90 = 129, k99 = 386, 0.109
        assertThat(new int[] {f.k90(), f.k99(), s.k90(), s.k99()}).containsExactly(8, 69, 129, 386);
        assertThat(s.meanRowMax()).isCloseTo(0.109, within(5e-4));
    }

    @Test
    void exactConversion() {
        MlaConversion exact = GqaToMla.exact(gqa);
        // printed: cache 128, error 5.9e-16 (absorbed), 0.0e+00 (unabsorbed)
        assertThat(exact.cacheFloatsPerToken()).isEqualTo(128);
        assertThat(exact.outputError(gqa, tokens, CAUSAL, true)).isLessThan(1e-14);
        assertThat(exact.outputError(gqa, tokens, CAUSAL, false)).isLessThan(1e-14);
    }

    @Test
    void lowRankConversions() {
        // printed: joint-svd 0.496, split-svd 0.619, activation-pca 0.084, each caching 64 numbers
        assertThat(GqaToMla.jointSvd(gqa, 64).outputError(gqa, tokens, CAUSAL, true))
                .isCloseTo(0.496, within(5e-4));
        assertThat(GqaToMla.splitSvd(gqa, 64).outputError(gqa, tokens, CAUSAL, true))
                .isCloseTo(0.619, within(5e-4));
        MlaConversion pca = GqaToMla.activationPca(gqa, calibration, 64, false);
        assertThat(pca.outputError(gqa, tokens, CAUSAL, true)).isCloseTo(0.084, within(5e-4));
        assertThat(pca.cacheFloatsPerToken()).isEqualTo(64);
    }
}
