package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.Tolerances;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Reconstruction}: full tensors, sums, the explicit formal sum (spec T1), limits. */
class ReconstructionTest {
    @Test
    void fullMatchesTheDefiningSum() {
        TuckerTensor t = TestTensors.gaussianTucker(new int[] {4, 3, 5}, new int[] {2, 3, 2}, RngState.seed(1));
        DenseTensor fast = Reconstruction.full(t);
        DenseTensor ref = ReferenceTensorAlgebra.full(t, false);
        DenseTensor abs = ReferenceTensorAlgebra.full(t, true);
        // sums of prod r_k = 12 products of 4 factors, nested differently: 2 gamma_{12 + 4} |.|
        double g = 2 * Tolerances.gamma(16);
        for (int p = 0; p < ref.elementCount(); p++) {
            assertThat(Math.abs(fast.data()[p] - ref.data()[p])).isLessThanOrEqualTo(g * abs.data()[p]);
        }
    }

    /**
     * Spec T1: d = 3, sizes (30, 40, 50), s = 5, mixed ranks 2..6, random alphas. The formal sum
     * (factor concatenation, block-diagonal core) reconstructs the sum to 1e-13 relative.
     */
    @Test
    void formalSumIsExact() {
        int[] n = {30, 40, 50};
        RngState seed = RngState.seed(20260401);
        List<TuckerTensor> terms = new ArrayList<>();
        double[] alphas = new double[5];
        for (int j = 0; j < 5; j++) {
            int[] r = {2 + j % 5, 2 + (j + 2) % 5, 2 + (j + 4) % 5};
            terms.add(TestTensors.gaussianTucker(n, r, seed.split(j)));
            alphas[j] = -2.0 + j * 1.37;
        }
        TuckerSum sum = TuckerSum.of(alphas, terms);
        DenseTensor expected = DenseTensor.zeros(n);
        for (int j = 0; j < 5; j++) {
            DenseTensor fj = Reconstruction.full(terms.get(j));
            for (int p = 0; p < fj.elementCount(); p++) {
                expected.data()[p] += alphas[j] * fj.data()[p];
            }
        }
        TuckerTensor formal = Reconstruction.formalSum(sum, 1L << 20);
        assertThat(formal.ranks()).containsExactly(sum.formalRanks());
        DenseTensor got = Reconstruction.full(formal);
        assertThat(TestTensors.difference(got, expected)).isLessThanOrEqualTo(1e-13 * expected.frobeniusNorm());
    }

    @Test
    void fullOfASumAccumulatesTheSummands() {
        TuckerTensor a = TestTensors.gaussianTucker(new int[] {3, 4}, new int[] {2, 2}, RngState.seed(2));
        TuckerTensor b = TestTensors.gaussianTucker(new int[] {3, 4}, new int[] {1, 3}, RngState.seed(3));
        DenseTensor got = Reconstruction.full(TuckerSum.of(new double[] {2.0, -1.0}, List.of(a, b)));
        DenseTensor fa = Reconstruction.full(a);
        DenseTensor fb = Reconstruction.full(b);
        for (int p = 0; p < got.elementCount(); p++) {
            double e = 2 * fa.data()[p] - fb.data()[p];
            assertThat(got.data()[p])
                    .isCloseTo(
                            e,
                            org.assertj.core.data.Offset.offset(
                                    1e-14 * (2 * Math.abs(fa.data()[p]) + Math.abs(fb.data()[p]) + 1)));
        }
    }

    @Test
    void fullRefusesAboveTheLimitBeforeAllocating() {
        TuckerTensor t = TestTensors.gaussianTucker(new int[] {100, 100, 100}, new int[] {1, 1, 1}, RngState.seed(4));
        assertThatThrownBy(() -> Reconstruction.full(t, 999_999))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("1000000")
                .hasMessageContaining("999999");
    }

    @Test
    void formalSumRefusesAHugeCore() {
        TuckerTensor t = TestTensors.gaussianTucker(new int[] {50, 50, 50}, new int[] {10, 10, 10}, RngState.seed(5));
        TuckerSum s = TuckerSum.of(t, t, t, t);
        assertThatThrownBy(() -> Reconstruction.formalSum(s, 1000))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("[40, 40, 40]");
    }
}
