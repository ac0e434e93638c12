package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link PivotedCholesky}. On positive semidefinite matrices of rank \(r\) with
 * well-separated spectrum (nonzero eigenvalues \(\ge 10^{-6}\), the rest exactly 0) the numerical
 * rank is \(r\) and \(\|P^{\mathsf T}AP - LL^{\mathsf T}\|_F = O(nu\|A\|_F)\) [Higham 2002, Thm
 * 10.14], so the LAPACK ratio is of order one.
 */
public abstract class PivotedCholeskyContract {
    static final List<Case> PSD = MatrixFamilies.positiveSemidefinite(80, 200, 515L);
    static final List<Case> SPD = MatrixFamilies.symmetricPositiveDefinite(40, 200, 616L);

    /** The implementation under test. */
    protected abstract PivotedCholesky create();

    static Stream<Case> psd() {
        return PSD.stream();
    }

    static Stream<Case> spd() {
        return SPD.stream();
    }

    static Stream<Case> manyCases() {
        return MatrixFamilies.positiveSemidefinite(1000, 400, 717L).stream();
    }

    private static double ratio(Case c, PivotedCholeskyResult f) {
        DenseMatrix pap =
                LapackRatios.permuteColumns(LapackRatios.permuteRows(c.matrix(), f.permutation()), f.permutation());
        return LapackRatios.residualRatio(pap, f.l(), LapackRatios.transpose(f.l()));
    }

    @ParameterizedTest
    @MethodSource("psd")
    void semidefiniteFactorsReproduceTheMatrix(Case c) {
        assertThat(ratio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("psd")
    void rankIsRevealed(Case c) {
        assertThat(create().factor(c.matrix()).rank()).isEqualTo(MatrixFamilies.rankOf(c));
    }

    @ParameterizedTest
    @MethodSource("spd")
    void definiteMatricesHaveFullRankAtToleranceZero(Case c) {
        // Tolerance 0: every positive pivot is taken (the default n u would stop early on the
        // graded matrices, whose smallest diagonal entries are 1e-14 of the largest).
        PivotedCholeskyResult f = create().factor(c.matrix(), 0.0);
        assertThat(f.rank()).isEqualTo(c.matrix().rows());
        assertThat(ratio(c, f)).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("psd")
    void diagonalOfLIsNonIncreasing(Case c) {
        DenseMatrix l = create().factor(c.matrix()).l();
        for (int i = 1; i < l.cols(); i++) {
            // The pivots are the largest remaining Schur-complement diagonals, non-increasing in
            // exact arithmetic; rounding can break a near-tie by O(n u max a_ii).
            assertThat(l.get(i, i) * l.get(i, i))
                    .isLessThanOrEqualTo(l.get(i - 1, i - 1) * l.get(i - 1, i - 1) + 1e-12 * l.get(0, 0) * l.get(0, 0));
        }
    }

    @ParameterizedTest
    @MethodSource("psd")
    void inputIsNotModified(Case c) {
        DenseMatrix before = c.matrix().copy();
        create().factor(c.matrix());
        assertThatMatrix(c.matrix()).isBitwiseEqualTo(before);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("manyCases")
    void thousandMatricesMeetTheRatioAndTheRank(Case c) {
        PivotedCholeskyResult f = create().factor(c.matrix());
        assertThat(f.rank()).isEqualTo(MatrixFamilies.rankOf(c));
        assertThat(ratio(c, f)).isLessThan(THRESHOLD);
    }

    @Test
    void toleranceChangesTheRank() {
        double[] lambda = TestMatrices.exponentialDecay(30, 1e12);
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(1));
        assertThat(create().factor(a, 1e-3).rank())
                .isLessThan(create().factor(a, 1e-9).rank());
    }

    @Test
    void largestDiagonalIsTheFirstPivot() {
        DenseMatrix a = DenseMatrix.diagonal(1, 5, 3, 9, 2);
        assertThat(create().factor(a).permutation()[0]).isEqualTo(3);
    }

    @Test
    void zeroMatrixHasRankZero() {
        assertThat(create().factor(DenseMatrix.zeros(5, 5)).rank()).isZero();
    }

    @Test
    void indefiniteMatrixIsRejected() {
        DenseMatrix a = DenseMatrix.diagonal(1, 2, -1);
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("-1.0");
    }

    @Test
    void onlyTheLowerTriangleIsRead() {
        DenseMatrix a = TestMatrices.randomSpd(12, 100, RngState.seed(2));
        DenseMatrix garbage = a.copy();
        for (int j = 0; j < 12; j++) {
            for (int i = 0; i < j; i++) {
                garbage.set(i, j, Double.NaN);
            }
        }
        assertThatMatrix(create().factor(garbage).l())
                .isBitwiseEqualTo(create().factor(a).l());
    }

    @Test
    void nonFiniteEntryIsRejectedWithItsPosition() {
        DenseMatrix a = DenseMatrix.identity(4);
        a.set(2, 1, Double.NaN);
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 1)");
    }

    @Test
    void rectangularMatrixIsRejected() {
        assertThatThrownBy(() -> create().factor(DenseMatrix.zeros(4, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("4x3");
    }

    @Test
    void negativeToleranceIsRejected() {
        assertThatThrownBy(() -> create().factor(DenseMatrix.identity(2), -0.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.5");
    }
}
