package dev.nla.core.testing;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Arrays;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.SingularValueDecomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TestMatricesTest {

    private static double[] singularValues(DenseMatrix a) {
        return new SingularValueDecomposition(new Array2DRowRealMatrix(a.toArray())).getSingularValues();
    }

    private static double[] eigenvalues(DenseMatrix a) {
        double[] lambda = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(a.toArray())).getEigenvalues();
        return descending(lambda);
    }

    private static double[] descending(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        for (int i = 0; i < v.length / 2; i++) {
            double t = v[i];
            v[i] = v[v.length - 1 - i];
            v[v.length - 1 - i] = t;
        }
        return v;
    }

    private static double maxAbs(double[] v) {
        double m = 0;
        for (double x : v) {
            m = Math.max(m, Math.abs(x));
        }
        return m;
    }

    // --- Haar orthogonal matrices -------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 50})
    void haarOrthogonalHasOrthonormalColumns(int n) {
        DenseMatrix q = TestMatrices.haarOrthogonal(n, RngState.seed(11));
        // Householder QR: ||Q^T Q - I||_F = O(n u) [Higham 2002, Chap. 19]; 10 n u leaves room for
        // the constant.
        assertThatMatrix(q).hasShape(n, n).hasOrthonormalColumns(10 * n * Tolerances.U);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 50})
    void haarOrthogonalHasOrthonormalRows(int n) {
        DenseMatrix q = TestMatrices.haarOrthogonal(n, RngState.seed(12));
        assertThatMatrix(q.transpose()).hasOrthonormalColumns(10 * n * Tolerances.U);
    }

    @Test
    void haarOrthogonalAbsorbsTheSignsOfR() {
        // Mezzadri's construction: Q^T G is upper triangular with a positive diagonal, where G is
        // the Gaussian matrix drawn from the same state.
        int n = 20;
        RngState s = RngState.seed(13);
        DenseMatrix q = TestMatrices.haarOrthogonal(n, s);
        DenseMatrix g = TestMatrices.gaussian(n, n, s);
        DenseMatrix r = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int p = 0; p < n; p++) {
                    dot += q.get(p, i) * g.get(p, j);
                }
                r.set(i, j, dot);
            }
        }
        double scale = Tolerances.frobenius(g);
        double worstBelow = 0;
        double smallestDiagonal = Double.POSITIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            smallestDiagonal = Math.min(smallestDiagonal, r.get(j, j));
            for (int i = j + 1; i < n; i++) {
                worstBelow = Math.max(worstBelow, Math.abs(r.get(i, j)));
            }
        }
        // Below the diagonal: backward error of QR times ||G||, O(n u ||G||_F).
        assertThat(worstBelow).isLessThanOrEqualTo(10 * n * Tolerances.U * scale);
        assertThat(smallestDiagonal).isPositive();
    }

    @Test
    void haarOrthonormalColumnsAreOrthonormal() {
        DenseMatrix q = TestMatrices.haarOrthonormalColumns(200, 30, RngState.seed(14));
        assertThatMatrix(q).hasShape(200, 30).hasOrthonormalColumns(10 * 200 * Tolerances.U);
    }

    @Test
    void haarOrthonormalColumnsRejectsWideShapes() {
        assertThatThrownBy(() -> TestMatrices.haarOrthonormalColumns(3, 4, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void sameStateGivesSameBits() {
        assertThatMatrix(TestMatrices.haarOrthogonal(9, RngState.seed(5)))
                .isBitwiseEqualTo(TestMatrices.haarOrthogonal(9, RngState.seed(5)));
    }

    @Test
    void differentStatesGiveDifferentMatrices() {
        DenseMatrix a = TestMatrices.haarOrthogonal(9, RngState.seed(5));
        DenseMatrix b = TestMatrices.haarOrthogonal(9, RngState.seed(6));
        assertThat(a.get(0, 0)).isNotEqualTo(b.get(0, 0));
    }

    // --- Prescribed singular values ---------------------------------------------------------------

    @Test
    void withSingularValuesRecoversHipparchusTestValues() {
        double[] sigma = {123.456, 2.3, 1.001, 0.999}; // Hipparchus SingularValueDecompositionTest
        DenseMatrix a = TestMatrices.withSingularValues(6, 4, sigma, RngState.seed(15338437322523L));
        // A = U diag(sigma) V^T is formed with O(k u sigma_1) error, and Hipparchus' SVD is backward
        // stable: 1e-12 sigma_1 is far above both.
        assertThat(singularValues(a)).containsExactly(sigma, within(1e-12 * sigma[0]));
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"4,6", "30,30", "60,25", "1,1", "5,1"})
    void withSingularValuesMatchesPolynomialDecay(int rows, int cols) {
        int k = Math.min(rows, cols);
        double[] sigma = k == 1 ? new double[] {1.0} : TestMatrices.polynomialDecay(k, 1e6, 1.5);
        DenseMatrix a = TestMatrices.withSingularValues(rows, cols, sigma, RngState.seed(rows * 100L + cols));
        assertThat(singularValues(a)).containsExactly(sigma, within(1e-12 * sigma[0]));
    }

    @Test
    void withSingularValuesAcceptsUnsortedValues() {
        double[] sigma = {0.5, 3.0, 1.0};
        DenseMatrix a = TestMatrices.withSingularValues(5, 3, sigma, RngState.seed(3));
        assertThat(singularValues(a)).containsExactly(new double[] {3.0, 1.0, 0.5}, within(1e-12 * 3.0));
    }

    @Test
    void withSingularValuesHandlesEmptyShapes() {
        assertThatMatrix(TestMatrices.withSingularValues(4, 0, new double[0], RngState.seed(3)))
                .hasShape(4, 0);
    }

    @Test
    void withSingularValuesRejectsWrongLength() {
        assertThatThrownBy(() -> TestMatrices.withSingularValues(5, 3, new double[] {1, 2}, RngState.seed(1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x3")
                .hasMessageContaining("length 2");
    }

    @Test
    void withSingularValuesRejectsNegativeValues() {
        assertThatThrownBy(() -> TestMatrices.withSingularValues(2, 2, new double[] {1, -2}, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sigma[1]")
                .hasMessageContaining("-2.0");
    }

    // --- Spectral profiles ------------------------------------------------------------------------

    @Test
    void polynomialDecayHitsItsEndpoints() {
        double[] sigma = TestMatrices.polynomialDecay(10, 1e4, 2.0);
        assertThat(new double[] {sigma[0], sigma[9]}).containsExactly(1.0, 1e-4);
    }

    @Test
    void polynomialDecayFollowsItsFormula() {
        // kappa = 100, p = 2: c = (100^(1/2) - 1) / (n - 1) = 9 / 9 = 1, so sigma_i = i^-2.
        assertThat(TestMatrices.polynomialDecay(10, 100, 2.0))
                .containsExactly(
                        new double[] {
                            1, 1 / 4.0, 1 / 9.0, 1 / 16.0, 1 / 25.0, 1 / 36.0, 1 / 49.0, 1 / 64.0, 1 / 81.0, 0.01
                        },
                        within(4 * Tolerances.U));
    }

    @Test
    void exponentialDecayHasConstantRatio() {
        // kappa = 2^10 over 11 values: sigma_i = 2^-i.
        double[] expected = new double[11];
        for (int i = 0; i <= 10; i++) {
            expected[i] = Math.scalb(1.0, -i);
        }
        assertThat(TestMatrices.exponentialDecay(11, 1024)).containsExactly(expected, within(4 * Tolerances.U));
    }

    @Test
    void profilesRejectConditionBelowOne() {
        assertThatThrownBy(() -> TestMatrices.exponentialDecay(5, 0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0.5");
    }

    @Test
    void profilesRejectASingleValueWithConditionAboveOne() {
        assertThatThrownBy(() -> TestMatrices.polynomialDecay(1, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 1");
    }

    @Test
    void lowRankPlusTailMatchesScikitLearnProfile() {
        // Values of (1 - t) exp(-(i/r)^2) + t exp(-0.1 i/r) for r = 2, t = 0.5, i = 0..4, as computed
        // by scikit-learn's make_low_rank_matrix formula in Python:
        //   [0.5*exp(-(i/2)**2) + 0.5*exp(-0.1*i/2) for i in range(5)]
        double[] expected = {1.0, 0.8650151037860594, 0.6363584296037009, 0.4830536004934611, 0.418523195983358};
        assertThat(TestMatrices.lowRankPlusTail(5, 2, 0.5)).containsExactly(expected, within(1e-15));
    }

    @Test
    void lowRankPlusTailRejectsTailStrengthAboveOne() {
        assertThatThrownBy(() -> TestMatrices.lowRankPlusTail(5, 2, 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1.5");
    }

    // --- Low rank plus noise ------------------------------------------------------------------------

    @Test
    void lowRankPlusNoiseWithoutNoiseHasUnitSignalValues() {
        double[] s = singularValues(TestMatrices.lowRankPlusNoise(40, 30, 5, 0.0, RngState.seed(21)));
        // U V^T is formed with O(k u) error (k = 5); 1e-13 covers it and the SVD's backward error.
        assertThat(Arrays.copyOf(s, 5)).containsExactly(new double[] {1, 1, 1, 1, 1}, within(1e-13));
    }

    @Test
    void lowRankPlusNoiseWithoutNoiseHasExactRank() {
        double[] s = singularValues(TestMatrices.lowRankPlusNoise(40, 30, 5, 0.0, RngState.seed(21)));
        assertThat(s[5]).isLessThan(1e-13);
    }

    @Test
    void lowRankPlusNoiseHasTheStatedNoiseLevel() {
        double noise = 1e-3;
        double[] s = singularValues(TestMatrices.lowRankPlusNoise(200, 100, 5, noise, RngState.seed(22)));
        // sigma_6 <= ||N||_2 ~ noise (1 + sqrt(100/200)) = 1.71 noise; Davidson-Szarek: exceeding
        // noise (1 + sqrt(1/2) + t/sqrt(200)) has probability <= exp(-t^2/2); t = 6 gives 2.13 noise.
        assertThat(s[5]).isLessThanOrEqualTo(2.2 * noise).isGreaterThan(0.5 * noise);
    }

    @Test
    void lowRankPlusNoiseRejectsRankAboveMinDimension() {
        assertThatThrownBy(() -> TestMatrices.lowRankPlusNoise(4, 3, 4, 0.1, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank")
                .hasMessageContaining("4");
    }

    // --- Kahan --------------------------------------------------------------------------------------

    @Test
    void kahanMatchesItsClosedFormForThreeByThree() {
        double s = Math.sin(1.2);
        double c = Math.cos(1.2);
        DenseMatrix expected = DenseMatrix.of(new double[][] {
            {1, -c, -c},
            {0, s, -c * s},
            {0, 0, s * s}
        });
        assertThatMatrix(TestMatrices.kahan(3, 1.2)).isBitwiseEqualTo(expected);
    }

    @Test
    void kahanMatchesItsClosedFormForSixBySix() {
        int n = 6;
        double theta = 0.3;
        DenseMatrix k = TestMatrices.kahan(n, theta);
        DenseMatrix expected = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            double si = Math.pow(Math.sin(theta), i);
            for (int j = i; j < n; j++) {
                expected.set(i, j, j == i ? si : -Math.cos(theta) * si);
            }
        }
        // s^i by repeated multiplication vs pow: at most i roundings of relative size u each.
        assertThatMatrix(k).isCloseTo(expected, 2 * n * Tolerances.U * Tolerances.frobenius(expected));
    }

    @Test
    void kahanIsUpperTriangular() {
        DenseMatrix k = TestMatrices.kahan(8, 1.2);
        double below = 0;
        for (int j = 0; j < 8; j++) {
            for (int i = j + 1; i < 8; i++) {
                below += Math.abs(k.get(i, j));
            }
        }
        assertThat(below).isZero();
    }

    @Test
    void kahanPerturbedAddsTheGalleryDiagonal() {
        int n = 5;
        DenseMatrix k = TestMatrices.kahan(n, 1.2);
        DenseMatrix p = TestMatrices.kahanPerturbed(n, 1.2, 25);
        double[] added = new double[n];
        for (int i = 0; i < n; i++) {
            added[i] = p.get(i, i) - k.get(i, i);
        }
        // pert * eps * (n, n-1, ..., 1), each recovered up to one rounding of k_ii (<= 1).
        double eps = Tolerances.EPS;
        assertThat(added)
                .containsExactly(
                        new double[] {125 * eps, 100 * eps, 75 * eps, 50 * eps, 25 * eps}, within(Tolerances.EPS));
    }

    // --- Graded, symmetric, SPD -------------------------------------------------------------------------

    @Test
    void gradedScalesAGaussianMatrixOnBothSides() {
        int n = 6;
        double ratio = 10;
        RngState s = RngState.seed(31);
        DenseMatrix a = TestMatrices.graded(n, ratio, s);
        DenseMatrix g = TestMatrices.gaussian(n, n, s);
        DenseMatrix expected = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                expected.set(i, j, g.get(i, j) * Math.pow(ratio, -(i + j)));
            }
        }
        // Entrywise: two scalings and pow, each within a few ulps.
        DenseMatrix bound = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                bound.set(i, j, 8 * Tolerances.U * Math.abs(expected.get(i, j)));
            }
        }
        assertThatMatrix(a).isCloseEntrywise(expected, bound);
    }

    @Test
    void gradedRejectsUnderflowingScales() {
        assertThatThrownBy(() -> TestMatrices.graded(200, 100, RngState.seed(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("underflows");
    }

    @Test
    void symmetricWithEigenvaluesIsExactlySymmetric() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(new double[] {3, -1, 0.5, 2, 7}, RngState.seed(41));
        assertThatMatrix(a).isBitwiseEqualTo(a.transpose());
    }

    @Test
    void symmetricWithEigenvaluesHasThoseEigenvalues() {
        double[] lambda = {3, -1, 0.5, 2, 7, -4, 1e-3};
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(42));
        // Q diag(lambda) Q^T is formed with O(n u max|lambda|) error; Hipparchus' symmetric eigen
        // solver is backward stable, so eigenvalues agree to a small multiple of that.
        assertThat(eigenvalues(a)).containsExactly(descending(lambda), within(1e-12 * maxAbs(lambda)));
    }

    @Test
    void randomSpdHasGeometricEigenvalues() {
        double[] expected = TestMatrices.exponentialDecay(25, 1e8);
        DenseMatrix a = TestMatrices.randomSpd(25, 1e8, RngState.seed(43));
        assertThat(eigenvalues(a)).containsExactly(expected, within(1e-12));
    }

    @Test
    void randomSpdIsPositiveDefinite() {
        DenseMatrix a = TestMatrices.randomSpd(25, 1e8, RngState.seed(44));
        double[] lambda = eigenvalues(a);
        assertThat(lambda[lambda.length - 1]).isPositive();
    }

    @Test
    void gaussianIsTheRandomMatricesBlock() {
        RngState s = RngState.seed(45);
        assertThatMatrix(TestMatrices.gaussian(7, 3, s))
                .isBitwiseEqualTo(RandomMatrices.gaussian(7, 3, s).value());
    }

    @Test
    void exponentialDecayOfLengthZeroIsEmpty() {
        assertThat(TestMatrices.exponentialDecay(0, 10.0)).isEmpty();
    }

    @Test
    void polynomialDecayOfLengthZeroIsEmpty() {
        assertThat(TestMatrices.polynomialDecay(0, 10.0, 1.0)).isEmpty();
    }
}
