package dev.nla.core.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.Shape;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link LinearOperator} contract: validation, aliasing, sharing, size limits, the combinator algebra. */
class LinearOperatorTest {
    private static final Transpose N = Transpose.NO_TRANSPOSE;
    private static final Transpose T = Transpose.TRANSPOSE;

    private static DenseMatrix gaussian(int rows, int cols, long seed) {
        return OperatorCases.gaussian(rows, cols, seed);
    }

    /** One 3x4 operator of every kind (square kinds are 4x4 and shown as such). */
    static Stream<LinearOperator> operators() {
        DenseMatrix a = gaussian(3, 4, 1);
        return Stream.of(
                LinearOperator.of(a),
                LinearOperator.of(SparseMatrix.fromDense(a, SparseMatrix.Format.CSR)),
                LinearOperator.identity(4),
                LinearOperator.diagonal(1, 2, 3, 4),
                LinearOperator.of(a).scale(2),
                LinearOperator.of(a).plus(LinearOperator.of(gaussian(3, 4, 2))),
                LinearOperator.of(a).times(LinearOperator.identity(4)),
                LinearOperator.of(gaussian(4, 3, 3)).transpose(),
                LinearOperator.kronecker(LinearOperator.of(gaussian(1, 2, 4)), LinearOperator.of(gaussian(3, 2, 5))),
                OperatorCases.functionOf(a));
    }

    // ------------------------------------------------------------------ shapes and validation

    @ParameterizedTest
    @MethodSource("operators")
    void wrongInputShapeNamesAllShapes(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.cols() + 1, 2);
        DenseMatrix y = DenseMatrix.zeros(op.rows(), 2);
        assertThatThrownBy(() -> op.apply(N, x, y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("x is " + x.shape())
                .hasMessageContaining("y is " + y.shape())
                .hasMessageContaining("A " + op.shape());
    }

    @ParameterizedTest
    @MethodSource("operators")
    void wrongOutputShapeIsRefused(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.rows(), 2);
        DenseMatrix y = DenseMatrix.zeros(op.cols(), 3);
        assertThatThrownBy(() -> op.apply(T, x, y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("y is " + y.shape())
                .hasMessageContaining("TRANSPOSE");
    }

    @ParameterizedTest
    @MethodSource("operators")
    void gemmShapedApplyValidatesToo(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.cols(), 2);
        DenseMatrix y = DenseMatrix.zeros(op.rows() + 1, 2);
        assertThatThrownBy(() -> op.apply(N, 1.0, x, 1.0, y))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("y is " + y.shape());
    }

    @ParameterizedTest
    @MethodSource("operators")
    void allocatingApplyRefusesAWrongInputBeforeAllocating(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.cols() + 2, 1);
        assertThatThrownBy(() -> op.apply(x))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("x is " + x.shape());
    }

