package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.matrix.DenseMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files written by NumPy 1.24 ({@code make_fixtures.py} in the resources): reading gives the values
 * of the manifest bit for bit, and writing the same matrix with the same layout gives the same
 * bytes, header included.
 */
class NpyFixturesTest {
    /** One manifest row: file version descr order rows cols same-bytes values... */
    record Fixture(
            String file,
            String version,
            String descr,
            String order,
            int rows,
            int cols,
            boolean sameBytes,
            DenseMatrix expected) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Fixture> fixtures() {
        return IoTestData.manifest("npy/manifest.txt").stream().map(f -> {
            int rows = Integer.parseInt(f[4]);
            int cols = Integer.parseInt(f[5]);
            DenseMatrix expected =
                    (long) rows * cols == 0 ? DenseMatrix.zeros(rows, cols) : IoTestData.rowMajor(rows, cols, f, 7);
            return new Fixture(f[0], f[1], f[2], f[3], rows, cols, f[6].equals("yes"), expected);
        });
    }

    static Stream<Fixture> byteExactFixtures() {
        return fixtures().filter(Fixture::sameBytes);
    }

    static Stream<Arguments> rejected() {
        return IoTestData.manifest("npy/rejected.txt").stream().map(f -> Arguments.of(f[0], f[1]));
    }

    static Path path(String name) {
        try {
            return Path.of(NpyFixturesTest.class.getResource("npy/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readingAFileGivesTheManifestValuesBitForBit(Fixture f) {
        assertThatMatrix(Npy.read(path(f.file()))).isBitwiseEqualTo(f.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readingAStreamGivesTheManifestValuesBitForBit(Fixture f) {
        byte[] bytes = IoTestData.resource("npy/" + f.file());
        assertThatMatrix(Npy.read(new ByteArrayInputStream(bytes), f.file())).isBitwiseEqualTo(f.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void headerDescribesTheFile(Fixture f) {
        NpyHeader h = Npy.readHeader(path(f.file()));
        assertThat(new Object[] {
                    h.version().major() + "." + h.version().minor(),
                    h.descr(),
                    h.order().name(),
                    h.matrixShape().rows(),
                    h.matrixShape().cols(),
                    h.dataOffset() % 64
                })
                .containsExactly(
                        f.version(), f.descr(), f.order().equals("F") ? "FORTRAN" : "C", f.rows(), f.cols(), 0L);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("byteExactFixtures")
    void writingTheSameMatrixReproducesNumpysBytes(Fixture f) {
        NpyWriteOptions options = new NpyWriteOptions(
                f.descr().endsWith("f8") ? Npy.Dtype.FLOAT64 : Npy.Dtype.FLOAT32,
                f.descr().startsWith("<") ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
                f.order().equals("F") ? Npy.Order.FORTRAN : Npy.Order.C,
                Npy.Version.valueOf("V" + f.version().replace('.', '_')));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(f.expected(), out, options);
        assertThat(out.toByteArray()).isEqualTo(IoTestData.resource("npy/" + f.file()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejected")
    void otherArraysNumpyWritesAreRefusedByName(String file, String fragment) {
        assertThatThrownBy(() -> Npy.read(path(file)))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(file)
                .hasMessageContaining(fragment);
    }
}
