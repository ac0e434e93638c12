package dev.nla.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Shape;
import dev.nla.core.matrix.SparseMatrix;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation of the option and header records, and null checks of the entry points. */
class IoOptionsTest {
    @Test
    void npyWriteDefaultsAreNumpysOnALittleEndianMachine() {
        assertThat(NpyWriteOptions.defaults())
                .isEqualTo(
                        new NpyWriteOptions(Npy.Dtype.FLOAT64, ByteOrder.LITTLE_ENDIAN, Npy.Order.C, Npy.Version.V1_0));
    }

    @Test
    void npyWriteOptionsRefuseNull() {
        assertThatThrownBy(() -> NpyWriteOptions.defaults().withByteOrder(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("byteOrder");
    }

    @Test
    void npyReadDefaults() {
        assertThat(NpyReadOptions.defaults()).isEqualTo(new NpyReadOptions(10_000, Npy.TrailingData.REJECT));
    }

    @Test
    void npyReadOptionsRefuseANonPositiveHeaderLimit() {
        assertThatThrownBy(() -> NpyReadOptions.defaults().withMaxHeaderLength(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxHeaderLength must be positive, got 0");
    }

    @Test
    void npyHeaderRefusesThreeDimensions() {
        assertThatThrownBy(() -> new NpyHeader(
                        Npy.Version.V1_0, Npy.Dtype.FLOAT64, ByteOrder.BIG_ENDIAN, Npy.Order.C, List.of(1, 2, 3), 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at most 2 dimensions");
    }

    @Test
    void npyHeaderRefusesANegativeDimension() {
        assertThatThrownBy(() -> new NpyHeader(
                        Npy.Version.V1_0, Npy.Dtype.FLOAT64, ByteOrder.BIG_ENDIAN, Npy.Order.C, List.of(-1), 128))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shape[0] must be non-negative, got -1");
    }

    @Test
    void npyHeaderMapsShapesToMatrices() {
        NpyHeader scalar =
                new NpyHeader(Npy.Version.V1_0, Npy.Dtype.FLOAT32, ByteOrder.BIG_ENDIAN, Npy.Order.C, List.of(), 64);
        NpyHeader vector =
                new NpyHeader(Npy.Version.V1_0, Npy.Dtype.FLOAT32, ByteOrder.BIG_ENDIAN, Npy.Order.C, List.of(5), 64);
        assertThat(List.of(scalar.matrixShape(), vector.matrixShape(), scalar.descr()))
                .containsExactly(new Shape(1, 1), new Shape(5, 1), ">f4");
    }

    @Test
    void npyHeaderDataLengthSaturatesInsteadOfOverflowing() {
        NpyHeader h = new NpyHeader(
                Npy.Version.V1_0,
                Npy.Dtype.FLOAT64,
                ByteOrder.LITTLE_ENDIAN,
                Npy.Order.C,
                List.of(Integer.MAX_VALUE, Integer.MAX_VALUE),
                128);
        assertThat(h.dataLength()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void matrixMarketReadDefaults() {
        assertThat(MatrixMarketReadOptions.defaults())
                .isEqualTo(new MatrixMarketReadOptions(SparseMatrix.Format.CSR, MatrixMarket.Duplicates.SUM, 1 << 28));
    }

    @Test
    void matrixMarketReadOptionsRefuseANonPositiveLimit() {
        assertThatThrownBy(() -> MatrixMarketReadOptions.defaults().withMaxSparseDimension(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxSparseDimension must be positive, got -1");
    }

    @Test
    void matrixMarketWriteOptionsRefuseSkewPattern() {
        assertThatThrownBy(() -> MatrixMarketWriteOptions.defaults()
                        .withField(MatrixMarket.Field.PATTERN)
                        .withSymmetry(MatrixMarket.Symmetry.SKEW_SYMMETRIC))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pattern field cannot be skew-symmetric");
    }

    @Test
    void matrixMarketWriteOptionsRefuseANullComment() {
        assertThatThrownBy(() -> MatrixMarketWriteOptions.defaults().withComment(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("comment");
    }

    @Test
    void matrixMarketHeaderRefusesNegativeCounts() {
        assertThatThrownBy(() -> new MatrixMarketHeader(
                        MatrixMarket.Format.ARRAY, MatrixMarket.Field.REAL, MatrixMarket.Symmetry.GENERAL, 1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entries must be non-negative, got -1");
    }

    @Test
    void npyReadRefusesANullPath() {
        assertThatThrownBy(() -> Npy.read((Path) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void npyWriteRefusesANullMatrix() {
        assertThatThrownBy(() -> Npy.write(null, new ByteArrayOutputStream(), NpyWriteOptions.defaults()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a");
    }

    @Test
    void matrixMarketReadRefusesANullSourceName() {
        assertThatThrownBy(() -> MatrixMarket.read(new StringReader(""), null, MatrixMarketReadOptions.defaults()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("sourceName");
    }

    @Test
    void matrixMarketWriteRefusesANullWriter() {
        assertThatThrownBy(() -> MatrixMarket.write(
                        DenseMatrix.zeros(1, 1), (java.io.Writer) null, MatrixMarketWriteOptions.defaults()))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("writer");
    }

    @Test
    void missingFileGivesUncheckedIoException() {
        assertThatThrownBy(() -> Npy.read(Path.of("/nonexistent/dir/a.npy")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining("/nonexistent/dir/a.npy");
    }
}
