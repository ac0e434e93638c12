package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class SvdLeastSquaresTest {
    @Test
    void overdeterminedFullRankSatisfiesTheNormalEquations() {
        DenseMatrix a = TestMatrices.gaussian(40, 6, RngState.seed(1));
        DenseMatrix b = TestMatrices.gaussian(40, 2, RngState.seed(2));
        MinimumNormSolution s = SvdLeastSquares.withDefaults().solve(a, b);
        DenseMatrix r = Blas.multiply(a, s.x());
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < 40; i++) {
                r.set(i, j, b.get(i, j) - r.get(i, j));
            }
        }
        // A^T r = 0 up to O(kappa n u ||A|| ||b||) for this well-conditioned Gaussian A
        DenseMatrix atr = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, a, r);
        assertThat(LapackRatios.frobenius(atr)).isLessThan(1e-11);
        assertThat(s.rank()).isEqualTo(6);
    }

    @Test
    void underdeterminedGivesTheMinimumNormSolution() {
        DenseMatrix a = TestMatrices.gaussian(4, 10, RngState.seed(3));
        DenseMatrix b = TestMatrices.gaussian(4, 1, RngState.seed(4));
        MinimumNormSolution s = SvdLeastSquares.withDefaults().solve(a, b);
        // exact fit, and x = A^T (A A^T)^{-1} b lies in the row space: compare with A+ b
        DenseMatrix ax = Blas.multiply(a, s.x());
        assertThat(PseudoInverseTest.maxAbsDiff(ax, b)).isLessThan(1e-12);
        DenseMatrix viaPinv = Blas.multiply(PseudoInverse.withDefaults().compute(a), b);
        assertThat(PseudoInverseTest.maxAbsDiff(s.x(), viaPinv)).isLessThan(1e-12);
    }

    @Test
    void rankDeficientUsesTheCutOff() {
        double[] sigma = {2.0, 1.0, 1e-14, 0.0};
        DenseMatrix a = TestMatrices.withSingularValues(9, 4, sigma, RngState.seed(6));
        DenseMatrix b = TestMatrices.gaussian(9, 1, RngState.seed(7));
        MinimumNormSolution loose = SvdLeastSquares.withDefaults().solve(a, b, 1e-10);
        MinimumNormSolution tight = SvdLeastSquares.withDefaults().solve(a, b, 0.0);
        assertThat(loose.rank()).isEqualTo(2);
        // without a cut-off the rounding-level singular values are inverted: a huge solution
        assertThat(LapackRatios.frobenius(tight.x())).isGreaterThan(1e6 * LapackRatios.frobenius(loose.x()));
        assertThat(loose.rcond()).isEqualTo(1e-10);
        assertThat(loose.singularValues()).hasSize(4);
    }

    @Test
    void rejectsMismatchedRightHandSide() {
        assertThatThrownBy(() -> SvdLeastSquares.withDefaults().solve(DenseMatrix.zeros(5, 3), DenseMatrix.zeros(4, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x3")
                .hasMessageContaining("4x1");
    }

    @Test
    void rejectsNaNInTheRightHandSide() {
        DenseMatrix b = DenseMatrix.columnVector(1.0, Double.NaN);
        assertThatThrownBy(() -> SvdLeastSquares.withDefaults().solve(DenseMatrix.identity(2), b))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(1, 0)");
    }

    @Test
    void zeroRightHandSideColumnsAndEmptyMatrices() {
        MinimumNormSolution s = SvdLeastSquares.withDefaults().solve(DenseMatrix.zeros(3, 0), DenseMatrix.zeros(3, 2));
        assertThat(s.x().rows()).isZero();
        assertThat(s.x().cols()).isEqualTo(2);
        assertThat(s.rank()).isZero();
    }
}
