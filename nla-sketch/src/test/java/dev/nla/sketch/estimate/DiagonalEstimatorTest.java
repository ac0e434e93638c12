package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DiagonalEstimatorTest {
    private static final RngState SEED = RngState.seed(1212);

    @Test
    void hutchinsonIsExactOnADiagonalMatrixWithRandomSigns() {
        double[] d = {3, -1, 4, 1, 5, 9, 2, 6};
        DiagonalEstimate e = HutchinsonDiagonal.withDefaults()
                .estimate(LinearOperator.diagonal(d), 3, SEED)
                .value();
        assertThat(e.diagonal()).containsExactly(d);
    }

    @Test
    void hutchinsonIsTheRatioOfSums() {
        DenseMatrix a = TestMatrices.gaussian(30, 30, RngState.seed(31));
        DiagonalEstimate e = new HutchinsonDiagonal(TestVectors.GAUSSIAN)
                .estimate(LinearOperator.of(a), 5, SEED)
                .value();
        DenseMatrix omega = TestVectors.GAUSSIAN.draw(30, 5, SEED).value();
        DenseMatrix y = Blas.multiply(a, omega);
        double[] d = e.diagonal();
        for (int k = 0; k < 30; k++) {
            double num = 0;
            double den = 0;
            for (int i = 0; i < 5; i++) {
                num += omega.get(k, i) * y.get(k, i);
                den += omega.get(k, i) * omega.get(k, i);
            }
            assertThat(d[k]).isCloseTo(num / den, within(1e-12 * (1 + Math.abs(num / den))));
        }
    }

    @Test
    void xdiagMatchesTheDefinitionWithExplicitProjectors() {
        DenseMatrix a = TestMatrices.gaussian(40, 40, RngState.seed(32));
        DiagonalEstimate e =
                XDiag.withDefaults().estimate(LinearOperator.of(a), 16, SEED).value();
        double[] expected =
                Fixtures.xdiag(a, TestVectors.RADEMACHER.draw(40, 8, SEED).value());
        double[] actual = e.diagonal();
        for (int k = 0; k < 40; k++) {
            assertThat(actual[k]).as("entry %d", k).isCloseTo(expected[k], within(1e-10));
        }
    }

    @Test
    void xdiagIsExactForNonsymmetricMatricesOfRankBelowTheNumberOfVectors() {
        // A = U V^T of rank 3 < m - 1: P_(i) A = A, the remainder vanishes; needs A^T, not A
        DenseMatrix u = TestMatrices.gaussian(60, 3, RngState.seed(33));
        DenseMatrix v = TestMatrices.gaussian(60, 3, RngState.seed(34));
        DenseMatrix a = Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, u, v);
        double[] d = XDiag.withDefaults()
                .estimate(LinearOperator.of(a), 12, SEED)
                .value()
                .diagonal();
        for (int k = 0; k < 60; k++) {
            assertThat(d[k]).as("entry %d", k).isCloseTo(a.get(k, k), within(1e-12 * Blas.nrm2(a)));
        }
    }

    @Test
    void xdiagUsesProductsWithBothTheOperatorAndItsTranspose() {
        AtomicLong count = new AtomicLong();
        DenseMatrix a = TestMatrices.gaussian(40, 40, RngState.seed(35));
        DiagonalEstimate e = XDiag.withDefaults()
                .estimate(Fixtures.counting(a, count), 17, SEED)
                .value();
        assertThat(count.get()).isEqualTo(16);
        assertThat(e.matvecs()).isEqualTo(16);
        assertThat(e.testVectors()).isEqualTo(8);
    }

    @Test
    void xdiagIsZeroForTheZeroMatrix() {
        double[] d = XDiag.withDefaults()
                .estimate(LinearOperator.of(DenseMatrix.zeros(15, 15)), 8, SEED)
                .value()
                .diagonal();
        assertThat(d).containsOnly(0.0);
    }

    @Test
    void xdiagRejectsImprovedVectors() {
        assertThatThrownBy(() -> new XDiag(TestVectors.IMPROVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("xdiag");
    }

    @Test
    void xdiagRejectsTooSmallABudget() {
        assertThatThrownBy(() -> XDiag.withDefaults().estimate(LinearOperator.identity(5), 1, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 1");
    }

    @Test
    void estimatorsAreBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(600, 1.0), 36);
        for (DiagonalEstimator est :
                new DiagonalEstimator[] {XDiag.withDefaults(), HutchinsonDiagonal.withDefaults()}) {
            double[] one = Fixtures.withThreads(
                    1,
                    () -> est.estimate(LinearOperator.of(big), 60, SEED).value().diagonal());
            double[] two = Fixtures.withThreads(
                    2,
                    () -> est.estimate(LinearOperator.of(big), 60, SEED).value().diagonal());
            assertThat(two).as(est.name()).isEqualTo(one);
        }
    }
}
