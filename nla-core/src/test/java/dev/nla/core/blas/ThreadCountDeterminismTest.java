package dev.nla.core.blas;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.blas.internal.VectorBackend;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.function.IntFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java backends give bitwise-identical results for every thread count (tile-aligned splits, a
 * fixed inner blocking, the same arithmetic per entry): see docs/decisions/0008-backend-selection.md.
 * Shapes are large enough for the parallel split to happen, in both the row and the column direction.
 */
class ThreadCountDeterminismTest {
    private static IntFunction<Backend> factory(String name) {
        switch (name) {
            case "scalar":
                return Backends::scalar;
            case "vector256":
                assumeTrue(Backends.vectorAvailable(), "jdk.incubator.vector is not resolved");
                return t -> new VectorBackend(t, 256);
            default:
                assumeTrue(Backends.vectorAvailable(), "jdk.incubator.vector is not resolved");
                return t -> new VectorBackend(t, 512);
        }
    }

    private static DenseMatrix gemm(Backend backend, int m, int n, int k) {
        DenseMatrix a = TestMatrices.gaussian(m, k, RngState.seed(1));
        DenseMatrix b = TestMatrices.gaussian(n, k, RngState.seed(2));
        DenseMatrix c = TestMatrices.gaussian(m, n, RngState.seed(3));
        Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.1, a, b, 0.3, c);
        return c;
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}")
    @CsvSource({
        "scalar, 301, 203, 101", "scalar, 97, 355, 120",
        "vector256, 301, 203, 101", "vector256, 97, 355, 120",
        "vector512, 301, 203, 101", "vector512, 97, 355, 120"
    })
    void gemmIsBitwiseIdenticalForOneTwoThreeAndEightThreads(String kind, int m, int n, int k) {
        IntFunction<Backend> make = factory(kind);
        DenseMatrix serial = gemm(make.apply(1), m, n, k);
        for (int threads : new int[] {2, 3, 8}) {
            assertThatMatrix(gemm(make.apply(threads), m, n, k))
                    .as("%d threads", threads)
                    .isBitwiseEqualTo(serial);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"scalar, NO_TRANSPOSE", "scalar, TRANSPOSE", "vector256, NO_TRANSPOSE", "vector256, TRANSPOSE"})
    void gemvIsBitwiseIdenticalForOneAndThreeThreads(String kind, Transpose t) {
        IntFunction<Backend> make = factory(kind);
        DenseMatrix a = TestMatrices.gaussian(900, 700, RngState.seed(6));
        DenseMatrix x = TestMatrices.gaussian(t.isTranspose() ? 900 : 700, 1, RngState.seed(7));
        DenseMatrix y1 = TestMatrices.gaussian(t.isTranspose() ? 700 : 900, 1, RngState.seed(8));
        DenseMatrix y3 = y1.copy();
        Blas.gemv(make.apply(1), t, 0.7, a, x, 1.3, y1);
        Blas.gemv(make.apply(3), t, 0.7, a, x, 1.3, y3);
        assertThatMatrix(y3).isBitwiseEqualTo(y1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"scalar", "vector256", "vector512"})
    void trsmIsBitwiseIdenticalForOneAndEightThreads(String kind) {
        IntFunction<Backend> make = factory(kind);
        DenseMatrix a = TestMatrices.gaussian(200, 200, RngState.seed(4));
        for (int i = 0; i < 200; i++) {
            a.set(i, i, 200 + Math.abs(a.get(i, i)));
        }
        DenseMatrix b1 = TestMatrices.gaussian(200, 300, RngState.seed(5));
        DenseMatrix b8 = b1.copy();
        Blas.trsm(make.apply(1), Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, a, b1);
        Blas.trsm(make.apply(8), Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, a, b8);
        assertThatMatrix(b8).isBitwiseEqualTo(b1);
    }
}
