package dev.nla.core.io;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.MalformedInputException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.eclipse.collections.impl.list.mutable.primitive.LongArrayList;

/**
 * Reads and writes Matrix Market text files ({@code .mtx}), the exchange format of the NIST Matrix
 * Market and the SuiteSparse Matrix Collection [BPR 1996].
 *
 * <p><b>File layout.</b> A banner {@code %%MatrixMarket matrix <format> <field> <symmetry>}, then
 * optional comment lines starting with {@code %}, a size line, and one data line per entry:
 *
 * <ul>
 *   <li>{@code coordinate} (sparse): size line {@code m n nnz}, then {@code nnz} lines {@code i j
 *       v} with 1-based indices ({@code i j} only for the {@code pattern} field). Read as a {@link
 *       SparseMatrix} (CSR by default, see {@link MatrixMarketReadOptions}); explicitly listed zeros
 *       are kept as stored entries.
 *   <li>{@code array} (dense): size line {@code m n}, then the values one per line in column-major
 *       order. Read as a {@link DenseMatrix}.
 * </ul>
 *
 * <p><b>Fields</b> {@code real} (also spelled {@code double}), {@code integer} and {@code pattern}
 * (coordinate only; every listed entry reads as 1.0) are supported; {@code complex} is refused with
 * a {@link MalformedInputException} naming it. <b>Symmetries</b> {@code general}, {@code symmetric}
 * and {@code skew-symmetric} are supported and expanded to full storage: a symmetric file lists the
 * lower triangle \(i \ge j\) and \(a_{ji} = a_{ij}\) is added; a skew-symmetric file lists the
 * strict lower triangle and \(a_{ji} = -a_{ij}\) is added. An entry above the diagonal in a
 * symmetric or skew-symmetric coordinate file is refused (it would be counted twice); a diagonal
 * entry of a skew-symmetric file is accepted only if it is zero. {@code hermitian} is refused.
 * Keywords are case-insensitive; the banner must start with {@code %%MatrixMarket} exactly.
 *
 * <p><b>Choices.</b>
 *
 * <ul>
 *   <li>Comment lines ({@code %} as the first non-blank character) and blank lines are accepted
 *       anywhere after the banner. Each data line must hold exactly the expected number of fields
 *       (the array format has one value per line, as the format prescribes).
 *   <li>Duplicate coordinate entries are summed by default, as SciPy's {@code mmread(...).tocsr()}
 *       does (for the pattern field a duplicated position therefore reads as 2.0); {@link
 *       Duplicates#REJECT} refuses them, naming both lines.
 *   <li>NaN and infinite values (including decimal literals that overflow, such as {@code 1e999})
 *       are refused: {@link SparseMatrix} stores finite values only, and the same rule is applied
 *       to dense files. Numbers must be decimal ({@code [+-]digits[.digits][(e|E)[+-]digits]});
 *       they are converted with {@link Double#parseDouble}, which rounds correctly. Integer values
 *       beyond \(2^{53}\) in magnitude round to the nearest double; beyond the {@code long} range
 *       they are refused.
 *   <li>Sizes are checked before anything is allocated: indices and dimensions must fit an {@code
 *       int}; a coordinate file may not announce more entries than its shape holds, nor rows or
 *       columns beyond {@link MatrixMarketReadOptions#maxSparseDimension()}; an array file may not
 *       exceed {@link DenseMatrix#MAX_ELEMENTS} entries. Limit violations are reported as {@link
 *       MalformedInputException} with a {@link SizeLimitExceededException} cause. Storage grows only
 *       as entries actually arrive, so a size line that lies costs nothing.
 *   <li>Lines longer than 4096 characters are refused unless they are comments; too few or too many
 *       entries, indices out of range (1-based) and unparsable numbers are refused with the line
 *       number. A reader returns the complete matrix or throws; it never returns part of one.
 * </ul>
 *
 * <p><b>Writing.</b> A {@link SparseMatrix} is written in coordinate format, its stored entries in
 * storage order; a {@link DenseMatrix} (any view) in array format. Real values are printed with
 * {@link Double#toString(double)}, which produces a decimal string that parses back to the same
 * double (the shortest such string on JDK 19 and later), so a real file round-trips exactly,
 * including {@code -0.0}. See {@link MatrixMarketWriteOptions} for integer and pattern fields,
 * symmetric output and comments. Lines end with {@code '\n'}. Input and output failures of the
 * underlying file or stream are rethrown as {@link UncheckedIOException}.
 */
