package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.CooBuilder;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link Svd} implementation must meet, shared by the Java and the native one
 * (EJML {@code StandardSvdChecks} pattern). Thresholds are the acceptance ones: {@link
 * LapackRatios} below 30 (residual over \(\max(m,n)u\|A\|_F\), orthogonality of \(U\) and
 * \(V^{\mathsf T}\) over the number of vectors times \(u\)) and singular values within
 * \(10^{-12}\sigma_1\) of Hipparchus, on every family of {@link MatrixFamilies#general}.
 */
abstract class SvdContract {
    /** The implementation under test. */
    abstract Svd create();

    /** Default tier: 160 general matrices over every family, up to 300 rows or columns. */
    static List<Case> fastCases() {
        return MatrixFamilies.general(160, 300, 3141L);
    }

    /** Tagged tier: 1100 general matrices up to 500 rows or columns. */
    static List<Case> slowCases() {
        return MatrixFamilies.general(1100, 500, 2718L);
    }

    /**
     * Hipparchus' singular values (decreasing), the independent oracle. The matrix is first scaled
     * by a power of two (exact) so that Hipparchus' sums of squares cannot overflow or underflow.
     */
    static double[] oracle(Matrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            return new double[0];
        }
        double scale = powerOfTwoScale(a);
        double[][] data = a.toDense().toArray();
        for (double[] row : data) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(data, false)).getSingularValues();
        for (int i = 0; i < s.length; i++) {
            s[i] /= scale;
        }
        return s;
    }

    /** \(2^{-e}\) with \(2^e\) about the largest magnitude (1 for a zero matrix). */
    static double powerOfTwoScale(Matrix a) {
        double max = 0.0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                max = Math.max(max, Math.abs(a.get(i, j)));
            }
        }
        return max == 0.0 ? 1.0 : Math.scalb(1.0, -Math.getExponent(max));
    }

    private void checkAll(Case c, SvdVectors vectors) {
        DenseMatrix a = c.matrix();
        DenseMatrix before = a.copy();
        SvdResult svd = create().decompose(a, vectors);
        int m = a.rows();
        int n = a.cols();
        int k = Math.min(m, n);
        int uc = vectors == SvdVectors.FULL ? m : k;
        int vr = vectors == SvdVectors.FULL ? n : k;
        assertThat(new int[] {
                    svd.u().rows(), svd.u().cols(), svd.vt().rows(), svd.vt().cols()
                })
                .as("shapes of U and Vt")
                .containsExactly(m, uc, vr, n);
        assertThat(LapackRatios.residualRatio(
                        a,
                        LapackRatios.scaleColumns(svd.u(), svd.singularValues()),
                        LapackRatios.leadingRows(svd.vt(), k)))
                .as("residual ratio")
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.orthogonalityRatio(svd.u()))
                .as("orthogonality of U")
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.rowOrthogonalityRatio(svd.vt()))
                .as("orthogonality of Vt")
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(a.toArray()).as("input untouched").isDeepEqualTo(before.toArray());
    }

    private void checkOracle(Case c) {
        double[] expected = oracle(c.matrix());
        double[] actual = create().singularValues(c.matrix());
        double tol = 1e-12 * (expected.length == 0 ? 0 : expected[0]);
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("sigma_%d", i).isCloseTo(expected[i], within(tol));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastCases")
    void thinFactorizationMeetsTheRatios(Case c) {
        checkAll(c, SvdVectors.THIN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastCases")
    void singularValuesAgreeWithHipparchus(Case c) {
        checkOracle(c);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slowCases")
    void thinFactorizationMeetsTheRatiosOnTheLargeSet(Case c) {
        checkAll(c, SvdVectors.THIN);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slowCases")
    void singularValuesAgreeWithHipparchusOnTheLargeSet(Case c) {
        checkOracle(c);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"0,0", "0,3", "3,0", "1,1", "6,2", "2,6", "9,9", "70,20", "20,70", "45,40"})
    void fullFactorizationMeetsTheRatios(int m, int n) {
        checkAll(
                new Case("gaussian " + m + "x" + n, TestMatrices.gaussian(m, n, RngState.seed(m * 31L + n))),
                SvdVectors.FULL);
    }

    @Test
    void thinAndFullShareTheSingularValuesAndLeadingVectors() {
        DenseMatrix a = TestMatrices.gaussian(30, 12, RngState.seed(3));
        SvdResult thin = create().decompose(a, SvdVectors.THIN);
        SvdResult full = create().decompose(a, SvdVectors.FULL);
        assertThat(full.u().cols()).isEqualTo(30);
        assertThat(thin.u().cols()).isEqualTo(12);
        // distinct singular values: the leading vectors are unique up to sign, which the convention fixes
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 30; i++) {
                assertThat(full.u().get(i, j)).isCloseTo(thin.u().get(i, j), within(1e-10));
            }
        }
    }

    @Test
    void recoversPrescribedSingularValues() {
        double[] sigma = {123.456, 2.3, 1.001, 0.999};
        DenseMatrix a = TestMatrices.withSingularValues(6, 4, sigma, RngState.seed(15338437322523L));
        // the generator's rounding is O(k u sigma_1), far below 1e-12 sigma_1
        assertThat(create().singularValues(a)).containsExactly(sigma, within(1e-12 * sigma[0]));
    }

    @Test
    void valuesOnlyMatchesTheFactorization() {
        DenseMatrix a = TestMatrices.gaussian(50, 35, RngState.seed(8));
        double[] s1 = create().singularValues(a);
        double[] s2 = create().decompose(a).singularValues();
        assertThat(s1).containsExactly(s2, within(1e-13 * s2[0]));
    }

    @Test
    void singularValuesAreSortedAndNonNegative() {
        double[] s = create().singularValues(TestMatrices.gaussian(40, 25, RngState.seed(5)));
        for (int i = 1; i < s.length; i++) {
            assertThat(s[i]).isLessThanOrEqualTo(s[i - 1]);
        }
        assertThat(s[s.length - 1]).isGreaterThanOrEqualTo(0.0);
    }

    @Test
    void signConventionMakesTheLargestEntryOfEachLeftVectorPositive() {
        SvdResult svd = create().decompose(TestMatrices.gaussian(25, 10, RngState.seed(12)));
        for (int j = 0; j < 10; j++) {
            double best = 0.0;
            for (int i = 0; i < 25; i++) {
                double v = svd.u().get(i, j);
                if (Math.abs(v) > Math.abs(best)) {
                    best = v;
                }
            }
            assertThat(best).as("largest entry of u_%d", j).isPositive();
        }
    }

    @Test
    void wideInputIsTheTransposeOfTall() {
        DenseMatrix a = TestMatrices.gaussian(8, 21, RngState.seed(4));
        double[] wide = create().singularValues(a);
        double[] tall = create().singularValues(a.transpose());
        assertThat(wide).containsExactly(tall, within(1e-13 * tall[0]));
    }

    @Test
    void acceptsSparseInput() {
        CooBuilder b = SparseMatrix.builder(5, 4);
        b.add(0, 0, 3.0);
        b.add(2, 1, -4.0);
        b.add(4, 3, 1.0);
        double[] s = create().singularValues(b.build(SparseMatrix.Format.CSR));
        assertThat(s).containsExactly(new double[] {4.0, 3.0, 1.0, 0.0}, within(1e-14));
    }

    @Test
    void scalesExtremeMagnitudes() {
        DenseMatrix a = TestMatrices.gaussian(12, 7, RngState.seed(77));
        double[] ref = create().singularValues(a);
        for (double f : new double[] {1e-300, 1e300}) {
            DenseMatrix b = a.copy();
            for (int j = 0; j < 7; j++) {
                for (int i = 0; i < 12; i++) {
                    b.set(i, j, a.get(i, j) * f);
                }
            }
            double[] s = create().singularValues(b);
            for (int i = 0; i < s.length; i++) {
                assertThat(s[i] / f).as("scale %s, sigma_%d", f, i).isCloseTo(ref[i], within(1e-13 * ref[0]));
            }
        }
    }

    @Test
    void rejectsNaNNamingItsPosition() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, Double.NaN}});
        assertThatThrownBy(() -> create().decompose(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 1)");
    }

    @Test
    void rejectsInfinityInValuesOnlyPath() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, Double.POSITIVE_INFINITY}});
        assertThatThrownBy(() -> create().singularValues(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(0, 1)");
    }

    @Test
    void fullSvdBeyondTheArrayLimitIsRefusedBeforeAllocating() {
        // U would be 70000 x 70000 = 4.9e9 entries > DenseMatrix.MAX_ELEMENTS
        DenseMatrix a = DenseMatrix.zeros(70_000, 1);
        assertThatThrownBy(() -> create().decompose(a, SvdVectors.FULL))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("U of the SVD");
    }

    @Test
    void thinSvdOfAVeryTallMatrixNeedsNoSquareWorkspace() {
        DenseMatrix a = DenseMatrix.zeros(70_000, 1);
        a.set(3, 0, -2.0);
        SvdResult r = create().decompose(a);
        assertThat(r.singularValues()).containsExactly(2.0);
        assertThat(r.u().get(3, 0)).isEqualTo(1.0);
        assertThat(r.vt().get(0, 0)).isEqualTo(-1.0);
    }

    @Test
    void rejectsNullInput() {
        assertThatThrownBy(() -> create().decompose(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void isDeterministic() {
        DenseMatrix a = TestMatrices.gaussian(60, 40, RngState.seed(99));
        SvdResult r1 = create().decompose(a);
        SvdResult r2 = create().decompose(a);
        assertThat(r1.u().toColumnMajorArray()).isEqualTo(r2.u().toColumnMajorArray());
        assertThat(Arrays.equals(r1.singularValues(), r2.singularValues())).isTrue();
    }
}
