package dev.nla.core.random;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ScalarDistributionTest {
    private static final double SQRT3 = Math.sqrt(3);

    @Test
    void uniformOfZeroWordIsHalfACell() {
        assertThat(ScalarDistribution.uniform01(0L)).isEqualTo(0x1.0p-53);
    }

    @Test
    void uniformOfAllOnesWordIsBelowOne() {
        assertThat(ScalarDistribution.uniform01(-1L)).isEqualTo(1.0 - 0x1.0p-53).isLessThan(1.0);
    }

    @Test
    void uniformUsesTheUpper52Bits() {
        // Bits below the upper 52 are ignored; the top bit alone gives the cell just above 1/2.
        assertThat(ScalarDistribution.uniform01(Long.MIN_VALUE | 0xFFFL)).isEqualTo(0.5 + 0x1.0p-53);
    }

    @Test
    void uniformIsSymmetricUnderComplement() {
        long w = 0x0123_4567_89AB_CDEFL;
        assertThat(ScalarDistribution.uniform01(w) + ScalarDistribution.uniform01(~w))
                .isEqualTo(1.0);
    }

    @Test
    void symmetricUniformStaysInsideTheOpenInterval() {
        assertThat(new double[] {ScalarDistribution.symmetricUniform(0L), ScalarDistribution.symmetricUniform(-1L)})
                .containsExactly(-SQRT3 * (1 - 0x1.0p-52), SQRT3 * (1 - 0x1.0p-52));
    }

    @Test
    void gaussianRadiusIsBoundedBySmallestUniform() {
        // r = sqrt(-2 ln 2^-53) = sqrt(106 ln 2), the largest possible |z|.
        assertThat(ScalarDistribution.boxMullerRadius(0L)).isEqualTo(StrictMath.sqrt(106 * StrictMath.log(2)));
    }

    @Test
    void gaussianPairIsBoxMuller() {
        long w0 = 0x5DEE_CE66_D123_4567L;
        long w1 = 0x9E37_79B9_7F4A_7C15L;
        double u0 = ((w0 >>> 12) + 0.5) * 0x1.0p-52;
        double u1 = ((w1 >>> 12) + 0.5) * 0x1.0p-52;
        double r = StrictMath.sqrt(-2 * StrictMath.log(u0));
        assertThat(new double[] {
                    ScalarDistribution.GAUSSIAN.entry(w0, w1, 0), ScalarDistribution.GAUSSIAN.entry(w0, w1, 1)
                })
                .containsExactly(r * StrictMath.cos(2 * Math.PI * u1), r * StrictMath.sin(2 * Math.PI * u1));
    }

    @Test
    void rademacherReadsBitsLowFirst() {
        long w0 = 0b101L; // bits 0 and 2 set
        long w1 = Long.MIN_VALUE; // bit 63 of the second word: sub-entry 127
        ScalarDistribution d = ScalarDistribution.RADEMACHER;
        assertThat(new double[] {
                    d.entry(w0, w1, 0),
                    d.entry(w0, w1, 1),
                    d.entry(w0, w1, 2),
                    d.entry(w0, w1, 64),
                    d.entry(w0, w1, 127)
                })
                .containsExactly(1.0, -1.0, 1.0, -1.0, 1.0);
    }

    @Test
    void uniformEntriesUseOneWordEach() {
        long w0 = 0x1111_2222_3333_4444L;
        long w1 = 0x5555_6666_7777_8888L;
        assertThat(new double[] {
                    ScalarDistribution.UNIFORM_01.entry(w0, w1, 0), ScalarDistribution.UNIFORM_01.entry(w0, w1, 1)
                })
                .containsExactly(ScalarDistribution.uniform01(w0), ScalarDistribution.uniform01(w1));
    }

    @Test
    void entriesPerBlock() {
        assertThat(new int[] {
                    ScalarDistribution.GAUSSIAN.entriesPerBlock(),
                    ScalarDistribution.UNIFORM.entriesPerBlock(),
                    ScalarDistribution.RADEMACHER.entriesPerBlock(),
                    ScalarDistribution.UNIFORM_01.entriesPerBlock()
                })
                .containsExactly(2, 2, 128, 2);
    }

    @ParameterizedTest
    @EnumSource(
            value = ScalarDistribution.class,
            names = {"GAUSSIAN", "UNIFORM", "RADEMACHER"})
    void symmetricLawsAreStandardized(ScalarDistribution d) {
        assertThat(new double[] {d.mean(), d.variance()}).containsExactly(0.0, 1.0);
    }

    @Test
    void unitUniformMoments() {
        assertThat(new double[] {ScalarDistribution.UNIFORM_01.mean(), ScalarDistribution.UNIFORM_01.variance()})
                .containsExactly(0.5, 1.0 / 12);
    }
}
