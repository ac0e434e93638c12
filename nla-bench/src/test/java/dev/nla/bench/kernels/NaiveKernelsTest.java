package dev.nla.bench.kernels;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;

class NaiveKernelsTest {
    @Test
    void gemmMatchesAHandComputedProduct() {
        // A = [1 2; 3 4; 5 6] (3x2), B = [1 0 2; 0 1 3] (2x3), column-major
        double[] a = {1, 3, 5, 2, 4, 6};
        double[] b = {1, 0, 0, 1, 2, 3};
        double[] c = new double[9];
        NaiveKernels.gemm(3, 3, 2, a, b, c);
        assertThat(c).containsExactly(1, 3, 5, 2, 4, 6, 8, 18, 28);
    }

    @Test
    void gemmOverwritesOldContents() {
        double[] c = {99};
        NaiveKernels.gemm(1, 1, 1, new double[] {2}, new double[] {3}, c);
        assertThat(c).containsExactly(6);
    }

    @Test
    void gemvMatchesAHandComputedProduct() {
        double[] a = {1, 3, 5, 2, 4, 6};
        double[] y = {7, 7, 7};
        NaiveKernels.gemv(3, 2, a, new double[] {1, -1}, y);
        assertThat(y).containsExactly(-1, -1, -1);
    }

    @Test
    void trsmSolvesTheLowerTriangularSystem() {
        int m = 20;
        int n = 3;
        double[] l = TestData.lowerTriangular(m, RngState.seed(5).split(0));
        double[] x = TestData.uniform(m, n, RngState.seed(5).split(1));
        double[] b = new double[m * n];
        NaiveKernels.gemm(m, n, m, l, x, b);
        NaiveKernels.trsmLowerLeft(m, n, l, b);
        // Row diagonal dominance gives cond_inf(L) <= 3, and forward substitution is backward stable
        // [Higham 2002, Thm 8.5]; B = LX carries its own gamma_m error, so 10 m u ||X||_F is safe.
        DenseMatrix expected = DenseMatrix.wrap(m, n, x);
        assertThatMatrix(DenseMatrix.wrap(m, n, b))
                .isCloseTo(expected, 10 * m * Tolerances.U * Tolerances.frobenius(expected));
    }

    @Test
    void tooShortArrayIsRejected() {
        assertThatThrownBy(() -> NaiveKernels.gemm(2, 2, 2, new double[3], new double[4], new double[4]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a has 3 entries, needs at least 4");
    }
}
