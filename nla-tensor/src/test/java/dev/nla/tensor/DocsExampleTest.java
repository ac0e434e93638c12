package dev.nla.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Hosvd;
import dev.nla.tensor.decomp.HosvdResult;
import dev.nla.tensor.decomp.RandomizedHosvd;
import dev.nla.tensor.decomp.SketchKind;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.decomp.TuckerRounding;
import dev.nla.tensor.sum.OnePassSketch;
import dev.nla.tensor.sum.SummationOptions;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.SyntheticTuckerSums;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tenalg.TuckerNorms;
import dev.nla.tensor.tenalg.Unfolding;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The examples of {@code docs/tensors.md} and {@code docs/tucker-summation.md} ({@code
 * docs/examples/TensorExample.java}, {@code TuckerSummationExample.java}), statement for statement,
 * with the printed facts asserted instead of printed.
 */
class DocsExampleTest {
    private static double error(TuckerSum x, TuckerTensor y) {
        return TuckerNorms.distance(x, y) / TuckerNorms.projectedNorm(x, 1 << 24);
    }

    @Test
    void tensorExample() {
        TuckerTensor t =
                SyntheticTuckerSums.randomTucker(new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(1));
        DenseTensor x = Reconstruction.full(t);
        DenseMatrix x2 = Unfolding.unfold(x, 1);
        HosvdResult h = Hosvd.stHosvd(x, Truncation.tolerance(1e-10));
        HosvdResult r = RandomizedHosvd.compute(
                        x, Truncation.ranks(3, 4, 2), 5, SketchKind.KHATRI_RAO, true, RngState.seed(2))
                .value();
        TuckerSum sum = TuckerSum.of(
                new double[] {1.0, -0.5, 2.0},
                Arrays.asList(
                        t,
                        SyntheticTuckerSums.randomTucker(new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(3)),
                        SyntheticTuckerSums.randomTucker(
                                new int[] {30, 20, 10}, new int[] {3, 4, 2}, RngState.seed(4))));
        TuckerTensor formal = Reconstruction.formalSum(sum, 1 << 20);
        HosvdResult rounded = TuckerRounding.round(formal, Truncation.tolerance(1e-12));

        assertThat(new int[] {x2.rows(), x2.cols()}).containsExactly(20, 300);
        // QR-based norm vs dense norm: both O(u) accurate
        assertThat(TuckerNorms.norm(t)).isCloseTo(x.frobeniusNorm(), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(h.ranks()).containsExactly(3, 4, 2);
        // exact multilinear rank: backward-stable truncations leave O(u) errors
        assertThat(TestTensors.difference(Reconstruction.full(h.tensor()), x)).isLessThan(1e-13 * x.frobeniusNorm());
        assertThat(TestTensors.difference(Reconstruction.full(r.tensor()), x)).isLessThan(1e-13 * x.frobeniusNorm());
        assertThat(sum.formalRanks()).containsExactly(9, 12, 6);
        assertThat(rounded.ranks()).containsExactly(9, 12, 6);
        assertThat(TuckerNorms.distance(sum, rounded.tensor())).isLessThan(1e-13 * TuckerNorms.norm(sum));
    }

    @Test
    void tuckerSummationExample() {
        TuckerSum x = SyntheticTuckerSums.compressible(new int[] {200, 200, 200}, 20, 10, 15, RngState.seed(1));
        TuckerSummation sketched = TuckerSummation.of(SummationStrategy.SKETCHED);
        SummationResult r = sketched.sum(x, Truncation.rank(15).withTolerance(1e-8), RngState.seed(2));
        SummationResult again = sketched.sum(x, Truncation.rank(15).withTolerance(1e-8), r.next());
        SummationResult adaptive = TuckerSummation.of(SummationStrategy.byName("adaptive"))
                .sum(x, Truncation.tolerance(1e-6), again.next());
        SummationResult b2 = TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                .sum(x, Truncation.tolerance(1e-8), RngState.seed(0));
        OnePassSketch sketch =
                OnePassSketch.create(x.modeSizes(), Truncation.rank(15), SummationOptions.defaults(), RngState.seed(3));
        for (int j = 0; j < x.size(); j++) {
            sketch.add(x.alpha(j), x.term(j));
        }
        SummationResult onePass = sketch.finish();

        assertThat(x.formalRanks()).containsExactly(200, 200, 200);
        assertThat(r.diagnostics().phaseNanos().keySet())
                .containsExactly("sketch", "orthonormalize", "core", "truncate");
        for (SummationResult s : new SummationResult[] {r, again, adaptive, b2, onePass}) {
            assertThat(s.tensor().ranks()).containsExactly(15, 15, 15);
            // exactly rank 15: every strategy is exact up to rounding (spec T4/T5 level)
            assertThat(error(x, s.tensor())).isLessThan(1e-12);
        }
        assertThat(adaptive.diagnostics().estimatedError()).isLessThan(1e-6);
    }
}
