package dev.nla.core.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@link MatrixMarket#write} refuses, before writing anything. */
class MatrixMarketWriteTest {
    private static final MatrixMarketWriteOptions SYM =
            MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SYMMETRIC);
    private static final MatrixMarketWriteOptions SKEW =
            MatrixMarketWriteOptions.defaults().withSymmetry(MatrixMarket.Symmetry.SKEW_SYMMETRIC);

    @TempDir
    Path dir;

    static StringWriter write(Matrix a, MatrixMarketWriteOptions options) {
        StringWriter w = new StringWriter();
        MatrixMarket.write(a, w, options);
        return w;
    }

    @Test
    void nonFiniteDenseEntryIsRefused() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {Double.NaN, 4}});
        assertThatThrownBy(() -> write(a, MatrixMarketWriteOptions.defaults()))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
    }

    @Test
    void nonFiniteSparseEntryIsRefused() {
        SparseMatrix a =
                SparseMatrix.of(SparseMatrix.Format.CSR, 2, 2, new int[] {0, 1, 1}, new int[] {1}, new double[] {
                    Double.NEGATIVE_INFINITY
                });
        assertThatThrownBy(() -> write(a, MatrixMarketWriteOptions.defaults()))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(0, 1)");
    }

    @Test
    void nothingIsWrittenWhenAnEntryIsRefused() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, Double.POSITIVE_INFINITY}});
        StringWriter w = new StringWriter();
        try {
            MatrixMarket.write(a, w, MatrixMarketWriteOptions.defaults());
        } catch (NonFiniteValueException expected) {
            // the point is what was written
        }
        assertThat(w.toString()).isEmpty();
    }

    @Test
    void fileIsNotCreatedWhenAnEntryIsRefused() {
        Path file = dir.resolve("never.mtx");
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        try {
            MatrixMarket.write(a, file, SYM);
        } catch (IllegalArgumentException expected) {
            // the point is the file system state
        }
        assertThat(file).doesNotExist();
    }

    @Test
    void asymmetricDenseMatrixIsRefusedForSymmetricOutput() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThatThrownBy(() -> write(a, SYM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not symmetric: a(1, 0) = 3.0 but a(0, 1) = 2.0");
    }

    @Test
    void asymmetricSparseMatrixIsRefusedForSymmetricOutput() {
        SparseMatrix a = SparseMatrix.builder(2, 2).add(0, 1, 5).build(SparseMatrix.Format.CSC);
        assertThatThrownBy(() -> write(a, SYM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not symmetric: a(0, 1) = 5.0 but a(1, 0) = 0.0");
    }

    @Test
    void nonSkewMatrixIsRefusedForSkewOutput() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{0, 2}, {2, 0}});
        assertThatThrownBy(() -> write(a, SKEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not skew-symmetric: a(1, 0) = 2.0 but a(0, 1) = 2.0");
    }

    @Test
    void nonZeroDiagonalIsRefusedForSkewOutput() {
        SparseMatrix a = SparseMatrix.builder(2, 2).add(1, 1, 1).build(SparseMatrix.Format.CSR);
        assertThatThrownBy(() -> write(a, SKEW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not skew-symmetric: a(1, 1) = 1.0");
    }

    @Test
    void nonSquareMatrixIsRefusedForSymmetricOutput() {
        assertThatThrownBy(() -> write(DenseMatrix.zeros(2, 3), SYM))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("must be square, got 2x3");
    }

    @Test
    void nonIntegerIsRefusedForTheIntegerField() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2.5}});
        assertThatThrownBy(() -> write(a, MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.INTEGER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry (0, 1) = 2.5 is not an integer in the range of a long");
    }

    @Test
    void integerBeyondLongIsRefusedForTheIntegerField() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{0x1p63}});
        assertThatThrownBy(() -> write(a, MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.INTEGER)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry (0, 0) = 9.223372036854776E18 is not an integer");
    }

    @Test
    void patternFieldNeedsASparseMatrix() {
        assertThatThrownBy(() -> write(
                        DenseMatrix.zeros(2, 2),
                        MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.PATTERN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the pattern field needs a sparse matrix");
    }

    @Test
    void asymmetricPatternIsRefusedForSymmetricPatternOutput() {
        SparseMatrix a = SparseMatrix.builder(3, 3).add(2, 0, 1).build(SparseMatrix.Format.CSR);
        MatrixMarketWriteOptions options = SYM.withField(MatrixMarket.Field.PATTERN);
        assertThatThrownBy(() -> write(a, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("(2, 0) is stored but (0, 2) is not");
    }

    @Test
    void patternOutputIgnoresNonFiniteValues() {
        SparseMatrix a = SparseMatrix.of(
                SparseMatrix.Format.CSR, 1, 1, new int[] {0, 1}, new int[] {0}, new double[] {Double.NaN});
        assertThat(write(a, MatrixMarketWriteOptions.defaults().withField(MatrixMarket.Field.PATTERN))
                        .toString())
                .isEqualTo("%%MatrixMarket matrix coordinate pattern general\n1 1 1\n1 1\n");
    }
}