public final class MatrixMarket {
    /** The storage format of a Matrix Market file. */
    public enum Format {
        /** Sparse: one line per listed entry with its indices. */
        COORDINATE("coordinate"),
        /** Dense: every listed value in column-major order. */
        ARRAY("array");

        private final String keyword;

        Format(String keyword) {
            this.keyword = keyword;
        }

        /**
         * The banner keyword.
         *
         * @return {@code coordinate} or {@code array}
         */
        public String keyword() {
            return keyword;
        }
    }

    /** The type of the values in a Matrix Market file. */
    public enum Field {
        /** Floating-point values. */
        REAL("real"),
        /** Integer values. */
        INTEGER("integer"),
        /** No values: the listed positions hold 1.0 (coordinate format only). */
        PATTERN("pattern");

        private final String keyword;

        Field(String keyword) {
            this.keyword = keyword;
        }

        /**
         * The banner keyword.
         *
         * @return {@code real}, {@code integer} or {@code pattern}
         */
        public String keyword() {
            return keyword;
        }
    }

    /** Which part of the matrix a Matrix Market file lists. */
    public enum Symmetry {
        /** Every entry. */
        GENERAL("general"),
        /** The lower triangle \(i \ge j\) of a matrix with \(a_{ij} = a_{ji}\). */
        SYMMETRIC("symmetric"),
        /** The strict lower triangle \(i \gt j\) of a matrix with \(a_{ij} = -a_{ji}\). */
        SKEW_SYMMETRIC("skew-symmetric");

        private final String keyword;

        Symmetry(String keyword) {
            this.keyword = keyword;
        }

        /**
         * The banner keyword.
         *
         * @return {@code general}, {@code symmetric} or {@code skew-symmetric}
         */
        public String keyword() {
            return keyword;
        }
    }

    /** What reading does with a coordinate entry \((i, j)\) listed more than once. */
    public enum Duplicates {
        /** Add the values (the default; common practice, e.g. SciPy). */
        SUM,
        /** Refuse the file with a {@link MalformedInputException} naming both lines. */
        REJECT
    }

    private static final String BANNER = "%%MatrixMarket";
    private static final String BANNER_FORM = "'%%MatrixMarket matrix <format> <field> <symmetry>'";

    private MatrixMarket() {}

    // ------------------------------------------------------------------------------------------
    // Reading

