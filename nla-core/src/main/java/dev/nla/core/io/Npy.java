package dev.nla.core.io;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Reads and writes NumPy {@code .npy} files holding a float64 or float32 array of at most two
 * dimensions, as {@link DenseMatrix}.
 *
 * <p><b>File layout</b> (NumPy's format specification, {@code numpy.lib.format}): the 6-byte magic
 * string {@code \x93NUMPY}, a major and a minor version byte, the header length as a little-endian
 * unsigned integer (2 bytes in version 1.0, 4 bytes in 2.0 and 3.0), the header, then the raw
 * array data. The header is the text of a Python dictionary such as {@code {'descr': '<f8',
 * 'fortran_order': False, 'shape': (3, 4), }}, padded with spaces and a final {@code '\n'} so that
 * the data starts at a multiple of 64 bytes; it is Latin-1 text in versions 1.0 and 2.0 and UTF-8
 * in 3.0.
 *
 * <p><b>What is read.</b> Versions 1.0, 2.0 and 3.0; dtypes {@code '<f8'}, {@code '>f8'},
 * {@code '<f4'}, {@code '>f4'} and the native-order forms {@code '=f8'}, {@code '=f4'} (native
 * meaning the byte order of the machine reading the file, as in NumPy). The byte order mark
 * {@code '|'} ("not applicable") is rejected for these multi-byte types. Float32 values are widened
 * exactly to double. Shapes map to matrices as follows:
 *
 * <table>
 *   <caption>How array shapes become matrices</caption>
 *   <tr><th>.npy shape</th><th>matrix</th></tr>
 *   <tr><td>{@code (m, n)}, C or Fortran order</td><td>\(m \times n\)</td></tr>
 *   <tr><td>{@code (n,)}</td><td>\(n \times 1\) column vector</td></tr>
 *   <tr><td>{@code ()} (a scalar)</td><td>\(1 \times 1\)</td></tr>
 * </table>
 *
 * <p>Anything else is refused with a {@link MalformedInputException} that names the source, the
 * byte offset and what was found: another dtype (integers, complex, objects, structured), three or
 * more dimensions, a header that is not a dictionary with exactly the keys {@code descr},
 * {@code fortran_order} and {@code shape}, a negative or non-integer dimension, a truncated file.
 * Nothing is converted silently.
 *
 * <p><b>Safety limits.</b> A header longer than {@link NpyReadOptions#maxHeaderLength()} bytes
 * (default {@value NpyReadOptions#DEFAULT_MAX_HEADER_LENGTH}, NumPy's own default) is refused before
 * it is read. An array of more than {@link DenseMatrix#MAX_ELEMENTS} elements, or with a dimension
 * over {@code Integer.MAX_VALUE}, is refused with a {@link MalformedInputException} whose cause is a
 * {@link SizeLimitExceededException}. When reading a {@link Path}, the data length announced by the
 * header is compared with the file size before anything is allocated. When reading an {@link
 * InputStream}, the data is read in chunks of 64 KiB and the destination grows only as data
 * actually arrives, so a header that lies about the shape cannot cause a large allocation. A short
 * file gives a {@link MalformedInputException} with the expected and actual byte counts, never a
 * partial matrix.
 *
 * <p><b>Trailing bytes.</b> NumPy ignores bytes after the data. Here, reading a {@link Path} rejects
 * them by default (they usually mean a wrong shape or a concatenation of several arrays); {@link
 * NpyReadOptions#withTrailingData} with {@link TrailingData#IGNORE} accepts them. Reading an {@link
 * InputStream} consumes exactly the header and the data and leaves the stream just after them, so
 * several arrays written one after another to the same stream (as by repeated {@code np.save(f,
 * a)} calls on one open file) can be read back one by one.
 *
 * <p><b>What is written.</b> A 2-dimensional array {@code (m, n)} (also for vectors), in the dtype,
 * byte order, element order and format version of {@link NpyWriteOptions} (default float64,
 * little-endian, C order, version 1.0; a 2-D float header is under 200 bytes, so version 1.0 always
 * suffices). The header is byte for byte what NumPy 1.24 and later write for the same array: keys
 * in sorted order, NumPy's {@code repr} of the shape, 21 minus the number of digits of the growth
 * axis (the first dimension in C order, the last in Fortran order) spare spaces, then padding to a
 * multiple of 64 bytes. Views with any offset and leading dimension are written
 * correctly. Writing float32 rounds each value to the nearest float (ties to even, Java's {@code
 * (float)} cast); a finite value that would overflow to infinity is refused before anything is
 * written. NaN and infinities are data in this binary format and are written and read unchanged.
 *
 * <p>Input and output errors of the underlying file or stream are rethrown as {@link
 * UncheckedIOException}.
 */
public final class Npy {
    /** The element types this class reads and writes. */
    public enum Dtype {
        /** IEEE 754 binary64, NumPy {@code float64}, type code {@code f8}. */
        FLOAT64(8),
        /** IEEE 754 binary32, NumPy {@code float32}, type code {@code f4}. */
        FLOAT32(4);

        private final int itemSize;

        Dtype(int itemSize) {
            this.itemSize = itemSize;
        }

        /**
         * Bytes per element.
         *
         * @return 8 or 4
         */
        public int itemSize() {
            return itemSize;
        }

        /**
         * NumPy's descriptor string for this type in the given byte order.
         *
         * @param byteOrder the byte order of the data; not null
         * @return {@code "<f8"}, {@code ">f8"}, {@code "<f4"} or {@code ">f4"}
         * @throws NullPointerException if {@code byteOrder} is null
         */
        public String descr(ByteOrder byteOrder) {
            Objects.requireNonNull(byteOrder, "byteOrder");
            return (byteOrder == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + "f" + itemSize;
        }
    }

    /** The order in which the elements of a 2-D array follow each other in the file. */
    public enum Order {
        /** Row-major ({@code fortran_order: False}), NumPy's default. */
        C,
        /** Column-major ({@code fortran_order: True}), the storage order of {@link DenseMatrix}. */
        FORTRAN
    }

    /** The {@code .npy} format versions. */
    public enum Version {
        /** Version 1.0: 2-byte header length, Latin-1 header. */
        V1_0(1, 0),
        /** Version 2.0: 4-byte header length, Latin-1 header. */
        V2_0(2, 0),
        /** Version 3.0: 4-byte header length, UTF-8 header. */
        V3_0(3, 0);

        private final int major;
        private final int minor;

        Version(int major, int minor) {
            this.major = major;
            this.minor = minor;
        }

        /**
         * The major version number.
         *
         * @return 1, 2 or 3
         */
        public int major() {
            return major;
        }

        /**
         * The minor version number.
         *
         * @return 0
         */
        public int minor() {
            return minor;
        }

        /**
         * Bytes of the header length field.
         *
         * @return 2 for version 1.0, 4 otherwise
         */
        public int headerLengthBytes() {
            return this == V1_0 ? 2 : 4;
        }

        static Version of(int major, int minor) {
            for (Version v : values()) {
                if (v.major == major && v.minor == minor) {
                    return v;
                }
            }
            return null;
        }
    }

    /** What reading a {@link Path} does with bytes that follow the array data. */
    public enum TrailingData {
        /** Refuse the file with a {@link MalformedInputException} (the default). */
        REJECT,
        /** Ignore them, as NumPy does. */
        IGNORE
    }

    /** Magic string that opens every {@code .npy} file. */
    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};

    /** The data starts at a multiple of this many bytes ({@code numpy.lib.format.ARRAY_ALIGN}). */
    static final int ARRAY_ALIGN = 64;

    /** NumPy's spare room for the growth axis ({@code numpy.lib.format.GROWTH_AXIS_MAX_DIGITS}). */
    static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** Bytes read or written per chunk of array data. */
    static final int CHUNK_BYTES = 1 << 16;

    private Npy() {}

    // ------------------------------------------------------------------------------------------
    // Reading

    /**
     * Reads a {@code .npy} file with the default options ({@link NpyReadOptions#defaults()}).
     *
     * @param path the file; not modified
     * @return the matrix, compact ({@code ld = max(1, rows)})
     * @throws NullPointerException    if {@code path} is null
     * @throws MalformedInputException if the file is not a readable {@code .npy} float array (see
     *     the class description); the message names the file, the byte offset and what was found
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static DenseMatrix read(Path path) {
        return read(path, NpyReadOptions.defaults());
    }

    /**
     * Reads a {@code .npy} file. The header's announced data length is checked against the file size
     * before any array is allocated.
     *
     * @param path    the file; not modified
     * @param options header-length limit and trailing-data policy
     * @return the matrix, compact ({@code ld = max(1, rows)})
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the file is not a readable {@code .npy} float array, is
     *     truncated, has a header over the limit, holds more than {@link DenseMatrix#MAX_ELEMENTS}
     *     elements, or has trailing bytes under {@link TrailingData#REJECT}
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static DenseMatrix read(Path path, NpyReadOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        String source = path.toString();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            InputStream in = Channels.newInputStream(channel);
            NpyHeader header = parseHeader(in, source, options, fileSize);
            checkElementLimit(source, header);
            long available = fileSize - header.dataOffset();
            if (available < header.dataLength()) {
                throw truncated(source, header, available);
            }
            if (available > header.dataLength() && options.trailingData() == TrailingData.REJECT) {
                long end = header.dataOffset() + header.dataLength();
                throw Errors.atByte(
                        source,
                        end,
                        (available - header.dataLength()) + " unexpected bytes after the array data (the header "
                                + describe(header) + " announces " + header.dataLength()
                                + " bytes of data from byte offset " + header.dataOffset()
                                + "; NpyReadOptions with TrailingData.IGNORE accepts them)");
            }
            return readData(in, source, header, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + source, e);
        }
    }

    /**
     * Reads one {@code .npy} array from a stream with the default options, consuming exactly its
     * header and data.
     *
     * @param in         the stream, positioned at the magic string; read, not closed
     * @param sourceName name of the source for error messages, e.g. a URL or entry name
     * @return the matrix, compact ({@code ld = max(1, rows)})
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the stream does not hold a readable {@code .npy} float
     *     array (see the class description) or ends early
     * @throws UncheckedIOException    if reading the stream fails
     */
    public static DenseMatrix read(InputStream in, String sourceName) {
        return read(in, sourceName, NpyReadOptions.defaults());
    }

    /**
     * Reads one {@code .npy} array from a stream, consuming exactly its header and data. The data is
     * read in chunks and the destination grows as data arrives, so a header announcing a huge shape
     * allocates only as much as the stream actually delivers. {@link
     * NpyReadOptions#trailingData()} does not apply: the stream is left just after the array.
     *
     * @param in         the stream, positioned at the magic string; read, not closed
     * @param sourceName name of the source for error messages
     * @param options    header-length limit
     * @return the matrix, compact ({@code ld = max(1, rows)})
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the stream does not hold a readable {@code .npy} float
     *     array, ends before the announced data, has a header over the limit, or announces more
     *     than {@link DenseMatrix#MAX_ELEMENTS} elements
     * @throws UncheckedIOException    if reading the stream fails
     */
    public static DenseMatrix read(InputStream in, String sourceName, NpyReadOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        try {
            NpyHeader header = parseHeader(in, sourceName, options, -1);
            checkElementLimit(sourceName, header);
            return readData(in, sourceName, header, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    /**
     * Reads only the header of a {@code .npy} file (default options), without reading the data.
     *
     * @param path the file; not modified
     * @return the header
     * @throws NullPointerException    if {@code path} is null
     * @throws MalformedInputException if the header is malformed, over the default length limit,
     *     unsupported, or longer than the file
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static NpyHeader readHeader(Path path) {
        Objects.requireNonNull(path, "path");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return parseHeader(
                    Channels.newInputStream(channel), path.toString(), NpyReadOptions.defaults(), channel.size());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Reads only the header of a {@code .npy} stream, leaving the stream at the start of the data.
     *
     * @param in         the stream, positioned at the magic string; read, not closed
     * @param sourceName name of the source for error messages
     * @param options    header-length limit ({@link NpyReadOptions#trailingData()} is not used)
     * @return the header
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the header is malformed, over the length limit,
     *     unsupported, or cut short
     * @throws UncheckedIOException    if reading the stream fails
     */
    public static NpyHeader readHeader(InputStream in, String sourceName, NpyReadOptions options) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        try {
            return parseHeader(in, sourceName, options, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    private static void checkElementLimit(String source, NpyHeader header) {
        long count = header.elementCount();
        if (count > DenseMatrix.MAX_ELEMENTS) {
            throw Errors.overLimit(
                    source + ": byte " + header.dataOffset(),
                    "the array " + describe(header),
                    count,
                    DenseMatrix.MAX_ELEMENTS);
        }
    }

    private static MalformedInputException truncated(String source, NpyHeader header, long actual) {
        return Errors.atByte(
                source,
                header.dataOffset() + actual,
                "data truncated: the header " + describe(header) + " announces " + header.dataLength()
                        + " bytes of data from byte offset " + header.dataOffset() + ", but only " + actual
                        + " bytes follow");
    }

    private static String describe(NpyHeader h) {
        return "(descr '" + h.descr() + "', shape " + shapeRepr(h.shape()) + ")";
    }

    /** Python's repr of a shape tuple: {@code ()}, {@code (5,)}, {@code (3, 4)}. */
    static String shapeRepr(List<Integer> shape) {
        if (shape.size() == 1) {
            return "(" + shape.get(0) + ",)";
        }
        StringBuilder sb = new StringBuilder("(");
        for (int k = 0; k < shape.size(); k++) {
            sb.append(k > 0 ? ", " : "").append(shape.get(k));
        }
        return sb.append(')').toString();
    }

    /** Receives decoded values in file order: {@code values[0, count)} are elements {@code first...}. */
    @FunctionalInterface
    private interface ValueSink {
        void accept(double[] values, int count, int first);
    }

    private static DenseMatrix readData(InputStream in, String source, NpyHeader header, boolean sizeKnown)
            throws IOException {
        int rows = header.matrixShape().rows();
        int cols = header.matrixShape().cols();
        int n = (int) header.elementCount();
        boolean rowMajor = header.order() == Order.C && rows > 1 && cols > 1;
        if (sizeKnown) {
            // The file size was checked against the header: allocate the result once.
            double[] out = new double[n];
            if (rowMajor) {
                // File element k = i * cols + j goes to out[i + j * rows].
                decode(in, source, header, (values, count, first) -> {
                    int i = first / cols;
                    int j = first % cols;
                    for (int k = 0; k < count; k++) {
                        out[i + j * rows] = values[k];
                        if (++j == cols) {
                            j = 0;
                            i++;
                        }
                    }
                });
            } else {
                decode(in, source, header, (values, count, first) -> System.arraycopy(values, 0, out, first, count));
            }
            return DenseMatrix.wrap(rows, cols, out);
        }
        // Stream: grow the buffer only as data arrives.
        double[][] flat = {new double[Math.min(n, CHUNK_BYTES / 8)]};
        decode(in, source, header, (values, count, first) -> {
            if (first + count > flat[0].length) {
                int capacity = (int) Math.min(n, Math.max(2L * flat[0].length, (long) first + count));
                flat[0] = Arrays.copyOf(flat[0], capacity);
            }
            System.arraycopy(values, 0, flat[0], first, count);
        });
        DenseMatrix fileOrder =
                rowMajor ? DenseMatrix.wrap(cols, rows, flat[0]) : DenseMatrix.wrap(rows, cols, flat[0]);
        return rowMajor ? fileOrder.transpose() : fileOrder;
    }

    /** Reads {@code header.dataLength()} bytes in chunks, decodes them and hands them to {@code sink}. */
    private static void decode(InputStream in, String source, NpyHeader header, ValueSink sink) throws IOException {
        int n = (int) header.elementCount();
        if (n == 0) {
            return;
        }
        int item = header.dtype().itemSize();
        int perChunk = Math.min(n, CHUNK_BYTES / item);
        byte[] chunk = new byte[perChunk * item];
        double[] values = new double[perChunk];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.byteOrder());
        int done = 0;
        while (done < n) {
            int want = Math.min(perChunk, n - done);
            int got = in.readNBytes(chunk, 0, want * item);
            if (got < want * item) {
                throw truncated(source, header, (long) done * item + got);
            }
            buffer.clear().limit(want * item);
            if (item == 8) {
                buffer.asDoubleBuffer().get(values, 0, want);
            } else {
                FloatBuffer floats = buffer.asFloatBuffer();
                for (int k = 0; k < want; k++) {
                    values[k] = floats.get(k); // float -> double is exact
                }
            }
            sink.accept(values, want, done);
            done += want;
        }
    }

    // ------------------------------------------------------------------------------------------
    // Header parsing

    /**
     * Reads and validates the magic string, version, header length and header dictionary.
     *
     * @param fileSize the total size when known, or -1
     */
    static NpyHeader parseHeader(InputStream in, String source, NpyReadOptions options, long fileSize)
            throws IOException {
        byte[] prefix = in.readNBytes(8);
        int magicAvailable = Math.min(prefix.length, MAGIC.length);
        for (int k = 0; k < magicAvailable; k++) {
            if (prefix[k] != MAGIC[k]) {
                throw Errors.atByte(
                        source,
                        0,
                        "not a .npy file: expected the magic string \\x93NUMPY, found "
                                + escapeBytes(Arrays.copyOf(prefix, magicAvailable)));
            }
        }
        if (prefix.length < 8) {
            throw Errors.atByte(
                    source,
                    prefix.length,
                    prefix.length == 0
                            ? "empty input, expected the .npy magic string \\x93NUMPY"
                            : "input ends after " + prefix.length
                                    + " bytes, inside the magic string and version (8 bytes)");
        }
        int major = prefix[6] & 0xff;
        int minor = prefix[7] & 0xff;
        Version version = Version.of(major, minor);
        if (version == null) {
            throw Errors.atByte(
                    source,
                    6,
                    "unsupported .npy format version " + major + "." + minor + " (supported: 1.0, 2.0, 3.0)");
        }
        int lengthBytes = version.headerLengthBytes();
        byte[] lengthField = in.readNBytes(lengthBytes);
        if (lengthField.length < lengthBytes) {
            throw Errors.atByte(
                    source,
                    8 + lengthField.length,
                    "input ends inside the " + lengthBytes + "-byte header length field at byte offset 8");
        }
        long headerLength = 0;
        for (int k = lengthBytes - 1; k >= 0; k--) {
            headerLength = (headerLength << 8) | (lengthField[k] & 0xff);
        }
        long start = 8L + lengthBytes;
        if (headerLength > options.maxHeaderLength()) {
            throw Errors.atByte(
                    source,
                    8,
                    "header length " + headerLength + " exceeds the limit of " + options.maxHeaderLength()
                            + " bytes (NpyReadOptions.maxHeaderLength)");
        }
        if (fileSize >= 0 && start + headerLength > fileSize) {
            throw Errors.atByte(
                    source,
                    fileSize,
                    "header truncated: the header length field announces " + headerLength + " bytes from byte offset "
                            + start + ", but only " + (fileSize - start) + " bytes follow");
        }
        byte[] headerBytes = in.readNBytes((int) headerLength);
        if (headerBytes.length < headerLength) {
            throw Errors.atByte(
                    source,
                    start + headerBytes.length,
                    "header truncated: the header length field announces " + headerLength + " bytes from byte offset "
                            + start + ", but only " + headerBytes.length + " bytes follow");
        }
        String text = decodeHeader(headerBytes, version, source, start);
        PyLiteral.Value value;
        try {
            value = PyLiteral.parse(text, version != Version.V3_0);
        } catch (PyLiteral.SyntaxError e) {
            throw Errors.atByte(
                    source,
                    start + byteIndex(text, e.position(), version),
                    "cannot parse the header: " + e.getMessage() + " in " + PyLiteral.clip(text.strip()));
        }
        return validate(value, text, version, source, start, start + headerLength);
    }

    private static String decodeHeader(byte[] bytes, Version version, String source, long start) {
        if (version != Version.V3_0) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // The decoder stops at the first byte of the malformed sequence.
            throw Errors.atByte(source, start + in.position(), "the version 3.0 header is not valid UTF-8");
        }
        return out.flip().toString();
    }

    /** Byte offset, within the header, of character {@code charIndex}. */
    private static long byteIndex(String text, int charIndex, Version version) {
        int c = Math.min(charIndex, text.length());
        if (version != Version.V3_0) {
            return c;
        }
        return text.substring(0, c).getBytes(StandardCharsets.UTF_8).length;
    }

    private static NpyHeader validate(
            PyLiteral.Value value, String text, Version version, String source, long start, long dataOffset) {
        if (!(value instanceof PyLiteral.Dict)) {
            throw Errors.atByte(
                    source,
                    start + byteIndex(text, value.pos(), version),
                    "the header is not a dictionary: " + PyLiteral.clip(value.repr()));
        }
        PyLiteral.Dict dict = (PyLiteral.Dict) value;
        PyLiteral.Value descr = null;
        PyLiteral.Value fortran = null;
        PyLiteral.Value shape = null;
        for (int k = 0; k < dict.keys().size(); k++) {
            PyLiteral.Value key = dict.keys().get(k);
            long at = start + byteIndex(text, key.pos(), version);
            if (!(key instanceof PyLiteral.Str)) {
                throw Errors.atByte(
                        source,
                        at,
                        "header key " + PyLiteral.clip(key.repr())
                                + " is not a string (expected exactly 'descr', 'fortran_order', 'shape')");
            }
            String name = ((PyLiteral.Str) key).value();
            PyLiteral.Value v = dict.values().get(k);
            PyLiteral.Value previous;
            switch (name) {
                case "descr":
                    previous = descr;
                    descr = v;
                    break;
                case "fortran_order":
                    previous = fortran;
                    fortran = v;
                    break;
                case "shape":
                    previous = shape;
                    shape = v;
                    break;
                default:
                    throw Errors.atByte(
                            source,
                            at,
                            "unknown header key " + PyLiteral.clip(key.repr())
                                    + " (expected exactly 'descr', 'fortran_order', 'shape')");
            }
            if (previous != null) {
                throw Errors.atByte(source, at, "duplicate header key " + key.repr());
            }
        }
        long dictAt = start + byteIndex(text, dict.pos(), version);
        String missing = descr == null ? "descr" : fortran == null ? "fortran_order" : shape == null ? "shape" : null;
        if (missing != null) {
            throw Errors.atByte(
                    source,
                    dictAt,
                    "the header has no '" + missing + "' key (expected exactly 'descr', 'fortran_order', 'shape'): "
                            + PyLiteral.clip(dict.repr()));
        }

        // descr
        long descrAt = start + byteIndex(text, descr.pos(), version);
        String supported = "only float64 and float32 are supported ('<f8', '>f8', '=f8', '<f4', '>f4', '=f4')";
        if (!(descr instanceof PyLiteral.Str)) {
            throw Errors.atByte(
                    source,
                    descrAt,
                    "unsupported dtype " + PyLiteral.clip(descr.repr())
                            + (descr instanceof PyLiteral.PyList ? " (a structured dtype); " : "; ") + supported);
        }
        String d = ((PyLiteral.Str) descr).value();
        Dtype dtype = null;
        if (d.length() == 3 && d.charAt(1) == 'f') {
            dtype = d.charAt(2) == '8' ? Dtype.FLOAT64 : d.charAt(2) == '4' ? Dtype.FLOAT32 : null;
        }
        char mark = d.isEmpty() ? '?' : d.charAt(0);
        if (dtype == null || (mark != '<' && mark != '>' && mark != '=' && mark != '|')) {
            throw Errors.atByte(
                    source, descrAt, "unsupported dtype " + PyLiteral.clip(descr.repr()) + "; " + supported);
        }
        if (mark == '|') {
            throw Errors.atByte(
                    source,
                    descrAt,
                    "unsupported dtype " + descr.repr() + ": byte order '|' (not applicable) is not meaningful for a "
                            + dtype.itemSize() + "-byte float; " + supported);
        }
        ByteOrder byteOrder =
                mark == '<' ? ByteOrder.LITTLE_ENDIAN : mark == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.nativeOrder();

        // fortran_order
        if (!(fortran instanceof PyLiteral.Bool)) {
            throw Errors.atByte(
                    source,
                    start + byteIndex(text, fortran.pos(), version),
                    "fortran_order must be True or False, found " + PyLiteral.clip(fortran.repr()));
        }
        Order order = ((PyLiteral.Bool) fortran).value() ? Order.FORTRAN : Order.C;

        // shape
        long shapeAt = start + byteIndex(text, shape.pos(), version);
        if (!(shape instanceof PyLiteral.Tuple)) {
            throw Errors.atByte(
                    source,
                    shapeAt,
                    "shape must be a tuple of non-negative integers, found " + PyLiteral.clip(shape.repr()));
        }
        List<PyLiteral.Value> items = ((PyLiteral.Tuple) shape).items();
        List<Integer> dims = new ArrayList<>();
        for (PyLiteral.Value item : items) {
            long itemAt = start + byteIndex(text, item.pos(), version);
            if (!(item instanceof PyLiteral.Int)) {
                throw Errors.atByte(
                        source,
                        itemAt,
                        "shape must be a tuple of non-negative integers, found " + PyLiteral.clip(shape.repr()));
            }
            PyLiteral.Int dim = (PyLiteral.Int) item;
            boolean negative = dim.text().startsWith("-") && (dim.overflow() || dim.value() != 0);
            if (negative) {
                throw Errors.atByte(
                        source,
                        itemAt,
                        "negative dimension " + dim.text() + " in shape " + PyLiteral.clip(shape.repr()));
            }
            if (dim.overflow() || dim.value() > Integer.MAX_VALUE) {
                throw Errors.overLimit(
                        source + ": byte " + itemAt,
                        "dimension " + dim.text() + " of shape " + PyLiteral.clip(shape.repr())
                                + " is over the largest supported dimension " + Integer.MAX_VALUE);
            }
            dims.add((int) dim.value());
        }
        if (dims.size() > 2) {
            throw Errors.atByte(
                    source,
                    shapeAt,
                    "a " + dims.size() + "-dimensional array (shape " + PyLiteral.clip(shape.repr())
                            + ") cannot be read as a matrix; only 0-, 1- and 2-dimensional arrays are supported");
        }
        return new NpyHeader(version, dtype, byteOrder, order, dims, dataOffset);
    }

    private static String escapeBytes(byte[] bytes) {
        StringBuilder sb = new StringBuilder("b'");
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.append('\'').toString();
    }

    // ------------------------------------------------------------------------------------------
    // Writing

    /**
     * Writes a matrix as a float64, little-endian, C-order, version 1.0 {@code .npy} file, replacing
     * the file if it exists; {@code np.load} reads it back as an array of shape {@code (m, n)}.
     *
     * @param a    the matrix (any view, any leading dimension); not modified
     * @param path the file; created or overwritten
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(DenseMatrix a, Path path) {
        write(a, path, NpyWriteOptions.defaults());
    }

    /**
     * Writes a matrix as a {@code .npy} file, replacing the file if it exists. All checks run before
     * the file is opened.
     *
     * @param a       the matrix (any view, any leading dimension); not modified
     * @param path    the file; created or overwritten
     * @param options dtype, byte order, element order and format version
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the dtype is float32 and a finite entry overflows it; the
     *     message names the entry
     * @throws UncheckedIOException     if the file cannot be written
     */
    public static void write(DenseMatrix a, Path path, NpyWriteOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        checkRepresentable(a, options);
        try (OutputStream out = Files.newOutputStream(path)) {
            writeUnchecked(a, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * Writes a matrix as a {@code .npy} array to a stream. All checks run before the first byte is
     * written.
     *
     * @param a       the matrix (any view, any leading dimension); not modified
     * @param out     the stream; written, flushed, not closed
     * @param options dtype, byte order, element order and format version
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the dtype is float32 and a finite entry overflows it
     * @throws UncheckedIOException     if writing fails
     */
    public static void write(DenseMatrix a, OutputStream out, NpyWriteOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(options, "options");
        checkRepresentable(a, options);
        try {
            writeUnchecked(a, out, options);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the .npy stream", e);
        }
    }

    private static void checkRepresentable(DenseMatrix a, NpyWriteOptions options) {
        if (options.dtype() != Dtype.FLOAT32) {
            return;
        }
        double[] data = a.data();
        for (int j = 0; j < a.cols(); j++) {
            int base = a.offset() + j * a.ld();
            for (int i = 0; i < a.rows(); i++) {
                double v = data[base + i];
                if (Double.isFinite(v) && Float.isInfinite((float) v)) {
                    throw new IllegalArgumentException("entry (" + i + ", " + j + ") = " + v
                            + " overflows float32 (largest finite float32 is " + Float.MAX_VALUE + ")");
                }
            }
        }
    }

    private static void writeUnchecked(DenseMatrix a, OutputStream out, NpyWriteOptions options) throws IOException {
        out.write(headerBytes(a.rows(), a.cols(), options));
        int rows = a.rows();
        int cols = a.cols();
        if (rows == 0 || cols == 0) {
            return;
        }
        boolean single = options.dtype() == Dtype.FLOAT32;
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK_BYTES).order(options.byteOrder());
        double[] data = a.data();
        int offset = a.offset();
        int ld = a.ld();
        int outer = options.order() == Order.FORTRAN ? cols : rows;
        int inner = options.order() == Order.FORTRAN ? rows : cols;
        int outerStride = options.order() == Order.FORTRAN ? ld : 1;
        int innerStride = options.order() == Order.FORTRAN ? 1 : ld;
        for (int p = 0; p < outer; p++) {
            int base = offset + p * outerStride;
            for (int q = 0; q < inner; q++) {
                if (buffer.remaining() < 8) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                double v = data[base + q * innerStride];
                if (single) {
                    buffer.putFloat((float) v);
                } else {
                    buffer.putDouble(v);
                }
            }
        }
        out.write(buffer.array(), 0, buffer.position());
    }

    /**
     * The header NumPy writes for an {@code (rows, cols)} array: magic, version, length field and
     * the padded dictionary ending in {@code '\n'}, a multiple of {@value #ARRAY_ALIGN} bytes long.
     */
    static byte[] headerBytes(int rows, int cols, NpyWriteOptions options) {
        boolean fortran = options.order() == Order.FORTRAN;
        StringBuilder dict = new StringBuilder()
                .append("{'descr': '")
                .append(options.dtype().descr(options.byteOrder()))
                .append("', 'fortran_order': ")
                .append(fortran ? "True" : "False")
                .append(", 'shape': (")
                .append(rows)
                .append(", ")
                .append(cols)
                .append("), }");
        // NumPy >= 1.24 reserves room for the growth axis to reach 21 digits.
        int growthAxis = fortran ? cols : rows;
        dict.append(
                " ".repeat(GROWTH_AXIS_MAX_DIGITS - Integer.toString(growthAxis).length()));
        Version version = options.version();
        int prefix = MAGIC.length + 2 + version.headerLengthBytes();
        int headerLength = dict.length() + 1; // with the final '\n'
        int padding = ARRAY_ALIGN - ((prefix + headerLength) % ARRAY_ALIGN); // 64 when already aligned, as NumPy
        int field = headerLength + padding;
        byte[] out = new byte[prefix + field];
        System.arraycopy(MAGIC, 0, out, 0, MAGIC.length);
        out[6] = (byte) version.major();
        out[7] = (byte) version.minor();
        for (int k = 0; k < version.headerLengthBytes(); k++) {
            out[8 + k] = (byte) (field >>> (8 * k));
        }
        byte[] text = dict.toString().getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, out, prefix, text.length);
        Arrays.fill(out, prefix + text.length, out.length - 1, (byte) ' ');
        out[out.length - 1] = '\n';
        return out;
    }
}
