package dev.nla.core.matrix;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link RealMatrixConversions}: exact round trips with Hipparchus and Commons Math 3. */
class RealMatrixConversionsTest {
    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return TestMatrices.gaussian(rows, cols, RngState.seed(seed));
    }

    // ------------------------------------------------------------------ Hipparchus

    @Property(tries = 100)
    void hipparchusRoundTripIsExact(
            @ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 6) int cols,
            @ForAll long seed) {
        DenseMatrix a = gaussian(rows + 1, cols + 2, seed).view(1, 2, rows, cols);
        assertThatMatrix(RealMatrixConversions.fromHipparchus(RealMatrixConversions.toHipparchus(a)))
                .isBitwiseEqualTo(a);
    }

    @Test
    void toHipparchusHasTheSameEntries() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        org.hipparchus.linear.Array2DRowRealMatrix h = RealMatrixConversions.toHipparchus(a);
        assertThat(h.getData()).isDeepEqualTo(a.toArray());
    }

    @Test
    void toHipparchusSharesNoStorage() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        org.hipparchus.linear.Array2DRowRealMatrix h = RealMatrixConversions.toHipparchus(a);
        h.setEntry(0, 0, 100);
        assertThat(a.get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void toHipparchusOfASparseMatrix() {
        SparseMatrix s = SparseMatrixTest.example(SparseMatrix.Format.CSC);
        assertThat(RealMatrixConversions.toHipparchus(s).getData())
                .isDeepEqualTo(s.toDense().toArray());
    }

    @Test
    void fromHipparchusReadsABlockMatrix() {
        // BlockRealMatrix stores 52x52 blocks: a 60x70 matrix spans several, with partial edges.
        DenseMatrix a = gaussian(60, 70, 1);
        org.hipparchus.linear.BlockRealMatrix block = new org.hipparchus.linear.BlockRealMatrix(a.toArray());
        assertThatMatrix(RealMatrixConversions.fromHipparchus(block)).isBitwiseEqualTo(a);
    }

    @Test
    void fromHipparchusReadsASparseMatrix() {
        org.hipparchus.linear.OpenMapRealMatrix sparse = new org.hipparchus.linear.OpenMapRealMatrix(3, 4);
        sparse.setEntry(2, 1, 5.0);
        DenseMatrix expected = DenseMatrix.zeros(3, 4);
        expected.set(2, 1, 5.0);
        assertThatMatrix(RealMatrixConversions.fromHipparchus(sparse)).isBitwiseEqualTo(expected);
    }

    @Test
    void fromHipparchusCopies() {
        org.hipparchus.linear.Array2DRowRealMatrix h =
                new org.hipparchus.linear.Array2DRowRealMatrix(new double[][] {{1, 2}, {3, 4}});
        DenseMatrix a = RealMatrixConversions.fromHipparchus(h);
        h.setEntry(1, 1, 40);
        assertThat(a.get(1, 1)).isEqualTo(4.0);
    }

    @Test
    void hipparchusCannotHoldAnEmptyMatrix() {
        assertThatThrownBy(() -> RealMatrixConversions.toHipparchus(DenseMatrix.zeros(0, 3)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("Hipparchus RealMatrix cannot hold a 0x3 matrix: it needs at least one row and one column");
    }

    @Test
    void toHipparchusRefusesNull() {
        assertThatThrownBy(() -> RealMatrixConversions.toHipparchus(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
    }

    @Test
    void fromHipparchusRefusesNull() {
        assertThatThrownBy(() -> RealMatrixConversions.fromHipparchus(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
    }

    @Test
    void fromHipparchusRefusesAnOversizedMatrixBeforeAllocating() {
        assertThatThrownBy(() -> RealMatrixConversions.fromHipparchus(new HugeHipparchusMatrix()))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("100000x100000");
    }

    @Test
    void toHipparchusRefusesAnOversizedSparseMatrixBeforeAllocating() {
        SparseMatrix huge = SparseMatrix.builder(100_000, 100_000).add(1, 1, 1).build(SparseMatrix.Format.CSR);
        assertThatThrownBy(() -> RealMatrixConversions.toHipparchus(huge))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("10000000000");
    }

    // ------------------------------------------------------------------ Commons Math 3

    @Property(tries = 100)
    void commonsMathRoundTripIsExact(
            @ForAll @IntRange(min = 1, max = 6) int rows,
            @ForAll @IntRange(min = 1, max = 6) int cols,
            @ForAll long seed) {
        DenseMatrix a = gaussian(rows, cols, seed);
        assertThatMatrix(RealMatrixConversions.fromCommonsMath(RealMatrixConversions.toCommonsMath(a)))
                .isBitwiseEqualTo(a);
    }

    @Test
    void toCommonsMathHasTheSameEntries() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2, 3}, {4, 5, 6}});
        assertThat(RealMatrixConversions.toCommonsMath(a).getData()).isDeepEqualTo(a.toArray());
    }

    @Test
    void toCommonsMathOfASparseMatrix() {
        SparseMatrix s = SparseMatrixTest.example(SparseMatrix.Format.CSR);
        assertThat(RealMatrixConversions.toCommonsMath(s).getData())
                .isDeepEqualTo(s.toDense().toArray());
    }

    @Test
    void fromCommonsMathReadsABlockMatrix() {
        DenseMatrix a = gaussian(60, 55, 2);
        org.apache.commons.math3.linear.BlockRealMatrix block =
                new org.apache.commons.math3.linear.BlockRealMatrix(a.toArray());
        assertThatMatrix(RealMatrixConversions.fromCommonsMath(block)).isBitwiseEqualTo(a);
    }

    @Test
    void commonsMathCannotHoldAnEmptyMatrix() {
        assertThatThrownBy(() -> RealMatrixConversions.toCommonsMath(DenseMatrix.zeros(2, 0)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2x0");
    }

    @Test
    void fromCommonsMathRefusesNull() {
        assertThatThrownBy(() -> RealMatrixConversions.fromCommonsMath(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("source");
    }

    @Test
    void commonsMathAndHipparchusAgree() {
        DenseMatrix a = gaussian(4, 3, 3);
        assertThat(RealMatrixConversions.toCommonsMath(a).getData())
                .isDeepEqualTo(RealMatrixConversions.toHipparchus(a).getData());
    }

    // ------------------------------------------------------------------ optional dependencies

    @Test
    void commonsMathMethodsWorkWithoutHipparchusOnTheClassPath() throws Exception {
        assertThat(roundTripInIsolation(CommonsMathOnlyProbe.class, org.apache.commons.math3.linear.RealMatrix.class))
                .isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    @Test
    void hipparchusMethodsWorkWithoutCommonsMathOnTheClassPath() throws Exception {
        assertThat(roundTripInIsolation(HipparchusOnlyProbe.class, org.hipparchus.linear.RealMatrix.class))
                .isDeepEqualTo(new double[][] {{1, 2}, {3, 4}});
    }

    /**
     * Runs {@code probe.roundTrip} in a class loader that sees nla-core, the test classes and the one
     * library of {@code libraryType}, and not the other library: the optional dependencies are
     * independent of each other.
     */
    private static double[][] roundTripInIsolation(Class<?> probe, Class<?> libraryType) throws Exception {
        URL[] path = {location(RealMatrixConversions.class), location(probe), location(libraryType)};
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader())) {
            String other = libraryType.getName().startsWith("org.hipparchus")
                    ? "org.apache.commons.math3.linear.RealMatrix"
                    : "org.hipparchus.linear.RealMatrix";
            assertThatThrownBy(() -> loader.loadClass(other)).isInstanceOf(ClassNotFoundException.class);
            Class<?> isolated = loader.loadClass(probe.getName());
            assertThat(isolated.getClassLoader()).isSameAs(loader);
            Method roundTrip = isolated.getMethod("roundTrip", double[][].class);
            return (double[][]) roundTrip.invoke(null, (Object) new double[][] {{1, 2}, {3, 4}});
        }
    }

    /** A 100000 x 100000 zero matrix that stores nothing (no Hipparchus class allows this size). */
    private static final class HugeHipparchusMatrix extends org.hipparchus.linear.AbstractRealMatrix {
        @Override
        public int getRowDimension() {
            return 100_000;
        }

        @Override
        public int getColumnDimension() {
            return 100_000;
        }

        @Override
        public org.hipparchus.linear.RealMatrix createMatrix(int rowDimension, int columnDimension) {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public org.hipparchus.linear.RealMatrix copy() {
            throw new UnsupportedOperationException("not needed");
        }

        @Override
        public double getEntry(int row, int column) {
            return 0.0;
        }

        @Override
        public void setEntry(int row, int column, double value) {
            throw new UnsupportedOperationException("not needed");
        }
    }

    private static URL location(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }
}
