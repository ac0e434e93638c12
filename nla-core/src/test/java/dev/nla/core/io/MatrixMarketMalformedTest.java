package dev.nla.core.io;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.MalformedInputException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.io.StringReader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every way a Matrix Market text can be wrong gives a {@link MalformedInputException} with the line. */
class MatrixMarketMalformedTest {
    private static final String COO = "%%MatrixMarket matrix coordinate real general\n";
    private static final String ARR = "%%MatrixMarket matrix array real general\n";

    static Matrix read(String text) {
        return read(text, MatrixMarketReadOptions.defaults());
    }

    static Matrix read(String text, MatrixMarketReadOptions options) {
        return MatrixMarket.read(new StringReader(text), "t.mtx", options);
    }

    static Arguments refused(String description, String text, String fragment) {
        return Arguments.of(description, text, fragment);
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                refused("empty input", "", "line 1: empty input"),
                refused("no banner", "3 3 1\n1 1 1\n", "line 1: expected the banner"),
                refused(
                        "lower-case banner",
                        "%%matrixmarket matrix array real general\n1 1\n1\n",
                        "line 1: expected the banner"),
                refused(
                        "four banner fields",
                        "%%MatrixMarket matrix coordinate real\n1 1 0\n",
                        "line 1: the banner must have 5 fields"),
                refused(
                        "vector object",
                        "%%MatrixMarket vector coordinate real general\n",
                        "line 1: unsupported object 'vector'"),
                refused(
                        "unknown format",
                        "%%MatrixMarket matrix sparse real general\n",
                        "line 1: unknown format 'sparse'"),
                refused(
                        "complex field",
                        "%%MatrixMarket matrix coordinate complex general\n1 1 1\n1 1 1 0\n",
                        "line 1: field 'complex' is not supported"),
                refused(
                        "unknown field",
                        "%%MatrixMarket matrix coordinate float general\n",
                        "line 1: unknown field 'float'"),
                refused(
                        "hermitian",
                        "%%MatrixMarket matrix coordinate real hermitian\n",
                        "line 1: symmetry 'hermitian' is not supported"),
                refused(
                        "unknown symmetry",
                        "%%MatrixMarket matrix coordinate real upper\n",
                        "line 1: unknown symmetry 'upper'"),
                refused(
                        "array pattern",
                        "%%MatrixMarket matrix array pattern general\n",
                        "line 1: the 'pattern' field is only valid with the 'coordinate' format"),
                refused(
                        "pattern skew",
                        "%%MatrixMarket matrix coordinate pattern skew-symmetric\n",
                        "line 1: the 'pattern' field cannot be 'skew-symmetric'"),
                refused("no size line", COO + "% only a comment\n\n", "line 4: end of input, expected the size line"),
                refused(
                        "two size fields in coordinate",
                        COO + "2 2\n",
                        "line 2: the size line of a coordinate file must have 3 fields"),
                refused(
                        "three size fields in array",
                        ARR + "2 2 4\n",
                        "line 2: the size line of an array file must have 2 fields"),
                refused("non-numeric size", COO + "2 x 3\n", "line 2: column count 'x' is not a decimal integer"),
                refused("negative size", COO + "-2 2 1\n", "line 2: row count -2 is negative"),
                refused("fractional size", COO + "2.0 2 1\n", "line 2: row count '2.0' is not a decimal integer"),
                refused(
                        "size beyond long",
                        COO + "99999999999999999999 2 1\n",
                        "line 2: row count 99999999999999999999 is outside the range of a long"),
                refused(
                        "non-square symmetric",
                        "%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n",
                        "line 2: a symmetric matrix must be square, the size line gives 2x3"),
                refused(
                        "too many announced entries",
                        COO + "2 2 5\n",
                        "line 2: the size line announces 5 entries, more than the 4 positions of a general 2x2 matrix"),
                refused(
                        "too many announced symmetric entries",
                        "%%MatrixMarket matrix coordinate real symmetric\n2 2 4\n",
                        "more than the 3 positions of a symmetric 2x2 matrix"),
                refused(
                        "too few entries",
                        COO + "2 2 2\n1 1 1.0\n",
                        "line 4: end of input after 1 of the 2 entries announced by the size line (line 2)"),
                refused(
                        "too many entries",
                        COO + "2 2 1\n1 1 1.0\n\n2 2 1.0\n",
                        "line 5: more entries than the 1 announced by the size line (line 2), found '2 2 1.0'"),
                refused(
                        "missing value",
                        COO + "2 2 1\n1 1\n",
                        "line 3: expected 3 fields 'row column value', found 2: '1 1'"),
                refused(
                        "extra value",
                        COO + "2 2 1\n1 1 1 0\n",
                        "line 3: expected 3 fields 'row column value', found 4"),
                refused(
                        "value in a pattern file",
                        "%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1 1\n",
                        "line 3: expected 2 fields 'row column', found 3"),
                refused(
                        "zero index",
                        COO + "2 2 1\n0 1 1.0\n",
                        "line 3: row index 0 is out of range 1..2 (indices are 1-based)"),
                refused("index past the end", COO + "2 2 1\n1 3 1.0\n", "line 3: column index 3 is out of range 1..2"),
                refused(
                        "index beyond int",
                        COO + "2 2 1\n4294967297 1 1.0\n",
                        "line 3: row index 4294967297 is out of range 1..2"),
                refused(
                        "fractional index",
                        COO + "2 2 1\n1.0 1 1.0\n",
                        "line 3: row index '1.0' is not a decimal integer"),
                refused("text value", COO + "2 2 1\n1 1 abc\n", "line 3: value 'abc' is not a decimal real number"),
                refused(
                        "hexadecimal value",
                        COO + "2 2 1\n1 1 0x1p3\n",
                        "line 3: value '0x1p3' is not a decimal real number"),
                refused(
                        "Fortran exponent",
                        COO + "2 2 1\n1 1 1.0D+00\n",
                        "line 3: value '1.0D+00' is not a decimal real number"),
                refused("bare sign", COO + "2 2 1\n1 1 -\n", "line 3: value '-' is not a decimal real number"),
                refused(
                        "exponent without digits",
                        COO + "2 2 1\n1 1 1e\n",
                        "line 3: value '1e' is not a decimal real number"),
                refused(
                        "NaN",
                        COO + "2 2 1\n1 1 nan\n",
                        "line 3: non-finite value 'nan'; only finite values are accepted"),
                refused("-Inf", COO + "2 2 1\n1 1 -Inf\n", "line 3: non-finite value '-Inf'"),
                refused("Infinity in an array", ARR + "1 1\nInfinity\n", "line 3: non-finite value 'Infinity'"),
                refused(
                        "overflowing decimal",
                        COO + "2 2 1\n1 1 -1e400\n",
                        "line 3: value '-1e400' overflows to -Infinity"),
                refused(
                        "real in an integer file",
                        "%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n",
                        "line 3: integer value '1.5' is not a decimal integer"),
                refused(
                        "integer beyond long",
                        "%%MatrixMarket matrix array integer general\n1 1\n9223372036854775808\n",
                        "line 3: integer value 9223372036854775808 is outside the range of a long"),
                refused(
                        "upper entry in a symmetric file",
                        "%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 2 1.0\n",
                        "line 3: entry (1, 2) lies above the diagonal; a symmetric file lists only the lower triangle"),
                refused(
                        "non-zero skew diagonal",
                        "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 2 2\n",
                        "line 3: diagonal entry (2, 2) = 2 in a skew-symmetric file"),
                refused(
                        "two values on an array line",
                        ARR + "2 1\n1 2\n",
                        "line 3: expected 1 value per line in the array format, found 2 fields: '1 2'"),
                refused(
                        "too few array values",
                        ARR + "2 2\n1\n2\n3\n",
                        "line 6: end of input after 3 of the 4 entries"),
                refused("too many array values", ARR + "1 1\n1\n2\n", "line 4: more entries than the 1 announced"),
                refused(
                        "too many symmetric array values",
                        "%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n4\n",
                        "line 6: more entries than the 3 announced"),
                refused(
                        "overlong data line",
                        COO + "1 1 1\n1 1 " + "1".repeat(5000) + "\n",
                        "line 3: line longer than 4096 characters"),
                refused(
                        "overlong banner",
                        "%%MatrixMarket matrix coordinate real general" + " ".repeat(5000) + "x\n",
                        "line 1: the banner must have 5 fields"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void isRefusedWithTheLineAndWhatWasFound(String description, String text, String fragment) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageStartingWith("t.mtx: line ")
                .hasMessageContaining(fragment);
    }

    static Stream<Arguments> overLimit() {
        return Stream.of(
                Arguments.of("rows beyond int", COO + "3000000000 2 1\n"),
                Arguments.of("sparse dimension over maxSparseDimension", COO + "1 268435457 0\n"),
                Arguments.of("dense array over MAX_ELEMENTS", ARR + "100000 100000\n1\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("overLimit")
    void sizesOverALimitAreRefusedBeforeAllocatingWithTheLimitAsCause(String description, String text) {
        assertThatThrownBy(() -> read(text))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 2:")
                .hasCauseInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void sparseDimensionLimitIsConfigurable() {
        assertThatThrownBy(() -> read(
                        COO + "11 10 0\n", MatrixMarketReadOptions.defaults().withMaxSparseDimension(10)))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("over the limit of 10 (MatrixMarketReadOptions.maxSparseDimension)");
    }

    @Test
    void aLyingDenseSizeLineAllocatesOnlyWhatArrives() {
        // 40000 x 50000 doubles = 16 GB, under MAX_ELEMENTS but over the 3 GB test heap.
        assertThatThrownBy(() -> read(ARR + "40000 50000\n1\n2\n"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("end of input after 2 of the 2000000000 entries");
    }

    @Test
    void aLyingSparseSizeLineAllocatesOnlyWhatArrives() {
        assertThatThrownBy(() -> read(COO + "40000 50000 2000000000\n1 1 1\n"))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("end of input after 1 of the 2000000000 entries");
    }

    @Test
    void duplicatesAreRefusedWhenAskedNamingBothLines() {
        String text = COO + "3 3 3\n1 1 1.0\n% note\n2 2 1.0\n1 1 2.0\n";
        assertThatThrownBy(() ->
                        read(text, MatrixMarketReadOptions.defaults().withDuplicates(MatrixMarket.Duplicates.REJECT)))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining("line 6: duplicate entry (1, 1), first listed at line 3");
    }

    // ----- what is accepted

    @Test
    void duplicatesAreSummedByDefault() {
        assertThat(read(COO + "2 2 3\n1 1 1.0\n2 1 4\n1 1 2.0\n").get(0, 0)).isEqualTo(3.0);
    }

    @Test
    void duplicatedPatternEntriesCountTwice() {
        assertThat(read("%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 1\n1 1\n")
                        .get(0, 0))
                .isEqualTo(2.0);
    }

    @Test
    void distinctEntriesPassTheDuplicateCheck() {
        Matrix m = read(
                COO + "2 2 2\n1 2 1.0\n2 1 2.0\n",
                MatrixMarketReadOptions.defaults().withDuplicates(MatrixMarket.Duplicates.REJECT));
        assertThatMatrix(m).isBitwiseEqualTo(DenseMatrix.of(new double[][] {{0, 1}, {2, 0}}));
    }

    @Test
    void commentsBlankLinesCrlfTabsAndCaseAreTolerated() {
        String text = "%%MatrixMarket MATRIX Coordinate REAL General\r\n"
                + "% a comment\r\n"
                + "\r\n"
                + "   % an indented comment\r\n"
                + "2\t2  2\r\n"
                + "% between entries\r\n"
                + "\r\n"
                + "  1 1\t+1.5E+0  \r\n"
                + "2 2 -.5"; // no final line break
        assertThatMatrix(read(text)).isBitwiseEqualTo(DenseMatrix.of(new double[][] {{1.5, 0}, {0, -0.5}}));
    }

    @Test
    void aVeryLongCommentLineIsSkipped() {
        assertThat(read(COO + "%" + "x".repeat(100_000) + "\n1 1 1\n1 1 7\n").get(0, 0))
                .isEqualTo(7.0);
    }

    @Test
    void doubleIsASynonymOfReal() {
        assertThat(read("%%MatrixMarket matrix array double general\n1 1\n2.5\n")
                        .get(0, 0))
                .isEqualTo(2.5);
    }

    @Test
    void zeroDiagonalInASkewFileIsAccepted() {
        Matrix m = read("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 2\n1 1 0\n2 1 3\n");
        assertThatMatrix(m).isCloseTo(DenseMatrix.of(new double[][] {{0, -3}, {3, 0}}), 0.0);
    }

    @Test
    void integersBeyond2To53RoundToNearest() {
        // 2^53 + 1 is a tie between 2^53 and 2^53 + 2: ties to even gives 2^53.
        assertThat(read("%%MatrixMarket matrix array integer general\n1 1\n9007199254740993\n")
                        .get(0, 0))
                .isEqualTo(0x1p53);
    }

    @Test
    void theMostNegativeLongIsAnInteger() {
        assertThat(read("%%MatrixMarket matrix array integer general\n1 1\n-9223372036854775808\n")
                        .get(0, 0))
                .isEqualTo(-0x1p63);
    }

    @Test
    void underflowingDecimalsRoundToZeroOrSubnormal() {
        Matrix m = read(ARR + "2 1\n1e-400\n4.9e-324\n");
        assertThatMatrix(m).isBitwiseEqualTo(DenseMatrix.columnVector(0.0, Double.MIN_VALUE));
    }

    @Test
    void explicitZerosAreStored() {
        assertThat(((SparseMatrix) read(COO + "2 2 2\n1 1 0\n2 2 0.0\n")).nonZeroCount())
                .isEqualTo(2);
    }

    @Test
    void readHeaderReadsOnlyTheHeader() {
        MatrixMarketHeader h = MatrixMarket.readHeader(
                new StringReader("%%MatrixMarket matrix array real skew-symmetric\n% c\n4 4\nnot read\n"), "h");
        assertThat(h)
                .isEqualTo(new MatrixMarketHeader(
                        MatrixMarket.Format.ARRAY,
                        MatrixMarket.Field.REAL,
                        MatrixMarket.Symmetry.SKEW_SYMMETRIC,
                        4,
                        4,
                        6));
    }
}
