package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HutchPlusPlusTest {
    private static final RngState SEED = RngState.seed(909);

    @Test
    void isExactForMatricesOfRankAtMostTheSketchSize() {
        // rank 5 <= k = floor(18/3) = 6: Q spans range(A), the deflated matrix is zero
        DenseMatrix a = Fixtures.symmetric(Fixtures.lowRank(100, 5), 3);
        TraceEstimate e = HutchPlusPlus.withDefaults()
                .estimate(LinearOperator.of(a), 18, SEED)
                .value();
        assertThat(e.trace()).isCloseTo(15.0, within(1e-12 * 15));
    }

    @Test
    void isExactForNonsymmetricLowRankMatrices() {
        // A = U V^T, rank 4: tr(A) = tr(V^T U)
        DenseMatrix u = TestMatrices.gaussian(80, 4, RngState.seed(4));
        DenseMatrix v = TestMatrices.gaussian(80, 4, RngState.seed(5));
        DenseMatrix a = dev.nla.core.blas.Blas.multiply(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, u, v);
        double exact = Fixtures.trace(a);
        TraceEstimate e = HutchPlusPlus.withDefaults()
                .estimate(LinearOperator.of(a), 15, SEED)
                .value();
        // rounding: the deflated remainder is O(u ||A||) per entry
        assertThat(e.trace()).isCloseTo(exact, within(1e-10 * dev.nla.core.blas.Blas.nrm2(a)));
    }

    @Test
    void splitsTheBudgetIntoThirds() {
        AtomicLong count = new AtomicLong();
        DenseMatrix a = Fixtures.symmetric(Fixtures.polynomial(60, 1), 6);
        TraceEstimate e = HutchPlusPlus.withDefaults()
                .estimate(Fixtures.counting(a, count), 20, SEED)
                .value();
        // k = 6 sketch, 6 for AQ, g = 8 Hutchinson vectors on the remainder
        assertThat(count.get()).isEqualTo(20);
        assertThat(e.matvecs()).isEqualTo(20);
        assertThat(e.samples()).hasSize(8);
    }

    @Test
    void rejectsABudgetBelowThree() {
        assertThatThrownBy(() ->
                        HutchPlusPlus.withDefaults().estimate(LinearOperator.of(DenseMatrix.identity(10)), 2, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 2");
    }

    @Test
    void rejectsASketchLargerThanTheMatrix() {
        assertThatThrownBy(() ->
                        HutchPlusPlus.withDefaults().estimate(LinearOperator.of(DenseMatrix.identity(10)), 40, SEED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n = 10")
                .hasMessageContaining("got 40");
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix big = Fixtures.symmetric(Fixtures.polynomial(600, 1.0), 8);
        double one = Fixtures.withThreads(1, () -> HutchPlusPlus.withDefaults()
                .estimate(LinearOperator.of(big), 90, SEED)
                .value()
                .trace());
        double two = Fixtures.withThreads(2, () -> HutchPlusPlus.withDefaults()
                .estimate(LinearOperator.of(big), 90, SEED)
                .value()
                .trace());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }
}
