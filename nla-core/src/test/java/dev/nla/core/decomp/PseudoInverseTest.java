package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PseudoInverseTest {
    static double maxAbsDiff(DenseMatrix a, DenseMatrix b) {
        double m = 0.0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                m = Math.max(m, Math.abs(a.get(i, j) - b.get(i, j)));
            }
        }
        return m;
    }

    static DenseMatrix mul(DenseMatrix a, DenseMatrix b) {
        return Blas.multiply(a, b);
    }

    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"12,7", "7,12", "9,9"})
    void satisfiesThePenroseConditions(int m, int n) {
        DenseMatrix a = TestMatrices.withSingularValues(
                m, n, TestMatrices.exponentialDecay(Math.min(m, n), 1e3), RngState.seed(m));
        DenseMatrix x = PseudoInverse.withDefaults().compute(a);
        // kappa = 1e3: each identity holds to O(kappa * n * u) relative to the norms involved (< 1e-9)
        assertThat(maxAbsDiff(mul(mul(a, x), a), a)).as("AXA = A").isLessThan(1e-9);
        assertThat(maxAbsDiff(mul(mul(x, a), x), x)).as("XAX = X").isLessThan(1e-9 * 1e3);
        DenseMatrix ax = mul(a, x);
        assertThat(maxAbsDiff(ax, ax.transpose())).as("AX symmetric").isLessThan(1e-9);
        DenseMatrix xa = mul(x, a);
        assertThat(maxAbsDiff(xa, xa.transpose())).as("XA symmetric").isLessThan(1e-9);
    }

    @Test
    void cutOffDropsNoiseSingularValues() {
        double[] s = {1.0, 0.5, 0.25, 1e-13, 1e-14};
        DenseMatrix a = TestMatrices.withSingularValues(8, 5, s, RngState.seed(3));
        DenseMatrix kept = PseudoInverse.withDefaults().compute(a);
        DenseMatrix cut = PseudoInverse.withDefaults().compute(a, 1e-10);
        // default rcond = 8 eps ~ 1.8e-15 keeps 1e-14: the norm is ~1e14; rcond 1e-10 gives 1/0.25 = 4
        assertThat(LapackRatios.frobenius(kept)).isGreaterThan(1e13);
        assertThat(LapackRatios.frobenius(cut)).isBetween(4.0, 5.0);
    }

    @Test
    void rcondOfOneGivesTheZeroMatrix() {
        DenseMatrix a = TestMatrices.gaussian(4, 3, RngState.seed(1));
        DenseMatrix x = PseudoInverse.withDefaults().compute(a, 1.0);
        assertThat(x.rows()).isEqualTo(3);
        assertThat(x.cols()).isEqualTo(4);
        assertThat(LapackRatios.frobenius(x)).isZero();
    }

    @Test
    void invertsASquareNonsingularMatrix() {
        DenseMatrix a = TestMatrices.withSingularValues(6, 6, new double[] {4, 3, 2, 1, 0.5, 0.25}, RngState.seed(9));
        DenseMatrix x = PseudoInverse.withDefaults().compute(a);
        // kappa = 16: ||AX - I|| = O(kappa n u)
        assertThat(maxAbsDiff(mul(a, x), DenseMatrix.identity(6))).isLessThan(1e-13);
    }

    @Test
    void emptyShapes() {
        assertThat(PseudoInverse.withDefaults().compute(DenseMatrix.zeros(0, 3)).rows())
                .isEqualTo(3);
        assertThat(PseudoInverse.withDefaults().compute(DenseMatrix.zeros(4, 0)).cols())
                .isEqualTo(4);
    }

    @Test
    void defaultRcondIsMaxDimensionTimesEpsilon() {
        assertThat(PseudoInverse.defaultRcond(30, 7)).isEqualTo(30 * 0x1.0p-52);
    }

    @Test
    void rejectsNegativeRcond() {
        assertThatThrownBy(() -> PseudoInverse.withDefaults().compute(DenseMatrix.identity(2), -1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rcond");
    }

    @Test
    void rejectsNaN() {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, Double.NaN}});
        assertThatThrownBy(() -> PseudoInverse.withDefaults().compute(a))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(0, 1)");
    }

    @Test
    void nativeSvdGivesTheSameResult() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Decompositions.nativeAvailable());
        DenseMatrix a = TestMatrices.gaussian(10, 6, RngState.seed(2));
        DenseMatrix j = PseudoInverse.withDefaults().compute(a);
        DenseMatrix n = new PseudoInverse(Decompositions.nativeSvd()).compute(a);
        assertThat(maxAbsDiff(j, n)).isLessThan(1e-12);
    }
}
