package dev.nla.core.matrix;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DenseMatrix}: layout, views, wrapping, factories, copies and conversions. */
class DenseMatrixTest {
    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    // ------------------------------------------------------------------ layout

    @Test
    void entriesAreStoredColumnMajorAtOffsetPlusIPlusJTimesLd() {
        double[] data = new double[20];
        DenseMatrix a = DenseMatrix.wrap(data, 3, 2, 3, 5);
        a.set(1, 2, 7.0);
        assertThat(data[3 + 1 + 2 * 5]).isEqualTo(7.0);
    }

    @Test
    void zerosHasCompactStorage() {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        assertThat(new int[] {a.offset(), a.ld(), a.data().length}).containsExactly(0, 3, 12);
    }

    @Test
    void zerosWithNoRowsHasLeadingDimensionOne() {
        assertThat(DenseMatrix.zeros(0, 4).ld()).isEqualTo(1);
    }

    @Test
    void zerosRefusesNegativeRows() {
        assertThatThrownBy(() -> DenseMatrix.zeros(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be non-negative, got -1");
    }

    @Test
    void zerosRefusesNegativeColumns() {
        assertThatThrownBy(() -> DenseMatrix.zeros(2, -5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cols must be non-negative, got -5");
    }

    @Test
    void zerosRefusesMoreThanTheArrayLimitBeforeAllocating() {
        assertThatThrownBy(() -> DenseMatrix.zeros(100_000, 100_000))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("100000x100000")
                .hasMessageContaining("10000000000");
    }

    @Test
    void identityHasOnesOnTheDiagonal() {
        assertThat(DenseMatrix.identity(3).toArray()).isDeepEqualTo(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    }

    @Test
    void diagonalPlacesTheEntries() {
        assertThat(DenseMatrix.diagonal(2, -3).toArray()).isDeepEqualTo(new double[][] {{2, 0}, {0, -3}});
    }

    @Test
    void isCompactForBackToBackColumns() {
        assertThat(DenseMatrix.zeros(3, 4).isCompact()).isTrue();
    }

    @Test
    void isNotCompactForAStridedBlock() {
        assertThat(DenseMatrix.zeros(5, 4).view(0, 0, 3, 2).isCompact()).isFalse();
    }

    @Test
    void singleColumnIsCompactWhateverTheLeadingDimension() {
        assertThat(DenseMatrix.zeros(5, 4).view(1, 1, 3, 1).isCompact()).isTrue();
    }

    // ------------------------------------------------------------------ get / set / add

    @ParameterizedTest
    @CsvSource({"-1,0", "0,-1", "3,0", "0,4", "3,4"})
    void getOutsideTheMatrixNamesIndexAndShape(int i, int j) {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        assertThatThrownBy(() -> a.get(i, j))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("index (" + i + ", " + j + ") is outside a 3x4 matrix");
    }

    @Test
    void getOfAViewDoesNotReadOutsideTheView() {
        // (0, 2) of the 2x2 view would be inside the parent's storage: still refused.
        DenseMatrix view = gaussian(4, 4, 1).view(1, 1, 2, 2);
        assertThatThrownBy(() -> view.get(0, 2)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void setOutsideTheMatrixIsRefused() {
        DenseMatrix a = DenseMatrix.zeros(2, 2);
        assertThatThrownBy(() -> a.set(2, 0, 1.0))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(2, 0)");
    }

    @Test
    void addOutsideTheMatrixIsRefused() {
        DenseMatrix a = DenseMatrix.zeros(2, 2);
        assertThatThrownBy(() -> a.add(0, -1, 1.0))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("(0, -1)");
    }

    @Test
    void addAccumulates() {
        DenseMatrix a = DenseMatrix.zeros(2, 2);
        a.add(1, 0, 2.5);
        a.add(1, 0, 1.0);
        assertThat(a.get(1, 0)).isEqualTo(3.5);
    }

    // ------------------------------------------------------------------ views

    @Test
    void viewSharesTheParentArray() {
        DenseMatrix parent = gaussian(5, 6, 2);
        assertThat(parent.view(1, 2, 3, 3).data()).isSameAs(parent.data());
    }

    @Test
    void writingThroughAViewWritesTheParent() {
        DenseMatrix parent = DenseMatrix.zeros(5, 6);
        parent.view(1, 2, 3, 3).set(2, 1, 9.0);
        assertThat(parent.get(3, 3)).isEqualTo(9.0);
    }

    @Test
    void writingTheParentIsSeenByTheView() {
        DenseMatrix parent = DenseMatrix.zeros(5, 6);
        DenseMatrix view = parent.view(1, 2, 3, 3);
        parent.set(1, 2, -4.0);
        assertThat(view.get(0, 0)).isEqualTo(-4.0);
    }

    @Test
    void viewKeepsTheParentLeadingDimension() {
        DenseMatrix parent = DenseMatrix.zeros(5, 6);
        DenseMatrix view = parent.view(1, 2, 3, 3);
        assertThat(new int[] {view.offset(), view.ld()}).containsExactly(1 + 2 * 5, 5);
    }

    @Property(tries = 200)
    void viewEntriesAreTheParentEntries(
            @ForAll @IntRange(min = 0, max = 6) int rows,
            @ForAll @IntRange(min = 0, max = 6) int cols,
            @ForAll @IntRange(min = 0, max = 6) int r0,
            @ForAll @IntRange(min = 0, max = 6) int c0,
            @ForAll @IntRange(min = 0, max = 6) int p,
            @ForAll @IntRange(min = 0, max = 6) int q,
            @ForAll long seed) {
        DenseMatrix parent = gaussian(rows, cols, seed);
        if (r0 + p > rows || c0 + q > cols) {
            assertThatThrownBy(() -> parent.view(r0, c0, p, q)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
            return;
        }
        DenseMatrix view = parent.view(r0, c0, p, q);
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < q; j++) {
                assertThat(view.get(i, j)).isEqualTo(parent.get(r0 + i, c0 + j));
            }
        }
        assertThat(view.shape()).isEqualTo(new Shape(p, q));
    }

    @Test
    void viewOfAViewComposesOffsets() {
        DenseMatrix parent = gaussian(8, 8, 3);
        DenseMatrix inner = parent.view(1, 2, 6, 5).view(2, 1, 3, 3);
        assertThat(inner.get(2, 2)).isEqualTo(parent.get(1 + 2 + 2, 2 + 1 + 2));
    }

    @ParameterizedTest
    @CsvSource({"-1,0,1,1", "0,-1,1,1", "0,0,-1,1", "0,0,1,-1", "2,0,2,1", "0,3,1,2", "0,0,4,1"})
    void viewOutsideTheMatrixIsRefusedWithTheBlockAndShape(int r, int c, int p, int q) {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        assertThatThrownBy(() -> a.view(r, c, p, q))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("block [" + r + ":" + (r + p) + ", " + c + ":" + (c + q) + "]")
                .hasMessageContaining("3x4");
    }

    @Test
    void viewWithOverflowingEndIsRefused() {
        DenseMatrix a = DenseMatrix.zeros(3, 4);
        assertThatThrownBy(() -> a.view(1, 0, Integer.MAX_VALUE, 1))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("2147483648");
    }

    @Test
    void emptyViewAtTheEndIsAllowed() {
        assertThat(DenseMatrix.zeros(3, 4).view(3, 4, 0, 0).shape()).isEqualTo(new Shape(0, 0));
    }

    @Test
    void columnsIsAPanelView() {
        DenseMatrix parent = gaussian(3, 5, 4);
        DenseMatrix panel = parent.columns(1, 3);
        assertThat(panel.get(2, 2)).isEqualTo(parent.get(2, 3));
    }

    @Test
    void rowBlockIsAView() {
        DenseMatrix parent = gaussian(5, 3, 5);
        DenseMatrix block = parent.rowBlock(2, 2);
        block.set(1, 1, 42.0);
        assertThat(parent.get(3, 1)).isEqualTo(42.0);
    }

    @Test
    void columnIsAnMx1View() {
        DenseMatrix parent = gaussian(3, 5, 6);
        DenseMatrix col = parent.column(4);
        assertThat(new Object[] {col.shape(), col.get(2, 0)}).containsExactly(new Shape(3, 1), parent.get(2, 4));
    }

    @Test
    void rowIsA1xnViewWithStrideLd() {
        DenseMatrix parent = gaussian(3, 5, 7);
        DenseMatrix row = parent.row(1);
        assertThat(new Object[] {row.shape(), row.ld(), row.get(0, 3)})
                .containsExactly(new Shape(1, 5), 3, parent.get(1, 3));
    }

    @Test
    void columnOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DenseMatrix.zeros(3, 5).column(5))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void rowOutOfRangeIsRefused() {
        assertThatThrownBy(() -> DenseMatrix.zeros(3, 5).row(-1)).isExactlyInstanceOf(IndexOutOfBoundsException.class);
    }

    // ------------------------------------------------------------------ wrap

    @Test
    void wrapDoesNotCopy() {
        double[] data = {1, 2, 3, 4, 5, 6};
        DenseMatrix a = DenseMatrix.wrap(2, 3, data);
        data[5] = 60;
        assertThat(a.get(1, 2)).isEqualTo(60.0);
    }

    @Test
    void wrapReadsColumnMajor() {
        DenseMatrix a = DenseMatrix.wrap(2, 3, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(a.toArray()).isDeepEqualTo(new double[][] {{1, 3, 5}, {2, 4, 6}});
    }

    @Test
    void wrapWithOffsetAndLdReadsTheBlock() {
        double[] data = {0, 0, 1, 2, 9, 3, 4, 9};
        DenseMatrix a = DenseMatrix.wrap(data, 2, 2, 2, 3);
        assertThat(a.toArray()).isDeepEqualTo(new double[][] {{1, 3}, {2, 4}});
    }

    @Test
    void wrapRefusesAShortArray() {
        assertThatThrownBy(() -> DenseMatrix.wrap(2, 3, new double[5]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("a 2x3 matrix at offset 0 with ld 2 needs 6 array elements, the array has 5");
    }

    @Test
    void wrapRefusesABlockRunningPastTheEndBecauseOfTheOffset() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[10], 5, 2, 3, 2))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("needs 11 array elements, the array has 10");
    }

    @Test
    void wrapAcceptsTheLastColumnShorterThanLd() {
        // The last column needs only rows entries, not ld: 3 + 2*4 = 11 elements.
        assertThat(DenseMatrix.wrap(new double[11], 0, 3, 3, 4).get(2, 2)).isZero();
    }

    @Test
    void wrapRefusesLdBelowRows() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[20], 0, 3, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("leading dimension ld = 2 must be >= max(1, rows) = 3");
    }

    @Test
    void wrapRefusesLdZeroForAnEmptyMatrix() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[0], 0, 0, 2, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ld = 0");
    }

    @Test
    void wrapRefusesANegativeOffset() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[4], -1, 2, 2, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must be non-negative, got -1");
    }

    @Test
    void wrapRefusesAnEmptyMatrixWithOffsetPastTheEnd() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[4], 5, 0, 3, 1))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("offset 5 is past the end of an array of length 4");
    }

    @Test
    void wrapRefusesNull() {
        assertThatThrownBy(() -> DenseMatrix.wrap(2, 2, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("data");
    }

    @Test
    void wrapOfHugeExtentDoesNotOverflow() {
        assertThatThrownBy(() -> DenseMatrix.wrap(new double[10], 0, 1, Integer.MAX_VALUE, Integer.MAX_VALUE))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("the array has 10");
    }

    // ------------------------------------------------------------------ of / arrays

    @Test
    void ofCopiesTheRows() {
        double[][] rows = {{1, 2}, {3, 4}};
        DenseMatrix a = DenseMatrix.of(rows);
        rows[0][0] = 100;
        assertThat(a.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void ofRefusesARaggedArrayNamingTheRow() {
        assertThatThrownBy(() -> DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5}}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("ragged array: values[0] has length 2 but values[2] has length 1");
    }

    @Test
    void ofRefusesANullRowNamingIt() {
        assertThatThrownBy(() -> DenseMatrix.of(new double[][] {{1, 2}, null}))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("values[1]");
    }

    @Test
    void ofRefusesANullFirstRow() {
        assertThatThrownBy(() -> DenseMatrix.of(new double[][] {null, {1}}))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("values[0]");
    }

    @Test
    void ofRefusesNull() {
        assertThatThrownBy(() -> DenseMatrix.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("values");
    }

    @Test
    void ofAnEmptyArrayIsZeroByZero() {
        assertThat(DenseMatrix.of(new double[0][]).shape()).isEqualTo(new Shape(0, 0));
    }

    @Test
    void ofEmptyRowsIsMByZero() {
        assertThat(DenseMatrix.of(new double[3][0]).shape()).isEqualTo(new Shape(3, 0));
    }

    @Property(tries = 100)
    void toArrayInvertsOf(
            @ForAll @IntRange(min = 0, max = 5) int rows,
            @ForAll @IntRange(min = 1, max = 5) int cols,
            @ForAll long seed) {
        double[][] values = gaussian(rows, cols, seed).toArray();
        assertThat(DenseMatrix.of(values).toArray()).isDeepEqualTo(values);
    }

    @Property(tries = 100)
    void rowMajorRoundTrip(
            @ForAll @IntRange(min = 0, max = 5) int rows,
            @ForAll @IntRange(min = 0, max = 5) int cols,
            @ForAll long seed) {
        DenseMatrix a = gaussian(rows + 2, cols + 1, seed).view(1, 1, rows, cols);
        assertThatMatrix(DenseMatrix.fromRowMajor(rows, cols, a.toRowMajorArray()))
                .isBitwiseEqualTo(a);
    }

    @Property(tries = 100)
    void columnMajorRoundTrip(
            @ForAll @IntRange(min = 0, max = 5) int rows,
            @ForAll @IntRange(min = 0, max = 5) int cols,
            @ForAll long seed) {
        DenseMatrix a = gaussian(rows + 2, cols + 1, seed).view(2, 1, rows, cols);
        assertThatMatrix(DenseMatrix.wrap(rows, cols, a.toColumnMajorArray())).isBitwiseEqualTo(a);
    }

    @Test
    void rowMajorArrayIsRowByRow() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(a.toRowMajorArray()).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void columnMajorArrayIsColumnByColumn() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(a.toColumnMajorArray()).containsExactly(1, 4, 2, 5, 3, 6);
    }

    @Test
    void fromRowMajorRefusesAShortArray() {
        assertThatThrownBy(() -> DenseMatrix.fromRowMajor(2, 3, new double[5]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("a 2x3 matrix needs 6 values, the array has 5");
    }

    @Test
    void fromRowMajorCopies() {
        double[] values = {1, 2, 3, 4};
        DenseMatrix a = DenseMatrix.fromRowMajor(2, 2, values);
        values[1] = 20;
        assertThat(a.get(0, 1)).isEqualTo(2.0);
    }

    @Test
    void columnVectorCopies() {
        double[] values = {1, 2};
        DenseMatrix v = DenseMatrix.columnVector(values);
        values[0] = 10;
        assertThat(new Object[] {v.shape(), v.get(0, 0)}).containsExactly(new Shape(2, 1), 1.0);
    }

    @Test
    void rowVectorCopies() {
        double[] values = {1, 2};
        DenseMatrix v = DenseMatrix.rowVector(values);
        values[1] = 10;
        assertThat(new Object[] {v.shape(), v.get(0, 1)}).containsExactly(new Shape(1, 2), 2.0);
    }

    @Test
    void emptyColumnVectorIsZeroByOne() {
        assertThat(DenseMatrix.columnVector().shape()).isEqualTo(new Shape(0, 1));
    }

    // ------------------------------------------------------------------ copies and transposes

    @Test
    void copyIsIndependent() {
        DenseMatrix a = gaussian(3, 3, 8);
        DenseMatrix c = a.copy();
        c.set(0, 0, 99);
        assertThat(a.get(0, 0)).isNotEqualTo(99.0);
    }

    @Test
    void copyOfAViewIsCompact() {
        DenseMatrix view = gaussian(6, 6, 9).view(1, 1, 3, 2);
        DenseMatrix c = view.copy();
        assertThat(new Object[] {c.ld(), c.offset(), c.data().length}).containsExactly(3, 0, 6);
    }

    @Test
    void copyOfAViewHasTheViewEntries() {
        DenseMatrix view = gaussian(6, 6, 10).view(1, 1, 3, 2);
        assertThatMatrix(view.copy()).isBitwiseEqualTo(view);
    }

    @Test
    void toDenseOfADenseMatrixIsItself() {
        DenseMatrix a = DenseMatrix.zeros(2, 2);
        assertThat(a.toDense()).isSameAs(a);
    }

    @Property(tries = 100)
    void transposeSwapsIndices(
            @ForAll @IntRange(min = 0, max = 5) int rows,
            @ForAll @IntRange(min = 0, max = 5) int cols,
            @ForAll long seed) {
        DenseMatrix a = gaussian(rows + 1, cols + 2, seed).view(1, 2, rows, cols);
        DenseMatrix t = a.transpose();
        assertThat(t.shape()).isEqualTo(new Shape(cols, rows));
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                assertThat(t.get(j, i)).isEqualTo(a.get(i, j));
            }
        }
    }

    @Test
    void transposeIsACopy() {
        DenseMatrix a = gaussian(2, 3, 11);
        a.transpose().set(0, 0, 50);
        assertThat(a.get(0, 0)).isNotEqualTo(50.0);
    }

    @Test
    void copyFromCopiesIntoAView() {
        DenseMatrix parent = DenseMatrix.zeros(4, 4);
        DenseMatrix src = gaussian(2, 2, 12);
        parent.view(1, 1, 2, 2).copyFrom(src);
        assertThatMatrix(parent.view(1, 1, 2, 2)).isBitwiseEqualTo(src);
    }

    @Test
    void copyFromLeavesTheRestOfTheParentAlone() {
        DenseMatrix parent = DenseMatrix.zeros(4, 4);
        parent.view(1, 1, 2, 2).copyFrom(gaussian(2, 2, 13));
        assertThat(parent.get(0, 0) + parent.get(3, 3) + parent.get(1, 3) + parent.get(3, 1))
                .isZero();
    }

    @Test
    void copyFromASparseMatrixClearsTheOtherEntries() {
        DenseMatrix a = gaussian(2, 2, 14);
        a.copyFrom(SparseMatrix.builder(2, 2).add(0, 1, 5.0).build(SparseMatrix.Format.CSR));
        assertThat(a.toArray()).isDeepEqualTo(new double[][] {{0, 5}, {0, 0}});
    }

    @Test
    void copyFromRefusesADifferentShape() {
        assertThatThrownBy(() -> DenseMatrix.zeros(2, 3).copyFrom(DenseMatrix.zeros(3, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("copyFrom: shapes differ, 2x3 vs 3x2");
    }

    @Test
    void copyFromRefusesNull() {
        assertThatThrownBy(() -> DenseMatrix.zeros(2, 3).copyFrom(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
    }

    @Test
    void fillSetsOnlyTheView() {
        DenseMatrix parent = DenseMatrix.zeros(3, 3);
        parent.view(0, 1, 2, 2).fill(1.0);
        assertThat(parent.toArray()).isDeepEqualTo(new double[][] {{0, 1, 1}, {0, 1, 1}, {0, 0, 0}});
    }

    @Test
    void fillOfAnEmptyViewAtTheEndOfTheArrayDoesNothing() {
        DenseMatrix parent = DenseMatrix.zeros(3, 3);
        parent.view(3, 0, 0, 3).fill(1.0);
        assertThat(parent.toColumnMajorArray()).containsOnly(0.0);
    }

    // ------------------------------------------------------------------ misc

    @Test
    void shapeAndVectorness() {
        assertThat(new Object[] {
                    DenseMatrix.zeros(1, 5).isVector(),
                    DenseMatrix.zeros(5, 1).isVector(),
                    DenseMatrix.zeros(2, 2).isVector()
                })
                .containsExactly(true, true, false);
    }

    @Test
    void toStringShowsShapeAndSmallMatrices() {
        assertThat(DenseMatrix.of(new double[][] {{1, 2}, {3, 4}}).toString())
                .isEqualTo("DenseMatrix 2x2 [1.0 2.0; 3.0 4.0]");
    }

    @Test
    void toStringOmitsTheEntriesOfLargeMatrices() {
        assertThat(DenseMatrix.zeros(20, 20).toString()).isEqualTo("DenseMatrix 20x20");
    }
}
