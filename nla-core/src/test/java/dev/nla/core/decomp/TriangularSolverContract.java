package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract of {@link TriangularSolver}: backward-stable solves for every side, triangle,
 * transpose and diagonal kind (\((T + \Delta T)\hat x = b\), \(|\Delta T| \le \gamma_n|T|\)
 * [Higham 2002, Thm 8.5], so the normwise backward error over \(nu\) is of order one), checked
 * inputs, and the condition estimate.
 */
public abstract class TriangularSolverContract {
    /** The implementation under test. */
    protected abstract TriangularSolver create();

    static Stream<Arguments> variants() {
        List<Arguments> list = new ArrayList<>();
        for (Side side : Side.values()) {
            for (Triangle tri : Triangle.values()) {
                for (Transpose trans : Transpose.values()) {
                    for (Diagonal diag : Diagonal.values()) {
                        list.add(Arguments.of(side, tri, trans, diag));
                    }
                }
            }
        }
        return list.stream();
    }

    /** A triangular matrix with the other triangle filled with NaN (it must not be read). */
    static DenseMatrix triangular(int n, Triangle tri, long seed) {
        DenseMatrix g = TestMatrices.gaussian(n, n, RngState.seed(seed));
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean inside = tri == Triangle.LOWER ? i >= j : i <= j;
                if (!inside) {
                    g.set(i, j, Double.NaN);
                } else if (i == j) {
                    g.set(i, i, 2 + Math.abs(g.get(i, i)));
                }
            }
        }
        return g;
    }

    /** op(T) as a full matrix, with the unit diagonal applied. */
    static DenseMatrix explicit(DenseMatrix t, Triangle tri, Transpose trans, Diagonal diag) {
        int n = t.rows();
        DenseMatrix e = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                boolean inside = tri == Triangle.LOWER ? i >= j : i <= j;
                double v = i == j && diag == Diagonal.UNIT ? 1.0 : (inside ? t.get(i, j) : 0.0);
                if (trans == Transpose.TRANSPOSE) {
                    e.set(j, i, v);
                } else {
                    e.set(i, j, v);
                }
            }
        }
        return e;
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @MethodSource("variants")
    void solveIsBackwardStable(Side side, Triangle tri, Transpose trans, Diagonal diag) {
        int n = 37;
        DenseMatrix t = triangular(n, tri, 3);
        DenseMatrix b = side == Side.LEFT
                ? TestMatrices.gaussian(n, 5, RngState.seed(4))
                : TestMatrices.gaussian(5, n, RngState.seed(4));
        DenseMatrix x = create().solve(side, tri, trans, diag, t, b);
        DenseMatrix op = explicit(t, tri, trans, diag);
        double ratio = side == Side.LEFT
                ? CholeskyContract.backwardErrorRatio(op, x, b)
                : CholeskyContract.backwardErrorRatio(
                        LapackRatios.transpose(op), LapackRatios.transpose(x), LapackRatios.transpose(b));
        assertThat(ratio).isLessThan(THRESHOLD);
    }

    @Test
    void triangleIsNotModified() {
        DenseMatrix t = triangular(20, Triangle.UPPER, 5);
        DenseMatrix before = t.copy();
        create().solve(
                        Side.LEFT,
                        Triangle.UPPER,
                        Transpose.NO_TRANSPOSE,
                        Diagonal.NON_UNIT,
                        t,
                        DenseMatrix.identity(20));
        assertThatMatrix(t).isBitwiseEqualTo(before);
    }

    @Test
    void zeroDiagonalIsSingularAndNamed() {
        DenseMatrix t = triangular(5, Triangle.LOWER, 6);
        t.set(2, 2, 0.0);
        assertThatThrownBy(() -> create().solve(
                                Side.LEFT,
                                Triangle.LOWER,
                                Transpose.NO_TRANSPOSE,
                                Diagonal.NON_UNIT,
                                t,
                                DenseMatrix.identity(5)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("(2, 2)");
    }

    @Test
    void unitDiagonalIsNotRead() {
        DenseMatrix t = triangular(5, Triangle.LOWER, 7);
        t.set(1, 1, 0.0);
        t.set(3, 3, Double.NaN);
        DenseMatrix x = create().solve(
                        Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.UNIT, t, DenseMatrix.identity(5));
        assertThat(LapackRatios.frobenius(x)).isFinite();
    }

    @Test
    void nonFiniteReferencedEntryIsRejectedWithItsPosition() {
        DenseMatrix t = triangular(5, Triangle.UPPER, 8);
        t.set(1, 3, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> create().solve(
                                Side.LEFT,
                                Triangle.UPPER,
                                Transpose.NO_TRANSPOSE,
                                Diagonal.NON_UNIT,
                                t,
                                DenseMatrix.identity(5)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 3)");
    }

    @Test
    void nonFiniteRightHandSideIsRejectedAndKept() {
        DenseMatrix t = triangular(4, Triangle.UPPER, 9);
        DenseMatrix b = DenseMatrix.columnVector(1, 2, Double.NaN, 4);
        DenseMatrix before = b.copy();
        assertThatThrownBy(() -> create().solveInPlace(
                                Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, t, b))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 0)");
        assertThatMatrix(b).isBitwiseEqualTo(before);
    }

    @Test
    void mismatchedShapesAreRejected() {
        DenseMatrix t = triangular(4, Triangle.UPPER, 10);
        assertThatThrownBy(() -> create().solve(
                                Side.RIGHT,
                                Triangle.UPPER,
                                Transpose.NO_TRANSPOSE,
                                Diagonal.NON_UNIT,
                                t,
                                DenseMatrix.zeros(4, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4x3");
    }

    @Test
    void rightHandSideSharingStorageIsRejected() {
        DenseMatrix parent = TestMatrices.gaussian(4, 8, RngState.seed(11));
        for (int i = 0; i < 4; i++) {
            parent.set(i, i, 3.0);
        }
        DenseMatrix t = parent.view(0, 0, 4, 4);
        DenseMatrix b = parent.view(0, 4, 4, 4);
        assertThatThrownBy(() -> create().solveInPlace(
                                Side.LEFT, Triangle.UPPER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, t, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.8, 1.2})
    void conditionEstimateOfKahanMatricesIsWithinAFactorTen(double theta) {
        DenseMatrix t = TestMatrices.kahan(30, theta);
        double truth = 1.0 / (LapackRatios.normOne(t) * LapackRatios.normOne(CholeskyContract.inverse(t)));
        // Upper bound on the true reciprocal condition, within a factor 3 in practice [Higham 2002,
        // §15.3]; 0.9 absorbs the error of the reference inverse.
        assertThat(create().reciprocalCondition(Triangle.UPPER, Diagonal.NON_UNIT, t))
                .isBetween(0.9 * truth, 10 * truth);
    }

    @Test
    void conditionWithZeroDiagonalIsZero() {
        DenseMatrix t = triangular(6, Triangle.LOWER, 12);
        t.set(4, 4, 0.0);
        assertThat(create().reciprocalCondition(Triangle.LOWER, Diagonal.NON_UNIT, t))
                .isZero();
    }

    @Test
    void conditionOfTheIdentityIsOne() {
        assertThat(create().reciprocalCondition(Triangle.UPPER, Diagonal.NON_UNIT, DenseMatrix.identity(7)))
                .isEqualTo(1.0);
    }
}
