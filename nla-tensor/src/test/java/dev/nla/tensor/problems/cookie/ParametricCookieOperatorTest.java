package dev.nla.tensor.problems.cookie;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerSum;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;

class ParametricCookieOperatorTest {
    private static final CookieProblem SMALL =
            CookieProblem.assemble(CookieOptions.defaults().withCellsPerSide(6));
    private static final double[][] SAMPLES = {{1.0, 4.0, 9.5}, {2.0, 0.5}, {1.0, 3.0, 5.0, 7.0}, {6.0, 0.25}};
    private final ParametricCookieOperator op = ParametricCookieOperator.of(SMALL, SAMPLES);
    private final TuckerTensor x =
            TestTensors.gaussianTucker(new int[] {49, 3, 2, 4, 2}, new int[] {4, 2, 2, 3, 1}, RngState.seed(21));

    @Test
    void applyMatchesTheKroneckerSumOnTheFullTensor() {
        DenseTensor expected = ReferenceKroneckerSum.apply(SMALL, SAMPLES, Reconstruction.full(x));
        DenseTensor actual = Reconstruction.full(op.apply(x));
        // Each entry is a sum of at most ~8 sparse terms times a 24-term Tucker entry: O(100 u) relative.
        assertThat(TestTensors.maxAbsDifference(actual, expected)).isLessThan(1e-13 * expected.frobeniusNorm());
    }

    @Test
    void applyReturnsOneSummandPerCookiePlusTheBackgroundAllSharingTheCore() {
        TuckerSum y = op.apply(x);
        assertThat(y.size()).isEqualTo(5);
        for (TuckerTensor t : y.terms()) {
            assertThat(t.core()).isSameAs(x.core());
        }
    }

    @Test
    void fibreIsTheSolutionEntryOfTheFullTensor() {
        DenseTensor full = Reconstruction.full(x);
        DenseMatrix f = op.fibre(x, 2, 1, 3, 0);
        for (int p = 0; p < 49; p++) {
            assertThat(f.get(p, 0)).isCloseTo(full.get(p, 2, 1, 3, 0), within(1e-13));
        }
    }

    @Test
    void rightHandSideIsTheLoadAtEveryParameterPoint() {
        TuckerTensor b = op.rightHandSide();
        assertThatMatrix(op.fibre(b, 1, 0, 2, 1)).isCloseTo(SMALL.load(), 0.0);
    }

    @Test
    void operatorFibreIsTheParameterPointOperator() {
        // (A X)(:, i) = A(rho_i) X(:, i) for a tensor that is constant along the parameter modes.
        DenseMatrix u = SMALL.load();
        TuckerTensor b = op.rightHandSide().withFactor(0, u);
        DenseMatrix lhs = op.fibre(TuckerSumFull.asTucker(op.apply(b)), 0, 1, 2, 1);
        SparseMatrix a = SMALL.operator(op.parameterPoint(0, 1, 2, 1));
        assertThatMatrix(lhs).isCloseTo(Blas.multiply(a, u), 1e-14);
    }

    @Test
    void meanPreconditionerSolvesOnTheSpatialFactorOnly() {
        TuckerTensor y = op.meanPreconditioner().applyInverse(x);
        assertThat(y.ranks()).containsExactly(x.ranks());
        assertThat(y.factor(3)).isSameAs(x.factor(3));
        DenseMatrix back = Blas.multiply(SMALL.meanOperator(), y.factor(0));
        assertThatMatrix(back).isCloseTo(x.factor(0), 1e-12);
    }

    @Test
    void uniformSamplesAreLinspace() {
        ParametricCookieOperator u = ParametricCookieOperator.uniform(SMALL, 4, 1.0, 10.0);
        assertThat(u.samples(2)).containsExactly(1.0, 4.0, 7.0, 10.0);
    }

    @Test
    void modeSizesAreSpaceThenSamples() {
        assertThat(op.modeSizes()).containsExactly(49, 3, 2, 4, 2);
    }

    @Test
    void nonPositiveSampleIsRefused() {
        assertThatThrownBy(() -> ParametricCookieOperator.of(
                        SMALL, new double[] {1}, new double[] {1, -2}, new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("samples[1][1] = -2.0")
                .hasMessageContaining("indefinite");
    }

    @Test
    void parameterRangeReachingZeroIsRefusedAsIndefinite() {
        // rho in [-1, 10] contains 0 (singular) and negative values (indefinite A(rho)).
        assertThatThrownBy(() -> ParametricCookieOperator.uniform(SMALL, 4, -1.0, 10.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lo = -1.0 is not positive")
                .hasMessageContaining("indefinite");
    }

    @Test
    void invertedParameterRangeIsRefused() {
        assertThatThrownBy(() -> ParametricCookieOperator.uniform(SMALL, 4, 10.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("hi = 1.0 is below lo = 10.0");
    }

    @Test
    void nonFiniteSampleIsRefused() {
        assertThatThrownBy(() -> ParametricCookieOperator.uniform(SMALL, 3, 1.0, Double.POSITIVE_INFINITY))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("hi");
    }

    @Test
    void wrongNumberOfSampleArraysIsRefused() {
        assertThatThrownBy(() -> ParametricCookieOperator.of(SMALL, new double[] {1}, new double[] {2}))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2 cookies")
                .hasMessageContaining("4");
    }

    @Test
    void tensorOfTheWrongShapeIsRefused() {
        TuckerTensor wrong =
                TestTensors.gaussianTucker(new int[] {49, 3, 2, 4, 3}, new int[] {1, 1, 1, 1, 1}, RngState.seed(1));
        assertThatThrownBy(() -> op.apply(wrong))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[49, 3, 2, 4, 3]")
                .hasMessageContaining("[49, 3, 2, 4, 2]");
    }

    @Test
    void parameterIndexOutOfRangeIsRefused() {
        assertThatThrownBy(() -> op.parameterPoint(0, 2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
