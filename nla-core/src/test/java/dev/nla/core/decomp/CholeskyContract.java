package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.List;
import java.util.stream.Stream;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link Cholesky}. A Cholesky factor satisfies \(\hat L\hat L^{\mathsf T} = A +
 * \Delta A\) with \(|\Delta A| \le \gamma_{n+1}|\hat L||\hat L|^{\mathsf T}\) [Higham 2002, Thm
 * 10.3], and \(\||\hat L||\hat L|^{\mathsf T}\|_F \le n\|A\|_F\) for SPD \(A\), so the LAPACK ratio
 * \(\|A - LL^{\mathsf T}\|_F/(nu\|A\|_F)\) is of order one.
 */
public abstract class CholeskyContract {
    static final List<Case> CASES = MatrixFamilies.symmetricPositiveDefinite(120, 300, 31337L);

    /** The implementation under test. */
    protected abstract Cholesky create();

    static Stream<Case> cases() {
        return CASES.stream();
    }

    static Stream<Case> manyCases() {
        return MatrixFamilies.symmetricPositiveDefinite(1000, 500, 4242L).stream();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorReproducesTheMatrix(Case c) {
        DenseMatrix l = create().factor(c.matrix()).l();
        assertThat(LapackRatios.residualRatio(c.matrix(), l, LapackRatios.transpose(l)))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorIsLowerTriangularWithPositiveDiagonal(Case c) {
        DenseMatrix l = create().factor(c.matrix()).l();
        assertThat(LapackRatios.aboveDiagonal(l)).isZero();
        for (int i = 0; i < l.rows(); i++) {
            assertThat(l.get(i, i)).isPositive();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void solveHasSmallBackwardError(Case c) {
        DenseMatrix a = c.matrix();
        DenseMatrix b = TestMatrices.gaussian(a.rows(), 3, RngState.seed(a.rows()));
        DenseMatrix x = create().solve(a, b);
        assertThat(backwardErrorRatio(a, x, b)).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inputIsNotModified(Case c) {
        DenseMatrix before = c.matrix().copy();
        create().factor(c.matrix());
        assertThatMatrix(c.matrix()).isBitwiseEqualTo(before);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("manyCases")
    void thousandMatricesMeetTheRatio(Case c) {
        DenseMatrix l = create().factor(c.matrix()).l();
        assertThat(LapackRatios.residualRatio(c.matrix(), l, LapackRatios.transpose(l)))
                .isLessThan(THRESHOLD);
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        DenseMatrix a = TestMatrices.randomSpd(40, 100, RngState.seed(3));
        DenseMatrix garbage = a.copy();
        for (int j = 0; j < 40; j++) {
            for (int i = 0; i < j; i++) {
                garbage.set(i, j, Double.NaN);
            }
        }
        assertThatMatrix(create().factor(garbage).l())
                .isBitwiseEqualTo(create().factor(a).l());
    }

    @Test
    void indefiniteMatrixNamesTheFailingMinor() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{4, 2, 0}, {2, 1, 3}, {0, 3, 5}});
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("order 2");
    }

    @Test
    void zeroMatrixIsNotPositiveDefinite() {
        assertThatThrownBy(() -> create().factor(DenseMatrix.zeros(3, 3)))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("order 1");
    }

    @Test
    void largeIndefiniteMatrixIsRejected() {
        // Eigenvalues 1 ... 1e-3 and one -1: the blocked path must detect the negative pivot.
        double[] lambda = TestMatrices.exponentialDecay(150, 1e3);
        lambda[100] = -1;
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(12));
        assertThatThrownBy(() -> create().factor(a)).isInstanceOf(NotPositiveDefiniteException.class);
    }

    @Test
    void nonFiniteLowerEntryIsRejectedWithItsPosition() {
        DenseMatrix a = DenseMatrix.identity(4);
        a.set(3, 1, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(3, 1)");
    }

    @Test
    void rectangularMatrixIsRejected() {
        assertThatThrownBy(() -> create().factor(DenseMatrix.zeros(3, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void rightHandSideWithWrongRowsIsRejected() {
        CholeskyResult f = create().factor(DenseMatrix.identity(3));
        assertThatThrownBy(() -> create().solve(f, DenseMatrix.zeros(4, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4x1");
    }

    @Test
    void nonFiniteRightHandSideIsRejected() {
        CholeskyResult f = create().factor(DenseMatrix.identity(3));
        DenseMatrix b = DenseMatrix.columnVector(1, Double.NaN, 3);
        assertThatThrownBy(() -> create().solve(f, b))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
    }

    @Test
    void logDeterminantMatchesAnIndependentLu() {
        DenseMatrix a = TestMatrices.randomSpd(30, 1e4, RngState.seed(4));
        double expected = Math.log(new LUDecomposition(hipparchus(a)).getDeterminant());
        // log det to absolute accuracy n * kappa * u is far below 1e-9 here.
        assertThat(create().factor(a).logDeterminant()).isCloseTo(expected, within(1e-9));
    }

    @Test
    void logDeterminantDoesNotOverflow() {
        DenseMatrix a = DenseMatrix.identity(600);
        for (int i = 0; i < 600; i++) {
            a.set(i, i, 1e10);
        }
        // det = 1e6000 overflows; its logarithm does not.
        assertThat(create().factor(a).logDeterminant()).isCloseTo(600 * Math.log(1e10), within(1e-8));
    }

    @ParameterizedTest
    @ValueSource(doubles = {1, 1e3, 1e8, 1e12})
    void conditionEstimateIsWithinAFactorTenOfTheTruth(double condition) {
        DenseMatrix a = TestMatrices.randomSpd(50, condition, RngState.seed(5));
        double truth = 1.0 / (LapackRatios.normOne(a) * LapackRatios.normOne(inverse(a)));
        double estimate = create().reciprocalCondition(create().factor(a));
        // The estimator's norm is a lower bound of ||A^-1||_1 (so rcond is an upper bound), and
        // is within a factor 3 in practice [Higham 2002, §15.3]; 10 leaves room. The "truth" comes
        // from a computed inverse with relative error up to about n kappa u (5e-3 at kappa = 1e12),
        // hence the 0.9 on the lower side.
        assertThat(estimate).isBetween(0.9 * truth, 10 * truth);
    }

    static double backwardErrorRatio(DenseMatrix a, DenseMatrix x, DenseMatrix b) {
        // Normwise backward error ||B - AX||_F / (||A||_F ||X||_F + ||B||_F) <= c n u for a
        // backward-stable solve [Higham 2002, Thm 7.1]; divided by n u.
        DenseMatrix ax = LapackRatios.product(a, x);
        DenseMatrix r = DenseMatrix.zeros(b.rows(), b.cols());
        for (int j = 0; j < b.cols(); j++) {
            for (int i = 0; i < b.rows(); i++) {
                r.set(i, j, b.get(i, j) - ax.get(i, j));
            }
        }
        double denominator = LapackRatios.frobenius(a) * LapackRatios.frobenius(x) + LapackRatios.frobenius(b);
        double num = LapackRatios.frobenius(r);
        if (num == 0) {
            return 0;
        }
        return num / (denominator * Math.max(a.rows(), 1) * 0x1.0p-53);
    }

    static RealMatrix hipparchus(DenseMatrix a) {
        return new Array2DRowRealMatrix(a.toArray());
    }

    static DenseMatrix inverse(DenseMatrix a) {
        return DenseMatrix.of(
                new LUDecomposition(hipparchus(a), 0.0).getSolver().getInverse().getData());
    }
}
