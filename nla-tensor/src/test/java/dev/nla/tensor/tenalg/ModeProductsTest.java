package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Transpose;
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

/** {@link ModeProducts} against the naive multi-index loops. */
class ModeProductsTest {
    /**
     * Each entry is a sum of n_k products: the GEMM and the naive loop each satisfy |err| <=
     * gamma_{n_k} (|A| x_k |X|), so they differ by at most 2 gamma_{n_k} of the absolute product.
     */
    private static void assertWithinGemmBound(DenseTensor y, DenseTensor x, DenseMatrix a, int k) {
        DenseTensor ref = ReferenceTensorAlgebra.modeProduct(x, a, k, false);
        DenseTensor abs = ReferenceTensorAlgebra.modeProduct(x, a, k, true);
        double g = 2 * Tolerances.gamma(x.size(k) + 1);
        for (int p = 0; p < ref.elementCount(); p++) {
            assertThat(Math.abs(y.data()[p] - ref.data()[p]))
                    .isLessThanOrEqualTo(g * abs.data()[p] + Double.MIN_NORMAL);
        }
    }

    @Property(tries = 80)
    void modeProductMatchesTheDefinition(
            @ForAll @IntRange(min = 1, max = 4) int d,
            @ForAll @IntRange(min = 0, max = 3) int modeSeed,
            @ForAll @IntRange(min = 1, max = 5) int m,
            @ForAll @IntRange(min = 0, max = 50) int seed) {
        int[] s = new int[d];
        for (int k = 0; k < d; k++) {
            s[k] = 1 + (seed + 3 * k) % 4;
        }
        int mode = modeSeed % d;
        DenseTensor x = TestTensors.gaussian(s, RngState.seed(seed));
        DenseMatrix a = TestMatrices.gaussian(m, s[mode], RngState.seed(seed + 1000L));
        assertWithinGemmBound(ModeProducts.multiply(x, a, mode), x, a, mode);
    }

    @Test
    void transposedMatrixGivesTheSameProduct() {
        DenseTensor x = TestTensors.gaussian(new int[] {3, 4, 5}, RngState.seed(1));
        DenseMatrix a = TestMatrices.gaussian(4, 6, RngState.seed(2));
        assertWithinGemmBound(ModeProducts.multiply(x, Transpose.TRANSPOSE, a, 1), x, a.transpose(), 1);
    }

    @Test
    void accumulatesWithAlphaAndBeta() {
        DenseTensor x = TestTensors.gaussian(new int[] {3, 4, 5}, RngState.seed(3));
        DenseMatrix a = TestMatrices.gaussian(2, 4, RngState.seed(4));
        DenseTensor y = TestTensors.gaussian(new int[] {3, 2, 5}, RngState.seed(5));
        DenseTensor old = y.copy();
        DenseTensor prod = ReferenceTensorAlgebra.modeProduct(x, a, 1, false);
        ModeProducts.multiply(2.0, x, Transpose.NO_TRANSPOSE, a, 1, -0.5, y);
        for (int p = 0; p < y.elementCount(); p++) {
            double expected = 2 * prod.data()[p] - 0.5 * old.data()[p];
            assertThat(y.data()[p])
                    .isCloseTo(
                            expected,
                            org.assertj.core.data.Offset.offset(
                                    1e-13 * (1 + Math.abs(expected) + Math.abs(old.data()[p]))));
        }
    }

    @Test
    void multiplyAllEqualsSuccessiveProductsInAnyOrder() {
        DenseTensor x = TestTensors.gaussian(new int[] {6, 2, 5, 3}, RngState.seed(6));
        List<DenseMatrix> a = new ArrayList<>();
        int[] m = {2, 7, 5, 1};
        for (int k = 0; k < 4; k++) {
            a.add(TestMatrices.gaussian(m[k], x.size(k), RngState.seed(7 + k)));
        }
        DenseTensor ref = x;
        for (int k = 3; k >= 0; k--) {
            ref = ReferenceTensorAlgebra.modeProduct(ref, a.get(k), k, false);
        }
        DenseTensor y = ModeProducts.multiplyAll(x, Transpose.NO_TRANSPOSE, a);
        // four nested sums of at most 6 terms: a loose multiple of gamma_{6*4} of the magnitude
        assertThat(TestTensors.maxAbsDifference(y, ref)).isLessThanOrEqualTo(1e-12 * ref.frobeniusNorm());
    }

    @Test
    void multiplyAllSkipsNullModes() {
        DenseTensor x = TestTensors.gaussian(new int[] {3, 4}, RngState.seed(8));
        DenseMatrix a = TestMatrices.gaussian(2, 4, RngState.seed(9));
        DenseTensor y = ModeProducts.multiplyAll(x, Transpose.NO_TRANSPOSE, Arrays.asList(null, a));
        assertWithinGemmBound(y, x, a, 1);
    }

    @Test
    void multiplyAllWithNoMatrixCopies() {
        DenseTensor x = TestTensors.gaussian(new int[] {3, 4}, RngState.seed(8));
        DenseTensor y = ModeProducts.multiplyAll(x, Transpose.NO_TRANSPOSE, Arrays.asList(null, null));
        assertThat(y).isEqualTo(x).isNotSameAs(x);
    }

    @Test
    void wrongColumnCountIsRejectedWithShapes() {
        DenseTensor x = DenseTensor.zeros(3, 4, 5);
        assertThatThrownBy(() -> ModeProducts.multiply(x, DenseMatrix.zeros(2, 3), 1))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("mode 2")
                .hasMessageContaining("[3, 4, 5]");
    }

    @Test
    void outputSharingTheInputIsRejected() {
        DenseTensor x = DenseTensor.zeros(3, 3);
        assertThatThrownBy(
                        () -> ModeProducts.multiply(1.0, x, Transpose.NO_TRANSPOSE, DenseMatrix.zeros(3, 3), 0, 0.0, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }
}
