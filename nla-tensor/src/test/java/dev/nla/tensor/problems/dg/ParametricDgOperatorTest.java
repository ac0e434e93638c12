package dev.nla.tensor.problems.dg;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParametricDgOperatorTest {
    private static final double[] SPEEDS = {0.5, 0.8, 1.5};

    private static ParametricDgOperator operator(int k, int ne, double ref, int nMu) {
        return ParametricDgOperator.of(DgAdvectionOperator.of(new DgOptions(k, ne, ref)), SPEEDS, nMu);
    }

    /** Fibre (i, m) of the full tensor: entries l + (k+1) j + (k+1) N_e i + (k+1) N_e n_a m. */
    private static DenseMatrix slice(DenseTensor full, int i, int m) {
        int[] s = full.shape();
        DenseMatrix out = DenseMatrix.zeros(s[0], s[1]);
        for (int j = 0; j < s[1]; j++) {
            for (int l = 0; l < s[0]; l++) {
                out.set(l, j, full.get(l, j, i, m));
            }
        }
        return out;
    }

    private static double norm(DenseMatrix a) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                s += a.get(i, j) * a.get(i, j);
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Every fibre of L U is the full-grid operator of speed a_i applied to the fibre of U. The
     * reference speed differs from all a_i, so the rescaling a_i / a_ref is exercised.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 2, 4})
    void applyMatchesTheFullGridOperatorFibreByFibre(int k) {
        ParametricDgOperator p = operator(k, 12, 1.1, 2);
        TuckerTensor x = TestTensors.gaussianTucker(
                p.modeSizes(), new int[] {Math.min(2, k + 1), 3, 2, 2}, RngState.seed(10 + k));
        DenseTensor ux = Reconstruction.full(x);
        DenseTensor lux = Reconstruction.full(p.apply(x));
        for (int i = 0; i < SPEEDS.length; i++) {
            for (int m = 0; m < 2; m++) {
                DenseMatrix expected = p.fibreOperator(i).apply(slice(ux, i, m));
                // A few products of O(a/dx) entries with O(1) data per entry: relative error O(k u).
                assertThatMatrix(slice(lux, i, m)).isCloseTo(expected, 1e-13 * norm(expected));
            }
        }
    }

    @Test
    void applyMatchesTheAssembledSparseOperatorOfEachSpeed() {
        ParametricDgOperator p = operator(1, 8, 1.0, 3);
        TuckerTensor x = TestTensors.gaussianTucker(p.modeSizes(), new int[] {2, 4, 1, 2}, RngState.seed(3));
        DenseTensor ux = Reconstruction.full(x);
        DenseTensor lux = Reconstruction.full(p.apply(x));
        int i = 2;
        int m = 1;
        DenseMatrix fibre = slice(ux, i, m);
        DenseMatrix expected =
                Blas.multiply(p.fibreOperator(i).toSparse(), DenseMatrix.wrap(16, 1, fibre.toColumnMajorArray()));
        DenseMatrix actual = DenseMatrix.wrap(16, 1, slice(lux, i, m).toColumnMajorArray());
        // Same bound as above: sums of a few O(a/dx) products.
        assertThatMatrix(actual).isCloseTo(expected, 1e-13 * norm(expected));
    }

    @Test
    void applyIsACellTermAndAnUpwindTermSharingTheCore() {
        ParametricDgOperator p = operator(1, 8, 1.0, 2);
        TuckerTensor x = TestTensors.gaussianTucker(p.modeSizes(), new int[] {2, 2, 1, 1}, RngState.seed(4));
        var sum = p.apply(x);
        assertThat(List.of(
                        sum.size(),
                        sum.term(0).core() == x.core() ? 1 : 0,
                        sum.term(1).core() == x.core() ? 1 : 0))
                .containsExactly(2, 1, 1);
    }

    @Test
    void dataInTuckerFormReproduceEveryFibreExactly() {
        ParametricDgOperator p = operator(2, 10, 1.0, 3);
        List<DenseMatrix> data = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            data.add(RandomMatrices.gaussian(3, 10, RngState.seed(20 + m)).value());
        }
        TuckerTensor x = p.toTucker(data);
        double worst = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            for (int m = 0; m < 3; m++) {
                DenseMatrix f = p.fibre(x, i, m);
                DenseMatrix d = data.get(m);
                double diff = 0;
                for (int j = 0; j < 10; j++) {
                    for (int l = 0; l < 3; l++) {
                        diff += Math.pow(f.get(l, j) - d.get(l, j), 2);
                    }
                }
                worst = Math.max(worst, Math.sqrt(diff) / norm(d));
            }
        }
        // Householder QR and its product back: backward stable, O(n u) relative.
        assertThat(worst).isLessThan(1e-14);
    }

    @Test
    void speedDependentDataInTuckerFormReproduceEveryFibreExactly() {
        ParametricDgOperator p = operator(1, 9, 1.0, 2);
        DenseMatrix[][] fibres = new DenseMatrix[SPEEDS.length][2];
        for (int i = 0; i < SPEEDS.length; i++) {
            for (int m = 0; m < 2; m++) {
                fibres[i][m] = RandomMatrices.gaussian(2, 9, RngState.seed(40 + 2 * i + m))
                        .value();
            }
        }
        TuckerTensor x = p.toTucker(fibres);
        double worst = 0;
        for (int i = 0; i < SPEEDS.length; i++) {
            for (int m = 0; m < 2; m++) {
                DenseMatrix f = p.fibre(x, i, m);
                double diff = 0;
                for (int j = 0; j < 9; j++) {
                    for (int l = 0; l < 2; l++) {
                        diff += Math.pow(f.get(l, j) - fibres[i][m].get(l, j), 2);
                    }
                }
                worst = Math.max(worst, Math.sqrt(diff) / norm(fibres[i][m]));
            }
        }
        // Householder QR and its product back: backward stable, O(n u) relative.
        assertThat(worst).isLessThan(1e-14);
    }

    @Test
    void speedDependentDataKeepTheFullSpeedMode() {
        ParametricDgOperator p = operator(1, 40, 1.0, 2);
        DenseMatrix[][] fibres = new DenseMatrix[SPEEDS.length][2];
        for (int i = 0; i < SPEEDS.length; i++) {
            for (int m = 0; m < 2; m++) {
                fibres[i][m] = p.dg().project(new PeriodicGaussian(0.5 + 0.1 * SPEEDS[i], 0.1 + 0.05 * m));
            }
        }
        // element rank <= (k+1) n_a n_mu = 12 <= N_e; identity factors in the parameter modes.
        assertThat(p.toTucker(fibres).ranks()).containsExactly(2, 12, 3, 2);
    }

    @Test
    void fibreGridOfTheWrongSizeIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 2);
        DenseMatrix[][] fibres = new DenseMatrix[SPEEDS.length][1];
        assertThatThrownBy(() -> p.toTucker(fibres))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("fibres[0]")
                .hasMessageContaining("n_mu = 2");
    }

    @Test
    void fibreOfTheWrongShapeIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 1);
        DenseMatrix[][] fibres = new DenseMatrix[SPEEDS.length][1];
        for (int i = 0; i < SPEEDS.length; i++) {
            fibres[i][0] = DenseMatrix.zeros(2, 8);
        }
        fibres[2][0] = DenseMatrix.zeros(3, 8);
        assertThatThrownBy(() -> p.toTucker(fibres))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("fibres[2][0]")
                .hasMessageContaining("3x8");
    }

    @Test
    void dataInTuckerFormHaveRankOneInTheSpeedMode() {
        ParametricDgOperator p = operator(1, 16, 1.0, 2);
        TuckerTensor x = p.project(List.of(new PeriodicGaussian(0.5, 0.1), new PeriodicGaussian(0.5, 0.2)));
        // rank <= min(N_e, (k+1) n_mu) = 4 in the element mode, 1 in the speed mode.
        assertThat(x.ranks()).containsExactly(2, 4, 1, 2);
    }

    @Test
    void fibreMatchesTheFullReconstruction() {
        ParametricDgOperator p = operator(2, 6, 1.0, 2);
        TuckerTensor x = TestTensors.gaussianTucker(p.modeSizes(), new int[] {3, 4, 2, 2}, RngState.seed(5));
        DenseTensor full = Reconstruction.full(x);
        DenseMatrix expected = slice(full, 1, 1);
        // Two contraction orders of the same O(1) sums of 48 products.
        assertThatMatrix(p.fibre(x, 1, 1)).isCloseTo(expected, 1e-13 * norm(expected));
    }

    @Test
    void timeGridFollowsTheLargestSpeed() {
        ParametricDgOperator p = operator(2, 32, 1.0, 1);
        TimeGrid expected = TimeGrid.of(new DgOptions(2, 32, 1.5), 1.0, 0.5, TimeStepRule.CFL);
        assertThat(p.timeGrid(1.0, 0.5, TimeStepRule.CFL)).isEqualTo(expected);
    }

    @Test
    void samplesAreUniformAndIncludeBothEnds() {
        assertThat(ParametricDgOperator.samples(0.5, 1.5, 5)).containsExactly(0.5, 0.75, 1.0, 1.25, 1.5);
    }

    @Test
    void singleSampleIsTheMidpoint() {
        assertThat(ParametricDgOperator.samples(0.04, 0.1, 1)).containsExactly(new double[] {0.07}, within(1e-17));
    }

    @Test
    void samplesWithReversedBoundsAreRefused() {
        assertThatThrownBy(() -> ParametricDgOperator.samples(2.0, 1.0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2.0")
                .hasMessageContaining("1.0");
    }

    @Test
    void emptySpeedsAreRefused() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(1, 8, 1.0));
        assertThatThrownBy(() -> ParametricDgOperator.of(dg, new double[0], 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speeds");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY})
    void nonPositiveOrNonFiniteSpeedIsRefused(double bad) {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(1, 8, 1.0));
        assertThatThrownBy(() -> ParametricDgOperator.of(dg, new double[] {1.0, bad}, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("speeds[1]")
                .hasMessageContaining(String.valueOf(bad));
    }

    @Test
    void zeroDataSamplesAreRefused() {
        DgAdvectionOperator dg = DgAdvectionOperator.of(new DgOptions(1, 8, 1.0));
        assertThatThrownBy(() -> ParametricDgOperator.of(dg, SPEEDS, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("dataSamples")
                .hasMessageContaining("0");
    }

    @Test
    void wrongNumberOfDataIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 3);
        assertThatThrownBy(() -> p.toTucker(List.of(DenseMatrix.zeros(2, 8))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("1")
                .hasMessageContaining("n_mu = 3");
    }

    @Test
    void dataOfTheWrongShapeAreRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 1);
        assertThatThrownBy(() -> p.toTucker(List.of(DenseMatrix.zeros(2, 7))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("2x7");
    }

    @Test
    void nonFiniteDataAreRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 1);
        DenseMatrix u = DenseMatrix.zeros(2, 8);
        u.set(1, 3, Double.NaN);
        assertThatThrownBy(() -> p.toTucker(List.of(u)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("data[0]")
                .hasMessageContaining("NaN");
    }

    @Test
    void wrongFamilySizeIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 2);
        assertThatThrownBy(() -> p.project(List.of(new PeriodicGaussian(0.5, 0.1))))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("n_mu = 2");
    }

    @Test
    void tensorOfTheWrongShapeIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 2);
        TuckerTensor wrong =
                TestTensors.gaussianTucker(new int[] {2, 8, 2, 2}, new int[] {1, 1, 1, 1}, RngState.seed(6));
        assertThatThrownBy(() -> p.apply(wrong))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("[2, 8, 2, 2]")
                .hasMessageContaining("[2, 8, 3, 2]");
    }

    @Test
    void fibreIndexOutOfRangeIsRefused() {
        ParametricDgOperator p = operator(1, 8, 1.0, 2);
        TuckerTensor x = TestTensors.gaussianTucker(p.modeSizes(), new int[] {1, 1, 1, 1}, RngState.seed(7));
        assertThatThrownBy(() -> p.fibre(x, 3, 0))
                .isInstanceOf(IndexOutOfBoundsException.class)
                .hasMessageContaining("3");
    }
}
