package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a {@code .npy} input can be wrong gives a {@link MalformedInputException} that says where and what. */
class NpyMalformedTest {
    private static final String OK_DICT = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";

    @TempDir
    Path dir;

    /** A file: magic, version, little-endian length field, header text (not padded), payload. */
    static byte[] npy(int major, String header, byte[] payload) {
        byte[] text = header.getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        return npyRaw(major, text, payload);
    }

    static byte[] npyRaw(int major, byte[] text, byte[] payload) {
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes + text.length + payload.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.put(Npy.MAGIC).put((byte) major).put((byte) 0);
        if (major == 1) {
            b.putShort((short) text.length);
        } else {
            b.putInt(text.length);
        }
        return b.put(text).put(payload).array();
    }

    static byte[] doubles(double... v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double x : v) {
            b.putDouble(x);
        }
        return b.array();
    }

    static byte[] withDict(String dict) {
        return npy(1, dict + "\n", doubles(1, 2, 3, 4));
    }

    static DenseMatrix read(byte[] bytes) {
        return Npy.read(new ByteArrayInputStream(bytes), "test.npy");
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] bytes) {
        return assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageStartingWith("test.npy: byte ");
    }

    // ----- magic, version, length field

    @Test
    void emptyInput() {
        assertRefused(new byte[0]).hasMessageContaining("byte 0: empty input");
    }

    @Test
    void wrongMagic() {
        assertRefused("PK\u0003\u0004 zip file".getBytes(StandardCharsets.ISO_8859_1))
                .hasMessageContaining("byte 0: not a .npy file")
                .hasMessageContaining("b'PK\\x03\\x04 z'");
    }

    @Test
    void truncatedMagic() {
        assertRefused(Arrays.copyOf(Npy.MAGIC, 3)).hasMessageContaining("byte 3: input ends after 3 bytes");
    }

    @ParameterizedTest(name = "version {0}.{1}")
    @CsvSource({"0,0", "1,1", "4,0", "255,255"})
    void unsupportedVersion(int major, int minor) {
        byte[] b = withDict(OK_DICT);
        b[6] = (byte) major;
        b[7] = (byte) minor;
        assertRefused(b).hasMessageContaining("byte 6: unsupported .npy format version " + major + "." + minor);
    }

    @Test
    void truncatedLengthField() {
        byte[] b = Arrays.copyOf(withDict(OK_DICT), 9);
        assertRefused(b).hasMessageContaining("byte 9: input ends inside the 2-byte header length field");
    }

    @Test
    void headerLengthOverTheLimitIsRefusedBeforeReadingIt() {
        byte[] b = npyRaw(2, new byte[0], new byte[0]);
        b[8] = b[9] = b[10] = b[11] = (byte) 0xff; // 4294967295 bytes announced
        assertRefused(b).hasMessageContaining("byte 8: header length 4294967295 exceeds the limit of 10000 bytes");
    }

    @Test
    void headerLimitIsConfigurable() {
        byte[] b = withDict(OK_DICT);
        assertThatThrownBy(() -> Npy.read(
                        new ByteArrayInputStream(b),
                        "x",
                        NpyReadOptions.defaults().withMaxHeaderLength(20)))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("header length " + (OK_DICT.length() + 1) + " exceeds the limit of 20 bytes");
    }

    @Test
    void truncatedHeaderInAStream() {
        byte[] b = Arrays.copyOf(withDict(OK_DICT), 30);
        assertRefused(b)
                .hasMessageContaining("byte 30: header truncated")
                .hasMessageContaining(
                        "announces " + (OK_DICT.length() + 1) + " bytes from byte offset 10, but only 20");
    }

    @Test
    void truncatedHeaderInAFile() throws IOException {
        Path file = dir.resolve("t.npy");
        Files.write(file, Arrays.copyOf(withDict(OK_DICT), 30));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(file + ": byte 30: header truncated")
                .hasMessageContaining("but only 20 bytes follow");
    }

    // ----- header dictionary

    @Test
    void headerThatIsNotADictionary() {
        assertRefused(withDict("[1, 2]")).hasMessageContaining("byte 10: the header is not a dictionary: [1, 2]");
    }

    @Test
    void unparsableHeader() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), "))
                .hasMessageContaining("cannot parse the header");
    }

    @Test
    void syntaxErrorPositionIsTheByteOffset() {
        // 'shape' (2 2): the parser stops at the second 2.
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (2 2), }";
        int at = dict.indexOf("2 2") + 2;
        assertRefused(withDict(dict))
                .hasMessageContaining("byte " + (10 + at) + ": cannot parse the header: unexpected character '2'");
    }

    @Test
    void syntaxErrorOffsetCountsUtf8BytesInVersion3() {
        // 'é' takes 2 bytes: the missing ':' is at character 5 but byte 6 of the header.
        byte[] b = npy(3, "{'é' 1}\n", new byte[0]);
        assertRefused(b).hasMessageContaining("byte " + (12 + 6) + ": cannot parse the header");
    }

    @Test
    void invalidUtf8InVersion3() {
        byte[] text = OK_DICT.getBytes(StandardCharsets.US_ASCII);
        text[3] = (byte) 0xC3; // a lead byte followed by an ASCII byte
        assertRefused(npyRaw(3, text, doubles(1, 2, 3, 4)))
                .hasMessageContaining("byte " + (12 + 3) + ": the version 3.0 header is not valid UTF-8");
    }

    @Test
    void missingKey() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False}"))
                .hasMessageContaining("byte 10: the header has no 'shape' key");
    }

    @Test
    void unknownKey() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), 'extra': 1}"))
                .hasMessageContaining("unknown header key 'extra'");
    }

    @Test
    void duplicateKey() {
        assertRefused(withDict("{'descr': '<f8', 'shape': (2, 2), 'fortran_order': False, 'shape': (2, 2)}"))
                .hasMessageContaining("duplicate header key 'shape'");
    }

    @Test
    void nonStringKey() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), 3: 1}"))
                .hasMessageContaining("header key 3 is not a string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "'False'", "None"})
    void fortranOrderThatIsNotABoolean(String value) {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': " + value + ", 'shape': (2, 2)}"))
                .hasMessageContaining("fortran_order must be True or False, found " + value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[2, 2]", "(True, 2)", "('2', 2)", "(2, None)", "4", "(4)"})
    void shapeThatIsNotATupleOfIntegers(String shape) {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + "}"))
                .hasMessageContaining("shape must be a tuple of non-negative integers");
    }

    @Test
    void shapeWithAFloat() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0, 2)}"))
                .hasMessageContaining("invalid integer literal '2.");
    }

    @Test
    void negativeDimension() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (-3, 2)}"))
                .hasMessageContaining("negative dimension -3 in shape (-3, 2)");
    }

    @Test
    void dimensionBeyondIntIsOverTheLimit() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 99999999999999999999999)}"))
                .hasMessageContaining("dimension 99999999999999999999999 of shape")
                .hasCauseInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void twoHugeDimensionsAreOverTheElementLimitInAFile() throws IOException {
        Path file = dir.resolve("huge2.npy");
        Files.write(file, withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (2147483647, 2147483647)}"));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("needs 4611686014132420609 elements")
                .hasCauseInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void threeDimensions() {
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': (1, 2, 2)}"))
                .hasMessageContaining("a 3-dimensional array (shape (1, 2, 2)) cannot be read as a matrix");
    }

    @Test
    void deeplyNestedHeaderIsRefusedWithoutExhaustingTheStack() {
        String deep = "(".repeat(4000) + ")".repeat(4000);
        assertRefused(withDict("{'descr': '<f8', 'fortran_order': False, 'shape': " + deep + "}"))
                .hasMessageContaining("nested deeper than 32 levels");
    }

    // ----- dtype

    @ParameterizedTest
    @ValueSource(strings = {"'<i8'", "'<c16'", "'|O'", "'float64'", "'<f8 '", "'<f16'", "'f8'", "'<u1'", "''"})
    void unsupportedDtypeIsNamed(String descr) {
        assertRefused(withDict("{'descr': " + descr + ", 'fortran_order': False, 'shape': (2, 2)}"))
                .hasMessageContaining("byte 20: unsupported dtype " + descr);
    }

    @Test
    void structuredDtype() {
        assertRefused(withDict("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,)}"))
                .hasMessageContaining("unsupported dtype [('a', '<f8')] (a structured dtype)");
    }

    @Test
    void notApplicableByteOrderForAMultiByteFloat() {
        assertRefused(withDict("{'descr': '|f8', 'fortran_order': False, 'shape': (2, 2)}"))
                .hasMessageContaining("byte order '|' (not applicable) is not meaningful for a 8-byte float");
    }

    @Test
    void nativeByteOrderMeansThisMachine() {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
        b.putDouble(1.5).putDouble(-2.0);
        byte[] file = npy(1, "{'descr': '=f8', 'fortran_order': False, 'shape': (2,)}\n", b.array());
        assertThatMatrix(read(file)).isBitwiseEqualTo(DenseMatrix.columnVector(1.5, -2.0));
    }

    // ----- robust parsing of valid headers

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{'shape': (2, 2), 'descr': '<f8', 'fortran_order': False}",
                "{ \"descr\" : \"<f8\" ,\n 'fortran_order':False,'shape':( 2 ,2 , ) , }",
                "{u'descr': u'<f8', 'fortran_order': False, 'shape': (+2, 2)}",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }"
            })
    void validHeadersInAnyLayoutAreRead(String dict) {
        assertThatMatrix(read(withDict(dict))).isBitwiseEqualTo(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}}));
    }

    @Test
    void python2LongSuffixIsRefusedInVersion3() {
        byte[] b = npy(3, "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }\n", doubles(1, 2, 3, 4));
        assertRefused(b).hasMessageContaining("invalid integer literal '2L");
    }

    // ----- data

    @Test
    void truncatedDataInAStreamGivesExpectedAndActualByteCounts() {
        byte[] b = Arrays.copyOf(withDict(OK_DICT), 10 + OK_DICT.length() + 1 + 20);
        int start = 10 + OK_DICT.length() + 1;
        assertRefused(b)
                .hasMessageContaining("byte " + (start + 20) + ": data truncated")
                .hasMessageContaining("announces 32 bytes of data from byte offset " + start + ", but only 20 bytes");
    }

    @Test
    void truncatedDataInAFileIsFoundBeforeAllocating() throws IOException {
        // 50000 x 40000 float64 would be 16 GB, more than the test heap: the file size check comes first.
        Path file = dir.resolve("liar.npy");
        Files.write(file, npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (50000, 40000)}\n", doubles(1)));
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("announces 16000000000 bytes of data")
                .hasMessageContaining("but only 8 bytes follow");
    }

    @Test
    void aLyingHeaderInAStreamAllocatesOnlyWhatArrives() {
        // 50000 x 40000 = 2e9 elements is under DenseMatrix.MAX_ELEMENTS but 16 GB: a reader that
        // trusted the header would fail with OutOfMemoryError on the 3 GB test heap.
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': True, 'shape': (50000, 40000)}\n", new byte[100_000]);
        assertRefused(b)
                .hasMessageContaining("announces 16000000000 bytes of data")
                .hasMessageContaining("only 100000 bytes follow");
    }

    @Test
    void moreElementsThanADenseMatrixHoldsIsOverTheLimit() {
        byte[] b = npy(1, "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000)}\n", new byte[0]);
        assertRefused(b)
                .hasMessageContaining("needs 10000000000 elements, over the limit of " + DenseMatrix.MAX_ELEMENTS)
                .hasCauseInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void moreElementsThanADenseMatrixHoldsInAFileThatIsLargeEnough() throws IOException {
        // A sparse file: the size check passes (the length is right), the element limit does not.
        Path file = dir.resolve("huge.npy");
        byte[] head = npy(1, "{'descr': '<f4', 'fortran_order': False, 'shape': (60000, 50000)}\n", new byte[0]);
        try (var channel = java.nio.channels.FileChannel.open(
                file, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(head));
            channel.write(ByteBuffer.wrap(new byte[1]), head.length + 12_000_000_000L - 1);
        }
        assertThatThrownBy(() -> Npy.read(file))
                .isInstanceOf(MalformedInputException.class)
                .hasCauseInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("needs 3000000000 elements");
    }

    @Test
    void readHeaderDoesNotReadTheData() throws IOException {
        Path file = dir.resolve("h.npy");
        Files.write(file, npy(1, "{'descr': '>f4', 'fortran_order': True, 'shape': (50000, 40000)}\n", new byte[0]));
        NpyHeader h = Npy.readHeader(file);
        assertThat(new Object[] {h.descr(), h.order(), h.shape(), h.dataLength()})
                .containsExactly(">f4", Npy.Order.FORTRAN, java.util.List.of(50000, 40000), 8_000_000_000L);
    }

    @Test
    void aValidStreamIsNotConsumedPastItsData() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(withDict(OK_DICT));
        out.writeBytes(new byte[] {42});
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Npy.read(in, "s");
        assertThat(in.read()).isEqualTo(42);
    }
}
