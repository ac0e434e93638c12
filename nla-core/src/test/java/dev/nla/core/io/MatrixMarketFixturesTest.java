package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by SciPy 1.10's {@code scipy.io.mmwrite} ({@code make_fixtures.py} in the resources):
 * coordinate real/integer/pattern, general/symmetric/skew-symmetric, and array files.
 */
class MatrixMarketFixturesTest {
    /** One manifest row: file rows cols kind values... */
    record Fixture(String file, boolean sparse, DenseMatrix expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() {
        return IoTestData.manifest("mm/manifest.txt").stream().map(f -> {
            int rows = Integer.parseInt(f[1]);
            int cols = Integer.parseInt(f[2]);
            DenseMatrix expected =
                    (long) rows * cols == 0 ? DenseMatrix.zeros(rows, cols) : IoTestData.rowMajor(rows, cols, f, 4);
            return new Fixture(f[0], f[3].equals("sparse"), expected);
        });
    }

    static Path path(String name) {
        try {
            return Path.of(
                    MatrixMarketFixturesTest.class.getResource("mm/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsTheManifestValuesBitForBit(Fixture f) {
        assertThatMatrix(MatrixMarket.read(path(f.file())).toDense()).isBitwiseEqualTo(f.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void coordinateFilesGiveSparseAndArrayFilesDenseMatrices(Fixture f) {
        Matrix m = MatrixMarket.read(path(f.file()));
        assertThat(m).isInstanceOf(f.sparse() ? SparseMatrix.class : DenseMatrix.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readingFromAReaderGivesTheSameMatrix(Fixture f) {
        String text = new String(IoTestData.resource("mm/" + f.file()), StandardCharsets.ISO_8859_1);
        Matrix m = MatrixMarket.read(new StringReader(text), f.file(), MatrixMarketReadOptions.defaults());
        assertThatMatrix(m.toDense()).isBitwiseEqualTo(f.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void headerMatchesTheBanner(Fixture f) {
        MatrixMarketHeader h = MatrixMarket.readHeader(path(f.file()));
        String firstLine = new String(IoTestData.resource("mm/" + f.file()), StandardCharsets.ISO_8859_1)
                .lines()
                .findFirst()
                .orElseThrow();
        assertThat(new Object[] {h.banner(), h.rows(), h.cols()})
                .containsExactly(firstLine, f.expected().rows(), f.expected().cols());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void cscLayoutHoldsTheSameValues(Fixture f) {
        Matrix m = MatrixMarket.read(
                path(f.file()), MatrixMarketReadOptions.defaults().withSparseFormat(SparseMatrix.Format.CSC));
        assertThatMatrix(m.toDense()).isBitwiseEqualTo(f.expected());
    }
}
