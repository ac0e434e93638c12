package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Write-then-read round trips of {@link Npy} over every option combination, views and edge shapes. */
class NpyRoundTripTest {
    @TempDir
    Path dir;

    static List<NpyWriteOptions> allOptions() {
        List<NpyWriteOptions> all = new ArrayList<>();
        for (Npy.Dtype dtype : Npy.Dtype.values()) {
            for (ByteOrder bo : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                for (Npy.Order order : Npy.Order.values()) {
                    for (Npy.Version version : Npy.Version.values()) {
                        all.add(new NpyWriteOptions(dtype, bo, order, version));
                    }
                }
            }
        }
        return all;
    }

    /** What a value becomes in the file's dtype: itself for float64, the nearest float for float32. */
    static DenseMatrix stored(DenseMatrix a, Npy.Dtype dtype) {
        DenseMatrix c = a.copy();
        if (dtype == Npy.Dtype.FLOAT32) {
            for (int j = 0; j < c.cols(); j++) {
                for (int i = 0; i < c.rows(); i++) {
                    c.set(i, j, (float) c.get(i, j));
                }
            }
        }
        return c;
    }

    static byte[] bytes(DenseMatrix a, NpyWriteOptions options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(a, out, options);
        return out.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void fileRoundTripIsExact(NpyWriteOptions options) {
        DenseMatrix a = IoTestData.forDtype(7, 5, RngState.seed(11), options.dtype());
        Path file = dir.resolve("a.npy");
        Npy.write(a, file, options);
        assertThatMatrix(Npy.read(file)).isBitwiseEqualTo(stored(a, options.dtype()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void streamRoundTripIsExact(NpyWriteOptions options) {
        DenseMatrix a = IoTestData.forDtype(6, 9, RngState.seed(12), options.dtype());
        byte[] b = bytes(a, options);
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "memory")).isBitwiseEqualTo(stored(a, options.dtype()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void headerIsPaddedTo64BytesAndEndsInNewline(NpyWriteOptions options) {
        byte[] header = Npy.headerBytes(123, 4567, options);
        assertThat(new Object[] {header.length % 64, header[header.length - 1]}).containsExactly(0, (byte) '\n');
    }

    @Test
    void defaultHeaderIsNumpysDictionary() {
        byte[] header = Npy.headerBytes(7, 5, NpyWriteOptions.defaults());
        String text = new String(header, 10, header.length - 10, StandardCharsets.ISO_8859_1);
        assertThat(text)
                .isEqualTo("{'descr': '<f8', 'fortran_order': False, 'shape': (7, 5), }" + " ".repeat(128 - 10 - 59 - 1)
                        + "\n");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void aViewWithOffsetAndLeadingDimensionIsWrittenLikeItsCompactCopy(NpyWriteOptions options) {
        DenseMatrix parent = IoTestData.forDtype(9, 8, RngState.seed(13), options.dtype());
        DenseMatrix view = parent.view(2, 3, 4, 3); // offset 29, ld 9
        assertThat(bytes(view, options)).isEqualTo(bytes(view.copy(), options));
    }

    @Test
    void aViewReadsBackAsItsEntries() {
        DenseMatrix parent = IoTestData.wideRange(9, 8, RngState.seed(14));
        DenseMatrix view = parent.view(1, 2, 5, 4);
        byte[] b = bytes(view, NpyWriteOptions.defaults());
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "view")).isBitwiseEqualTo(view);
    }

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"0,0,C", "0,5,C", "5,0,C", "0,0,FORTRAN", "0,5,FORTRAN", "5,0,FORTRAN"})
    void emptyShapesRoundTrip(int rows, int cols, Npy.Order order) {
        Path file = dir.resolve("empty.npy");
        Npy.write(
                DenseMatrix.zeros(rows, cols), file, NpyWriteOptions.defaults().withOrder(order));
        assertThatMatrix(Npy.read(file)).hasShape(rows, cols);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void dataSpanningSeveralChunksRoundTrips(NpyWriteOptions options) {
        // 3001 x 7 float64 = 168 KB: three 64 KiB chunks whose boundaries fall inside rows.
        DenseMatrix a = IoTestData.forDtype(3001, 7, RngState.seed(15), options.dtype());
        Path file = dir.resolve("big.npy");
        Npy.write(a, file, options);
        assertThatMatrix(Npy.read(file)).isBitwiseEqualTo(stored(a, options.dtype()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allOptions")
    void dataSpanningSeveralChunksRoundTripsThroughAStream(NpyWriteOptions options) {
        DenseMatrix a = IoTestData.forDtype(7, 3001, RngState.seed(16), options.dtype());
        byte[] b = bytes(a, options);
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "big")).isBitwiseEqualTo(stored(a, options.dtype()));
    }

    @Test
    void nonFiniteValuesRoundTripInFloat64() {
        DenseMatrix a = DenseMatrix.of(
                new double[][] {{Double.NaN, Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY, -0.0}});
        byte[] b = bytes(a, NpyWriteOptions.defaults().withOrder(Npy.Order.FORTRAN));
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "nan")).isBitwiseEqualTo(a);
    }

    @Test
    void nonFiniteValuesRoundTripInFloat32() {
        DenseMatrix a = DenseMatrix.of(
                new double[][] {{Double.NaN, Double.POSITIVE_INFINITY}, {Double.NEGATIVE_INFINITY, -0.0}});
        byte[] b = bytes(a, NpyWriteOptions.defaults().withDtype(Npy.Dtype.FLOAT32));
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "nan")).isBitwiseEqualTo(a);
    }

