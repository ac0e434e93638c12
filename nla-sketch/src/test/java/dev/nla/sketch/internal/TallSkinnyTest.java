package dev.nla.sketch.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TallSkinnyTest {
    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    /** Largest entry of \(|C - \hat C| / (\gamma_k |A||X|)\): at most 1 for a correct product. */
    private static double scaledError(DenseMatrix exact, DenseMatrix got, Transpose ta, DenseMatrix a, DenseMatrix x) {
        DenseMatrix bound = Tolerances.gemmBound(1.0, ta.isTranspose() ? a.transpose() : a, x, 0.0, exact);
        double worst = 0;
        for (int j = 0; j < exact.cols(); j++) {
            for (int i = 0; i < exact.rows(); i++) {
                double d = Math.abs(exact.get(i, j) - got.get(i, j));
                worst = Math.max(worst, d == 0 ? 0 : d / bound.get(i, j));
            }
        }
        return worst;
    }

    /** Odd shapes exercise the scalar edges (rows not a multiple of the tile, columns not of 4). */
    @ParameterizedTest
    @CsvSource({"1000, 300, 37", "997, 211, 60", "64, 5000, 9", "4096, 256, 1", "333, 4001, 13"})
    void timesMatchesGemmWithinTheRoundingBound(int m, int n, int l) {
        DenseMatrix a = gaussian(m, n, 1);
        DenseMatrix x = gaussian(n, l, 2);
        DenseMatrix exact = Blas.multiply(a, x);
        assertThat(scaledError(exact, TallSkinny.times(a, x), Transpose.NO_TRANSPOSE, a, x))
                .isLessThanOrEqualTo(1.0);
    }

    @ParameterizedTest
    @CsvSource({"1000, 300, 37", "997, 211, 60", "5000, 64, 9", "4096, 256, 1", "4001, 333, 13"})
    void transposeTimesMatchesGemmWithinTheRoundingBound(int m, int n, int l) {
        DenseMatrix a = gaussian(m, n, 3);
        DenseMatrix x = gaussian(m, l, 4);
        DenseMatrix exact = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, x);
        assertThat(scaledError(exact, TallSkinny.transposeTimes(a, x), Transpose.TRANSPOSE, a, x))
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void viewsAreHandled() {
        DenseMatrix big = gaussian(700, 500, 5);
        DenseMatrix a = big.view(13, 7, 600, 450);
        DenseMatrix x = gaussian(460, 40, 6).view(5, 3, 450, 30);
        DenseMatrix exact = Blas.multiply(a, x);
        assertThat(scaledError(exact, TallSkinny.times(a, x), Transpose.NO_TRANSPOSE, a, x))
                .isLessThanOrEqualTo(1.0);
    }

    @Test
    void timesIsBitwiseIdenticalForOneAndTwoThreads() {
        DenseMatrix a = gaussian(1001, 700, 7);
        DenseMatrix x = gaussian(700, 33, 8);
        DenseMatrix one = withThreads(1, () -> TallSkinny.times(a, x));
        DenseMatrix two = withThreads(2, () -> TallSkinny.times(a, x));
        assertThat(bitwiseEqual(one, two)).isTrue();
    }

    @Test
    void transposeTimesIsBitwiseIdenticalForOneAndTwoThreads() {
        DenseMatrix a = gaussian(700, 1001, 9);
        DenseMatrix x = gaussian(700, 33, 10);
        DenseMatrix one = withThreads(1, () -> TallSkinny.transposeTimes(a, x));
        DenseMatrix two = withThreads(2, () -> TallSkinny.transposeTimes(a, x));
        assertThat(bitwiseEqual(one, two)).isTrue();
    }

    /**
     * The vector kernels give the same bits as the scalar kernels: both compute one fused
     * multiply-add chain per entry in the same order (odd shapes exercise every edge path).
     */
    @Test
    void vectorKernelsMatchTheScalarKernelsBitwise() {
        DenseMatrix a = gaussian(517, 389, 11);
        DenseMatrix x = gaussian(389, 23, 12);
        TallSkinny.Kernels scalar = new TallSkinny.ScalarKernels();
        assertThat(bitwiseEqual(TallSkinny.times(TallSkinny.KERNELS, a, x), TallSkinny.times(scalar, a, x)))
                .isTrue();
    }

    @Test
    void vectorTransposeKernelsMatchTheScalarKernelsBitwise() {
        DenseMatrix a = gaussian(517, 389, 13);
        DenseMatrix x = gaussian(517, 23, 14);
        TallSkinny.Kernels scalar = new TallSkinny.ScalarKernels();
        assertThat(bitwiseEqual(
                        TallSkinny.transposeTimes(TallSkinny.KERNELS, a, x), TallSkinny.transposeTimes(scalar, a, x)))
                .isTrue();
    }

    @Test
    void appliesOnlyToNarrowProductsOfSufficientSizeUnderAJavaBackend() {
        DenseMatrix a = DenseMatrix.zeros(2000, 2000);
        boolean[] applies = withBackend(Backends.scalar(1), () -> new boolean[] {
            TallSkinny.applies(a, 60), TallSkinny.applies(a, 600), TallSkinny.applies(DenseMatrix.zeros(10, 10), 5)
        });
        assertThat(applies).containsExactly(true, false, false);
    }

    /** With native BLAS selected, products go to {@code Blas.gemm}. */
    @Test
    void doesNotApplyUnderNativeBlas() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Backends.nativeAvailable(), "native BLAS is not installed");
        DenseMatrix a = DenseMatrix.zeros(2000, 2000);
        assertThat(withBackend(Backends.nativeBlas(), () -> TallSkinny.applies(a, 60)))
                .isFalse();
    }

    private static <T> T withBackend(Backend backend, Supplier<T> body) {
        Backend previous = Backends.active();
        Backends.setActive(backend);
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    private static DenseMatrix withThreads(int threads, Supplier<DenseMatrix> body) {
        return withBackend(Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads), body);
    }

    private static boolean bitwiseEqual(DenseMatrix a, DenseMatrix b) {
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                if (Double.doubleToRawLongBits(a.get(i, j)) != Double.doubleToRawLongBits(b.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
