package dev.nla.sketch.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every sketching operator satisfies (EJML-style contract test: one subclass per
 * operator). Exactness: applying the operator equals multiplying by its explicit matrix {@code
 * toDense()} (built entry by entry from the definition, not by applying the operator) within the
 * componentwise GEMM bound \(2\gamma_{k+2}|S||A|\) [Higham 2002, §3.5], for dense, sparse (CSR, CSC)
 * and matrix-free inputs, from the left, the right and transposed, including shapes with a single row
 * or column and odd sizes. Reproducibility: blocks and resized operators reproduce entries bitwise;
 * the same state gives bitwise-identical results for 1, 2 and 3 threads; different states differ.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SketchingOperatorContract {
    /** The distribution of a {@code d x m} sketch of the kind under test. */
    abstract SketchingDistribution distribution(int d, int m);

    /** Whether the kind supports this shape (e.g. sampling without replacement needs d <= m). */
    boolean supports(int d, int m) {
        return true;
    }

    /**
     * Entrywise bound for comparing the operator's \(SA\) with the explicit product; the GEMM bound
     * unless the operator uses a transform with its own rounding (overridden there).
     */
    DenseMatrix bound(DenseMatrix s, DenseMatrix a) {
        return Tolerances.gemmBound(1.0, s, a, 0.0, null);
    }

    SketchingOperator sample(int d, int m, long seed) {
        return distribution(d, m).sample(RngState.seed(seed)).value();
    }

    Stream<Arguments> cases() {
        int[][] shapes = {{1, 1}, {1, 6}, {5, 1}, {3, 7}, {7, 3}, {13, 40}, {9, 64}, {20, 21}};
        int[] widths = {1, 3, 17};
        List<Arguments> list = new ArrayList<>();
        int k = 0;
        for (int[] s : shapes) {
            if (supports(s[0], s[1])) {
                list.add(Arguments.of(s[0], s[1], widths[k++ % widths.length]));
            }
        }
        return list.stream();
    }

    private void checkLeft(SketchingOperator s, Matrix a, DenseMatrix actual) {
        DenseMatrix explicit = s.toDense();
        DenseMatrix ad = a.toDense();
        assertThatMatrix(actual).isCloseEntrywise(Inputs.multiply(explicit, ad), bound(explicit, ad));
    }

    private void checkRight(SketchingOperator s, Matrix a, DenseMatrix actual) {
        // A S^T = (S A^T)^T: compare transposes so that the same bound applies.
        DenseMatrix explicit = s.toDense();
        DenseMatrix at = a.toDense().transpose();
        assertThatMatrix(actual.transpose()).isCloseEntrywise(Inputs.multiply(explicit, at), bound(explicit, at));
    }

    // ------------------------------------------------------------------ exactness

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyLeftOfDenseMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 11);
        DenseMatrix a = Inputs.dense(m, n, 12);
        checkLeft(s, a, s.applyLeft(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyLeftOfCsrMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 13);
        SparseMatrix a = Inputs.sparse(m, n, 0.3, SparseMatrix.Format.CSR, 14);
        checkLeft(s, a, s.applyLeft(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyLeftOfCscMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 15);
        SparseMatrix a = Inputs.sparse(m, n, 0.3, SparseMatrix.Format.CSC, 16);
        checkLeft(s, a, s.applyLeft(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyLeftOfMatrixFreeOperatorMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 17);
        DenseMatrix a = Inputs.dense(m, n, 18);
        checkLeft(s, a, s.applyLeft(Inputs.matrixFree(a)));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyLeftOfExplicitOperatorMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 19);
        DenseMatrix a = Inputs.dense(m, n, 20);
        checkLeft(s, a, s.applyLeft(LinearOperator.of(a)));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyRightOfDenseMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 21);
        DenseMatrix a = Inputs.dense(n, m, 22);
        checkRight(s, a, s.applyRight(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyRightOfCsrMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 23);
        SparseMatrix a = Inputs.sparse(n, m, 0.3, SparseMatrix.Format.CSR, 24);
        checkRight(s, a, s.applyRight(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyRightOfCscMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 25);
        SparseMatrix a = Inputs.sparse(n, m, 0.3, SparseMatrix.Format.CSC, 26);
        checkRight(s, a, s.applyRight(a));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void applyRightOfMatrixFreeOperatorMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 27);
        DenseMatrix a = Inputs.dense(n, m, 28);
        checkRight(s, a, s.applyRight(Inputs.matrixFree(a)));
    }

    @ParameterizedTest(name = "{0}x{1}, n={2}")
    @MethodSource("cases")
    void transposeApplyMatchesExplicitProduct(int d, int m, int n) {
        SketchingOperator s = sample(d, m, 29);
        DenseMatrix x = Inputs.dense(d, n, 30);
        DenseMatrix st = s.toDense().transpose();
        assertThatMatrix(Inputs.transposeApply(s, x)).isCloseEntrywise(Inputs.multiply(st, x), bound(st, x));
    }

    @Test
    void applyLeftIntoAViewWritesOnlyTheView() {
        SketchingOperator s = sample(6, 11, 31);
        DenseMatrix a = Inputs.dense(11, 4, 32);
        DenseMatrix big = DenseMatrix.zeros(10, 7);
        big.fill(Double.NaN);
        DenseMatrix view = big.view(2, 1, 6, 4);
        s.applyLeft(a, view);
        checkLeft(s, a, view.copy());
        assertThat(big.get(0, 0)).isNaN();
    }

    @Test
    void applyRightIntoAViewMatchesExplicitProduct() {
        SketchingOperator s = sample(6, 11, 33);
        DenseMatrix a = Inputs.dense(5, 11, 34);
        DenseMatrix big = DenseMatrix.zeros(9, 9);
        big.fill(Double.NaN);
        DenseMatrix view = big.view(3, 2, 5, 6);
        s.applyRight(a, view);
        checkRight(s, a, view.copy());
    }

    @Test
    void applyLeftOfAnInputViewMatchesExplicitProduct() {
        SketchingOperator s = sample(6, 11, 35);
        DenseMatrix big = Inputs.dense(20, 12, 36);
        DenseMatrix a = big.view(4, 3, 11, 9);
        checkLeft(s, a, s.applyLeft(a));
    }

    @Test
    void applyAsLinearOperatorEqualsApplyLeft() {
        SketchingOperator s = sample(7, 30, 37);
        DenseMatrix a = Inputs.dense(30, 9, 38);
        assertThatMatrix(s.apply(a)).isBitwiseEqualTo(s.applyLeft(a));
    }

    @Test
    void matrixIsEmptyAndShapeIsDByM() {
        SketchingOperator s = sample(7, 30, 39);
        assertThat(s.matrix()).isEmpty();
        assertThat(s.shape()).isEqualTo(new dev.nla.core.matrix.Shape(7, 30));
    }

    @Test
    void emptyInputGivesEmptyResult() {
        SketchingOperator s = sample(4, 9, 40);
        assertThatMatrix(s.applyLeft(DenseMatrix.zeros(9, 0))).hasShape(4, 0);
    }

    // ------------------------------------------------------------------ reproducibility

    @Test
    void sameStateGivesBitwiseIdenticalEntries() {
        assertThatMatrix(sample(9, 33, 41).toDense())
                .isBitwiseEqualTo(sample(9, 33, 41).toDense());
    }

    @Test
    void differentStatesGiveDifferentEntries() {
        assertThat(sample(9, 33, 42).toDense().toColumnMajorArray())
                .isNotEqualTo(sample(9, 33, 43).toDense().toColumnMajorArray());
    }

    @Test
    void resamplingTheDistributionWithTheStateReproducesTheOperator() {
        SketchingOperator s = sample(9, 33, 44);
        SketchingOperator again = s.distribution().sample(s.state()).value();
        assertThatMatrix(again.toDense()).isBitwiseEqualTo(s.toDense());
    }

    @Test
    void nextStateDiffersFromTheState() {
        RngState state = RngState.seed(45);
        Sampled<SketchingOperator> sampled = distribution(9, 33).sample(state);
        assertThat(sampled.next()).isNotEqualTo(state);
    }

    @Test
    void nextStateGivesADifferentSketch() {
        Sampled<SketchingOperator> first = distribution(9, 33).sample(RngState.seed(46));
        SketchingOperator second = distribution(9, 33).sample(first.next()).value();
        assertThat(second.toDense().toColumnMajorArray())
                .isNotEqualTo(first.value().toDense().toColumnMajorArray());
    }

    @Test
    void applyLeftIsBitwiseIdenticalForOneTwoAndThreeThreads() {
        SketchingOperator s = sample(64, 3000, 47);
        DenseMatrix a = Inputs.dense(3000, 40, 48);
        DenseMatrix one = Inputs.withThreads(1, () -> s.applyLeft(a));
        for (int t : new int[] {2, 3}) {
            assertThatMatrix(Inputs.withThreads(t, () -> s.applyLeft(a)))
                    .as("%d threads", t)
                    .isBitwiseEqualTo(one);
        }
    }

    @Test
    void applyRightIsBitwiseIdenticalForOneAndTwoThreads() {
        SketchingOperator s = sample(64, 3000, 49);
        DenseMatrix a = Inputs.dense(40, 3000, 50);
        DenseMatrix one = Inputs.withThreads(1, () -> s.applyRight(a));
        assertThatMatrix(Inputs.withThreads(2, () -> s.applyRight(a))).isBitwiseEqualTo(one);
    }

    @Test
    void transposeApplyIsBitwiseIdenticalForOneAndTwoThreads() {
        SketchingOperator s = sample(64, 3000, 51);
        DenseMatrix x = Inputs.dense(64, 40, 52);
        DenseMatrix one = Inputs.withThreads(1, () -> Inputs.transposeApply(s, x));
        assertThatMatrix(Inputs.withThreads(2, () -> Inputs.transposeApply(s, x)))
                .isBitwiseEqualTo(one);
    }

    @Test
    void sparseApplyLeftIsBitwiseIdenticalForOneAndTwoThreads() {
        SketchingOperator s = sample(64, 3000, 53);
        SparseMatrix a = Inputs.sparse(3000, 40, 0.2, SparseMatrix.Format.CSC, 54);
        DenseMatrix one = Inputs.withThreads(1, () -> s.applyLeft(a));
        assertThatMatrix(Inputs.withThreads(2, () -> s.applyLeft(a))).isBitwiseEqualTo(one);
    }

    @Test
    void applyLeftIsBitwiseIdenticalOnRepeatedCalls() {
        SketchingOperator s = sample(16, 500, 55);
        DenseMatrix a = Inputs.dense(500, 9, 56);
        assertThatMatrix(s.applyLeft(a)).isBitwiseEqualTo(s.applyLeft(a));
    }

    // ------------------------------------------------------------------ blocks and resizing

    @Test
    void blockEntriesEqualTheParentsBitwise() {
        SketchingOperator s = sample(12, 40, 57);
        SketchingOperator b = s.block(3, 5, 7, 30);
        assertThatMatrix(b.toDense()).isBitwiseEqualTo(s.toDense().view(3, 5, 7, 30));
    }

    @Test
    void blockOfABlockEqualsTheBlockOfTheParent() {
        SketchingOperator s = sample(12, 40, 58);
        SketchingOperator bb = s.block(2, 4, 9, 30).block(1, 3, 6, 20);
        assertThatMatrix(bb.toDense()).isBitwiseEqualTo(s.toDense().view(3, 7, 6, 20));
    }

    @Test
    void blockAppliesAsItsExplicitMatrix() {
        SketchingOperator b = sample(12, 40, 59).block(3, 5, 7, 30);
        DenseMatrix a = Inputs.dense(30, 5, 60);
        checkLeft(b, a, b.applyLeft(a));
    }

    @Test
    void blockAppliesFromTheRightAsItsExplicitMatrix() {
        SketchingOperator b = sample(12, 40, 61).block(3, 5, 7, 30);
        DenseMatrix a = Inputs.dense(4, 30, 62);
        checkRight(b, a, b.applyRight(a));
    }

    @Test
    void blockTransposeAppliesAsItsExplicitMatrix() {
        SketchingOperator b = sample(12, 40, 63).block(3, 5, 7, 30);
        DenseMatrix x = Inputs.dense(7, 3, 64);
        DenseMatrix bt = b.toDense().transpose();
        assertThatMatrix(Inputs.transposeApply(b, x)).isCloseEntrywise(Inputs.multiply(bt, x), bound(bt, x));
    }

    @Test
    void blockDistributionIsASketchBlockThatReproducesTheBlock() {
        SketchingOperator b = sample(12, 40, 65).block(3, 5, 7, 30);
        assertThat(b.distribution()).isEqualTo(new SketchBlock(distribution(12, 40), 3, 5, 7, 30));
        assertThatMatrix(b.distribution().sample(b.state()).value().toDense()).isBitwiseEqualTo(b.toDense());
    }

    @Test
    void wholeBlockIsTheOperatorItself() {
        SketchingOperator s = sample(12, 40, 66);
        assertThat(s.block(0, 0, 12, 40)).isSameAs(s);
    }

    @Test
    void blockOutsideTheSketchIsRejected() {
        SketchingOperator s = sample(12, 40, 67);
        assertThatThrownBy(() -> s.block(10, 0, 3, 40))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("3x40 at (10, 0)")
                .hasMessageContaining("12x40");
    }

    @Test
    void emptyBlockIsRejected() {
        SketchingOperator s = sample(12, 40, 68);
        assertThatThrownBy(() -> s.block(0, 0, 0, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0x4");
    }

    @ParameterizedTest
    @EnumSource(SketchingOperator.Axis.class)
    void resizeAlongAResizableAxisKeepsTheEntries(SketchingOperator.Axis axis) {
        SketchingOperator s = sample(12, 40, 69);
        org.junit.jupiter.api.Assumptions.assumeTrue(s.canResize(axis), axis + " is not resizable");
        int d2 = axis == SketchingOperator.Axis.ROWS ? 17 : 12;
        int m2 = axis == SketchingOperator.Axis.COLUMNS ? 51 : 40;
        SketchingOperator grown = s.resize(d2, m2);
        assertThatMatrix(grown.toDense().view(0, 0, 12, 40)).isBitwiseEqualTo(s.toDense());
    }

    @ParameterizedTest
    @EnumSource(SketchingOperator.Axis.class)
    void shrinkAlongAResizableAxisKeepsTheEntries(SketchingOperator.Axis axis) {
        SketchingOperator s = sample(12, 40, 70);
        org.junit.jupiter.api.Assumptions.assumeTrue(s.canResize(axis), axis + " is not resizable");
        int d2 = axis == SketchingOperator.Axis.ROWS ? 9 : 12;
        int m2 = axis == SketchingOperator.Axis.COLUMNS ? 31 : 40;
        assertThatMatrix(s.resize(d2, m2).toDense())
                .isBitwiseEqualTo(s.toDense().view(0, 0, d2, m2));
    }

    @ParameterizedTest
    @EnumSource(SketchingOperator.Axis.class)
    void resizeAlongAFixedAxisIsRejected(SketchingOperator.Axis axis) {
        SketchingOperator s = sample(12, 40, 71);
        org.junit.jupiter.api.Assumptions.assumeFalse(s.canResize(axis), axis + " is resizable");
        int d2 = axis == SketchingOperator.Axis.ROWS ? 13 : 12;
        int m2 = axis == SketchingOperator.Axis.COLUMNS ? 41 : 40;
        assertThatThrownBy(() -> s.resize(d2, m2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot be resized");
    }

    @Test
    void resizeToTheSameSizeIsTheOperatorItself() {
        SketchingOperator s = sample(12, 40, 72);
        assertThat(s.resize(12, 40)).isSameAs(s);
    }

    @Test
    void blocksCannotBeResized() {
        SketchingOperator b = sample(12, 40, 73).block(1, 1, 5, 20);
        assertThat(b.canResize(SketchingOperator.Axis.ROWS) || b.canResize(SketchingOperator.Axis.COLUMNS))
                .isFalse();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void applyLeftRejectsWrongRowCount() {
        SketchingOperator s = sample(5, 9, 74);
        assertThatThrownBy(() -> s.applyLeft(DenseMatrix.zeros(8, 3)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x9")
                .hasMessageContaining("8x3");
    }

    @Test
    void applyRightRejectsWrongColumnCount() {
        SketchingOperator s = sample(5, 9, 75);
        assertThatThrownBy(() -> s.applyRight(DenseMatrix.zeros(3, 8)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x9")
                .hasMessageContaining("3x8");
    }

    @Test
    void applyLeftOfOperatorRejectsWrongRowCount() {
        SketchingOperator s = sample(5, 9, 76);
        assertThatThrownBy(() -> s.applyLeft(Inputs.matrixFree(DenseMatrix.zeros(8, 3))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("8x3");
    }

    @Test
    void applyRightOfOperatorRejectsWrongColumnCount() {
        SketchingOperator s = sample(5, 9, 77);
        assertThatThrownBy(() -> s.applyRight(Inputs.matrixFree(DenseMatrix.zeros(3, 8))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x8");
    }

    @Test
    void applyLeftIntoRejectsWrongOutputShape() {
        SketchingOperator s = sample(5, 9, 78);
        assertThatThrownBy(() -> s.applyLeft(DenseMatrix.zeros(9, 3), DenseMatrix.zeros(5, 4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x3")
                .hasMessageContaining("5x4");
    }

    @Test
    void applyRightIntoRejectsWrongOutputShape() {
        SketchingOperator s = sample(5, 9, 79);
        assertThatThrownBy(() -> s.applyRight(DenseMatrix.zeros(3, 9), DenseMatrix.zeros(4, 5)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x5")
                .hasMessageContaining("4x5");
    }

    @Test
    void applyLeftIntoRejectsAliasedOutput() {
        SketchingOperator s = sample(5, 9, 80);
        DenseMatrix big = DenseMatrix.zeros(9, 6);
        assertThatThrownBy(() -> s.applyLeft(big.columns(0, 3), big.view(0, 1, 5, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }

    @Test
    void applyLeftRejectsNull() {
        SketchingOperator s = sample(5, 9, 81);
        assertThatThrownBy(() -> s.applyLeft((Matrix) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a");
    }

    @Test
    void applyRightRejectsNullOperator() {
        SketchingOperator s = sample(5, 9, 82);
        assertThatThrownBy(() -> s.applyRight((LinearOperator) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("a");
    }

    @Test
    void transposeApplyRejectsWrongShape() {
        SketchingOperator s = sample(5, 9, 83);
        assertThatThrownBy(() -> s.apply(Transpose.TRANSPOSE, DenseMatrix.zeros(9, 2), DenseMatrix.zeros(9, 2)))
                .isInstanceOf(DimensionMismatchException.class);
    }

    @Test
    void sampleRejectsNullState() {
        assertThatThrownBy(() -> distribution(5, 9).sample(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("state");
    }

    @Test
    void resizeRejectsSizeBelowOne() {
        SketchingOperator s = sample(5, 9, 84);
        assertThatThrownBy(() -> s.resize(0, 9))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows")
                .hasMessageContaining("0");
    }
}
