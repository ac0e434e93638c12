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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XTraceTest {
    private static final RngState SEED = RngState.seed(1010);
    private static final DenseMatrix A = Fixtures.symmetric(Fixtures.polynomial(40, 1.0), 11);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestVectors.class)
    void matchesTheDefinitionWithExplicitProjectors(TestVectors vectors) {
        // the downdating formulas against P_(i) formed from a QR of Y without column i
        TraceEstimate e =
                new XTrace(vectors).estimate(LinearOperator.of(A), 14, SEED).value();
        DenseMatrix omega = vectors.draw(40, 7, SEED).value();
        double[] expected = Fixtures.xtraceSamples(A, omega, vectors == TestVectors.IMPROVED);
        double[] actual = e.samples();
        for (int i = 0; i < 7; i++) {
            // both are backward stable in the projections: O(m n u ||A||_F ||omega||^2) absolute
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-10 * 40));
        }
    }

    @Test
    void matchesTheDefinitionForANonsymmetricMatrix() {
        DenseMatrix a = TestMatrices.gaussian(30, 30, RngState.seed(12));
        TraceEstimate e =
                XTrace.withDefaults().estimate(LinearOperator.of(a), 12, SEED).value();
        double[] expected =
                Fixtures.xtraceSamples(a, TestVectors.IMPROVED.draw(30, 6, SEED).value(), true);
        double[] actual = e.samples();
        for (int i = 0; i < 6; i++) {
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-10 * 30));
        }
    }

    @Test
    void isExactForMatricesOfRankBelowTheNumberOfVectors() {
        // rank 5 < m - 1 = 7: every leave-one-out basis spans range(A)
        DenseMatrix a = Fixtures.symmetric(Fixtures.lowRank(200, 5), 13);
        TraceEstimate e =
                XTrace.withDefaults().estimate(LinearOperator.of(a), 16, SEED).value();
        assertThat(e.trace()).isCloseTo(15.0, within(1e-11 * 15));
        assertThat(e.errorEstimate()).isLessThan(1e-11 * 15);
    }

    @Test
    void isZeroForTheZeroMatrix() {
        // exactly singular R: the leave-one-out directions fall back to a full QR
        TraceEstimate e = XTrace.withDefaults()
                .estimate(LinearOperator.of(DenseMatrix.zeros(20, 20)), 8, SEED)
                .value();
        assertThat(e.trace()).isZero();
        assertThat(e.errorEstimate()).isZero();
    }

    @Test
    void usesTwoProductsPerTestVector() {
        AtomicLong count = new AtomicLong();
        TraceEstimate e = XTrace.withDefaults()
                .estimate(Fixtures.counting(A, count), 21, SEED)
                .value();
        // floor(21/2) = 10 vectors: Y = A Omega and Z = A Q
        assertThat(count.get()).isEqualTo(20);
        assertThat(e.matvecs()).isEqualTo(20);
        assertThat(e.samples()).hasSize(10);
    }

    @Test
    void adaptiveFirstRoundEqualsTheFixedBudgetEstimate() {
        AdaptiveTraceEstimate adaptive = XTrace.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(1e-12, 0, 16), SEED)
                .value();
        TraceEstimate fixed =
                XTrace.withDefaults().estimate(LinearOperator.of(A), 16, SEED).value();
        assertThat(adaptive.trace()).isEqualTo(fixed.trace());
    }

    @Test
    void adaptiveExtensionAgreesWithAFreshEstimateOnAllVectors() {
        // rounds of 8, 8, 16 vectors: the basis is grown by block Gram-Schmidt; the estimate does not
        // depend on the basis, so it matches one Householder QR of all 32 vectors to rounding
        DenseMatrix a = Fixtures.symmetric(Fixtures.polynomial(300, 1.0), 14);
        AdaptiveTraceEstimate adaptive = XTrace.withDefaults()
                .estimate(LinearOperator.of(a), TraceTolerance.of(0, 0, 64), SEED)
                .value();
        TraceEstimate fixed =
                XTrace.withDefaults().estimate(LinearOperator.of(a), 64, SEED).value();
        assertThat(adaptive.matvecHistory()).containsExactly(16, 32, 64);
        double[] x = adaptive.estimate().samples();
        double[] y = fixed.samples();
        for (int i = 0; i < y.length; i++) {
            assertThat(x[i]).as("sample %d", i).isCloseTo(y[i], within(1e-10 * Math.abs(y[i])));
        }
    }

    @Test
    void adaptiveMeetsItsTolerance() {
        DenseMatrix a = Fixtures.symmetric(Fixtures.polynomial(400, 2.0), 15);
        AdaptiveTraceEstimate e = XTrace.withDefaults()
                .estimate(LinearOperator.of(a), TraceTolerance.of(1e-3, 0, 800), SEED)
                .value();
        assertThat(e.converged()).isTrue();
        assertThat(e.errorEstimate()).isLessThanOrEqualTo(1e-3 * Math.abs(e.trace()));
        assertThat(e.matvecs() % 2).isZero();
    }

    @Test
    void adaptiveStopsAtTheDimension() {
        // at most n = 40 vectors: the estimate is then exact (Q spans everything) and the error estimate 0
        AdaptiveTraceEstimate e = XTrace.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(0, 0, 1000), SEED)
                .value();
        assertThat(e.matvecs()).isEqualTo(80);
        assertThat(e.trace()).isCloseTo(Fixtures.trace(A), within(1e-10 * Fixtures.trace(A)));
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(700, 1.0), 16);
        double one = Fixtures.withThreads(1, () -> XTrace.withDefaults()
                .estimate(LinearOperator.of(big), 100, SEED)
                .value()
                .trace());
        double two = Fixtures.withThreads(2, () -> XTrace.withDefaults()
                .estimate(LinearOperator.of(big), 100, SEED)
                .value()
                .trace());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }

    @Test
    void adaptiveIsBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(700, 1.0), 17);
        TraceTolerance tol = TraceTolerance.of(1e-6, 0, 200);
        double one = Fixtures.withThreads(1, () -> XTrace.withDefaults()
                .estimate(LinearOperator.of(big), tol, SEED)
                .value()
                .trace());
        double two = Fixtures.withThreads(2, () -> XTrace.withDefaults()
                .estimate(LinearOperator.of(big), tol, SEED)
                .value()
                .trace());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }

    @Test
    void rejectsABudgetBelowTwoVectors() {
        assertThatThrownBy(() -> XTrace.withDefaults().estimate(LinearOperator.of(A), 3, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 3");
    }

    @Test
    void rejectsMoreVectorsThanTheDimension() {
        assertThatThrownBy(() -> XTrace.withDefaults().estimate(LinearOperator.of(A), 82, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 40")
                .hasMessageContaining("got 82");
    }

    @Test
    void matrixFreeOperatorGivesTheSameEstimate() {
        TraceEstimate explicit =
                XTrace.withDefaults().estimate(LinearOperator.of(A), 12, SEED).value();
        TraceEstimate free = XTrace.withDefaults()
                .estimate(
                        LinearOperator.fromFunctions(
                                40,
                                40,
                                (x, y) -> Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1, A, x, 0, y),
                                (x, y) -> Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1, A, x, 0, y)),
                        12,
                        SEED)
                .value();
        assertThat(free.trace()).isEqualTo(explicit.trace());
    }
}
