package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.MatrixFamilies;
import dev.nla.core.testing.MatrixFamilies.Case;
import dev.nla.core.testing.TestMatrices;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link PivotedQr}: backward stability of \(AP = QR\) (same ratios as Householder
 * QR [Higham 2002, Thm 19.4], since pivoting only permutes the columns), the pivoting property
 * \(|r_{11}| \ge |r_{22}| \ge \cdots\), and the numerical rank.
 */
public abstract class PivotedQrContract {
    static final List<Case> CASES = MatrixFamilies.general(120, 300, 8080L);

    /** The implementation under test. */
    protected abstract PivotedQr create();

    static Stream<Case> cases() {
        return CASES.stream();
    }

    static Stream<Case> manyCases() {
        return MatrixFamilies.general(1000, 500, 9090L).stream();
    }

    private static double residualRatio(Case c, PivotedQrResult f) {
        DenseMatrix q = Decompositions.qr().q(f.qr(), QrMode.THIN);
        DenseMatrix ap = LapackRatios.permuteColumns(c.matrix(), f.permutation());
        return Math.max(LapackRatios.residualRatio(ap, q, f.qr().r()), LapackRatios.orthogonalityRatio(q));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void factorsReproduceThePermutedMatrix(Case c) {
        assertThat(residualRatio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void diagonalOfRIsNonIncreasing(Case c) {
        DenseMatrix f = create().factor(c.matrix()).qr().factors();
        int k = Math.min(f.rows(), f.cols());
        // Exact in exact arithmetic; the downdated norms are accurate to about sqrt(u) relative
        // (LAPACK's tol3z), so a later pivot can exceed an earlier one by that much, plus rounding
        // at the level of u ||A|| (1e-13 |r_11| is about 1000 u |r_11|).
        double slack = 1e-13 * Math.abs(k > 0 ? f.get(0, 0) : 0);
        for (int i = 1; i < k; i++) {
            assertThat(Math.abs(f.get(i, i))).isLessThanOrEqualTo(Math.abs(f.get(i - 1, i - 1)) * (1 + 1e-7) + slack);
        }
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
    void thousandMatricesMeetBothRatios(Case c) {
        assertThat(residualRatio(c, create().factor(c.matrix()))).isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0}x{1} of rank {2}")
    @CsvSource({"60, 40, 7", "40, 60, 13", "300, 200, 150", "200, 300, 1", "120, 120, 0", "150, 100, 100"})
    void rankRevealsExactRankDeficiency(int rows, int cols, int rank) {
        double[] sigma = new double[Math.min(rows, cols)];
        for (int i = 0; i < rank; i++) {
            sigma[i] = Math.pow(10, -4.0 * i / Math.max(rank, 1));
        }
        DenseMatrix a = TestMatrices.withSingularValues(rows, cols, sigma, RngState.seed(rows + cols + rank));
        assertThat(create().factor(a).rank()).isEqualTo(rank);
    }

    @Test
    void toleranceChangesTheRank() {
        // sigma_i = 10^-i: the rank at tolerance 10^-5.5 is about 6, at 10^-10.5 about 11.
        double[] sigma = new double[16];
        for (int i = 0; i < 16; i++) {
            sigma[i] = Math.pow(10, -i);
        }
        PivotedQrResult f = create().factor(TestMatrices.withSingularValues(80, 16, sigma, RngState.seed(3)));
        assertThat(f.rank(1e-10)).isGreaterThan(f.rank(1e-5)).isGreaterThan(f.rank(1e-1));
    }

    @Test
    void pivotingMovesTheLargestColumnFirst() {
        DenseMatrix a = TestMatrices.gaussian(50, 30, RngState.seed(4));
        for (int i = 0; i < 50; i++) {
            a.set(i, 17, 100 * a.get(i, 17));
        }
        assertThat(create().factor(a).permutation()[0]).isEqualTo(17);
    }

    @Test
    void perturbedKahanMatrixIsNotPermuted() {
        // Higham's gallery('kahan', 80, 1.2, 25): strictly decreasing trailing column norms, so
        // column pivoting keeps the natural order (see TestMatrices.kahanPerturbed).
        DenseMatrix k = TestMatrices.kahanPerturbed(80, 1.2, 25);
        assertThat(create().factor(k).permutation())
                .containsExactly(IntStream.range(0, 80).toArray());
    }

    @Test
    void factorInPlaceReturnsTheSameStorage() {
        DenseMatrix a = TestMatrices.gaussian(20, 10, RngState.seed(5));
        assertThat(create().factorInPlace(a).qr().factors()).isSameAs(a);
    }

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        DenseMatrix a = TestMatrices.gaussian(5, 4, RngState.seed(6));
        a.set(4, 3, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> create().factor(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(4, 3)");
    }

    @Test
    void negativeToleranceIsRejected() {
        PivotedQrResult f = create().factor(DenseMatrix.identity(3));
        assertThatThrownBy(() -> f.rank(-1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.001");
    }
}
