package dev.nla.tensor.sum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.operator.KhatriRaoSketch;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Khatri–Rao ordering of {@code nla-tensor} agrees with {@code nla-sketch}'s {@link
 * KhatriRaoSketch}: with the same factors \(\Omega_l\) (factor stream \(l\) of the sampled sketch,
 * {@code state.split(2^63 + 4096 + l)} as documented in docs/sketching.md), the sketch of the
 * vectorized full tensor equals \(\alpha\sum_a Y_k[a, r]\,\Omega_k[a, r]\) for the implicit
 * unfolding sketch \(Y_k\) of any mode.
 */
class KhatriRaoConventionTest {
    @Test
    void implicitUnfoldingSketchesMatchTheKhatriRaoSketchOfTheVectorizedTensor() {
        TuckerSum x = SyntheticTuckerSums.compressible(new int[] {7, 5, 6}, 3, 2, 4, RngState.seed(1));
        int ell = 9;
        RngState state = RngState.seed(2);
        KhatriRaoSketch law = KhatriRaoSketch.gaussian(ell, 7, 5, 6);
        DenseTensor full = Reconstruction.full(x);
        DenseMatrix sx = law.sample(state).value().applyLeft(DenseMatrix.wrap(full.elementCount(), 1, full.data()));
        List<DenseMatrix> omega = new ArrayList<>();
        for (int l = 0; l < 3; l++) {
            RngState factor = state.split(0x8000_0000_0000_1000L + l);
            omega.add(RandomMatrices.generate(x.modeSize(l), ell, ScalarDistribution.GAUSSIAN, factor)
                    .value());
        }
        List<DenseMatrix> y = TuckerSketches.unfoldingSketches(x, omega);
        double scale = 0;
        for (int r = 0; r < ell; r++) {
            scale = Math.max(scale, Math.abs(sx.get(r, 0)));
        }
        for (int k = 0; k < 3; k++) {
            for (int r = 0; r < ell; r++) {
                double s = 0;
                for (int a = 0; a < x.modeSize(k); a++) {
                    s += y.get(k).get(a, r) * omega.get(k).get(a, r);
                }
                // sums of 210 products of 4 factors in different orders: far below 1e-12 of the scale
                assertThat(law.scale() * s)
                        .isCloseTo(sx.get(r, 0), org.assertj.core.data.Offset.offset(1e-12 * scale * 210));
            }
        }
    }
}
