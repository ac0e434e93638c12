package dev.nla.core.blas;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link BackendContract} on native BLAS through netlib; skipped when no native library loads. */
class NativeBackendTest extends BackendContract {
    private Backend backend;

    @BeforeAll
    static void requireNativeBlas() {
        assumeTrue(Backends.nativeAvailable(), "no native BLAS library loads here");
    }

    @Override
    Backend backend() {
        if (backend == null) {
            backend = Backends.nativeBlas();
        }
        return backend;
    }

    /**
     * A view of the bottom-right {@code rows x cols} corner of a parent with 3 more rows and 2 more
     * columns: its last entry is the parent's last, which netlib's strict argument check rejects
     * unless the backend works around it.
     */
    private static DenseMatrix bottomRight(int rows, int cols, long seed) {
        DenseMatrix parent = TestMatrices.gaussian(rows + 3, cols + 2, RngState.seed(seed));
        return parent.view(3, 2, rows, cols);
    }

    // Product bounds: 2 gamma_{k+2} |A||B| entrywise [Higham 2002, §3.5]; a Frobenius bound of
    // 2 gamma_{k+2} ||A||_F ||B||_F covers it.
    private static double productTolerance(DenseMatrix a, DenseMatrix b, int k) {
        return 2 * Tolerances.gamma(k + 2) * Tolerances.frobenius(a) * Tolerances.frobenius(b) + Double.MIN_NORMAL;
    }

    @Test
    void gemmAcceptsBottomAlignedViews() {
        DenseMatrix a = bottomRight(7, 5, 1);
        DenseMatrix b = bottomRight(5, 4, 2);
        DenseMatrix c = bottomRight(7, 4, 3);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, b, 0.0, c);
        Blas.gemm(backend(), Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, b, 0.0, c);
        assertThatMatrix(c).isCloseTo(expected, productTolerance(a, b, 5));
    }

    @Test
    void syrkAcceptsBottomAlignedViews() {
        DenseMatrix a = bottomRight(9, 4, 4);
        DenseMatrix c = bottomRight(4, 4, 5);
        DenseMatrix expected = ReferenceBlas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, a, 0.0, c);
        Blas.syrk(backend(), Triangle.UPPER, Transpose.TRANSPOSE, 1.0, a, 0.0, c);
        DenseMatrix upper = DenseMatrix.zeros(4, 4);
        DenseMatrix expectedUpper = DenseMatrix.zeros(4, 4);
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i <= j; i++) {
                upper.set(i, j, c.get(i, j));
                expectedUpper.set(i, j, expected.get(i, j));
            }
        }
        assertThatMatrix(upper).isCloseTo(expectedUpper, productTolerance(a, a, 9));
    }

    @Test
    void trmmAcceptsBottomAlignedViews() {
        DenseMatrix t = bottomRight(6, 6, 6);
        DenseMatrix b = bottomRight(6, 3, 7);
        DenseMatrix original = b.copy();
        DenseMatrix expected =
                ReferenceBlas.trmm(Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, t, b);
        Blas.trmm(backend(), Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, t, b);
        assertThatMatrix(b).isCloseTo(expected, productTolerance(t, original, 6));
    }
}
