package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HutchinsonTest {
    private static final RngState SEED = RngState.seed(808);
    private static final DenseMatrix A = Fixtures.symmetric(Fixtures.polynomial(120, 1.0), 1);

    @Test
    void isExactOnADiagonalMatrixWithRandomSigns() {
        // omega^T D omega = sum_i d_i omega_i^2 = tr(D) for omega_i = +-1: zero variance
        LinearOperator d = LinearOperator.diagonal(3, -1, 4, 1, 5, 9, 2, 6);
        TraceEstimate e = Hutchinson.withDefaults().estimate(d, 5, SEED).value();
        assertThat(e.trace()).isEqualTo(29.0);
        assertThat(e.errorEstimate()).isZero();
    }

    @Test
    void isTheMeanOfTheQuadraticForms() {
        TraceEstimate e = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), 10, SEED)
                .value();
        DenseMatrix omega = TestVectors.RADEMACHER.draw(120, 10, SEED).value();
        double sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += Fixtures.quadratic(A, omega.column(i));
        }
        // the same ten vectors; the block product and the vector products differ by rounding
        assertThat(e.trace()).isCloseTo(sum / 10, within(1e-12 * Math.abs(sum)));
    }

    @Test
    void errorEstimateIsTheStandardErrorOfTheSamples() {
        TraceEstimate e = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), 30, SEED)
                .value();
        double[] s = e.samples();
        double mean = Fixtures.sum(s) / s.length;
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        assertThat(e.errorEstimate()).isCloseTo(Math.sqrt(ss / (s.length - 1) / s.length), within(1e-14));
    }

    @Test
    void usesExactlyTheBudget() {
        AtomicLong count = new AtomicLong();
        TraceEstimate e = Hutchinson.withDefaults()
                .estimate(Fixtures.counting(A, count), 37, SEED)
                .value();
        assertThat(count.get()).isEqualTo(37);
        assertThat(e.matvecs()).isEqualTo(37);
    }

    @Test
    void oneSampleHasNoErrorEstimate() {
        assertThat(Hutchinson.withDefaults()
                        .estimate(LinearOperator.of(A), 1, SEED)
                        .value()
                        .errorEstimate())
                .isNaN();
    }

    @Test
    void returnsTheStateAfterItsVectors() {
        Sampled<TraceEstimate> e = Hutchinson.withDefaults().estimate(LinearOperator.of(A), 12, SEED);
        assertThat(e.next()).isEqualTo(SEED.advanceColumns(12));
    }

    @Test
    void adaptiveStopsWhenTheErrorEstimateMeetsTheTolerance() {
        AdaptiveTraceEstimate e = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(0.02, 0, 100_000), SEED)
                .value();
        assertThat(e.converged()).isTrue();
        assertThat(e.errorEstimate()).isLessThanOrEqualTo(0.02 * Math.abs(e.trace()));
        // the round before did not meet it
        double[] t = e.traceHistory();
        double[] err = e.errorHistory();
        if (t.length > 1) {
            assertThat(err[t.length - 2]).isGreaterThan(0.02 * Math.abs(t[t.length - 2]));
        }
    }

    @Test
    void adaptiveDoublesTheNumberOfVectors() {
        AdaptiveTraceEstimate e = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(1e-9, 0, 200), SEED)
                .value();
        assertThat(e.matvecHistory()).containsExactly(8, 16, 32, 64, 128, 200);
    }

    @Test
    void adaptiveReportsAnExhaustedBudget() {
        AdaptiveTraceEstimate e = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(1e-9, 0, 50), SEED)
                .value();
        assertThat(e.converged()).isFalse();
        assertThat(e.matvecs()).isEqualTo(50);
    }

    @Test
    void adaptiveContinuesTheStreamOfTheFixedBudgetEstimator() {
        AdaptiveTraceEstimate adaptive = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(1e-9, 0, 64), SEED)
                .value();
        TraceEstimate fixed = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), 64, SEED)
                .value();
        // samples are per-vector quadratic forms of the same 64 vectors (blocks of 8, 8, 16, 32 vs one block)
        double[] a = adaptive.estimate().samples();
        double[] f = fixed.samples();
        for (int i = 0; i < 64; i++) {
            assertThat(a[i]).isCloseTo(f[i], within(1e-12 * Math.abs(f[i]) + 1e-14));
        }
    }

    @Test
    void tighterToleranceUsesMoreProducts() {
        long loose = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(0.1, 0, 100_000), SEED)
                .value()
                .matvecs();
        long tight = Hutchinson.withDefaults()
                .estimate(LinearOperator.of(A), TraceTolerance.of(0.01, 0, 100_000), SEED)
                .value()
                .matvecs();
        assertThat(tight).isGreaterThan(loose);
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(700, 1.0), 2);
        double one = Fixtures.withThreads(1, () -> Hutchinson.withDefaults()
                .estimate(LinearOperator.of(big), 64, SEED)
                .value()
                .trace());
        double two = Fixtures.withThreads(2, () -> Hutchinson.withDefaults()
                .estimate(LinearOperator.of(big), 64, SEED)
                .value()
                .trace());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }

    @Test
    void rejectsImprovedVectors() {
        assertThatThrownBy(() -> new Hutchinson(TestVectors.IMPROVED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IMPROVED");
    }

    @Test
    void rejectsARectangularOperator() {
        assertThatThrownBy(
                        () -> Hutchinson.withDefaults().estimate(LinearOperator.of(DenseMatrix.zeros(3, 4)), 4, SEED))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("3x4");
    }

    @Test
    void rejectsAnEmptyBudget() {
        assertThatThrownBy(() -> Hutchinson.withDefaults().estimate(LinearOperator.of(A), 0, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("matvecs")
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsNonFiniteEntries() {
        DenseMatrix a = A.copy();
        a.set(2, 3, Double.NaN);
        assertThatThrownBy(() -> Hutchinson.withDefaults().estimate(LinearOperator.of(a), 4, SEED))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 3)");
    }

    @Test
    void rejectsABudgetBelowTheFirstRound() {
        assertThatThrownBy(() ->
                        Hutchinson.withDefaults().estimate(LinearOperator.of(A), TraceTolerance.of(0.1, 0, 5), SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
    }
}
