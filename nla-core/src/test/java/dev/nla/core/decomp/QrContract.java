package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
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
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link Qr}, shared by every implementation. Ratios are LAPACK's (see {@link
 * LapackRatios}): a backward-stable QR has \(\|A - QR\|_F / (\max(m,n) u \|A\|_F)\) and
 * \(\|Q^{\mathsf T}Q - I\|_F / (n u)\) of order one [Higham 2002, Thm 19.4], so the acceptance
 * threshold 30 holds with room, while an unstable method (e.g. Gram-Schmidt on an ill-conditioned
 * matrix) exceeds it by orders of magnitude.
 */
public abstract class QrContract {
    /** Default tier: 120 general matrices up to 300 rows or columns. */
    static final List<Case> CASES = MatrixFamilies.general(120, 300, 20240601L);

    /** The implementation under test. */
    protected abstract Qr create();

    static Stream<Case> cases() {
        return CASES.stream();
    }

    static Stream<Case> manyCases() {
        return MatrixFamilies.general(1000, 500, 777L).stream();
    }

    // ------------------------------------------------------------------ accuracy

    @ParameterizedTest
    @MethodSource("cases")
    void thinFactorsReproduceTheMatrix(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.THIN);
        assertThat(LapackRatios.residualRatio(c.matrix(), qr.q(), qr.r())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void thinQHasOrthonormalColumns(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.THIN);
        assertThat(LapackRatios.orthogonalityRatio(qr.q())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void thinShapesAreMByKAndKByN(Case c) {
        DenseMatrix a = c.matrix();
        int k = Math.min(a.rows(), a.cols());
        QrResult qr = create().decompose(a, QrMode.THIN);
        assertThat(new int[] {
                    qr.q().rows(), qr.q().cols(), qr.r().rows(), qr.r().cols()
                })
                .containsExactly(a.rows(), k, k, a.cols());
    }

    @ParameterizedTest
    @MethodSource("cases")
    void rIsExactlyUpperTrapezoidal(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.THIN);
        assertThat(LapackRatios.belowDiagonal(qr.r())).isZero();
    }

    @ParameterizedTest
    @MethodSource("cases")
    void compactFormGivesTheSameFactorization(Case c) {
        Qr qr = create();
        CompactQr f = qr.factor(c.matrix());
        DenseMatrix q = qr.q(f, QrMode.THIN);
        assertThat(Math.max(LapackRatios.residualRatio(c.matrix(), q, f.r()), LapackRatios.orthogonalityRatio(q)))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void qTransposeTimesAIsR(Case c) {
        // Q^T A = R + Q^T (A - QR): backward stability bounds the difference by the same ratio.
        Qr qr = create();
        CompactQr f = qr.factor(c.matrix());
        DenseMatrix qta = qr.multiplyQ(f, Transpose.TRANSPOSE, c.matrix());
        assertThat(LapackRatios.residualRatio(c.matrix(), qr.q(f, QrMode.FULL), qta))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fullQIsSquareOrthogonal(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.FULL);
        assertThat(qr.q().rows()).isEqualTo(qr.q().cols());
        assertThat(LapackRatios.orthogonalityRatio(qr.q())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void fullFactorsReproduceTheMatrix(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.FULL);
        assertThat(LapackRatios.residualRatio(c.matrix(), qr.q(), qr.r())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest
    @MethodSource("cases")
    void inputIsNotModified(Case c) {
        DenseMatrix before = c.matrix().copy();
        create().decompose(c.matrix(), QrMode.THIN);
        create().factor(c.matrix());
        assertThatMatrix(c.matrix()).isBitwiseEqualTo(before);
    }

    /** Several panels (more than 256 columns), tall and wide. */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"700, 300", "300, 700", "520, 520", "2000, 40"})
    void blockedPathsAreAccurate(int rows, int cols) {
        DenseMatrix a = TestMatrices.withSingularValues(
                rows,
                cols,
                TestMatrices.exponentialDecay(Math.min(rows, cols), 1e12),
                RngState.seed(rows * 31L + cols));
        QrResult qr = create().decompose(a, QrMode.THIN);
        assertThat(Math.max(LapackRatios.residualRatio(a, qr.q(), qr.r()), LapackRatios.orthogonalityRatio(qr.q())))
                .isLessThan(THRESHOLD);
    }

    /**
     * Constant tall matrices: rank one, and the rounding noise of the trailing columns has many equal
     * entries, so the rounding errors of long Gram products add up coherently. With plain (SYRK/GEMM)
     * Gram products in the compact-WY factor, the Java QR had orthogonality ratios of 58, 110 and 122
     * on these three shapes; LAPACK has about 6, 6 and 23.
     */
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"233, 8", "2000, 200", "5000, 17"})
    void constantTallMatricesKeepOrthogonality(int rows, int cols) {
        DenseMatrix a = DenseMatrix.zeros(rows, cols);
        a.fill(1.0);
        QrResult qr = create().decompose(a, QrMode.THIN);
        assertThat(LapackRatios.orthogonalityRatio(qr.q())).isLessThan(THRESHOLD);
    }

    @Tag("slow")
    @ParameterizedTest
    @MethodSource("manyCases")
    void thousandMatricesMeetBothRatios(Case c) {
        QrResult qr = create().decompose(c.matrix(), QrMode.THIN);
        assertThat(Math.max(
                        LapackRatios.residualRatio(c.matrix(), qr.q(), qr.r()),
                        LapackRatios.orthogonalityRatio(qr.q())))
                .isLessThan(THRESHOLD);
    }

    // ------------------------------------------------------------------ applying Q

    @ParameterizedTest(name = "{0} {1} with {2} columns")
    @CsvSource({
        "LEFT, NO_TRANSPOSE, 3",
        "LEFT, TRANSPOSE, 3",
        "RIGHT, NO_TRANSPOSE, 3",
        "RIGHT, TRANSPOSE, 3",
        "LEFT, NO_TRANSPOSE, 45",
        "LEFT, TRANSPOSE, 45",
        "RIGHT, NO_TRANSPOSE, 45",
        "RIGHT, TRANSPOSE, 45"
    })
    void applyQMatchesTheExplicitProduct(Side side, Transpose trans, int p) {
        DenseMatrix a = TestMatrices.gaussian(90, 70, RngState.seed(5));
        Qr qr = create();
        CompactQr f = qr.factor(a);
        DenseMatrix fullQ = qr.q(f, QrMode.FULL);
        DenseMatrix op = trans == Transpose.TRANSPOSE ? LapackRatios.transpose(fullQ) : fullQ;
        DenseMatrix c = side == Side.LEFT
                ? TestMatrices.gaussian(90, p, RngState.seed(6))
                : TestMatrices.gaussian(p, 90, RngState.seed(6));
        DenseMatrix expected = side == Side.LEFT ? LapackRatios.product(op, c) : LapackRatios.product(c, op);
        DenseMatrix actual = c.copy();
        qr.applyQ(f, side, trans, actual);
        // Both are products by an orthogonal matrix up to O(m u): ratio of the difference to ||C||.
        assertThat(LapackRatios.residualRatio(expected, actual)).isLessThan(THRESHOLD);
    }

    @Test
    void factorInPlaceOverwritesAndReturnsTheSameStorage() {
        DenseMatrix a = TestMatrices.gaussian(30, 12, RngState.seed(8));
        DenseMatrix work = a.copy();
        CompactQr f = create().factorInPlace(work);
        assertThat(f.factors()).isSameAs(work);
    }

    @Test
    void factorInPlaceAgreesWithFactor() {
        DenseMatrix a = TestMatrices.gaussian(30, 12, RngState.seed(8));
        CompactQr inPlace = create().factorInPlace(a.copy());
        CompactQr copied = create().factor(a);
        assertThatMatrix(inPlace.factors()).isBitwiseEqualTo(copied.factors());
    }

    @Test
    void sparseInputIsFactored() {
        SparseMatrix s = SparseMatrix.builder(6, 4)
                .add(0, 0, 2.0)
                .add(3, 1, -1.0)
                .add(5, 2, 4.0)
                .add(1, 3, 0.5)
                .add(2, 3, 1.5)
                .build(SparseMatrix.Format.CSR);
        QrResult qr = create().decompose(s, QrMode.THIN);
        assertThat(LapackRatios.residualRatio(s.toDense(), qr.q(), qr.r())).isLessThan(THRESHOLD);
    }

    @Test
    void factorsOfOneImplementationWorkWithAnother() {
        DenseMatrix a = TestMatrices.gaussian(40, 25, RngState.seed(9));
        CompactQr f = create().factor(a);
        DenseMatrix q = Decompositions.qr().q(f, QrMode.THIN);
        assertThat(LapackRatios.residualRatio(a, q, f.r())).isLessThan(THRESHOLD);
    }

    // ------------------------------------------------------------------ bad input

    @Test
    void nonFiniteInputIsRejectedWithItsPosition() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {3, Double.NaN}, {5, 6}});
        assertThatThrownBy(() -> create().decompose(a, QrMode.THIN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 1)");
    }

    @Test
    void infiniteInputIsRejectedByFactorInPlaceWithoutModifyingIt() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {Double.NEGATIVE_INFINITY, 4}});
        DenseMatrix before = a.copy();
        assertThatThrownBy(() -> create().factorInPlace(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
        assertThatMatrix(a).isBitwiseEqualTo(before);
    }

    @Test
    void applyQRejectsAWrongShape() {
        CompactQr f = create().factor(TestMatrices.gaussian(8, 3, RngState.seed(1)));
        assertThatThrownBy(() -> create().applyQ(f, Side.LEFT, Transpose.NO_TRANSPOSE, DenseMatrix.zeros(7, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("8x8")
                .hasMessageContaining("7x2");
    }

    @Test
    void applyQRejectsAnOperandSharingTheFactorsStorage() {
        Qr qr = create();
        CompactQr f = qr.factor(TestMatrices.gaussian(8, 3, RngState.seed(1)));
        DenseMatrix alias = f.factors().view(0, 0, 8, 1);
        assertThatThrownBy(() -> qr.applyQ(f, Side.LEFT, Transpose.TRANSPOSE, alias))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }

    @Test
    void nullArgumentsAreNamed() {
        assertThatThrownBy(() -> create().decompose(null, QrMode.THIN))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a");
    }
}