    /**
     * Reads a Matrix Market file with the default options.
     *
     * @param path the file; not modified
     * @return a {@link SparseMatrix} (CSR) for a coordinate file, a {@link DenseMatrix} for an array
     *     file
     * @throws NullPointerException    if {@code path} is null
     * @throws MalformedInputException if the file is malformed, truncated, unsupported or over a
     *     size limit; the message names the file, the line and what was found
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static Matrix read(Path path) {
        return read(path, MatrixMarketReadOptions.defaults());
    }

    /**
     * Reads a Matrix Market file. The bytes are decoded as ISO-8859-1, so any byte sequence decodes
     * (non-ASCII text can only appear in comments).
     *
     * @param path    the file; not modified
     * @param options sparse layout, duplicate policy and dimension limit
     * @return a {@link SparseMatrix} for a coordinate file, a {@link DenseMatrix} for an array file
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the file is malformed, truncated, unsupported or over a
     *     size limit
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static Matrix read(Path path, MatrixMarketReadOptions options) {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.ISO_8859_1)) {
            return readFrom(new LineReader(reader), path.toString(), options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Reads a Matrix Market matrix from a character stream, up to its end.
     *
     * @param reader     the text; read to the end, not closed
     * @param sourceName name of the source for error messages
     * @param options    sparse layout, duplicate policy and dimension limit
     * @return a {@link SparseMatrix} for a coordinate file, a {@link DenseMatrix} for an array file
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the text is malformed, truncated, unsupported or over a
     *     size limit
     * @throws UncheckedIOException    if reading fails
     */
    public static Matrix read(Reader reader, String sourceName, MatrixMarketReadOptions options) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(options, "options");
        try {
            return readFrom(new LineReader(reader), sourceName, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    /**
     * Reads the banner and the size line of a Matrix Market file, not the entries.
     *
     * @param path the file; not modified
     * @return the header
     * @throws NullPointerException    if {@code path} is null
     * @throws MalformedInputException if the banner or the size line is malformed, unsupported or
     *     inconsistent
     * @throws UncheckedIOException    if the file cannot be read
     */
    public static MatrixMarketHeader readHeader(Path path) {
        Objects.requireNonNull(path, "path");
        try (Reader reader = new InputStreamReader(Files.newInputStream(path), StandardCharsets.ISO_8859_1)) {
            return parseHeader(new LineReader(reader), path.toString()).header();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /**
     * Reads the banner and the size line from a character stream, leaving the entries unread.
     *
     * @param reader     the text; read at least up to the size line (possibly further, as it is
     *     buffered), not closed
     * @param sourceName name of the source for error messages
     * @return the header
     * @throws NullPointerException    if an argument is null
     * @throws MalformedInputException if the banner or the size line is malformed, unsupported or
     *     inconsistent
     * @throws UncheckedIOException    if reading fails
     */
    public static MatrixMarketHeader readHeader(Reader reader, String sourceName) {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(sourceName, "sourceName");
        try {
            return parseHeader(new LineReader(reader), sourceName).header();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + sourceName, e);
        }
    }

    /** A parsed header and the number of its size line. */
    private record Parsed(MatrixMarketHeader header, long sizeLine) {}

    private static Matrix readFrom(LineReader lines, String source, MatrixMarketReadOptions options)
            throws IOException {
        Parsed parsed = parseHeader(lines, source);
        if (parsed.header().format() == Format.COORDINATE) {
            return readCoordinate(lines, source, parsed, options);
        }
        return readArray(lines, source, parsed);
    }

    private static Parsed parseHeader(LineReader lines, String source) throws IOException {
        if (!lines.next()) {
            throw Errors.atLine(source, 1, "empty input, expected the banner " + BANNER_FORM);
        }
        if (lines.tokenCount() == 0 || !lines.token(0).equals(BANNER)) {
            throw Errors.atLine(source, 1, "expected the banner " + BANNER_FORM + ", found '" + lines.excerpt() + "'");
        }
        if (lines.tooLong() || lines.tokenCount() != 5) {
            throw Errors.atLine(
                    source,
                    1,
                    "the banner must have 5 fields " + BANNER_FORM + ", found "
                            + (lines.tooLong() ? "a line over " + LineReader.MAX_LINE_LENGTH + " characters" : "")
                            + (lines.tooLong() ? "" : lines.tokenCount() + ": '" + lines.excerpt() + "'"));
        }
        String object = lines.token(1).toLowerCase(Locale.ROOT);
        String formatWord = lines.token(2).toLowerCase(Locale.ROOT);
        String fieldWord = lines.token(3).toLowerCase(Locale.ROOT);
        String symmetryWord = lines.token(4).toLowerCase(Locale.ROOT);
        if (!object.equals("matrix")) {
            throw Errors.atLine(source, 1, "unsupported object '" + clip(lines.token(1)) + "' (only 'matrix' is read)");
        }
        Format format;
        switch (formatWord) {
            case "coordinate":
                format = Format.COORDINATE;
                break;
            case "array":
                format = Format.ARRAY;
                break;
            default:
                throw Errors.atLine(
                        source, 1, "unknown format '" + clip(lines.token(2)) + "' (expected 'coordinate' or 'array')");
        }
        Field field;
        switch (fieldWord) {
            case "real":
            case "double":
                field = Field.REAL;
                break;
            case "integer":
                field = Field.INTEGER;
                break;
            case "pattern":
                field = Field.PATTERN;
                break;
            case "complex":
                throw Errors.atLine(
                        source, 1, "field 'complex' is not supported (only 'real', 'integer' and 'pattern' are read)");
            default:
                throw Errors.atLine(
                        source,
                        1,
                        "unknown field '" + clip(lines.token(3)) + "' (expected 'real', 'integer' or 'pattern')");
        }
        Symmetry symmetry;
        switch (symmetryWord) {
            case "general":
                symmetry = Symmetry.GENERAL;
                break;
            case "symmetric":
                symmetry = Symmetry.SYMMETRIC;
                break;
            case "skew-symmetric":
                symmetry = Symmetry.SKEW_SYMMETRIC;
                break;
            case "hermitian":
                throw Errors.atLine(
                        source, 1, "symmetry 'hermitian' is not supported (it applies to complex matrices only)");
            default:
                throw Errors.atLine(
                        source,
                        1,
                        "unknown symmetry '" + clip(lines.token(4))
                                + "' (expected 'general', 'symmetric' or 'skew-symmetric')");
        }
        if (field == Field.PATTERN && format == Format.ARRAY) {
            throw Errors.atLine(source, 1, "the 'pattern' field is only valid with the 'coordinate' format");
        }
        if (field == Field.PATTERN && symmetry == Symmetry.SKEW_SYMMETRIC) {
            throw Errors.atLine(source, 1, "the 'pattern' field cannot be 'skew-symmetric'");
        }

        if (!nextDataLine(lines, source)) {
            throw Errors.atLine(
                    source, lines.lineNumber() + 1, "end of input, expected the size line after the banner");
        }
        long sizeLine = lines.lineNumber();
        int expected = format == Format.COORDINATE ? 3 : 2;
        String sizeForm = format == Format.COORDINATE ? "'rows columns entries'" : "'rows columns'";
        if (lines.tokenCount() != expected) {
            throw Errors.atLine(
                    source,
                    sizeLine,
                    "the size line of " + (format == Format.ARRAY ? "an " : "a ") + format.keyword()
                            + " file must have " + expected + " fields " + sizeForm + ", found " + lines.tokenCount()
                            + ": '" + lines.excerpt() + "'");
        }
        long rows = parseCount(lines.token(0), source, sizeLine, "row count");
        long cols = parseCount(lines.token(1), source, sizeLine, "column count");
        if (rows > Integer.MAX_VALUE || cols > Integer.MAX_VALUE) {
            throw Errors.overLimit(
                    source + ": line " + sizeLine,
                    "a " + rows + "x" + cols + " matrix has a dimension over the largest supported dimension "
                            + Integer.MAX_VALUE);
        }
        if (symmetry != Symmetry.GENERAL && rows != cols) {
            throw Errors.atLine(
                    source,
                    sizeLine,
                    "a " + symmetry.keyword() + " matrix must be square, the size line gives " + rows + "x" + cols);
        }
        long entries;
        if (format == Format.COORDINATE) {
            entries = parseCount(lines.token(2), source, sizeLine, "entry count");
            // Skew-symmetric files may list (zero) diagonal entries, so both symmetric kinds hold at
            // most n(n+1)/2 distinct positions.
            long capacity = symmetry == Symmetry.GENERAL ? rows * cols : rows * (rows + 1) / 2;
            if (entries > capacity) {
                throw Errors.atLine(
                        source,
                        sizeLine,
                        "the size line announces " + entries + " entries, more than the " + capacity
                                + " positions of a " + symmetry.keyword() + " " + rows + "x" + cols + " matrix");
            }
        } else {
            if (rows * cols > DenseMatrix.MAX_ELEMENTS) {
                throw Errors.overLimit(
                        source + ": line " + sizeLine,
                        "a dense " + rows + "x" + cols + " matrix",
                        rows * cols,
                        DenseMatrix.MAX_ELEMENTS);
            }
            entries = symmetry == Symmetry.GENERAL
                    ? rows * cols
                    : symmetry == Symmetry.SYMMETRIC ? rows * (rows + 1) / 2 : rows * (rows - 1) / 2;
        }
        return new Parsed(new MatrixMarketHeader(format, field, symmetry, (int) rows, (int) cols, entries), sizeLine);
    }

    /** Advances to the next line that is neither blank nor a comment; false at the end of input. */
    private static boolean nextDataLine(LineReader lines, String source) throws IOException {
        while (lines.next()) {
            if (lines.isBlank() || lines.isComment()) {
                continue;
            }
            if (lines.tooLong()) {
                throw Errors.atLine(
                        source,
                        lines.lineNumber(),
                        "line longer than " + LineReader.MAX_LINE_LENGTH + " characters: '" + lines.excerpt() + "'");
            }
            return true;
        }
        return false;
    }

    private static Matrix readCoordinate(
            LineReader lines, String source, Parsed parsed, MatrixMarketReadOptions options) throws IOException {
        MatrixMarketHeader h = parsed.header();
        long sizeLine = parsed.sizeLine();
        int rows = h.rows();
        int cols = h.cols();
        if (Math.max(rows, cols) > options.maxSparseDimension()) {
            throw Errors.overLimit(
                    source + ": line " + sizeLine,
                    "a sparse " + rows + "x" + cols + " matrix has a dimension over the limit of "
                            + options.maxSparseDimension() + " (MatrixMarketReadOptions.maxSparseDimension)");
        }
        long nnz = h.entries();
        if (nnz > DenseMatrix.MAX_ELEMENTS) {
            throw Errors.overLimit(
                    source + ": line " + sizeLine,
                    "a sparse matrix of " + nnz + " entries",
                    nnz,
                    DenseMatrix.MAX_ELEMENTS);
        }
        boolean pattern = h.field() == Field.PATTERN;
        int fields = pattern ? 2 : 3;
        String form = pattern ? "'row column'" : "'row column value'";
        CooBuilder builder = SparseMatrix.builder(rows, cols);
        boolean reject = options.duplicates() == Duplicates.REJECT;
        LongArrayList keys = reject ? new LongArrayList() : null;
        LongArrayList keyLines = reject ? new LongArrayList() : null;
        long stored = 0;
        for (long k = 0; k < nnz; k++) {
            if (!nextDataLine(lines, source)) {
                throw tooFew(source, lines, k, nnz, sizeLine);
            }
            long line = lines.lineNumber();
            if (lines.tokenCount() != fields) {
                throw Errors.atLine(
                        source,
                        line,
                        "expected " + fields + " fields " + form + ", found " + lines.tokenCount() + ": '"
                                + lines.excerpt() + "'");
            }
            int i = parseIndex(lines.token(0), rows, source, line, "row");
            int j = parseIndex(lines.token(1), cols, source, line, "column");
            double v = pattern ? 1.0 : parseValue(lines.token(2), h.field(), source, line);
            if (h.symmetry() != Symmetry.GENERAL && i < j) {
                throw Errors.atLine(
                        source,
                        line,
                        "entry (" + (i + 1) + ", " + (j + 1) + ") lies above the diagonal; a "
                                + h.symmetry().keyword() + " file lists only the lower triangle");
            }
            if (h.symmetry() == Symmetry.SKEW_SYMMETRIC && i == j && v != 0.0) {
                throw Errors.atLine(
                        source,
                        line,
                        "diagonal entry (" + (i + 1) + ", " + (j + 1) + ") = " + lines.token(2)
                                + " in a skew-symmetric file; the diagonal of a skew-symmetric matrix is zero");
            }
            boolean mirror = h.symmetry() != Symmetry.GENERAL && i != j;
            stored += mirror ? 2 : 1;
            if (stored > DenseMatrix.MAX_ELEMENTS) {
                throw Errors.overLimit(
                        source + ": line " + line,
                        "the expanded sparse matrix (lower triangle mirrored)",
                        stored,
                        DenseMatrix.MAX_ELEMENTS);
            }
            builder.add(i, j, v);
            if (mirror) {
                builder.add(j, i, h.symmetry() == Symmetry.SKEW_SYMMETRIC ? -v : v);
            }
            if (reject) {
                keys.add((long) i * cols + j);
                keyLines.add(line);
            }
        }
        rejectExtraLines(lines, source, nnz, sizeLine);
        if (reject) {
            rejectDuplicates(keys, keyLines, cols, source);
        }
        return builder.build(options.sparseFormat());
    }

    private static Matrix readArray(LineReader lines, String source, Parsed parsed) throws IOException {
        MatrixMarketHeader h = parsed.header();
        long sizeLine = parsed.sizeLine();
        long count = h.entries(); // <= rows * cols <= DenseMatrix.MAX_ELEMENTS, checked with the header
        double[] values = new double[(int) Math.min(count, 4096)];
        for (long k = 0; k < count; k++) {
            if (!nextDataLine(lines, source)) {
                throw tooFew(source, lines, k, count, sizeLine);
            }
            long line = lines.lineNumber();
            if (lines.tokenCount() != 1) {
                throw Errors.atLine(
                        source,
                        line,
                        "expected 1 value per line in the array format, found " + lines.tokenCount() + " fields: '"
                                + lines.excerpt() + "'");
            }
            double v = parseValue(lines.token(0), h.field(), source, line);
            if (k == values.length) {
                values = Arrays.copyOf(values, (int) Math.min(count, 2L * values.length));
            }
            values[(int) k] = v;
        }
        rejectExtraLines(lines, source, count, sizeLine);
        int n = h.cols();
        if (h.symmetry() == Symmetry.GENERAL) {
            return DenseMatrix.wrap(h.rows(), n, values);
        }
        DenseMatrix a = DenseMatrix.zeros(n, n);
        double[] d = a.data();
        int k = 0;
        boolean skew = h.symmetry() == Symmetry.SKEW_SYMMETRIC;
        for (int j = 0; j < n; j++) {
            for (int i = skew ? j + 1 : j; i < n; i++) {
                double v = values[k++];
                d[i + j * n] = v;
                d[j + i * n] = skew ? -v : v;
            }
        }
        return a;
    }

    private static MalformedInputException tooFew(
            String source, LineReader lines, long found, long announced, long sizeLine) {
        return Errors.atLine(
                source,
                lines.lineNumber() + 1,
                "end of input after " + found + " of the " + announced + " entries announced by the size line (line "
                        + sizeLine + ")");
    }

    private static void rejectExtraLines(LineReader lines, String source, long announced, long sizeLine)
            throws IOException {
        if (nextDataLine(lines, source)) {
            throw Errors.atLine(
                    source,
                    lines.lineNumber(),
                    "more entries than the " + announced + " announced by the size line (line " + sizeLine
                            + "), found '" + lines.excerpt() + "'");
        }
    }

    private static void rejectDuplicates(LongArrayList keys, LongArrayList keyLines, int cols, String source) {
        long[] sorted = keys.toArray();
        Arrays.sort(sorted);
        for (int p = 1; p < sorted.length; p++) {
            if (sorted[p] == sorted[p - 1]) {
                long key = sorted[p];
                long first = -1;
                for (int q = 0; q < keys.size(); q++) {
                    if (keys.get(q) != key) {
                        continue;
                    }
                    if (first < 0) {
                        first = keyLines.get(q);
                    } else {
                        long i = key / cols + 1;
                        long j = key % cols + 1;
                        throw Errors.atLine(
                                source,
                                keyLines.get(q),
                                "duplicate entry (" + i + ", " + j + "), first listed at line " + first
                                        + " (MatrixMarketReadOptions with Duplicates.SUM adds duplicates)");
                    }
                }
            }
        }
    }

    private static long parseCount(String token, String source, long line, String what) {
        long v = parseLong(token, source, line, what);
        if (v < 0) {
            throw Errors.atLine(source, line, what + " " + clip(token) + " is negative");
        }
        return v;
    }

    /** A 1-based index in {@code [1, limit]}, returned 0-based. */
    private static int parseIndex(String token, int limit, String source, long line, String what) {
        long v = parseLong(token, source, line, what + " index");
        if (v < 1 || v > limit) {
            throw Errors.atLine(
                    source,
                    line,
                    what + " index " + clip(token) + " is out of range 1.." + limit + " (indices are 1-based)");
        }
        return (int) (v - 1);
    }

    /** A decimal integer with an optional sign; refuses anything else and values beyond a long. */
    private static long parseLong(String token, String source, long line, String what) {
        int p = 0;
        boolean negative = false;
        if (!token.isEmpty() && (token.charAt(0) == '+' || token.charAt(0) == '-')) {
            negative = token.charAt(0) == '-';
            p = 1;
        }
        if (p == token.length()) {
            throw notInteger(token, source, line, what);
        }
        long v = 0;
        for (; p < token.length(); p++) {
            int d = token.charAt(p) - '0';
            if (d < 0 || d > 9) {
                throw notInteger(token, source, line, what);
            }
            // Accumulate negatively so that Long.MIN_VALUE is reachable.
            if (v < (Long.MIN_VALUE + d) / 10) {
                throw Errors.atLine(source, line, what + " " + clip(token) + " is outside the range of a long");
            }
            v = 10 * v - d;
        }
        if (!negative) {
            if (v == Long.MIN_VALUE) {
                throw Errors.atLine(source, line, what + " " + clip(token) + " is outside the range of a long");
            }
            v = -v;
        }
        return v;
    }

    private static MalformedInputException notInteger(String token, String source, long line, String what) {
        return Errors.atLine(source, line, what + " '" + clip(token) + "' is not a decimal integer");
    }

    private static double parseValue(String token, Field field, String source, long line) {
        if (field == Field.INTEGER) {
            return parseLong(token, source, line, "integer value");
        }
        if (!isDecimal(token)) {
            String bare = token.toLowerCase(Locale.ROOT).replaceFirst("^[+-]", "");
            if (bare.equals("nan") || bare.equals("inf") || bare.equals("infinity")) {
                throw Errors.atLine(
                        source, line, "non-finite value '" + clip(token) + "'; only finite values are accepted");
            }
            throw Errors.atLine(source, line, "value '" + clip(token) + "' is not a decimal real number");
        }
        double v = Double.parseDouble(token);
        if (Double.isInfinite(v)) {
            throw Errors.atLine(
                    source,
                    line,
                    "value '" + clip(token) + "' overflows to " + v + "; only finite values are accepted");
        }
        return v;
    }

    /** {@code [+-](digits[.digits*] | .digits)([eE][+-]digits)?}. */
    private static boolean isDecimal(String s) {
        int n = s.length();
        int p = 0;
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            p++;
        }
        int intDigits = 0;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
            intDigits++;
        }
        int fracDigits = 0;
        if (p < n && s.charAt(p) == '.') {
            p++;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int expDigits = 0;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return p == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String clip(String s) {
        return PyLiteral.clip(s);
    }

    // ------------------------------------------------------------------------------------------
    // Writing

    /**
     * Writes a matrix as a real, general Matrix Market file (coordinate for sparse, array for
     * dense), replacing the file if it exists.
     *
     * @param a    the matrix; not modified; must be finite
     * @param path the file; created or overwritten
     * @throws NullPointerException    if an argument is null
     * @throws NonFiniteValueException if {@code a} holds NaN or an infinity
     * @throws UncheckedIOException    if the file cannot be written
     */
    public static void write(Matrix a, Path path) {
        write(a, path, MatrixMarketWriteOptions.defaults());
    }

    /**
     * Writes a matrix as a Matrix Market file, replacing the file if it exists. Every check runs
     * before the file is opened.
     *
     * @param a       the matrix; not modified; must be finite (unless the field is pattern)
     * @param path    the file; created or overwritten
     * @param options field, symmetry and comment
     * @throws NullPointerException       if an argument is null
     * @throws NonFiniteValueException    if a value to be written is NaN or infinite
     * @throws DimensionMismatchException if a symmetric or skew-symmetric output is requested for a
     *     non-square matrix
     * @throws IllegalArgumentException   if the matrix is not symmetric (skew-symmetric) as
     *     requested, the field is integer and an entry is not an integer in the range of a {@code
     *     long}, or the field is pattern and the matrix is dense; the message names the entry
     * @throws UncheckedIOException       if the file cannot be written
     */
    public static void write(Matrix a, Path path, MatrixMarketWriteOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        validateForWriting(a, options);
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.ISO_8859_1)) {
            writeUnchecked(a, out, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    /**
     * Writes a matrix in Matrix Market format to a character stream. Every check runs before the
     * first character is written.
     *
     * @param a       the matrix; not modified; must be finite (unless the field is pattern)
     * @param writer  the destination; written and flushed, not closed
     * @param options field, symmetry and comment
     * @throws NullPointerException       if an argument is null
     * @throws NonFiniteValueException    if a value to be written is NaN or infinite
     * @throws DimensionMismatchException if a symmetric or skew-symmetric output is requested for a
     *     non-square matrix
     * @throws IllegalArgumentException   if the matrix does not have the requested symmetry, an
     *     integer field meets a non-integer entry, or a pattern field meets a dense matrix
     * @throws UncheckedIOException       if writing fails
     */
    public static void write(Matrix a, Writer writer, MatrixMarketWriteOptions options) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(writer, "writer");
        Objects.requireNonNull(options, "options");
        validateForWriting(a, options);
        try {
            BufferedWriter out = new BufferedWriter(writer, 1 << 16);
            writeUnchecked(a, out, options);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Matrix Market stream", e);
        }
    }

    private static void validateForWriting(Matrix a, MatrixMarketWriteOptions options) {
        Symmetry symmetry = options.symmetry();
        Field field = options.field();
        if (field == Field.PATTERN && a instanceof DenseMatrix) {
            throw new IllegalArgumentException(
                    "the pattern field needs a sparse matrix (coordinate format); got a dense " + a.shape()
                            + " matrix");
        }
        if (symmetry != Symmetry.GENERAL) {
            Require.square("a (" + symmetry.keyword() + " output)", a);
        }
        if (field != Field.PATTERN) {
            Require.allFinite("a", a);
        }
        if (a instanceof SparseMatrix s) {
            s.forEachNonZero((i, j, v) -> checkEntry(s, i, j, v, options));
        } else {
            DenseMatrix d = (DenseMatrix) a;
            for (int j = 0; j < d.cols(); j++) {
                for (int i = 0; i < d.rows(); i++) {
                    checkEntry(d, i, j, d.get(i, j), options);
                }
            }
        }
    }

    private static void checkEntry(Matrix a, int i, int j, double v, MatrixMarketWriteOptions options) {
        Symmetry symmetry = options.symmetry();
        if (options.field() == Field.PATTERN) {
            if (symmetry == Symmetry.SYMMETRIC && !isStored((SparseMatrix) a, j, i)) {
                throw new IllegalArgumentException("the stored positions are not symmetric: (" + i + ", " + j
                        + ") is stored but (" + j + ", " + i + ") is not");
            }
            return;
        }
        if (options.field() == Field.INTEGER && !(v == Math.rint(v) && v >= -0x1p63 && v < 0x1p63)) {
            throw new IllegalArgumentException("entry (" + i + ", " + j + ") = " + v
                    + " is not an integer in the range of a long (integer field)");
        }
        if (symmetry == Symmetry.SYMMETRIC && i != j) {
            double w = a.get(j, i);
            if (v != w) {
                throw new IllegalArgumentException("the matrix is not symmetric: a(" + i + ", " + j + ") = " + v
                        + " but a(" + j + ", " + i + ") = " + w);
            }
        } else if (symmetry == Symmetry.SKEW_SYMMETRIC) {
            double w = a.get(j, i);
            if (i == j ? v != 0.0 : v != -w) {
                throw new IllegalArgumentException("the matrix is not skew-symmetric: a(" + i + ", " + j + ") = " + v
                        + " but a(" + j + ", " + i + ") = " + w);
            }
        }
    }

    private static boolean isStored(SparseMatrix s, int i, int j) {
        int major = s.format() == SparseMatrix.Format.CSR ? i : j;
        int minor = s.format() == SparseMatrix.Format.CSR ? j : i;
        return Arrays.binarySearch(s.indices(), s.pointers()[major], s.pointers()[major + 1], minor) >= 0;
    }

    /** Whether entry (i, j) is written under the symmetry: all, the lower or the strict lower triangle. */
    private static boolean listed(int i, int j, Symmetry symmetry) {
        switch (symmetry) {
            case SYMMETRIC:
                return i >= j;
            case SKEW_SYMMETRIC:
                return i > j;
            default:
                return true;
        }
    }

    private static void writeUnchecked(Matrix a, Writer out, MatrixMarketWriteOptions options) throws IOException {
        Symmetry symmetry = options.symmetry();
        Field field = options.field();
        boolean sparse = a instanceof SparseMatrix;
        Format format = sparse ? Format.COORDINATE : Format.ARRAY;
        out.write(
                "%%MatrixMarket matrix " + format.keyword() + " " + field.keyword() + " " + symmetry.keyword() + "\n");
        if (!options.comment().isEmpty()) {
            for (String line : options.comment().split("\\R", -1)) {
                out.write("%" + line + "\n");
            }
        }
        if (sparse) {
            SparseMatrix s = (SparseMatrix) a;
            long[] count = {0};
            s.forEachNonZero((i, j, v) -> count[0] += listed(i, j, symmetry) ? 1 : 0);
            out.write(s.rows() + " " + s.cols() + " " + count[0] + "\n");
            StringBuilder line = new StringBuilder(64);
            IOException[] failure = {null};
            s.forEachNonZero((i, j, v) -> {
                if (failure[0] != null || !listed(i, j, symmetry)) {
                    return;
                }
                line.setLength(0);
                line.append(i + 1).append(' ').append(j + 1);
                if (field != Field.PATTERN) {
                    line.append(' ');
                    appendValue(line, v, field);
                }
                line.append('\n');
                try {
                    out.append(line);
                } catch (IOException e) {
                    failure[0] = e;
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
        } else {
            DenseMatrix d = (DenseMatrix) a;
            out.write(d.rows() + " " + d.cols() + "\n");
            StringBuilder line = new StringBuilder(32);
            for (int j = 0; j < d.cols(); j++) {
                for (int i = 0; i < d.rows(); i++) {
                    if (!listed(i, j, symmetry)) {
                        continue;
                    }
                    line.setLength(0);
                    appendValue(line, d.get(i, j), field);
                    out.append(line.append('\n'));
                }
            }
        }
    }

    private static void appendValue(StringBuilder sb, double v, Field field) {
        if (field == Field.INTEGER) {
            sb.append((long) v);
        } else {
            sb.append(Double.toString(v));
        }
    }
}