    @ParameterizedTest
    @MethodSource("operators")
    void allocatingApplyTransposeRefusesAWrongInput(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.rows() + 2, 1);
        assertThatThrownBy(() -> op.applyTranspose(x))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("x is " + x.shape());
    }

    @ParameterizedTest
    @MethodSource("operators")
    void nullArgumentsAreNamed(LinearOperator op) {
        DenseMatrix x = DenseMatrix.zeros(op.cols(), 1);
        DenseMatrix y = DenseMatrix.zeros(op.rows(), 1);
        List<String> messages = new ArrayList<>();
        for (Runnable call : List.<Runnable>of(
                () -> op.apply(null, x, y),
                () -> op.apply(N, null, y),
                () -> op.apply(N, x, null),
                () -> op.apply((DenseMatrix) null),
                () -> op.applyTranspose(null))) {
            try {
                call.run();
            } catch (NullPointerException e) {
                messages.add(e.getMessage());
            }
        }
        assertThat(messages).containsExactly("trans", "x", "y", "x", "x");
    }

    @ParameterizedTest
    @MethodSource("operators")
    void outputSharingStorageWithTheInputIsRefused(LinearOperator op) {
        // x and y overlap in one column of a shared parent.
        int m = Math.max(op.rows(), op.cols());
        DenseMatrix parent = gaussian(m, 3, 9);
        DenseMatrix x = parent.view(0, 0, op.cols(), 2);
        DenseMatrix y = parent.view(0, 1, op.rows(), 2);
        assertThatThrownBy(() -> op.apply(N, x, y))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage");
    }

    @Test
    void outputIdenticalToTheInputIsRefused() {
        DenseMatrix x = gaussian(4, 2, 10);
        assertThatThrownBy(() -> LinearOperator.identity(4).apply(N, x, x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares storage with input x");
    }

    @Test
    void disjointViewsOfOneArrayAreAccepted() {
        DenseMatrix parent = gaussian(4, 4, 11);
        DenseMatrix x = parent.columns(0, 2);
        DenseMatrix y = parent.columns(2, 2);
        DenseMatrix expectedY = Naive.scale(3.0, x);
        LinearOperator.identity(4).scale(3.0).apply(N, x, y);
        assertThatMatrix(y).isBitwiseEqualTo(expectedY);
    }

    @Test
    void rejectedCallLeavesTheOutputUntouched() {
        DenseMatrix y = Naive.filled(3, 2, 5.0);
        DenseMatrix x = gaussian(5, 2, 12);
        try {
            LinearOperator.of(gaussian(3, 4, 13)).apply(N, x, y);
        } catch (DimensionMismatchException expected) {
            // checked below
        }
        assertThatMatrix(y).isBitwiseEqualTo(Naive.filled(3, 2, 5.0));
    }

    // ------------------------------------------------------------------ factories

    @Test
    void ofNullIsRefused() {
        assertThatThrownBy(() -> LinearOperator.of(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("a");
    }

    @Test
    void ofSharesTheDenseMatrix() {
        DenseMatrix a = gaussian(2, 2, 14);
        LinearOperator op = LinearOperator.of(a);
        a.set(0, 0, 10.0);
        DenseMatrix e0 = DenseMatrix.columnVector(1, 0);
        assertThat(op.apply(e0).get(0, 0)).isEqualTo(10.0);
    }

    @Test
    void matrixExposesTheBackingMatrixItself() {
        DenseMatrix a = gaussian(2, 3, 15);
        assertThat(LinearOperator.of(a).matrix()).containsSame(a);
    }

    @Test
    void structuredOperatorsHaveNoBackingMatrix() {
        assertThat(Stream.of(
                                LinearOperator.identity(2),
                                LinearOperator.diagonal(1, 2),
                                LinearOperator.of(gaussian(2, 2, 16)).transpose(),
                                LinearOperator.of(gaussian(2, 2, 16)).scale(2))
                        .map(LinearOperator::matrix))
                .allMatch(java.util.Optional::isEmpty);
    }

    @Test
    void toDenseOfAMatrixOperatorIsACopy() {
        DenseMatrix a = gaussian(2, 3, 17);
        DenseMatrix d = LinearOperator.of(a).toDense();
        d.set(0, 0, 99.0);
        assertThat(a.get(0, 0)).isNotEqualTo(99.0);
    }

    @Test
    void toDenseOfASparseOperatorExpandsIt() {
        SparseMatrix s = OperatorCases.sparse(4, 5, 18, SparseMatrix.Format.CSC);
        assertThatMatrix(LinearOperator.of(s).toDense()).isBitwiseEqualTo(s);
    }

    @Test
    void identityOfNegativeOrderIsRefused() {
        assertThatThrownBy(() -> LinearOperator.identity(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("n must be non-negative, got -1");
    }

    @Test
    void identityCopiesItsInput() {
        DenseMatrix x = gaussian(3, 2, 19);
        assertThatMatrix(LinearOperator.identity(3).apply(x)).isBitwiseEqualTo(x);
    }

    @Test
    void identityIsItsOwnTranspose() {
        LinearOperator eye = LinearOperator.identity(3);
        assertThat(eye.transpose()).isSameAs(eye);
    }

    @Test
    void diagonalCopiesItsArray() {
        double[] d = {1, 2, 3};
        LinearOperator op = LinearOperator.diagonal(d);
        d[0] = 100;
        assertThat(op.apply(DenseMatrix.columnVector(1, 1, 1)).get(0, 0)).isEqualTo(1.0);
    }

    @Test
    void diagonalScalesRows() {
        DenseMatrix x = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}});
        assertThatMatrix(LinearOperator.diagonal(2, -1).apply(x))
                .isBitwiseEqualTo(DenseMatrix.of(new double[][] {{2, 4}, {-3, -4}}));
    }

    @Test
    void diagonalOfNullIsRefused() {
        assertThatThrownBy(() -> LinearOperator.diagonal((double[]) null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("diagonal");
    }

    @Test
    void fromFunctionsRefusesNegativeSizes() {
        assertThatThrownBy(() -> LinearOperator.fromFunctions(2, -3, (x, y) -> {}, (x, y) -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cols must be non-negative, got -3");
    }

    @Test
    void fromFunctionsRefusesNullCallbacks() {
        assertThatThrownBy(() -> LinearOperator.fromFunctions(2, 3, (x, y) -> {}, null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("adjoint");
    }

    @Test
    void fromFunctionsCallsTheAdjointForTheTranspose() {
        List<String> calls = new ArrayList<>();
        LinearOperator op = LinearOperator.fromFunctions(
                2, 3, (x, y) -> calls.add("forward " + x.shape()), (x, y) -> calls.add("adjoint " + x.shape()));
        op.apply(T, DenseMatrix.zeros(2, 4), DenseMatrix.zeros(3, 4));
        op.apply(N, DenseMatrix.zeros(3, 1), DenseMatrix.zeros(2, 1));
        assertThat(calls).containsExactly("adjoint 2x4", "forward 3x1");
    }

    @Test
    void fromFunctionsDoesNotCallBackOnInvalidArguments() {
        AtomicInteger calls = new AtomicInteger();
        LinearOperator op = LinearOperator.fromFunctions(
                2, 3, (x, y) -> calls.incrementAndGet(), (x, y) -> calls.incrementAndGet());
        try {
            op.apply(N, DenseMatrix.zeros(2, 1), DenseMatrix.zeros(2, 1));
        } catch (DimensionMismatchException expected) {
            // checked below
        }
        assertThat(calls.get()).isZero();
    }

    @Test
    void defaultGemmShapedApplyOfAMatrixFreeOperatorAccumulates() {
        DenseMatrix a = gaussian(3, 2, 20);
        LinearOperator op = OperatorCases.functionOf(a);
        DenseMatrix x = gaussian(2, 4, 21);
        DenseMatrix y0 = gaussian(3, 4, 22);
        DenseMatrix y = y0.copy();
        op.apply(N, -1.5, x, 0.5, y);
        OperatorCase model = OperatorCase.leaf(op, a, "function");
        assertThatMatrix(y)
                .isCloseEntrywise(
                        Naive.combine(-1.5, Naive.multiply(a, x), 0.5, y0), model.applyBound(N, -1.5, x, 0.5, y0));
    }

    // ------------------------------------------------------------------ toDense

    @Test
    void toDenseOfAnOversizedOperatorIsRefusedWithoutApplyingIt() {
        AtomicInteger calls = new AtomicInteger();
        LinearOperator op = LinearOperator.fromFunctions(
                50_000, 50_000, (x, y) -> calls.incrementAndGet(), (x, y) -> calls.incrementAndGet());
        assertThatThrownBy(op::toDense)
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("50000x50000")
                .hasMessageContaining("2500000000");
        assertThat(calls.get()).isZero();
    }

    @Test
    void toDenseOfAnOversizedIdentityIsRefused() {
        assertThatThrownBy(() -> LinearOperator.identity(50_000).toDense())
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("2500000000");
    }

    @Test
    void toDenseOfAnOversizedDiagonalIsRefused() {
        assertThatThrownBy(() -> LinearOperator.diagonal(new double[50_000]).toDense())
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("2500000000");
    }

    @Test
    void toDenseOfAnOversizedSparseOperatorIsRefused() {
        SparseMatrix s = SparseMatrix.identity(50_000, SparseMatrix.Format.CSR);
        assertThatThrownBy(() -> LinearOperator.of(s).toDense()).isInstanceOf(SizeLimitExceededException.class);
    }

    @Test
    void toDenseWorksInSeveralIdentityBlocks() {
        // 2^20 / 1500 = 699 columns per block: three blocks, the last one partial.
        DenseMatrix a = gaussian(2, 1500, 23);
        AtomicInteger calls = new AtomicInteger();
        LinearOperator op = LinearOperator.fromFunctions(
                2,
                1500,
                (x, y) -> {
                    calls.incrementAndGet();
                    Naive.copy(Naive.multiply(a, x), y);
                },
                (x, y) -> Naive.copy(Naive.multiply(Naive.transpose(a), x), y));
        DenseMatrix d = op.toDense();
        // A times identity columns: each entry is a sum of one product by 1 and exact zeros.
        assertThatMatrix(d).isBitwiseEqualTo(a);
        assertThat(calls.get()).isEqualTo(3);
    }

    // ------------------------------------------------------------------ combinators

    @Test
    void plusRefusesDifferentShapes() {
        assertThatThrownBy(() -> LinearOperator.identity(3).plus(LinearOperator.of(DenseMatrix.zeros(3, 2))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("plus: shapes differ, this is 3x3 and other is 3x2");
    }

    @Test
    void plusRefusesNull() {
        assertThatThrownBy(() -> LinearOperator.identity(3).plus(null))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("other");
    }

    @Test
    void timesRefusesMismatchedInnerDimensions() {
        assertThatThrownBy(() -> LinearOperator.of(DenseMatrix.zeros(2, 3)).times(LinearOperator.identity(4)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessage("times: inner dimensions differ, this is 2x3 and other is 4x4");
    }

    @Test
    void timesHasTheOuterShape() {
        LinearOperator p = LinearOperator.of(DenseMatrix.zeros(2, 3)).times(LinearOperator.of(DenseMatrix.zeros(3, 5)));
        assertThat(p.shape()).isEqualTo(new Shape(2, 5));
    }

    @Test
    void scaleRefusesNaN() {
        assertThatThrownBy(() -> LinearOperator.identity(2).scale(Double.NaN))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessage("alpha must be finite, got NaN");
    }

    @Test
    void scaleRefusesInfinity() {
        assertThatThrownBy(() -> LinearOperator.identity(2).scale(Double.NEGATIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("-Infinity");
    }

    @Test
    void scaleOfAScaledOperatorRefusesAnOverflowingFactor() {
        LinearOperator big = LinearOperator.identity(2).scale(1e200);
        assertThatThrownBy(() -> big.scale(1e200))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("1.0E200");
    }

    @Test
    void scaleByZeroGivesZerosWithoutApplyingTheOperator() {
        // The operator writes NaN; scale(0) must not apply it at all.
        LinearOperator nan =
                LinearOperator.fromFunctions(2, 2, (x, y) -> y.fill(Double.NaN), (x, y) -> y.fill(Double.NaN));
        DenseMatrix y = nan.scale(0.0).apply(gaussian(2, 3, 24));
        assertThatMatrix(y).isBitwiseEqualTo(DenseMatrix.zeros(2, 3));
    }

    @Test
    void scaleOfScaleMultipliesTheFactors() {
        DenseMatrix x = gaussian(3, 2, 25);
        LinearOperator a = LinearOperator.of(gaussian(3, 3, 26));
        assertThatMatrix(a.scale(2.0).scale(-0.25).apply(x))
                .isBitwiseEqualTo(a.scale(-0.5).apply(x));
    }

    @Test
    void transposeOfASumIsTheSumOfTransposes() {
        LinearOperator a = LinearOperator.of(gaussian(3, 4, 27));
        LinearOperator b = OperatorCases.functionOf(gaussian(3, 4, 28));
        DenseMatrix x = gaussian(3, 2, 29);
        assertThatMatrix(a.plus(b).transpose().apply(x))
                .isBitwiseEqualTo(a.transpose().plus(b.transpose()).apply(x));
    }

    @Test
    void transposeOfAProductIsTheReversedProductOfTransposes() {
        LinearOperator a = LinearOperator.of(gaussian(3, 4, 30));
        LinearOperator b = LinearOperator.of(OperatorCases.sparse(4, 5, 31, SparseMatrix.Format.CSR));
        DenseMatrix x = gaussian(3, 2, 32);
        assertThatMatrix(a.times(b).transpose().apply(x))
                .isBitwiseEqualTo(b.transpose().times(a.transpose()).apply(x));
    }

    @Test
    void sumMatchesTheExplicitSum() {
        DenseMatrix a = gaussian(3, 4, 33);
        DenseMatrix b = gaussian(3, 4, 34);
        DenseMatrix x = gaussian(4, 2, 35);
        OperatorCase sum =
                OperatorCase.leaf(LinearOperator.of(a), a, "a").plus(OperatorCase.leaf(LinearOperator.of(b), b, "b"));
        assertThatMatrix(sum.op().apply(x)).isCloseEntrywise(sum.reference(N, x), sum.applyBound(N, x));
    }

    @Test
    void productMatchesTheExplicitProduct() {
        DenseMatrix a = gaussian(3, 4, 36);
        DenseMatrix b = gaussian(4, 2, 37);
        DenseMatrix x = gaussian(2, 3, 38);
        OperatorCase product =
                OperatorCase.leaf(LinearOperator.of(a), a, "a").times(OperatorCase.leaf(LinearOperator.of(b), b, "b"));
        assertThatMatrix(product.op().apply(x)).isCloseEntrywise(product.reference(N, x), product.applyBound(N, x));
    }

    @Test
    void identityIsNeutralOnTheLeft() {
        LinearOperator a = LinearOperator.of(gaussian(3, 4, 39));
        DenseMatrix x = gaussian(4, 2, 40);
        // I(AX) multiplies by 1 exactly.
        assertThatMatrix(LinearOperator.identity(3).times(a).apply(x)).isBitwiseEqualTo(a.apply(x));
    }

    @Test
    void identityIsNeutralOnTheRight() {
        LinearOperator a = LinearOperator.of(gaussian(3, 4, 41));
        DenseMatrix x = gaussian(4, 2, 42);
        assertThatMatrix(a.times(LinearOperator.identity(4)).apply(x)).isBitwiseEqualTo(a.apply(x));
    }

    @Test
    void sumWithItsNegationIsZero() {
        LinearOperator a = LinearOperator.of(gaussian(3, 4, 43));
        DenseMatrix x = gaussian(4, 2, 44);
        // AX - AX: the same rounded products cancel exactly.
        assertThatMatrix(a.plus(a.scale(-1)).apply(x)).isBitwiseEqualTo(DenseMatrix.zeros(3, 2));
    }

    @Test
    void denseAndSparseFormsAgree() {
        SparseMatrix s = OperatorCases.sparse(5, 4, 45, SparseMatrix.Format.CSR);
        DenseMatrix d = s.toDense();
        DenseMatrix x = gaussian(4, 3, 46);
        Matrix sum = LinearOperator.of(s).apply(x);
        assertThatMatrix(sum).isCloseEntrywise(LinearOperator.of(d).apply(x), Tolerances.gemmBound(1.0, d, x, 0.0, x));
    }

    @Test
    void emptyBlockIsAccepted() {
        DenseMatrix y = LinearOperator.of(gaussian(3, 4, 47)).apply(DenseMatrix.zeros(4, 0));
        assertThat(y.shape()).isEqualTo(new Shape(3, 0));
    }

    @Test
    void emptyOperatorGivesZeros() {
        DenseMatrix y = Naive.filled(3, 2, Double.NaN);
        LinearOperator.of(DenseMatrix.zeros(3, 0)).apply(N, DenseMatrix.zeros(0, 2), y);
        assertThatMatrix(y).isBitwiseEqualTo(DenseMatrix.zeros(3, 2));
    }
}