    @Test
    void float32RoundsToNearestFloat() {
        // 1 + 2^-24 is a tie between 1 and 1 + 2^-23: ties to even gives 1; 1 + 3*2^-25 rounds up.
        DenseMatrix a = DenseMatrix.rowVector(1 + 0x1p-24, 1 + 3 * 0x1p-25, 0.1);
        byte[] b = bytes(a, NpyWriteOptions.defaults().withDtype(Npy.Dtype.FLOAT32));
        assertThatMatrix(Npy.read(new ByteArrayInputStream(b), "f4"))
                .isBitwiseEqualTo(DenseMatrix.rowVector(1.0, 1 + 0x1p-23, (double) 0.1f));
    }

    @Test
    void float32RefusesAFiniteValueThatWouldOverflow() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 1e39}});
        assertThatThrownBy(() -> bytes(a, NpyWriteOptions.defaults().withDtype(Npy.Dtype.FLOAT32)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry (1, 1) = 1.0E39 overflows float32");
    }

    @Test
    void float32OverflowIsDetectedBeforeTheFileIsCreated() {
        DenseMatrix a = DenseMatrix.columnVector(-1e300);
        Path file = dir.resolve("never.npy");
        try {
            Npy.write(a, file, NpyWriteOptions.defaults().withDtype(Npy.Dtype.FLOAT32));
        } catch (IllegalArgumentException expected) {
            // the point of the test is the file system state below
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void arraysWrittenBackToBackOnOneStreamReadBackOneByOne() throws IOException {
        DenseMatrix a = IoTestData.wideRange(3, 4, RngState.seed(17));
        DenseMatrix b = IoTestData.forDtype(2, 5, RngState.seed(18), Npy.Dtype.FLOAT32);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(a, out, NpyWriteOptions.defaults());
        Npy.write(
                b, out, NpyWriteOptions.defaults().withOrder(Npy.Order.FORTRAN).withDtype(Npy.Dtype.FLOAT32));
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        DenseMatrix first = Npy.read(in, "two");
        DenseMatrix second = Npy.read(in, "two");
        assertThat(new Object[] {first.toString(), second.toString(), in.read()})
                .containsExactly(a.toString(), stored(b, Npy.Dtype.FLOAT32).toString(), -1);
    }

    @Test
    void writingToAFileGivesTheStreamBytes() throws IOException {
        DenseMatrix a = IoTestData.wideRange(4, 3, RngState.seed(19));
        Path file = dir.resolve("a.npy");
        Npy.write(a, file);
        assertThat(Files.readAllBytes(file)).isEqualTo(bytes(a, NpyWriteOptions.defaults()));
    }

    @Test
    void readingAFileWithTrailingBytesWorksWhenAllowed() throws IOException {
        DenseMatrix a = IoTestData.wideRange(2, 2, RngState.seed(20));
        byte[] b = bytes(a, NpyWriteOptions.defaults());
        Path file = dir.resolve("trailing.npy");
        Files.write(file, Arrays.copyOf(b, b.length + 5));
        assertThatMatrix(Npy.read(file, NpyReadOptions.defaults().withTrailingData(Npy.TrailingData.IGNORE)))
                .isBitwiseEqualTo(a);
    }

    @Test
    void readingAFileWithTrailingBytesFailsByDefault() throws IOException {
        DenseMatrix a = IoTestData.wideRange(2, 2, RngState.seed(21));
        byte[] b = bytes(a, NpyWriteOptions.defaults());
        Path file = dir.resolve("trailing.npy");
        Files.write(file, Arrays.copyOf(b, b.length + 5));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("byte " + b.length + ": 5 unexpected bytes after the array data");
    }

    @Test
    void readHeaderFromAStreamLeavesTheStreamAtTheData() throws IOException {
        DenseMatrix a = DenseMatrix.columnVector(2.5);
        ByteArrayInputStream in = new ByteArrayInputStream(bytes(a, NpyWriteOptions.defaults()));
        NpyHeader h = Npy.readHeader(in, "h", NpyReadOptions.defaults());
        assertThat(in.available()).isEqualTo((int) h.dataLength());
    }
}
