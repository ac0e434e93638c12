package dev.nla.sketch.estimate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class FrobeniusNormEstimatorTest {
    private static final RngState SEED = RngState.seed(1313);

    @Test
    void isExactForAScaledMatrixWithOrthonormalColumnsAndRandomSigns() {
        // A = c Q, Q^T Q = I_n: ||A omega|| = c ||omega|| = c sqrt(n) = ||A||_F for omega = +-1
        DenseMatrix q = Decompositions.qr()
                .decompose(TestMatrices.gaussian(70, 25, RngState.seed(41)), QrMode.THIN)
                .q();
        Blas.scal(3.0, q);
        NormEstimate e = FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(q), 4, SEED)
                .value();
        assertThat(e.norm()).isCloseTo(15.0, within(1e-13 * 15));
        assertThat(e.errorEstimate()).isLessThan(1e-13);
    }

    @Test
    void worksForAWideOperator() {
        DenseMatrix a = TestMatrices.gaussian(20, 300, RngState.seed(42));
        NormEstimate e = FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(a), 400, SEED)
                .value();
        double exact = Blas.nrm2(a);
        // relative error of the squared norm <= sqrt(2/m) per standard deviation; 5 sigma for the norm
        assertThat(e.norm()).isCloseTo(exact, within(5 * Math.sqrt(2.0 / 400) / 2 * exact));
        assertThat(e.matvecs()).isEqualTo(400);
    }

    @Test
    void errorEstimateIsTheDeltaMethodStandardError() {
        DenseMatrix a = TestMatrices.gaussian(30, 30, RngState.seed(43));
        NormEstimate e = FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(a), 50, SEED)
                .value();
        double[] s = e.samples();
        double mean = Fixtures.sum(s) / s.length;
        double ss = 0;
        for (double v : s) {
            ss += (v - mean) * (v - mean);
        }
        double se = Math.sqrt(ss / (s.length - 1) / s.length);
        assertThat(e.errorEstimate()).isCloseTo(se / (2 * e.norm()), within(1e-12 * se));
    }

    @Test
    void isBitwiseReproducibleAcrossThreadCounts() {
        DenseMatrix a = TestMatrices.gaussian(900, 400, RngState.seed(44));
        double one = Fixtures.withThreads(1, () -> FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(a), 64, SEED)
                .value()
                .norm());
        double two = Fixtures.withThreads(2, () -> FrobeniusNormEstimator.withDefaults()
                .estimate(LinearOperator.of(a), 64, SEED)
                .value()
                .norm());
        assertThat(Double.doubleToRawLongBits(two)).isEqualTo(Double.doubleToRawLongBits(one));
    }

    @Test
    void rejectsAnOperatorWithoutColumns() {
        assertThatThrownBy(() -> FrobeniusNormEstimator.withDefaults()
                        .estimate(LinearOperator.of(DenseMatrix.zeros(3, 0)), 4, SEED))
                .isInstanceOf(dev.nla.core.error.DimensionMismatchException.class)
                .hasMessageContaining("3x0");
    }

    @Test
    void rejectsImprovedVectors() {
        assertThatThrownBy(() -> new FrobeniusNormEstimator(TestVectors.IMPROVED))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
