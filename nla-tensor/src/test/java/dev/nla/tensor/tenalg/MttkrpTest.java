package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Mttkrp} (one mode and the dimension tree) against the multi-index definition. */
class MttkrpTest {
    private static int[] shape(int d, int seed) {
        int[] s = new int[d];
        for (int k = 0; k < d; k++) {
            s[k] = 1 + (seed + 5 * k + k * k) % 4;
        }
        return s;
    }

    private static List<DenseMatrix> factors(int[] s, int l, int seed) {
        List<DenseMatrix> w = new ArrayList<>();
        for (int k = 0; k < s.length; k++) {
            w.add(TestMatrices.gaussian(s[k], l, RngState.seed(seed).split(k + 1)));
        }
        return w;
    }

    /**
     * Each entry sums N = prod_{l != k} n_l products of d factors, in any association: both
     * results are within gamma_{N + d} of the exact value times the absolute sum.
     */
    private static void assertMatchesReference(DenseMatrix y, DenseTensor x, List<DenseMatrix> w, int k) {
        int l = y.cols();
        DenseMatrix ref = ReferenceTensorAlgebra.mttkrp(x, w, k, l, false);
        DenseMatrix abs = ReferenceTensorAlgebra.mttkrp(x, w, k, l, true);
        double g = 2 * Tolerances.gamma(x.elementCount() / x.size(k) + x.order());
        assertThat(y.rows()).isEqualTo(x.size(k));
        for (int c = 0; c < l; c++) {
            for (int a = 0; a < y.rows(); a++) {
                assertThat(Math.abs(y.get(a, c) - ref.get(a, c)))
                        .isLessThanOrEqualTo(g * abs.get(a, c) + Double.MIN_NORMAL);
            }
        }
    }

    @Property(tries = 80)
    void oneModeMatchesTheDefinition(
            @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll @IntRange(min = 1, max = 6) int l,
            @ForAll @IntRange(min = 0, max = 60) int seed) {
        int[] s = shape(d, seed);
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed));
        List<DenseMatrix> w = factors(s, l, seed);
        for (int k = 0; k < d; k++) {
            assertMatchesReference(Mttkrp.mttkrp(x, w, k), x, w, k);
        }
    }

    @Property(tries = 80)
    void dimensionTreeMatchesTheDefinition(
            @ForAll @IntRange(min = 1, max = 5) int d,
            @ForAll @IntRange(min = 1, max = 6) int l,
            @ForAll @IntRange(min = 0, max = 60) int seed) {
        int[] s = shape(d, seed + 1);
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed + 7L));
        List<DenseMatrix> w = factors(s, l, seed + 7);
        List<DenseMatrix> all = Mttkrp.mttkrpAll(x, w);
        for (int k = 0; k < d; k++) {
            assertMatchesReference(all.get(k), x, w, k);
        }
    }

    @Test
    void sizeOneModesStillContributeTheirWeights() {
        // the weights of a mode of size 1 are W[0, c], not 1
        int[] s = {1, 3, 1};
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(3));
        List<DenseMatrix> w = factors(s, 4, 3);
        assertMatchesReference(Mttkrp.mttkrp(x, w, 1), x, w, 1);
        assertMatchesReference(Mttkrp.mttkrpAll(x, w).get(1), x, w, 1);
    }

    @Test
    void ownFactorMayBeNull() {
        int[] s = {3, 4, 2};
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(4));
        List<DenseMatrix> w = new ArrayList<>(factors(s, 3, 4));
        w.set(1, null);
        assertMatchesReference(Mttkrp.mttkrp(x, w, 1), x, w, 1);
    }

    @Test
    void factorRowsMustMatchTheModes() {
        DenseTensor x = DenseTensor.zeros(3, 4);
        List<DenseMatrix> w = Arrays.asList(DenseMatrix.zeros(3, 2), DenseMatrix.zeros(5, 2));
        assertThatThrownBy(() -> Mttkrp.mttkrp(x, w, 0))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("factor 2 is 5x2");
    }

    @Test
    void factorColumnsMustAgree() {
        DenseTensor x = DenseTensor.zeros(3, 4, 2);
        List<DenseMatrix> w = Arrays.asList(DenseMatrix.zeros(3, 2), DenseMatrix.zeros(4, 2), DenseMatrix.zeros(2, 3));
        assertThatThrownBy(() -> Mttkrp.mttkrpAll(x, w)).isInstanceOf(DimensionMismatchException.class);
    }
}
