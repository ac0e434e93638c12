package dev.nla.core.matrix;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.SparseMatrix.Format;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link SparseMatrix}: validation of compressed arrays, conversions, transposes, entry access. */
class SparseMatrixTest {
    /** A Gaussian matrix with about half of its entries zeroed by a sign pattern of a second one. */
    static DenseMatrix sparseDense(int rows, int cols, long seed) {
        DenseMatrix a = TestMatrices.gaussian(rows, cols, RngState.seed(seed));
        DenseMatrix mask = TestMatrices.gaussian(rows, cols, RngState.seed(seed).split(1));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (mask.get(i, j) < 0) {
                    a.set(i, j, 0.0);
                }
            }
        }
        return a;
    }

    /** The 3x4 example [[1 0 2 0]; [0 0 0 0]; [0 3 0 4]]. */
    static SparseMatrix example(Format format) {
        return SparseMatrix.fromDense(
                DenseMatrix.of(new double[][] {{1, 0, 2, 0}, {0, 0, 0, 0}, {0, 3, 0, 4}}), format);
    }

    // ------------------------------------------------------------------ of: valid input

    @Test
    void ofBuildsCsr() {
        SparseMatrix s = SparseMatrix.of(
                Format.CSR, 3, 4, new int[] {0, 2, 2, 4}, new int[] {0, 2, 1, 3}, new double[] {1, 2, 3, 4});
        assertThatMatrix(s).isBitwiseEqualTo(example(Format.CSR));
    }

    @Test
    void ofBuildsCsc() {
        SparseMatrix s = SparseMatrix.of(
                Format.CSC, 3, 4, new int[] {0, 1, 2, 3, 4}, new int[] {0, 2, 0, 2}, new double[] {1, 3, 2, 4});
        assertThatMatrix(s).isBitwiseEqualTo(example(Format.CSR));
    }

    @Test
    void ofCopiesTheArrays() {
        int[] ptr = {0, 1};
        int[] idx = {0};
        double[] val = {5};
        SparseMatrix s = SparseMatrix.of(Format.CSR, 1, 1, ptr, idx, val);
        val[0] = 7;
        assertThat(s.get(0, 0)).isEqualTo(5.0);
    }

    @Test
    void ofKeepsExplicitZeros() {
        SparseMatrix s = SparseMatrix.of(Format.CSR, 1, 2, new int[] {0, 1}, new int[] {1}, new double[] {0.0});
        assertThat(s.nonZeroCount()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ of: every invariant

    @Test
    void ofRefusesPointersOfTheWrongLength() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 3, 4, new int[] {0, 0, 0}, new int[0], new double[0]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("CSR pointers of a 3x4 matrix must have length 4, got 3");
    }

    @Test
    void ofRefusesCscPointersSizedForRows() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSC, 3, 4, new int[] {0, 0, 0, 0}, new int[0], new double[0]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("CSC pointers of a 3x4 matrix must have length 5, got 4");
    }

    @Test
    void ofRefusesIndicesAndValuesOfDifferentLengths() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 2, new int[] {0, 2}, new int[] {0, 1}, new double[1]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("indices has length 2 but values has length 1");
    }

    @Test
    void ofRefusesPointersNotStartingAtZero() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 2, new int[] {1, 1}, new int[] {0}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pointers must start at 0 and end at nnz = 1, got 1 and 1");
    }

    @Test
    void ofRefusesPointersNotEndingAtNnz() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 2, new int[] {0, 1}, new int[] {0, 1}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pointers must start at 0 and end at nnz = 2, got 0 and 1");
    }

    @Test
    void ofRefusesDecreasingPointers() {
        assertThatThrownBy(() ->
                        SparseMatrix.of(Format.CSR, 3, 2, new int[] {0, 2, 1, 2}, new int[] {0, 1}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "pointers must be non-decreasing and at most nnz = 2, got pointers[1] = 2 and pointers[2] = 1");
    }

    @Test
    void ofRefusesAPointerPastNnzInTheMiddle() {
        // Found by these tests: pointers[1] = 5 > nnz used to make the index scan read past the
        // arrays (ArrayIndexOutOfBoundsException) before the decrease at pointers[2] was seen.
        assertThatThrownBy(() ->
                        SparseMatrix.of(Format.CSR, 2, 4, new int[] {0, 5, 3}, new int[] {0, 1, 2}, new double[3]))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pointers[1] = 5");
    }

    @Test
    void ofRefusesANegativeIndex() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 3, new int[] {0, 1}, new int[] {-1}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index -1 at position 0 is outside [0, 3)");
    }

    @Test
    void ofRefusesAnIndexPastTheMinorDimension() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSC, 2, 1, new int[] {0, 1}, new int[] {2}, new double[1]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index 2 at position 0 is outside [0, 2)");
    }

    @Test
    void ofRefusesUnsortedIndicesInALine() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 3, new int[] {0, 2}, new int[] {2, 0}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("indices of line 0 are not strictly increasing at position 1: 2 then 0");
    }

    @Test
    void ofRefusesDuplicateIndicesInALine() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, 1, 3, new int[] {0, 2}, new int[] {1, 1}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 then 1");
    }

    @Test
    void ofAcceptsDecreasingIndicesAcrossLines() {
        SparseMatrix s = SparseMatrix.of(Format.CSR, 2, 3, new int[] {0, 1, 2}, new int[] {2, 0}, new double[] {1, 2});
        assertThat(s.get(1, 0)).isEqualTo(2.0);
    }

    @Test
    void ofRefusesNegativeRows() {
        assertThatThrownBy(() -> SparseMatrix.of(Format.CSR, -1, 3, new int[] {0}, new int[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be non-negative, got -1");
    }

    @Test
    void ofRefusesNullArraysByName() {
        List<String> messages = new ArrayList<>();
        for (Runnable call : List.<Runnable>of(
                () -> SparseMatrix.of(null, 1, 1, new int[2], new int[0], new double[0]),
                () -> SparseMatrix.of(Format.CSR, 1, 1, null, new int[0], new double[0]),
                () -> SparseMatrix.of(Format.CSR, 1, 1, new int[2], null, new double[0]),
                () -> SparseMatrix.of(Format.CSR, 1, 1, new int[2], new int[0], null))) {
            try {
                call.run();
            } catch (NullPointerException e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).containsExactly("format", "pointers", "indices", "values");
    }

    @Test
    void ofWithMaximalMajorDimensionReportsTheLengthWithoutOverflow() {
        assertThatThrownBy(() ->
                        SparseMatrix.of(Format.CSR, Integer.MAX_VALUE, 1, new int[] {0}, new int[0], new double[0]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("must have length 2147483648");
    }

    // ------------------------------------------------------------------ get

    @ParameterizedTest
    @EnumSource(Format.class)
    void getReturnsStoredEntries(Format format) {
        assertThat(example(format).get(2, 3)).isEqualTo(4.0);
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void getReturnsZeroForUnstoredEntries(Format format) {
        assertThat(example(format).get(1, 2)).isZero();
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void getOutsideTheMatrixNamesIndexAndShape(Format format) {
        assertThatThrownBy(() -> example(format).get(3, 0))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index (3, 0) is outside a 3x4 matrix");
    }

    @Test
    void getOfANegativeColumnIsRefused() {
        assertThatThrownBy(() -> example(Format.CSC).get(0, -1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    }

    // ------------------------------------------------------------------ fromDense / toDense

    @Property(tries = 100)
    void fromDenseStoresExactlyTheNonzeros(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll Format format,
            @ForAll long seed) {
        DenseMatrix d = sparseDense(rows, cols, seed);
        SparseMatrix s = SparseMatrix.fromDense(d, format);
        int nonzeros = 0;
        for (double v : d.toColumnMajorArray()) {
            nonzeros += v != 0 ? 1 : 0;
        }
        assertThat(s.nonZeroCount()).isEqualTo(nonzeros);
        assertThatMatrix(s).isBitwiseEqualTo(d);
    }

    @Test
    void fromDenseDropsNegativeZeros() {
        SparseMatrix s = SparseMatrix.fromDense(DenseMatrix.of(new double[][] {{-0.0, 1}}), Format.CSR);
        assertThat(s.nonZeroCount()).isEqualTo(1);
    }

    @Test
    void fromDenseOfASparseMatrixDropsStoredZeros() {
        // Found by these tests: a sparse source used to keep its explicit zeros, although the
        // method promises exactly the nonzeros.
        SparseMatrix withZero =
                SparseMatrix.of(Format.CSR, 1, 3, new int[] {0, 2}, new int[] {0, 2}, new double[] {0, 5});
        SparseMatrix s = SparseMatrix.fromDense(withZero, Format.CSC);
        assertThat(new Object[] {s.nonZeroCount(), s.format(), s.get(0, 2)}).containsExactly(1, Format.CSC, 5.0);
    }

    @Test
    void fromDenseOfASparseMatrixInTheSameFormatIsItself() {
        SparseMatrix s = example(Format.CSR);
        assertThat(SparseMatrix.fromDense(s, Format.CSR)).isSameAs(s);
    }

    @Test
    void fromDenseReadsAView() {
        DenseMatrix parent = sparseDense(6, 6, 3);
        DenseMatrix view = parent.view(1, 2, 3, 4);
        assertThatMatrix(SparseMatrix.fromDense(view, Format.CSC)).isBitwiseEqualTo(view);
    }

    @Property(tries = 100)
    void toDenseInvertsFromDense(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll Format format,
            @ForAll long seed) {
        DenseMatrix d = sparseDense(rows, cols, seed);
        assertThatMatrix(SparseMatrix.fromDense(d, format).toDense()).isBitwiseEqualTo(d);
    }

    @Test
    void toDenseRefusesMoreThanTheArrayLimit() {
        SparseMatrix huge =
                SparseMatrix.builder(100_000, 100_000).add(5, 7, 1.0).build(Format.CSR);
        assertThatThrownBy(huge::toDense)
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("10000000000");
    }

    // ------------------------------------------------------------------ formats and transposes

    @Property(tries = 100)
    void csrToCscToCsrRoundTrips(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll long seed) {
        SparseMatrix csr = SparseMatrix.fromDense(sparseDense(rows, cols, seed), Format.CSR);
        SparseMatrix back = csr.toCsc().toCsr();
        assertThat(back.pointers()).containsExactly(csr.pointers());
        assertThat(back.indices()).containsExactly(csr.indices());
        assertThat(back.values()).containsExactly(csr.values());
    }

    @Property(tries = 100)
    void conversionKeepsEntriesAndSortedIndices(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll Format from,
            @ForAll long seed) {
        SparseMatrix s = SparseMatrix.fromDense(sparseDense(rows, cols, seed), from);
        Format to = from == Format.CSR ? Format.CSC : Format.CSR;
        SparseMatrix c = s.withFormat(to);
        // Re-validating the arrays through of() checks sortedness and every other invariant.
        SparseMatrix validated = SparseMatrix.of(to, rows, cols, c.pointers(), c.indices(), c.values());
        assertThatMatrix(validated).isBitwiseEqualTo(s);
    }

    @Test
    void withFormatOfTheSameFormatIsItself() {
        SparseMatrix s = example(Format.CSC);
        assertThat(s.withFormat(Format.CSC)).isSameAs(s);
    }

    @Test
    void conversionKeepsExplicitZeros() {
        SparseMatrix withZero = SparseMatrix.of(Format.CSR, 1, 2, new int[] {0, 1}, new int[] {1}, new double[] {0});
        assertThat(withZero.toCsc().nonZeroCount()).isEqualTo(1);
    }

    @Test
    void transposeSharesTheArrays() {
        SparseMatrix s = example(Format.CSR);
        SparseMatrix t = s.transpose();
        assertThat(new Object[] {t.pointers(), t.indices(), t.values()})
                .containsExactly(s.pointers(), s.indices(), s.values());
    }

    @Test
    void transposeFlipsTheFormat() {
        assertThat(example(Format.CSR).transpose().format()).isEqualTo(Format.CSC);
    }

    @Property(tries = 100)
    void transposeSwapsIndices(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll Format format,
            @ForAll long seed) {
        DenseMatrix d = sparseDense(rows, cols, seed);
        assertThatMatrix(SparseMatrix.fromDense(d, format).transpose()).isBitwiseEqualTo(d.transpose());
    }

    @Test
    void forEachNonZeroVisitsInStorageOrder() {
        List<String> seen = new ArrayList<>();
        example(Format.CSC).forEachNonZero((i, j, v) -> seen.add(i + "," + j + "=" + v));
        assertThat(seen).containsExactly("0,0=1.0", "2,1=3.0", "0,2=2.0", "2,3=4.0");
    }

    @Test
    void scaleScalesValuesOnly() {
        SparseMatrix s = example(Format.CSR);
        SparseMatrix t = s.scale(-2);
        assertThat(new Object[] {t.get(2, 1), s.get(2, 1), t.nonZeroCount()}).containsExactly(-6.0, 3.0, 4);
    }

    @Test
    void copyIsIndependent() {
        SparseMatrix s = example(Format.CSR);
        SparseMatrix c = s.copy();
        c.values()[0] = 100;
        assertThat(s.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void identityHasOnesOnTheDiagonal() {
        assertThatMatrix(SparseMatrix.identity(4, Format.CSC)).isBitwiseEqualTo(DenseMatrix.identity(4));
    }

    @Test
    void identityRefusesNegativeOrder() {
        assertThatThrownBy(() -> SparseMatrix.identity(-2, Format.CSR))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be non-negative, got -2");
    }

    @Test
    void identityOfMaximalOrderIsRefusedBeforeAllocating() {
        // Found by these tests: n + 1 overflowed into a NegativeArraySizeException.
        assertThatThrownBy(() -> SparseMatrix.identity(Integer.MAX_VALUE, Format.CSR))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("2147483648");
    }

    @Test
    void conversionWithAMaximalMinorDimensionIsRefused() {
        SparseMatrix wide = SparseMatrix.builder(1, Integer.MAX_VALUE)
                .add(0, Integer.MAX_VALUE - 1, 2.0)
                .build(Format.CSR);
        assertThatThrownBy(wide::toCsc)
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("CSC pointers");
    }

    @Test
    void toStringNamesShapeFormatAndNnz() {
        assertThat(example(Format.CSR).toString()).isEqualTo("SparseMatrix 3x4 CSR nnz=4");
    }
}
