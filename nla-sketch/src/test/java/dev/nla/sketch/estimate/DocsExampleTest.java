package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example of {@code docs/trace-estimation.md} ({@code docs/examples/TraceExample.java}),
 * statement for statement, with the printed values asserted.
 */
class DocsExampleTest {
    private static DenseMatrix a;
    private static double exact;
    private static final RngState STATE = RngState.seed(7);

    @BeforeAll
    static void matrix() {
        int n = 2000;
        DenseMatrix q = Decompositions.qr()
                .decompose(RandomMatrices.gaussian(n, n, RngState.seed(1)).value(), QrMode.THIN)
                .q();
        DenseMatrix ql = q.copy();
        exact = 0;
        for (int i = 0; i < n; i++) {
            double lambda = 1.0 / ((i + 1.0) * (i + 1.0));
            Blas.scal(lambda, ql.column(i));
            exact += lambda;
        }
        a = Blas.multiply(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, ql, q);
    }

    private static double error(TraceEstimator est) {
        return Math.abs(est.estimate(LinearOperator.of(a), 100, STATE).value().trace() - exact);
    }

    @Test
    void traceIsTheSumOfTheEigenvalues() {
        // printed: tr(A) = 1.644434 (pi^2/6 minus the tail 1/2000)
        assertThat(exact).isCloseTo(1.644434, within(5e-7));
    }

    @Test
    void estimatorsWithAHundredProducts() {
        // printed errors: hutchinson 5.0e-2, hutch++ 1.6e-4, xtrace 7.2e-4, xnystrace 5.2e-4
        assertThat(error(Hutchinson.withDefaults())).isLessThan(0.1);
        assertThat(error(HutchPlusPlus.withDefaults())).isLessThan(1e-3);
        assertThat(error(XTrace.withDefaults())).isLessThan(1e-3);
        assertThat(error(XNysTrace.withDefaults())).isLessThan(1e-3);
    }

    @Test
    void adaptiveXTraceMeetsItsTolerance() {
        AdaptiveTraceEstimate adaptive = XTrace.withDefaults()
                .estimate(LinearOperator.of(a), TraceTolerance.of(1e-4, 0, 1000), STATE)
                .value();
        // printed: 256 products, converged, error 4.4e-5
        assertThat(adaptive.converged()).isTrue();
        assertThat(adaptive.matvecs()).isEqualTo(256);
        assertThat(Math.abs(adaptive.trace() - exact)).isLessThan(2e-4 * exact);
    }

    @Test
    void diagonalAndFrobeniusNorm() {
        double[] d = XDiag.withDefaults()
                .estimate(LinearOperator.of(a), 200, STATE)
                .value()
                .diagonal();
        double fro = FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(a), 100, STATE)
                .value()
                .norm();
        // printed: a_00 = 0.00043, estimate 0.00043; ||A||_F = 1.04035, estimate 1.00891
        assertThat(d[0]).isCloseTo(a.get(0, 0), within(5e-5));
        assertThat(fro).isCloseTo(Blas.nrm2(a), within(0.1));
    }
}
