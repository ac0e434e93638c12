package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.linear.LUDecomposition;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Lu}. With partial pivoting \(\hat L\hat U = PA + \Delta A\), \(|\Delta A|
 * \le \gamma_n|\hat L||\hat U|\) [Higham 2002, Thm 9.3]; for the families tested the growth factor is
 * modest, so the LAPACK ratio \(\|PA - LU\|_F/(\max(m,n)u\|A\|_F)\) is of order one.
 */
public abstract class LuContract {
    static final List<Case> SQUARE = MatrixFamilies.square(100, 300, 99L);
    static final List<Case> RECTANGULAR = MatrixFamilies.general(40, 200, 101L);

    /** The implementation under test. */
    protected abstract Lu create();

    static Stream<Case> square() {
        return SQUARE.stream();
    }

    static Stream<Case> rectangular() {
        return RECTANGULAR.stream();
    }

    static Stream<Case> manyCases() {
        return MatrixFamilies.square(1000, 500, 5150L).stream();
    }

    private static double factorRatio(Case c, LuResult lu) {
        DenseMatrix pa = LapackRatios.permuteRows(c.matrix(), lu.rowPermutation());
        return LapackRatios.residualRatio(pa, lu.l(), lu.u());
    }

    @ParameterizedTest
    @MethodSource("square")
    void squareFactorsReproduceThePermutedMatrix(Case c) {
        assertThat(factorRatio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("rectangular")
    void rectangularFactorsReproduceThePermutedMatrix(Case c) {
        assertThat(factorRatio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("square")
    void multipliersAreBoundedByOne(Case c) {
        DenseMatrix l = create().factor(c.matrix()).l();
        for (int j = 0; j < l.cols(); j++) {
            for (int i = j + 1; i < l.rows(); i++) {
                assertThat(Math.abs(l.get(i, j))).isLessThanOrEqualTo(1.0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("square")
    void solveHasSmallBackwardErrorOrReportsSingularity(Case c) {
        Lu lu = create();
        LuResult f = lu.factor(c.matrix());
        DenseMatrix b = TestMatrices.gaussian(c.matrix().rows(), 2, RngState.seed(17));
        if (f.isSingular()) {
            assertThatThrownBy(() -> lu.solve(f, b)).isInstanceOf(SingularMatrixException.class);
        } else {
            assertThat(CholeskyContract.backwardErrorRatio(c.matrix(), lu.solve(f, b), b))
                    .isLessThan(THRESHOLD);
        }
    }

    @ParameterizedTest
    @MethodSource("square")
    void transposedSolveHasSmallBackwardError(Case c) {
        Lu lu = create();
        LuResult f = lu.factor(c.matrix());
        DenseMatrix b = TestMatrices.gaussian(c.matrix().rows(), 2, RngState.seed(18));
        if (!f.isSingular()) {
            DenseMatrix x = lu.solve(f, Transpose.TRANSPOSE, b);
            assertThat(CholeskyContract.backwardErrorRatio(LapackRatios.transpose(c.matrix()), x, b))
                    .isLessThan(THRESHOLD);
        } else {
            assertThat(f.determinant()).isZero();
        }
    }

    @ParameterizedTest
    @MethodSource("square")
    void inputIsNotModified(Case c) {
        DenseMatrix before = c.matrix().copy();
        create().factor(c.matrix());
        assertThatMatrix(c.matrix()).isBitwiseEqualTo(before);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("manyCases")
    void thousandMatricesMeetTheRatio(Case c) {
        assertThat(factorRatio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @Test
    void pivotsAreThoseOfTextbookPartialPivoting() {
        DenseMatrix a = TestMatrices.gaussian(150, 150, RngState.seed(21));
        assertThat(create().factor(a).pivots()).containsExactly(naivePivots(a));
    }

    @Test
    void singularSolveNamesTheZeroPivot() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {2, 4}});
        Lu lu = create();
        LuResult f = lu.factor(a);
        assertThatThrownBy(() -> lu.solve(f, DenseMatrix.columnVector(1, 1)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("U(1, 1) = 0");
    }

    @Test
    void singularMatrixIsStillFactored() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{0, 0, 1}, {0, 0, 2}, {3, 1, 1}});
        LuResult f = create().factor(a);
        assertThat(f.isSingular()).isTrue();
    }

    @Test
    void determinantMatchesAnIndependentLu() {
        DenseMatrix a = TestMatrices.gaussian(25, 25, RngState.seed(22));
        double expected = new LUDecomposition(CholeskyContract.hipparchus(a)).getDeterminant();
        // Relative accuracy of a determinant from a stable LU: about n * kappa * u.
        assertThat(create().factor(a).determinant()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }

    @Test
    void determinantSignCountsInterchanges() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{0, 1}, {1, 0}});
        assertThat(create().factor(a).determinant()).isEqualTo(-1.0);
    }

    @Test
    void determinantOfSingularMatrixIsZero() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {2, 4}});
        LuResult f = create().factor(a);
        assertThat(new double[] {f.determinant(), f.determinantSign(), f.logAbsDeterminant()})
                .containsExactly(0.0, 0.0, Double.NEGATIVE_INFINITY);
    }

    @Test
    void logAbsDeterminantDoesNotOverflow() {
        DenseMatrix a = DenseMatrix.zeros(500, 500);
        for (int i = 0; i < 500; i++) {
            a.set(i, i, i % 2 == 0 ? 1e10 : -1e10);
        }
        LuResult f = create().factor(a);
        assertThat(f.logAbsDeterminant()).isCloseTo(500 * Math.log(1e10), within(1e-8));
        assertThat(f.determinant()).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 1e4, 1e9, 1e13})
    void conditionEstimateIsWithinAFactorTenOfTheTruth(double condition) {
        DenseMatrix a = TestMatrices.withSingularValues(
                60, 60, TestMatrices.exponentialDecay(60, condition), RngState.seed(23));
        double truth = 1.0 / (LapackRatios.normOne(a) * LapackRatios.normOne(CholeskyContract.inverse(a)));
        Lu lu = create();
        // An upper bound on the true reciprocal condition, within a factor 3 in practice [Higham
        // 2002, §15.3]; 0.9 absorbs the error of the reference inverse (n kappa u).
        assertThat(lu.reciprocalCondition(lu.factor(a))).isBetween(0.9 * truth, 10 * truth);
    }

    @Test
    void conditionOfSingularMatrixIsZero() {
        Lu lu = create();
        assertThat(lu.reciprocalCondition(lu.factor(DenseMatrix.zeros(4, 4)))).isZero();
    }

    @Test
    void solveOfASystemAgreesWithTheFactoredSolve() {
        DenseMatrix a = TestMatrices.gaussian(30, 30, RngState.seed(24));
        DenseMatrix b = TestMatrices.gaussian(30, 4, RngState.seed(25));
        Lu lu = create();
        assertThatMatrix(lu.solve(a, b)).isBitwiseEqualTo(lu.solve(lu.factor(a), b));
    }

    @Test
    void factorInPlaceReturnsTheSameStorage() {
        DenseMatrix a = TestMatrices.gaussian(20, 20, RngState.seed(26));
        assertThat(create().factorInPlace(a).factors()).isSameAs(a);
    }

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        DenseMatrix a = DenseMatrix.identity(3);
        a.set(2, 0, Double.NaN);
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 0)");
    }

    @Test
    void solveWithARectangularFactorizationIsRejected() {
        Lu lu = create();
        LuResult f = lu.factor(TestMatrices.gaussian(5, 3, RngState.seed(1)));
        assertThatThrownBy(() -> lu.solve(f, DenseMatrix.zeros(5, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x3");
    }

    @ParameterizedTest
    @EnumSource(Transpose.class)
    void rightHandSideWithWrongRowsIsRejected(Transpose trans) {
        Lu lu = create();
        LuResult f = lu.factor(DenseMatrix.identity(3));
        assertThatThrownBy(() -> lu.solve(f, trans, DenseMatrix.zeros(2, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x1");
    }

    /** Pivot rows of the textbook right-looking LU with partial pivoting (first maximum). */
    static int[] naivePivots(DenseMatrix a0) {
        DenseMatrix a = a0.copy();
        int n = a.rows();
        int[] piv = new int[n];
        for (int j = 0; j < n; j++) {
            int p = j;
            for (int i = j + 1; i < n; i++) {
                if (Math.abs(a.get(i, j)) > Math.abs(a.get(p, j))) {
                    p = i;
                }
            }
            piv[j] = p;
            for (int c = 0; c < n; c++) {
                double t = a.get(j, c);
                a.set(j, c, a.get(p, c));
                a.set(p, c, t);
            }
            for (int i = j + 1; i < n; i++) {
                double l = a.get(i, j) / a.get(j, j);
                for (int c = j + 1; c < n; c++) {
                    a.set(i, c, a.get(i, c) - l * a.get(j, c));
                }
            }
        }
        return piv;
    }
}
