package dev.nla.core.operator;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Every operator kind, alone and nested in combinators, against its naive explicit model: random
 * shapes from 0 to 5, blocks of 0 to 4 vectors, both transpose flags. The tolerance is the
 * (generalized) componentwise GEMM bound of {@link OperatorCase}.
 */
class LinearOperatorPropertyTest {
    @Provide
    Arbitrary<OperatorCase> operators() {
        return OperatorCases.any(2);
    }

    @Provide
    Arbitrary<OperatorCase> leaves() {
        return OperatorCases.any(0);
    }

    @Property(tries = 300)
    void applyMatchesNaiveProduct(
            @ForAll("operators") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 4) int k,
            @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(opCols(c, trans), k, seed);
        // NaN in y checks that apply overwrites it without reading it.
        DenseMatrix y = Naive.filled(opRows(c, trans), k, Double.NaN);
        c.op().apply(trans, x, y);
        assertThatMatrix(y).isCloseEntrywise(c.reference(trans, x), c.applyBound(trans, x));
    }

    @Property(tries = 300)
    void leafApplyIsWithinTheGemmBound(
            @ForAll("leaves") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 4) int k,
            @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(opCols(c, trans), k, seed);
        DenseMatrix ax = trans.isTranspose() ? c.op().applyTranspose(x) : c.op().apply(x);
        DenseMatrix a = c.explicit(trans);
        assertThatMatrix(ax)
                .isCloseEntrywise(Naive.multiply(a, x), dev.nla.core.testing.Tolerances.gemmBound(1.0, a, x, 0.0, ax));
    }

    @Property(tries = 300)
    void gemmShapedApplyMatchesNaive(
            @ForAll("operators") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll("scalars") double alpha,
            @ForAll("scalars") double beta,
            @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(opCols(c, trans), k, seed);
        DenseMatrix y0 = OperatorCases.gaussian(opRows(c, trans), k, seed + 1);
        DenseMatrix y = y0.copy();
        c.op().apply(trans, alpha, x, beta, y);
        DenseMatrix expected = Naive.combine(alpha, c.reference(trans, x), beta, y0);
        assertThatMatrix(y).isCloseEntrywise(expected, c.applyBound(trans, alpha, x, beta, y0));
    }

    @Provide
    Arbitrary<Double> scalars() {
        return net.jqwik.api.Arbitraries.of(0.0, 1.0, -1.0, 2.5, -0.75);
    }

    @Property(tries = 200)
    void gemmShapedApplyWithZeroBetaDoesNotReadY(
            @ForAll("operators") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll @DoubleRange(min = -3, max = 3) double alpha,
            @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(opCols(c, trans), k, seed);
        DenseMatrix y = Naive.filled(opRows(c, trans), k, Double.NaN);
        c.op().apply(trans, alpha, x, 0.0, y);
        DenseMatrix expected = Naive.scale(alpha, c.reference(trans, x));
        assertThatMatrix(y).isCloseEntrywise(expected, c.applyBound(trans, alpha, x, 0.0, y));
    }

    @Property(tries = 200)
    void gemmShapedApplyWithZeroAlphaOnlyScalesY(
            @ForAll("operators") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll long seed) {
        DenseMatrix x = Naive.filled(opCols(c, trans), k, Double.NaN);
        DenseMatrix y0 = OperatorCases.gaussian(opRows(c, trans), k, seed);
        DenseMatrix y = y0.copy();
        // alpha = 0: the operator is not applied, so the NaN in x cannot reach y; beta*y is exact
        // for beta = 2.
        c.op().apply(trans, 0.0, x, 2.0, y);
        assertThatMatrix(y).isBitwiseEqualTo(Naive.scale(2.0, y0));
    }

    @Property(tries = 200)
    void toDenseMatchesTheExplicitMatrix(@ForAll("operators") OperatorCase c) {
        DenseMatrix eye = Naive.identity(c.cols());
        assertThatMatrix(c.op().toDense()).isCloseEntrywise(c.explicit(), c.applyBound(Transpose.NO_TRANSPOSE, eye));
    }

    @Property(tries = 200)
    void transposeViewEqualsTransposedApplyBitForBit(
            @ForAll("operators") OperatorCase c, @ForAll @IntRange(min = 0, max = 3) int k, @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(c.rows(), k, seed);
        assertThatMatrix(c.op().transpose().apply(x)).isBitwiseEqualTo(c.op().applyTranspose(x));
    }

    @Property(tries = 200)
    void transposeOfTransposeActsAsTheOriginal(
            @ForAll("operators") OperatorCase c, @ForAll @IntRange(min = 0, max = 3) int k, @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(c.cols(), k, seed);
        assertThatMatrix(c.op().transpose().transpose().apply(x)).isBitwiseEqualTo(c.op().apply(x));
    }

    @Property(tries = 200)
    void shapeIsTheModelShape(@ForAll("operators") OperatorCase c) {
        assertThat(c.op().shape()).isEqualTo(c.explicit().shape());
    }

    @Property(tries = 200)
    void applyOnViewsMatchesApplyOnCompactCopies(
            @ForAll("operators") OperatorCase c,
            @ForAll Transpose trans,
            @ForAll @IntRange(min = 0, max = 3) int k,
            @ForAll long seed) {
        int n = opCols(c, trans);
        int m = opRows(c, trans);
        // x and y are blocks inside larger arrays (ld > rows), so the per-column paths run.
        DenseMatrix xParent = OperatorCases.gaussian(n + 3, k + 1, seed);
        DenseMatrix x = xParent.view(2, 1, n, k);
        DenseMatrix yParent = Naive.filled(m + 2, k + 2, Double.NaN);
        DenseMatrix y = yParent.view(1, 1, m, k);
        c.op().apply(trans, x, y);
        assertThatMatrix(y).isCloseEntrywise(c.reference(trans, x), c.applyBound(trans, x));
    }

    @Property(tries = 100)
    void applyOnViewsLeavesTheRestOfTheParentUntouched(
            @ForAll("operators") OperatorCase c, @ForAll @IntRange(min = 1, max = 3) int k, @ForAll long seed) {
        DenseMatrix x = OperatorCases.gaussian(c.cols(), k, seed);
        DenseMatrix yParent = Naive.filled(c.rows() + 2, k + 2, -7.0);
        c.op().apply(Transpose.NO_TRANSPOSE, x, yParent.view(1, 1, c.rows(), k));
        int untouched = 0;
        for (int i = 0; i < yParent.rows(); i++) {
            for (int j = 0; j < yParent.cols(); j++) {
                boolean inside = i >= 1 && i <= c.rows() && j >= 1 && j <= k;
                if (!inside && yParent.get(i, j) == -7.0) {
                    untouched++;
                }
            }
        }
        assertThat(untouched).isEqualTo(yParent.rows() * yParent.cols() - c.rows() * k);
    }

    static int opRows(OperatorCase c, Transpose trans) {
        return trans.isTranspose() ? c.cols() : c.rows();
    }

    static int opCols(OperatorCase c, Transpose trans) {
        return trans.isTranspose() ? c.rows() : c.cols();
    }
}
