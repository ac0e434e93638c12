package dev.nla.tensor.sum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.tensor.tenalg.KhatriRao;
import dev.nla.tensor.tenalg.ModeProducts;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tenalg.Unfolding;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec T2 (the Khatri–Rao identity per mode) and the projected core. */
class TuckerSketchesTest {
    private static TuckerSum sum(int d, long seed) {
        int[] n = new int[d];
        for (int k = 0; k < d; k++) {
            n[k] = d == 3 ? 9 + 2 * k : 6 + k;
        }
        List<TuckerTensor> terms = new ArrayList<>();
        double[] a = new double[3];
        for (int j = 0; j < 3; j++) {
            int[] r = new int[d];
            for (int k = 0; k < d; k++) {
                r[k] = 1 + (j + k) % 4;
            }
            terms.add(TestTensors.gaussianTucker(n, r, RngState.seed(seed).split(j)));
            a[j] = 0.5 + j;
        }
        return TuckerSum.of(a, terms);
    }

    private static List<DenseMatrix> omega(TuckerSum x, int ell, long seed) {
        List<DenseMatrix> o = new ArrayList<>();
        for (int l = 0; l < x.order(); l++) {
            o.add(TestMatrices.gaussian(x.modeSize(l), ell, RngState.seed(seed).split(100 + l)));
        }
        return o;
    }

    /**
     * T2: for d in {3, 4}, every mode and l = 7, the implicit sketch (B3 step 3) equals the
     * explicit unfolding times the explicit Khatri–Rao product to 1e-12 relative.
     */
    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void khatriRaoIdentityHoldsForEveryMode(int d) {
        TuckerSum x = sum(d, d);
        List<DenseMatrix> o = omega(x, 7, d);
        DenseTensor full = Reconstruction.full(x);
        List<DenseMatrix> all = TuckerSketches.unfoldingSketches(x, o);
        for (int k = 0; k < d; k++) {
            DenseMatrix explicit = Blas.multiply(Unfolding.unfold(full, k), KhatriRao.forUnfolding(o, k));
            double scale = Blas.nrm2(explicit);
            assertThat(Blas.nrm2(minus(all.get(k), explicit))).isLessThanOrEqualTo(1e-12 * scale);
            assertThat(Blas.nrm2(minus(TuckerSketches.unfoldingSketch(x, o, k), explicit)))
                    .isLessThanOrEqualTo(1e-12 * scale);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 4})
    void projectCoreEqualsTheDenseMultilinearProduct(int d) {
        TuckerSum x = sum(d, 10 + d);
        List<DenseMatrix> q = new ArrayList<>();
        for (int k = 0; k < d; k++) {
            q.add(TestMatrices.gaussian(x.modeSize(k), 3, RngState.seed(20 + k)));
        }
        DenseTensor c = TuckerSketches.projectCore(x, q);
        DenseTensor ref = ModeProducts.multiplyAll(Reconstruction.full(x), Transpose.TRANSPOSE, q);
        assertThat(TestTensors.difference(c, ref)).isLessThanOrEqualTo(1e-12 * ref.frobeniusNorm());
    }

    @ParameterizedTest
    @ValueSource(ints = {3})
    void testMatricesMustFitTheModes(int d) {
        TuckerSum x = sum(d, 1);
        List<DenseMatrix> o = omega(x, 4, 1);
        o.set(1, DenseMatrix.zeros(x.modeSize(1) + 1, 4));
        assertThatThrownBy(() -> TuckerSketches.unfoldingSketches(x, o))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("test matrix 2");
    }

    private static DenseMatrix minus(DenseMatrix a, DenseMatrix b) {
        DenseMatrix c = a.copy();
        Blas.axpy(-1.0, b, c);
        return c;
    }
}
