package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewtonSchulzPseudoInverseTest {
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"30,10", "10,30", "15,15"})
    void convergesToTheSvdPseudoInverse(int m, int n) {
        DenseMatrix a = TestMatrices.withSingularValues(
                m, n, TestMatrices.exponentialDecay(Math.min(m, n), 1e4), RngState.seed(n));
        NewtonSchulzResult r = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        DenseMatrix exact = PseudoInverse.withDefaults().compute(a);
        assertThat(r.converged()).isTrue();
        // kappa = 1e4: the iteration's rounding floor is ~kappa u, relative to ||A+|| = 1e4
        assertThat(PseudoInverseTest.maxAbsDiff(r.pseudoInverse(), exact)).isLessThan(1e-8 * 1e4);
    }

    @Test
    void needsAboutLog2OfKappaSquaredIterations() {
        DenseMatrix a = TestMatrices.withSingularValues(20, 8, TestMatrices.exponentialDecay(8, 1e3), RngState.seed(4));
        NewtonSchulzResult r = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        // alpha sigma_min^2 >= 1e-6 / (||A||_1 ||A||_inf / sigma_1^2); log2(1e6 * 8) + 6 ~ 29
        assertThat(r.iterations()).isBetween(15, 45);
        assertThat(r.relativeChange()).isLessThanOrEqualTo(1e-10);
    }

    @Test
    void reportsNonConvergenceAtTheCap() {
        DenseMatrix a = TestMatrices.withSingularValues(20, 8, TestMatrices.exponentialDecay(8, 1e6), RngState.seed(5));
        NewtonSchulzResult r =
                new NewtonSchulzPseudoInverse(NewtonSchulzOptions.defaults().withMaxIterations(5)).compute(a);
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isEqualTo(5);
        assertThat(r.relativeChange()).isGreaterThan(1e-10);
    }

    @Test
    void rankDeficientInputConvergesToTheCutOffPseudoInverse() {
        double[] sigma = {3, 2, 1, 0.5, 0, 0, 0, 0};
        DenseMatrix a = TestMatrices.withSingularValues(20, 8, sigma, RngState.seed(1));
        NewtonSchulzResult r = NewtonSchulzPseudoInverse.withDefaults().compute(a);
        DenseMatrix cut = PseudoInverse.withDefaults().compute(a, 1e-10);
        // the rounding-level singular values (~1e-16) have not been amplified yet when the
        // nonzero ones have converged: the result matches the SVD pseudo-inverse with a cut-off
        assertThat(r.converged()).isTrue();
        assertThat(PseudoInverseTest.maxAbsDiff(r.pseudoInverse(), cut)).isLessThan(1e-12);
    }

    @Test
    void stagnationGuardStopsBeforeRoundingIsAmplified() {
        double[] sigma = {3, 2, 1, 0.5, 0, 0, 0, 0};
        DenseMatrix a = TestMatrices.withSingularValues(20, 8, sigma, RngState.seed(1));
        // a tolerance below the attainable change: without the guard the noise components grow
        // like 2^k and the iterate overflows after ~120 steps
        NewtonSchulzResult r = new NewtonSchulzPseudoInverse(new NewtonSchulzOptions(200, 1e-17)).compute(a);
        DenseMatrix cut = PseudoInverse.withDefaults().compute(a, 1e-10);
        assertThat(r.converged()).isFalse();
        assertThat(r.iterations()).isLessThan(200);
        assertThat(PseudoInverseTest.maxAbsDiff(r.pseudoInverse(), cut)).isLessThan(1e-12);
    }

    @Test
    void zeroMatrixGivesZero() {
        NewtonSchulzResult r = NewtonSchulzPseudoInverse.withDefaults().compute(DenseMatrix.zeros(3, 2));
        assertThat(r.converged()).isTrue();
        assertThat(r.iterations()).isZero();
        assertThat(LapackRatios.frobenius(r.pseudoInverse())).isZero();
        assertThat(r.pseudoInverse().rows()).isEqualTo(2);
    }

    @Test
    void doesNotModifyTheInput() {
        DenseMatrix a = TestMatrices.gaussian(6, 4, RngState.seed(8));
        DenseMatrix before = a.copy();
        NewtonSchulzPseudoInverse.withDefaults().compute(a);
        assertThat(a.toArray()).isDeepEqualTo(before.toArray());
    }

    @Test
    void optionsRejectBadValues() {
        assertThatThrownBy(() -> new NewtonSchulzOptions(0, 1e-10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxIterations");
        assertThatThrownBy(() -> new NewtonSchulzOptions(10, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tolerance");
    }

    @Test
    void optionsWithersChangeOneField() {
        NewtonSchulzOptions o = NewtonSchulzOptions.defaults().withTolerance(1e-6);
        assertThat(o.tolerance()).isEqualTo(1e-6);
        assertThat(o.maxIterations()).isEqualTo(100);
    }

    @Test
    void rejectsInfinity() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {Double.POSITIVE_INFINITY, 0}});
        assertThatThrownBy(() -> NewtonSchulzPseudoInverse.withDefaults().compute(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
    }
}
