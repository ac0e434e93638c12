package dev.nla.tensor.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RandomizedHosvd}: exact recovery, comparison with the deterministic HOSVD, reproducibility. */
class RandomizedHosvdTest {
    private static final int[] N = {30, 25, 20};

    private static DenseTensor lowRank(long seed) {
        return Reconstruction.full(TestTensors.orthonormalTucker(N, new int[] {4, 5, 3}, RngState.seed(seed)));
    }

    @ParameterizedTest
    @CsvSource({"GAUSSIAN, false", "GAUSSIAN, true", "KHATRI_RAO, false", "KHATRI_RAO, true"})
    void recoversAnExactlyLowRankTensor(SketchKind kind, boolean sequential) {
        DenseTensor x = lowRank(1);
        HosvdResult h = RandomizedHosvd.compute(x, Truncation.ranks(4, 5, 3), 5, kind, sequential, RngState.seed(2))
                .value();
        // the sketch captures the exact range with probability 1: error O(u)
        assertThat(TestTensors.difference(Reconstruction.full(h.tensor()), x))
                .isLessThanOrEqualTo(1e-12 * x.frobeniusNorm());
    }

    @ParameterizedTest
    @CsvSource({"GAUSSIAN, false", "KHATRI_RAO, true"})
    void errorIsCloseToTheDeterministicOne(SketchKind kind, boolean sequential) {
        DenseTensor x = lowRank(3);
        DenseTensor noise = TestTensors.gaussian(N, RngState.seed(4));
        for (int p = 0; p < x.elementCount(); p++) {
            x.data()[p] += 1e-3 * noise.data()[p];
        }
        Truncation t = Truncation.ranks(4, 5, 3);
        double det =
                TestTensors.difference(Reconstruction.full(Hosvd.stHosvd(x, t).tensor()), x);
        double rnd = TestTensors.difference(
                Reconstruction.full(RandomizedHosvd.compute(x, t, 10, kind, sequential, RngState.seed(5))
                        .value()
                        .tensor()),
                x);
        // with p = 10 the expected squared error is within 1 + t/(p - 1) <= 1.6 of optimal per mode [Minster et al.
        // 2020]
        assertThat(rnd).isLessThanOrEqualTo(2 * det);
    }

    @Test
    void sameStateGivesBitwiseIdenticalResults() {
        DenseTensor x = lowRank(6);
        Sampled<HosvdResult> a =
                RandomizedHosvd.compute(x, Truncation.rank(3), 2, SketchKind.GAUSSIAN, true, RngState.seed(7));
        Sampled<HosvdResult> b =
                RandomizedHosvd.compute(x, Truncation.rank(3), 2, SketchKind.GAUSSIAN, true, RngState.seed(7));
        assertThat(Reconstruction.full(a.value().tensor()))
                .isEqualTo(Reconstruction.full(b.value().tensor()));
        assertThat(a.next()).isEqualTo(b.next()).isNotEqualTo(RngState.seed(7));
    }

    @Test
    void requiresRanks() {
        assertThatThrownBy(() -> RandomizedHosvd.compute(
                        lowRank(8), Truncation.tolerance(1e-3), 5, SketchKind.GAUSSIAN, false, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs target ranks");
    }
}
