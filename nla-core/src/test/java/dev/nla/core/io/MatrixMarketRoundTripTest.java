package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Write-then-read round trips of {@link MatrixMarket}, and the exact text it writes. */
class MatrixMarketRoundTripTest {
    @TempDir
    Path dir;

    static String text(Matrix a, MatrixMarketWriteOptions options) {
        StringWriter w = new StringWriter();
        MatrixMarket.write(a, w, options);
        return w.toString();
    }

    static Matrix roundTrip(Matrix a, MatrixMarketWriteOptions options) {
        return MatrixMarket.read(new StringReader(text(a, options)), "memory", MatrixMarketReadOptions.defaults());
    }

    static SparseMatrix symmetricPart(SparseMatrix s, double sign) {
        CooBuilder b = SparseMatrix.builder(s.rows(), s.cols());
        s.forEachNonZero((i, j, v) -> {
            if (i > j) {
                b.add(i, j, v);
                b.add(j, i, sign * v);
            } else if (i == j && sign > 0) {
                b.add(i, i, v);
            }
        });
        return b.build(s.format());
    }

    @ParameterizedTest
    @EnumSource(SparseMatrix.Format.class)
    void sparseRealGeneralRoundTripsBitForBit(SparseMatrix.Format format) {
        SparseMatrix a = IoTestData.sparse(9, 7, 0.3, RngState.seed(31), format);
        assertThatMatrix(roundTrip(a, MatrixMarketWriteOptions.defaults())).isBitwiseEqualTo(a);
    }

    @Test
    void sparseRoundTripKeepsTheStoredPositionsIncludingExplicitZeros() {
        SparseMatrix a = SparseMatrix.builder(3, 3)
                .add(0, 0, 0.0)
                .add(1, 2, -0.0)
                .add(2, 1, 5.0)
                .build(SparseMatrix.Format.CSR);
        SparseMatrix back = (SparseMatrix) roundTrip(a, MatrixMarketWriteOptions.defaults());
        assertThat(back.nonZeroCount()).isEqualTo(3);
    }

