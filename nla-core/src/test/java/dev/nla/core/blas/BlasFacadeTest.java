package dev.nla.core.blas;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.core.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link Blas} facade: argument checking, aliasing, sparse products and conveniences. */
class BlasFacadeTest {
    private static final Transpose N = Transpose.NO_TRANSPOSE;
    private static final Transpose T = Transpose.TRANSPOSE;

    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    /** About a third of the entries of a Gaussian matrix kept, in a fixed pattern with empty rows/columns. */
    private static SparseMatrix sparse(int rows, int cols, long seed, SparseMatrix.Format format) {
        DenseMatrix d = gaussian(rows, cols, seed);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                if ((i * 7 + j * 3) % 3 != 0 || i == 2 || j == 1) {
                    d.set(i, j, 0.0);
                }
            }
        }
        return SparseMatrix.fromDense(d, format);
    }

    // ------------------------------------------------------------------ validation

    @Test
    void gemmShapeMismatchNamesAllShapes() {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        DenseMatrix b = DenseMatrix.zeros(5, 2);
        DenseMatrix c = DenseMatrix.zeros(3, 2);
        assertThatThrownBy(() -> Blas.gemm(N, N, 1, a, b, 0, c))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4")
                .hasMessageContaining("5x2")
                .hasMessageContaining("3x2");
    }

    @Test
    void gemmWrongOutputShapeIsRejected() {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        DenseMatrix b = DenseMatrix.zeros(4, 2);
        DenseMatrix c = DenseMatrix.zeros(2, 3);
        assertThatThrownBy(() -> Blas.gemm(N, N, 1, a, b, 0, c))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("c is 2x3");
    }

    @Test
    void gemmNullArgumentIsNamed() {
        DenseMatrix a = DenseMatrix.zeros(2, 2);
        assertThatThrownBy(() -> Blas.gemm(N, N, 1, a, null, 0, a.copy()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("b");
    }

    @Test
    void gemmOutputOverlappingAnInputIsRejected() {
        DenseMatrix parent = gaussian(10, 10, 1);
        DenseMatrix a = parent.view(0, 0, 6, 6);
        DenseMatrix c = parent.view(4, 4, 6, 6);
        assertThatThrownBy(() -> Blas.gemm(N, N, 1, a, a, 0, c))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }

    @Test
    void gemmOnDisjointViewsOfOneParentIsAllowed() {
        DenseMatrix parent = gaussian(12, 12, 2);
        DenseMatrix a = parent.view(0, 0, 6, 6);
        DenseMatrix b = parent.view(0, 6, 6, 6);
        DenseMatrix c = parent.view(6, 0, 6, 6);
        DenseMatrix expected = ReferenceBlas.gemm(N, N, 1, a, b, 0, c);
        Blas.gemm(N, N, 1, a, b, 0, c);
        assertThatMatrix(c).isCloseEntrywise(expected, Tolerances.gemmBound(1, a, b, 0, c));
    }

    @Test
    void gemvRejectsANonVector() {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        assertThatThrownBy(() -> Blas.gemv(N, 1, a, DenseMatrix.zeros(2, 2), 0, DenseMatrix.zeros(3, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("x must be a vector of length 4, got 2x2");
    }

    @Test
    void syrkWrongOutputShapeIsRejected() {
        assertThatThrownBy(() -> Blas.syrk(Triangle.LOWER, N, 1, DenseMatrix.zeros(3, 5), 0, DenseMatrix.zeros(5, 5)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("c must be 3x3");
    }

    @Test
    void trsmNonSquareTriangleIsRejected() {
        assertThatThrownBy(() -> Blas.trsm(
                        Side.RIGHT,
                        Triangle.UPPER,
                        N,
                        Diagonal.NON_UNIT,
                        1,
                        DenseMatrix.zeros(3, 4),
                        DenseMatrix.zeros(2, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("a must be 4x4");
    }

    @Test
    void gerRejectsAWrongLengthVector() {
        assertThatThrownBy(
                        () -> Blas.ger(1.0, DenseMatrix.zeros(3, 1), DenseMatrix.zeros(5, 1), DenseMatrix.zeros(3, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("y must be a vector of length 4, got 5x1");
    }

    @Test
    void symvRejectsANonSquareMatrix() {
        assertThatThrownBy(() -> Blas.symv(
                        Triangle.LOWER,
                        1.0,
                        DenseMatrix.zeros(3, 4),
                        DenseMatrix.zeros(4, 1),
                        0.0,
                        DenseMatrix.zeros(3, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("a must be square, got 3x4");
    }

    @Test
    void syr2kRejectsOperandsOfDifferentShapes() {
        assertThatThrownBy(() -> Blas.syr2k(
                        Triangle.UPPER,
                        N,
                        1.0,
                        DenseMatrix.zeros(3, 2),
                        DenseMatrix.zeros(3, 4),
                        0.0,
                        DenseMatrix.zeros(3, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x2")
                .hasMessageContaining("3x4");
    }

    @Test
    void axpyAcceptsARowAndAColumnOfEqualLength() {
        DenseMatrix x = DenseMatrix.rowVector(1, 2, 3);
        DenseMatrix y = DenseMatrix.columnVector(1, 1, 1);
        Blas.axpy(2.0, x, y);
        assertThatMatrix(y).isBitwiseEqualTo(DenseMatrix.columnVector(3, 5, 7));
    }

    @Test
    void axpyRejectsDifferentLengths() {
        assertThatThrownBy(() -> Blas.axpy(1, DenseMatrix.zeros(3, 1), DenseMatrix.zeros(4, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x1")
                .hasMessageContaining("4x1");
    }

    @Test
    void dotOfMatricesIsTheFrobeniusInnerProduct() {
        DenseMatrix x = gaussian(20, 7, 3).view(1, 1, 13, 5);
        DenseMatrix y = gaussian(13, 5, 4);
        double expected = 0;
        double abs = 0;
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 13; i++) {
                expected += x.get(i, j) * y.get(i, j);
                abs += Math.abs(x.get(i, j) * y.get(i, j));
            }
        }
        assertThat(Blas.dot(x, y)).isCloseTo(expected, offset(2 * Tolerances.gamma(66) * abs));
    }

    @Test
    void multiplyAllocatesTheProduct() {
        DenseMatrix a = gaussian(5, 3, 5);
        DenseMatrix b = gaussian(4, 3, 6);
        DenseMatrix product = Blas.multiply(N, T, a, b);
        assertThatMatrix(product)
                .isCloseEntrywise(
                        ReferenceBlas.gemm(N, T, 1, a, b, 0, product),
                        Tolerances.gemmBound(1, a, ReferenceBlas.op(T, b), 0, product));
    }

    @Test
    void multiplyRejectsMismatchedInnerDimensions() {
        assertThatThrownBy(() -> Blas.multiply(DenseMatrix.zeros(2, 3), DenseMatrix.zeros(2, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x3");
    }

    // ------------------------------------------------------------------ sparse products

    static Stream<Arguments> sparseCases() {
        List<Arguments> cases = new ArrayList<>();
        for (SparseMatrix.Format f : SparseMatrix.Format.values()) {
            for (Transpose ta : Transpose.values()) {
                for (Transpose tb : Transpose.values()) {
                    cases.add(Arguments.of(f, ta, tb));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sparseCases")
    void sparseTimesDenseMatchesReference(SparseMatrix.Format f, Transpose ta, Transpose tb) {
        int m = 17;
        int n = 6;
        int k = 11;
        SparseMatrix a = ta.isTranspose() ? sparse(k, m, 7, f) : sparse(m, k, 7, f);
        DenseMatrix b = tb.isTranspose() ? gaussian(n, k, 8) : gaussian(k, n, 8);
        checkProduct(ta, tb, a, b, gaussian(m, n, 9));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sparseCases")
    void denseTimesSparseMatchesReference(SparseMatrix.Format f, Transpose ta, Transpose tb) {
        int m = 9;
        int n = 13;
        int k = 11;
        DenseMatrix a = ta.isTranspose() ? gaussian(k, m, 10) : gaussian(m, k, 10);
        SparseMatrix b = tb.isTranspose() ? sparse(n, k, 11, f) : sparse(k, n, 11, f);
        checkProduct(ta, tb, a, b, gaussian(m, n, 12));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sparseCases")
    void sparseTimesSparseMatchesReference(SparseMatrix.Format f, Transpose ta, Transpose tb) {
        SparseMatrix a = ta.isTranspose() ? sparse(8, 10, 13, f) : sparse(10, 8, 13, f);
        SparseMatrix b = tb.isTranspose() ? sparse(7, 8, 14, f) : sparse(8, 7, 14, f);
        checkProduct(ta, tb, a, b, gaussian(10, 7, 15));
    }

    private static void checkProduct(Transpose ta, Transpose tb, Matrix a, Matrix b, DenseMatrix c) {
        DenseMatrix c0 = c.copy();
        Blas.gemm(ta, tb, 0.8, a, b, -1.5, c);
        DenseMatrix expected = ReferenceBlas.gemm(ta, tb, 0.8, a, b, -1.5, c0);
        DenseMatrix bound = Tolerances.gemmBound(0.8, ReferenceBlas.op(ta, a), ReferenceBlas.op(tb, b), -1.5, c0);
        assertThatMatrix(c).isCloseEntrywise(expected, bound);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("sparseCases")
    void sparseGemvMatchesReference(SparseMatrix.Format f, Transpose t, Transpose rowVectors) {
        SparseMatrix a = sparse(12, 9, 16, f);
        int lx = t.isTranspose() ? 12 : 9;
        int ly = t.isTranspose() ? 9 : 12;
        boolean rows = rowVectors.isTranspose();
        DenseMatrix x = rows ? gaussian(3, lx, 17).row(1) : gaussian(lx, 1, 17);
        DenseMatrix y = rows ? gaussian(3, ly, 18).row(2) : gaussian(ly, 1, 18);
        DenseMatrix xc = rows ? x.transpose() : x;
        DenseMatrix y0 = rows ? y.transpose() : y.copy();
        Blas.gemv(t, 2.0, a, x, 0.5, y);
        DenseMatrix expected = ReferenceBlas.gemm(t, N, 2.0, a, xc, 0.5, y0);
        assertThatMatrix(rows ? y.transpose() : y)
                .isCloseEntrywise(expected, Tolerances.gemmBound(2.0, ReferenceBlas.op(t, a), xc, 0.5, y0));
    }

    @Test
    void sparseProductWithBetaZeroIgnoresNaNInC() {
        SparseMatrix a = sparse(6, 5, 19, SparseMatrix.Format.CSR);
        DenseMatrix b = gaussian(5, 4, 20);
        DenseMatrix c = DenseMatrix.zeros(6, 4);
        c.fill(Double.NaN);
        Blas.gemm(N, N, 1.0, a, b, 0.0, c);
        DenseMatrix expected = ReferenceBlas.gemm(N, N, 1.0, a, b, 0.0, c);
        assertThatMatrix(c).isCloseEntrywise(expected, Tolerances.gemmBound(1.0, a, b, 0.0, c));
    }
}
