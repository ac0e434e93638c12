package dev.nla.core.matrix;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.SparseMatrix.Format;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link CooBuilder}: unsorted input, duplicate summing, validation, large dimensions. */
class CooBuilderTest {
    @ParameterizedTest
    @EnumSource(Format.class)
    void unsortedTripletsAreSorted(Format format) {
        SparseMatrix s = SparseMatrix.builder(3, 3)
                .add(2, 2, 9)
                .add(0, 1, 2)
                .add(1, 0, 4)
                .add(0, 0, 1)
                .add(2, 0, 7)
                .build(format);
        // of() re-validates sortedness and every other invariant of the compressed arrays.
        SparseMatrix validated = SparseMatrix.of(format, 3, 3, s.pointers(), s.indices(), s.values());
        assertThatMatrix(validated).isBitwiseEqualTo(DenseMatrix.of(new double[][] {{1, 2, 0}, {4, 0, 0}, {7, 0, 9}}));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void duplicatesAreSummed(Format format) {
        SparseMatrix s = SparseMatrix.builder(2, 2)
                .add(1, 1, 1.5)
                .add(0, 0, 1)
                .add(1, 1, 2.0)
                .add(1, 1, -0.25)
                .build(format);
        assertThat(new Object[] {s.nonZeroCount(), s.get(1, 1)}).containsExactly(2, 3.25);
    }

    @Test
    void duplicatesAreSummedInInsertionOrder() {
        // 1e16 + 1 - 1e16 = 0 in this order (1 is lost), but 1e16 - 1e16 + 1 = 1: the builder must
        // sum in the order the triplets were added, whatever their position in the sort.
        SparseMatrix s = SparseMatrix.builder(2, 2)
                .add(1, 0, 3)
                .add(0, 1, 1e16)
                .add(0, 0, 5)
                .add(0, 1, 1)
                .add(0, 1, -1e16)
                .build(Format.CSR);
        assertThat(s.get(0, 1)).isZero();
    }

    @Test
    void duplicatesCancellingToZeroAreKeptAsStoredZeros() {
        SparseMatrix s = SparseMatrix.builder(1, 1).add(0, 0, 2).add(0, 0, -2).build(Format.CSR);
        assertThat(new Object[] {s.nonZeroCount(), s.get(0, 0)}).containsExactly(1, 0.0);
    }

    @Test
    void emptyBuilderGivesAnEmptyMatrix() {
        SparseMatrix s = SparseMatrix.builder(3, 2).build(Format.CSC);
        assertThat(new Object[] {s.nonZeroCount(), s.pointers().length}).containsExactly(0, 3);
    }

    @Test
    void builderCanBeBuiltTwiceInBothFormats() {
        CooBuilder b = SparseMatrix.builder(2, 3).add(1, 2, 5).add(0, 1, 3);
        SparseMatrix csr = b.build(Format.CSR);
        SparseMatrix csc = b.build(Format.CSC);
        assertThatMatrix(csc).isBitwiseEqualTo(csr);
    }

    @Test
    void sizeCountsTripletsBeforeSumming() {
        assertThat(SparseMatrix.builder(2, 2).add(0, 0, 1).add(0, 0, 1).size()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"-1,0", "0,-1", "2,0", "0,3"})
    void addOutsideTheMatrixNamesTheEntryAndShape(int i, int j) {
        CooBuilder b = SparseMatrix.builder(2, 3);
        assertThatThrownBy(() -> b.add(i, j, 1))
                .isExactlyInstanceOf(IndexOutOfBoundsException.class)
                .hasMessage("entry (" + i + ", " + j + ") is outside a 2x3 matrix");
    }

    @Test
    void addRefusesNaN() {
        assertThatThrownBy(() -> SparseMatrix.builder(2, 2).add(1, 0, Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("NaN at (1, 0)");
    }

    @Test
    void addRefusesInfinity() {
        assertThatThrownBy(() -> SparseMatrix.builder(2, 2).add(0, 1, Double.POSITIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("Infinity at (0, 1)");
    }

    @Test
    void builderRefusesNegativeSizes() {
        assertThatThrownBy(() -> SparseMatrix.builder(2, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cols must be non-negative, got -1");
    }

    @Test
    void buildRefusesANullFormat() {
        assertThatThrownBy(() -> SparseMatrix.builder(1, 1).build(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("format");
    }

    @Test
    void hugeMinorDimensionWithFewEntriesBuilds() {
        // Found by these tests: the counting sort allocated an array of the minor dimension, a
        // NegativeArraySizeException for Integer.MAX_VALUE columns (and gigabytes below it).
        SparseMatrix s = SparseMatrix.builder(3, Integer.MAX_VALUE)
                .add(2, Integer.MAX_VALUE - 1, 1.0)
                .add(2, 5, 2.0)
                .add(0, 7, 3.0)
                .add(2, 5, 0.5)
                .build(Format.CSR);
        assertThat(new Object[] {s.nonZeroCount(), s.get(2, 5), s.get(2, Integer.MAX_VALUE - 1), s.indices()[1]})
                .containsExactly(3, 2.5, 1.0, 5);
    }

    @Test
    void hugeMajorDimensionIsRefusedBeforeAllocating() {
        assertThatThrownBy(() ->
                        SparseMatrix.builder(Integer.MAX_VALUE, 3).add(0, 0, 1).build(Format.CSR))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("CSR pointers of a 2147483647x3 sparse matrix");
    }

    @Property(tries = 200)
    void bothSortStrategiesAgree(
            @ForAll @IntRange(min = 1, max = 5) int lines,
            @ForAll @IntRange(min = 0, max = 40) int count,
            @ForAll Format format,
            @ForAll long seed) {
        // The minor dimension (columns for CSR, rows for CSC) spans 0 .. 2^30, so the per-line
        // comparison sort runs; the same triplets with minor index divided by 2^24 (64 values)
        // take the counting-sort path. The relabelling keeps the order, so both must give the
        // same arrays up to it, and the same sums (duplicates summed in insertion order).
        boolean csr = format == Format.CSR;
        CooBuilder wide = csr ? SparseMatrix.builder(lines, 1 << 30) : SparseMatrix.builder(1 << 30, lines);
        CooBuilder narrow = csr ? SparseMatrix.builder(lines, 64) : SparseMatrix.builder(64, lines);
        long state = seed;
        for (int t = 0; t < count; t++) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            int line = Math.floorMod(state >>> 33, lines);
            int minor = Math.floorMod(state >>> 7, 64);
            double v = (state >>> 40) % 7 - 3;
            if (csr) {
                wide.add(line, minor << 24, v);
                narrow.add(line, minor, v);
            } else {
                wide.add(minor << 24, line, v);
                narrow.add(minor, line, v);
            }
        }
        SparseMatrix w = wide.build(format);
        SparseMatrix n = narrow.build(format);
        int[] relabelled = w.indices().clone();
        for (int p = 0; p < relabelled.length; p++) {
            relabelled[p] >>>= 24;
        }
        assertThat(relabelled).containsExactly(n.indices());
        assertThat(w.pointers()).containsExactly(n.pointers());
        assertThat(w.values()).containsExactly(n.values());
    }
}