    @Test
    void sparseSymmetricRoundTripsBitForBit() {
        SparseMatrix a = symmetricPart(IoTestData.sparse(8, 8, 0.4, RngState.seed(32), SparseMatrix.Format.CSR), 1);
        MatrixMarketWriteOptions sym =
                MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SYMMETRIC);
        assertThatMatrix(roundTrip(a, sym)).isBitwiseEqualTo(a);
    }

    @Test
    void sparseSymmetricListsOnlyTheLowerTriangle() {
        SparseMatrix a = symmetricPart(IoTestData.sparse(8, 8, 0.4, RngState.seed(32), SparseMatrix.Format.CSR), 1);
        MatrixMarketWriteOptions sym =
                MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SYMMETRIC);
        long[] lower = {0};
        a.forEachNonZero((i, j, v) -> lower[0] += i >= j ? 1 : 0);
        // banner + size line + one line per lower-triangle entry
        assertThat(text(a, sym).lines().count()).isEqualTo(2 + lower[0]);
    }

    @Test
    void sparseSkewSymmetricRoundTrips() {
        SparseMatrix a = symmetricPart(IoTestData.sparse(8, 8, 0.4, RngState.seed(33), SparseMatrix.Format.CSC), -1);
        MatrixMarketWriteOptions skew =
                MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SKEW_SYMMETRIC);
        // Value comparison (not bitwise): the mirrored entry of a +0.0 is -0.0.
        assertThatMatrix(roundTrip(a, skew)).isCloseTo(a, 0.0);
    }

    @Test
    void integerFieldRoundTrips() {
        SparseMatrix a = SparseMatrix.builder(3, 4)
                .add(0, 0, 3)
                .add(2, 3, -0x1p62)
                .add(1, 1, 0x1p53 + 2)
                .build(SparseMatrix.Format.CSR);
        MatrixMarketWriteOptions ints = MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.INTEGER);
        assertThatMatrix(roundTrip(a, ints)).isBitwiseEqualTo(a);
    }

    @Test
    void patternFieldReadsBackAsOnes() {
        SparseMatrix a = IoTestData.sparse(6, 5, 0.5, RngState.seed(34), SparseMatrix.Format.CSR);
        CooBuilder b = SparseMatrix.builder(6, 5);
        a.forEachNonZero((i, j, v) -> b.add(i, j, 1.0));
        SparseMatrix ones = b.build(SparseMatrix.Format.CSR);
        MatrixMarketWriteOptions pattern = MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.PATTERN);
        assertThatMatrix(roundTrip(a, pattern)).isBitwiseEqualTo(ones);
    }

    @Test
    void patternSymmetricRoundTrips() {
        SparseMatrix ones = SparseMatrix.builder(3, 3)
                .add(0, 0, 1)
                .add(1, 0, 1)
                .add(0, 1, 1)
                .add(2, 1, 1)
                .add(1, 2, 1)
                .build(SparseMatrix.Format.CSR);
        MatrixMarketWriteOptions options = MatrixMarketWriteOptions.defaults()
                .withField(MatrixMarket.Field.PATTERN)
                .withSymmetry(MatrixMarket.Symmetry.SYMMETRIC);
        assertThatMatrix(roundTrip(ones, options)).isBitwiseEqualTo(ones);
    }

    @Test
    void denseRealGeneralRoundTripsBitForBit() {
        DenseMatrix a = IoTestData.wideRange(6, 5, RngState.seed(35));
        a.set(0, 0, -0.0);
        a.set(1, 1, Double.MIN_VALUE);
        a.set(2, 2, -Double.MAX_VALUE);
        assertThatMatrix(roundTrip(a, MatrixMarketWriteOptions.defaults())).isBitwiseEqualTo(a);
    }

    @Test
    void denseViewIsWrittenLikeItsCompactCopy() {
        DenseMatrix parent = IoTestData.wideRange(9, 8, RngState.seed(36));
        DenseMatrix view = parent.view(3, 2, 4, 5);
        assertThat(text(view, MatrixMarketWriteOptions.defaults()))
                .isEqualTo(text(view.copy(), MatrixMarketWriteOptions.defaults()));
    }

    @Test
    void denseViewReadsBackAsItsEntries() {
        DenseMatrix parent = IoTestData.wideRange(9, 8, RngState.seed(37));
        DenseMatrix view = parent.view(1, 1, 7, 3);
        assertThatMatrix(roundTrip(view, MatrixMarketWriteOptions.defaults())).isBitwiseEqualTo(view);
    }

    @Test
    void denseSymmetricRoundTrips() {
        DenseMatrix g = IoTestData.wideRange(5, 5, RngState.seed(38));
        DenseMatrix a = DenseMatrix.zeros(5, 5);
        for (int j = 0; j < 5; j++) {
            for (int i = j; i < 5; i++) {
                a.set(i, j, g.get(i, j));
                a.set(j, i, g.get(i, j));
            }
        }
        MatrixMarketWriteOptions sym =
                MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SYMMETRIC);
        assertThatMatrix(roundTrip(a, sym)).isBitwiseEqualTo(a);
    }

    @Test
    void denseSkewSymmetricRoundTrips() {
        DenseMatrix g = IoTestData.wideRange(5, 5, RngState.seed(39));
        DenseMatrix a = DenseMatrix.zeros(5, 5);
        for (int j = 0; j < 5; j++) {
            for (int i = j + 1; i < 5; i++) {
                a.set(i, j, g.get(i, j));
                a.set(j, i, -g.get(i, j));
            }
        }
        MatrixMarketWriteOptions skew =
                MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SKEW_SYMMETRIC);
        assertThatMatrix(roundTrip(a, skew)).isBitwiseEqualTo(a);
    }

    @Test
    void denseIntegerRoundTrips() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, -2, 0}, {1e15, -7, 42}});
        MatrixMarketWriteOptions ints = MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.INTEGER);
        assertThatMatrix(roundTrip(a, ints)).isBitwiseEqualTo(a);
    }

    @ParameterizedTest(name = "dense {0}x{1}")
    @CsvSource({"0,0", "0,5", "5,0"})
    void emptyDenseShapesRoundTrip(int rows, int cols) {
        Matrix back = roundTrip(DenseMatrix.zeros(rows, cols), MatrixMarketWriteOptions.defaults());
        assertThatMatrix(back).isInstanceOf(DenseMatrix.class).hasShape(rows, cols);
    }

    @ParameterizedTest(name = "sparse {0}x{1}")
    @CsvSource({"0,0", "0,5", "5,0", "3,3"})
    void emptySparseShapesRoundTrip(int rows, int cols) {
        SparseMatrix empty = SparseMatrix.builder(rows, cols).build(SparseMatrix.Format.CSR);
        Matrix back = roundTrip(empty, MatrixMarketWriteOptions.defaults());
        assertThatMatrix(back).isInstanceOf(SparseMatrix.class).hasShape(rows, cols);
    }

    @Test
    void sparseTextIsExactly() {
        SparseMatrix a = SparseMatrix.builder(2, 3)
                .add(1, 2, -2.5e-10)
                .add(0, 0, 1.0)
                .add(0, 2, 0.1)
                .build(SparseMatrix.Format.CSR);
        assertThat(text(a, MatrixMarketWriteOptions.defaults().withComment("from nla\n second line")))
                .isEqualTo("%%MatrixMarket matrix coordinate real general\n"
                        + "%from nla\n"
                        + "% second line\n"
                        + "2 3 3\n"
                        + "1 1 1.0\n"
                        + "1 3 0.1\n"
                        + "2 3 -2.5E-10\n");
    }

    @Test
    void denseTextIsExactlyColumnMajor() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6.5}});
        assertThat(text(a, MatrixMarketWriteOptions.defaults()))
                .isEqualTo("%%MatrixMarket matrix array real general\n3 2\n1.0\n3.0\n5.0\n2.0\n4.0\n6.5\n");
    }

    @Test
    void symmetricDenseTextListsTheLowerTriangleByColumns() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 5}, {3, 5, 6}});
        assertThat(text(a, MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SYMMETRIC)))
                .isEqualTo("%%MatrixMarket matrix array real symmetric\n3 3\n1.0\n2.0\n3.0\n4.0\n5.0\n6.0\n");
    }

    @Test
    void writingToAFileGivesTheWriterText() throws IOException {
        SparseMatrix a = IoTestData.sparse(5, 6, 0.4, RngState.seed(40), SparseMatrix.Format.CSC);
        Path file = dir.resolve("a.mtx");
        MatrixMarket.write(a, file);
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1))
                .isEqualTo(text(a, MatrixMarketWriteOptions.defaults()));
    }

    @Test
    void fileRoundTrip() {
        SparseMatrix a = IoTestData.sparse(40, 30, 0.1, RngState.seed(41), SparseMatrix.Format.CSR);
        Path file = dir.resolve("a.mtx");
        MatrixMarket.write(a, file);
        assertThatMatrix(MatrixMarket.read(file)).isBitwiseEqualTo(a);
    }
}
