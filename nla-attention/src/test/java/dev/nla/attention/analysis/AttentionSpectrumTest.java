package dev.nla.attention.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/**
 * Spectra and effective ranks; spec test 17 (E1 at n = 1024): the regime split between flat, nearly
 * rank-one attention at small beta and peaked, high-rank attention at large beta, and exact low rank
 * from repeated tokens. The thresholds assert the regimes, not the prototype's exact values.
 */
class AttentionSpectrumTest {
    private static AttentionSpectrum spectrum(AttentionInput in) {
        return AttentionSpectrum.of(in.q(), in.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
    }

    @Test
    void smallBetaIsNearlyLowRank() {
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 0.5, RngState.seed(17));
        assertThat(spectrum(in).k90()).isLessThanOrEqualTo(16); // prototype 8
    }

    @Test
    void largeBetaIsHighRank() {
        AttentionInput in = AttentionInputs.lowRankQK(1024, 64, 32, 2.0, RngState.seed(17));
        assertThat(spectrum(in).k90()).isGreaterThanOrEqualTo(100); // prototype 155
    }

    @Test
    void repeatedTokensWithoutPositionsGiveLowRank() {
        AttentionInput in = AttentionInputs.tokenLM(1024, false, RngState.seed(17));
        assertThat(spectrum(in).k99()).isLessThanOrEqualTo(64); // prototype 27
    }

    @Test
    void peakednessGrowsWithBeta() {
        double flat = spectrum(AttentionInputs.lowRankQK(256, 32, 16, 0.5, RngState.seed(3)))
                .meanRowMax();
        double peaked = spectrum(AttentionInputs.lowRankQK(256, 32, 16, 8, RngState.seed(3)))
                .meanRowMax();
        assertThat(peaked).isGreaterThan(4 * flat);
    }

    @Test
    void uniformRowsAreRankOneWithMeanRowMaxOneOverM() {
        // Q = 0 gives S = 0, A = (1/m) 1 1^T: sigma_1 = sqrt(n/m) * ... = 1 for n = m, the rest 0.
        AttentionSpectrum s = AttentionSpectrum.of(
                DenseMatrix.zeros(50, 4), DenseMatrix.zeros(50, 4), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        assertThat(new double[] {s.singularValues()[0], s.meanRowMax(), s.k99()})
                .containsExactly(new double[] {1.0, 1.0 / 50, 1.0}, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void effectiveRankCountsEnergy() {
        // energies 9, 4, 1 (total 14): 9/14 = 0.64, 13/14 = 0.93, 1.
        AttentionSpectrum s = new AttentionSpectrum(new double[] {3, 2, 1}, Double.NaN);
        assertThat(new int[] {s.effectiveRank(0.5), s.k90(), s.k99(), s.effectiveRank(1.0)})
                .containsExactly(1, 2, 3, 3);
    }

    @Test
    void relativeSingularValue() {
        AttentionSpectrum s = AttentionSpectrum.ofMatrix(DenseMatrix.diagonal(4, 1, 0.5));
        assertThat(s.relative(3)).isEqualTo(0.125);
    }

    @Test
    void increasingSingularValuesAreRejected() {
        assertThatThrownBy(() -> new AttentionSpectrum(new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma[1] = 2.0");
    }

    @Test
    void fractionOutOfRangeIsRejected() {
        AttentionSpectrum s = new AttentionSpectrum(new double[] {1}, 0);
        assertThatThrownBy(() -> s.effectiveRank(1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    @Test
    void emptyMatrixIsRejected() {
        assertThatThrownBy(() -> AttentionSpectrum.ofMatrix(DenseMatrix.zeros(0, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x3");
    }
}
