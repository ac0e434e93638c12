package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link SymmetricEigen} implementation must meet (Java QL, Java divide and
 * conquer, native dsyevd). Thresholds are the acceptance ones: {@link LapackRatios} below 30,
 * eigenvalues within \(10^{-12}\max|\lambda|\) of Hipparchus, on every family of {@link
 * MatrixFamilies#symmetric}.
 */
abstract class SymmetricEigenContract {
    /** The implementation under test. */
    abstract SymmetricEigen create();

    /** Default tier: 140 symmetric matrices over every family, orders up to 200. */
    static List<Case> fastCases() {
        return MatrixFamilies.symmetric(140, 200, 1618L);
    }

    /** Tagged tier: 1100 symmetric matrices, orders up to 500. */
    static List<Case> slowCases() {
        return MatrixFamilies.symmetric(1100, 500, 1414L);
    }

    /**
     * The symmetric matrix defined by the lower triangle, scaled by a power of two (exact) for
     * Hipparchus, as a row array.
     */
    private static double[][] scaledSymmetric(Matrix a, double scale) {
        double[][] s = LapackRatios.symmetricFromLower(a).toArray();
        for (double[] row : s) {
            for (int j = 0; j < row.length; j++) {
                row[j] *= scale;
            }
        }
        return s;
    }

    /**
     * Hipparchus' eigenvalues (of the matrix defined by the lower triangle), ascending. Where
     * Hipparchus' symmetric eigensolver does not converge (it fails on some strongly graded and
     * rank-deficient matrices of order 100 and more), the oracle is its SVD: the test then compares
     * the sorted magnitudes \(|\lambda_i|\) with the singular values, see {@link #checkOracle}.
     */
    static double[] oracle(Matrix a, double scale) {
        if (a.rows() == 0) {
            return new double[0];
        }
        double[] ev = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(scaledSymmetric(a, scale), false))
                .getEigenvalues();
        double[] sorted = ev.clone();
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] /= scale;
        }
        Arrays.sort(sorted);
        return sorted;
    }

    /** Hipparchus' singular values of the symmetric matrix: the \(|\lambda_i|\), decreasing. */
    static double[] magnitudeOracle(Matrix a, double scale) {
        double[] s = new SingularValueDecomposition(new Array2DRowRealMatrix(scaledSymmetric(a, scale), false))
                .getSingularValues();
        for (int i = 0; i < s.length; i++) {
            s[i] /= scale;
        }
        return s;
    }

    private void checkAll(Case c, EigenOrder order) {
        DenseMatrix a = c.matrix();
        DenseMatrix before = a.copy();
        EigenResult r = create().decompose(a, order);
        int n = a.rows();
        assertThat(new int[] {r.eigenvectors().rows(), r.eigenvectors().cols()}).containsExactly(n, n);
        assertThat(LapackRatios.residualRatio(
                        LapackRatios.symmetricFromLower(a),
                        LapackRatios.scaleColumns(r.eigenvectors(), r.eigenvalues()),
                        LapackRatios.transpose(r.eigenvectors())))
                .as("residual ratio")
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(LapackRatios.orthogonalityRatio(r.eigenvectors()))
                .as("orthogonality ratio")
                .isLessThan(LapackRatios.THRESHOLD);
        assertThat(a.toArray()).as("input untouched").isDeepEqualTo(before.toArray());
    }

    private void checkOracle(Case c) {
        double[] actual = create().eigenvalues(c.matrix(), EigenOrder.ASCENDING);
        double scale = SvdContract.powerOfTwoScale(c.matrix());
        double[] expected;
        try {
            expected = oracle(c.matrix(), scale);
        } catch (MathIllegalStateException notConverged) {
            expected = magnitudeOracle(c.matrix(), scale);
            double[] mags = new double[actual.length];
            for (int i = 0; i < mags.length; i++) {
                mags[i] = -Math.abs(actual[i]);
            }
            Arrays.sort(mags);
            for (int i = 0; i < mags.length; i++) {
                mags[i] = -mags[i];
            }
            actual = mags;
        }
        double max = 0.0;
        for (double v : expected) {
            max = Math.max(max, Math.abs(v));
        }
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("lambda_%d", i).isCloseTo(expected[i], within(1e-12 * max));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastCases")
    void factorizationMeetsTheRatios(Case c) {
        checkAll(c, EigenOrder.ASCENDING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fastCases")
    void eigenvaluesAgreeWithHipparchus(Case c) {
        checkOracle(c);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slowCases")
    void factorizationMeetsTheRatiosOnTheLargeSet(Case c) {
        checkAll(c, EigenOrder.ASCENDING);
    }

    @Tag("slow")
    @ParameterizedTest(name = "{0}")
    @MethodSource("slowCases")
    void eigenvaluesAgreeWithHipparchusOnTheLargeSet(Case c) {
        checkOracle(c);
    }

    @ParameterizedTest
    @EnumSource(EigenOrder.class)
    void ordersTheEigenvaluesAsRequested(EigenOrder order) {
        double[] lambda = {3.0, -1.0, 7.0, 0.5, -4.0};
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(21));
        double[] got = create().decompose(a, order).eigenvalues();
        double[] want = order == EigenOrder.ASCENDING
                ? new double[] {-4.0, -1.0, 0.5, 3.0, 7.0}
                : new double[] {7.0, 3.0, 0.5, -1.0, -4.0};
        // the generator reproduces lambda to O(n u max|lambda|)
        assertThat(got).containsExactly(want, within(1e-13 * 7.0));
    }

    @Test
    void descendingOrderReversesTheEigenvectorsToo() {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(12, RngState.seed(31));
        EigenResult asc = create().decompose(a, EigenOrder.ASCENDING);
        EigenResult desc = create().decompose(a, EigenOrder.DESCENDING);
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < 12; i++) {
                assertThat(desc.eigenvectors().get(i, j))
                        .isCloseTo(asc.eigenvectors().get(i, 11 - j), within(1e-12));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(EigenOrder.class)
    void valuesOnlyPathMatchesTheDecomposition(EigenOrder order) {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(40, RngState.seed(17));
        double[] v1 = create().eigenvalues(a, order);
        double[] v2 = create().decompose(a, order).eigenvalues();
        assertThat(v1).containsExactly(v2, within(1e-12 * Math.abs(v2[0])));
    }

    @Test
    void readsOnlyTheLowerTriangle() {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(9, RngState.seed(5));
        DenseMatrix junk = a.copy();
        for (int j = 1; j < 9; j++) {
            for (int i = 0; i < j; i++) {
                junk.set(i, j, 1e6 * (i + 1));
            }
        }
        assertThat(create().eigenvalues(junk, EigenOrder.ASCENDING))
                .containsExactly(create().eigenvalues(a, EigenOrder.ASCENDING), within(1e-12));
    }

    @Test
    void signConventionMakesTheLargestEntryOfEachEigenvectorPositive() {
        EigenResult r = create().decompose(MatrixFamilies.symmetricGaussian(15, RngState.seed(8)));
        for (int j = 0; j < 15; j++) {
            double best = 0.0;
            for (int i = 0; i < 15; i++) {
                double v = r.eigenvectors().get(i, j);
                if (Math.abs(v) > Math.abs(best)) {
                    best = v;
                }
            }
            assertThat(best).as("largest entry of z_%d", j).isPositive();
        }
    }

    @Test
    void scalesExtremeMagnitudes() {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(10, RngState.seed(3));
        double[] ref = create().eigenvalues(a, EigenOrder.ASCENDING);
        double refScale = Math.max(Math.abs(ref[0]), Math.abs(ref[9]));
        for (double f : new double[] {1e-300, 1e300}) {
            DenseMatrix b = a.copy();
            for (int j = 0; j < 10; j++) {
                for (int i = 0; i < 10; i++) {
                    b.set(i, j, a.get(i, j) * f);
                }
            }
            double[] got = create().eigenvalues(b, EigenOrder.ASCENDING);
            for (int i = 0; i < 10; i++) {
                assertThat(got[i] / f).as("scale %s, lambda_%d", f, i).isCloseTo(ref[i], within(1e-13 * refScale));
            }
        }
    }

    @Test
    void rejectsNonSquareInput() {
        assertThatThrownBy(() -> create().decompose(DenseMatrix.zeros(3, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void rejectsNaNInTheLowerTriangleNamingItsPosition() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, Double.NaN, 1}});
        assertThatThrownBy(() -> create().decompose(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 1)");
    }

    @Test
    void rejectsInfinityInValuesOnlyPath() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{Double.NEGATIVE_INFINITY, 0}, {0, 1}});
        assertThatThrownBy(() -> create().eigenvalues(a, EigenOrder.ASCENDING))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(0, 0)");
    }

    @Test
    void isDeterministic() {
        DenseMatrix a = MatrixFamilies.symmetricGaussian(90, RngState.seed(44));
        EigenResult r1 = create().decompose(a);
        EigenResult r2 = create().decompose(a);
        assertThat(r1.eigenvectors().toColumnMajorArray())
                .isEqualTo(r2.eigenvectors().toColumnMajorArray());
    }
}
