package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XNysTraceTest {
    private static final RngState SEED = RngState.seed(1111);
    private static final DenseMatrix A = Fixtures.symmetric(Fixtures.polynomial(40, 1.0), 21);

    @ParameterizedTest(name = "{0}")
    @EnumSource(TestVectors.class)
    void matchesTheDefinitionWithExplicitNystromApproximations(TestVectors vectors) {
        TraceEstimate e =
                new XNysTrace(vectors).estimate(LinearOperator.of(A), 7, SEED).value();
        double[] expected =
                Fixtures.xnystraceSamples(A, vectors.draw(40, 7, SEED).value(), vectors == TestVectors.IMPROVED);
        double[] actual = e.samples();
        for (int i = 0; i < 7; i++) {
            // the shift nu = sqrt(n) eps ||Y||_F changes the approximation by O(nu) per eigenvalue, and
            // the twin solves with G = Omega^T A Omega (condition ~1e3): agreement to ~1e-9 relative
            assertThat(actual[i]).as("sample %d", i).isCloseTo(expected[i], within(1e-9 * Math.abs(expected[i])));
        }
    }

    @Test
    void isExactForMatricesOfRankBelowTheNumberOfVectors() {
        // rank 4 <= m - 1 = 9: each leave-one-out Nystrom approximation is A itself
        DenseMatrix a = Fixtures.symmetric(Fixtures.lowRank(150, 4), 22);
        TraceEstimate e = XNysTrace.withDefaults()
                .estimate(LinearOperator.of(a), 10, SEED)
                .value();
        // the shift leaves O(n nu) = O(n^1.5 eps ||Y||_F) behind, removed in expectation: ~1e-11
        assertThat(e.trace()).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void isZeroForTheZeroMatrix() {
        // A = 0 is PSD; A Omega = 0 leaves no shift scale, and the estimate is exactly zero
        TraceEstimate e = XNysTrace.withDefaults()
                .estimate(LinearOperator.of(DenseMatrix.zeros(20, 20)), 6, SEED)
                .value();
        assertThat(e.trace()).isZero();
        assertThat(e.errorEstimate()).isZero();
    }

    @Test
    void usesOneProductPerTestVector() {
        AtomicLong count = new AtomicLong();
        TraceEstimate e = XNysTrace.withDefaults()
                .estimate(Fixtures.counting(A, count), 13, SEED)
                .value();
        assertThat(count.get()).isEqualTo(13);
        assertThat(e.matvecs()).isEqualTo(13);
        assertThat(e.samples()).hasSize(13);
    }

    @Test
    void rejectsANegativeDefiniteOperator() {
        LinearOperator minusIdentity = LinearOperator.identity(30).scale(-1);
        assertThatThrownBy(() -> XNysTrace.withDefaults().estimate(minusIdentity, 6, SEED))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("positive semidefinite")
                .hasMessageContaining("6x6");
    }

    @Test
    void rejectsAnIndefiniteOperatorWhenTheCompressionShowsIt() {
        double[] lambda = Fixtures.polynomial(30, 1.0);
        lambda[0] = -5;
        DenseMatrix a = Fixtures.symmetric(lambda, 23);
        assertThatThrownBy(() -> XNysTrace.withDefaults().estimate(LinearOperator.of(a), 20, SEED))
                .isInstanceOf(NotPositiveDefiniteException.class);
    }

    @Test
    void adaptiveRecomputesFromAllVectors() {
        // the last round refactors all 32 vectors: identical to the fixed budget of 32
        DenseMatrix a = Fixtures.symmetric(Fixtures.polynomial(300, 1.0), 24);
        AdaptiveTraceEstimate adaptive = XNysTrace.withDefaults()
                .estimate(LinearOperator.of(a), TraceTolerance.of(0, 0, 32), SEED)
                .value();
        TraceEstimate fixed = XNysTrace.withDefaults()
                .estimate(LinearOperator.of(a), 32, SEED)
                .value();
        assertThat(adaptive.matvecHistory()).containsExactly(8, 16, 32);
        assertThat(adaptive.converged()).isFalse();
        assertThat(adaptive.trace()).isEqualTo(fixed.trace());
    }

    @Test
    void adaptiveMeetsItsTolerance() {
        DenseMatrix a = Fixtures.symmetric(Fixtures.polynomial(400, 2.0), 25);
        AdaptiveTraceEstimate e = XNysTrace.withDefaults()
                .estimate(LinearOperator.of(a), TraceTolerance.of(1e-3, 0, 400), SEED)
                .value();
        assertThat(e.converged()).isTrue();
        assertThat(e.errorEstimate()).isLessThanOrEqualTo(1e-3 * Math.abs(e.trace()));
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(700, 1.0), 26);
        double one = Fixtures.withThreads(1, () -> XNysTrace.withDefaults()
                .estimate(LinearOperator.of(big), 60, SEED)
                .value()
                .trace());
        double two = Fixtures.withThreads(2, () -> XNysTrace.withDefaults()
                .estimate(LinearOperator.of(big), 60, SEED)
                .value()
                .trace());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }

    @Test
    void rejectsMoreVectorsThanTheDimension() {
        assertThatThrownBy(() -> XNysTrace.withDefaults().estimate(LinearOperator.of(A), 41, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 41");
    }
}
