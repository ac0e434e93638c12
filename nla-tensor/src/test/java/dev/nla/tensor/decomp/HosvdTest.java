package dev.nla.tensor.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.MatrixAssert;
import dev.nla.tensor.tenalg.Reconstruction;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Hosvd}: exact recovery, the tolerance guarantee, validation. */
class HosvdTest {
    private static final int[] N = {12, 10, 9};

    private static DenseTensor lowRankPlusNoise(double noise, long seed) {
        DenseTensor x = Reconstruction.full(TestTensors.orthonormalTucker(N, new int[] {3, 4, 2}, RngState.seed(seed)));
        DenseTensor e = TestTensors.gaussian(N, RngState.seed(seed + 1));
        for (int p = 0; p < x.elementCount(); p++) {
            x.data()[p] += noise * e.data()[p];
        }
        return x;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void recoversAnExactlyLowRankTensor(boolean sequential) {
        DenseTensor x = lowRankPlusNoise(0, 1);
        Truncation t = Truncation.tolerance(1e-10);
        HosvdResult h = sequential ? Hosvd.stHosvd(x, t) : Hosvd.hosvd(x, t);
        assertThat(h.ranks()).containsExactly(3, 4, 2);
        // backward-stable SVDs: error O(u) relative
        assertThat(TestTensors.difference(Reconstruction.full(h.tensor()), x))
                .isLessThanOrEqualTo(1e-13 * x.frobeniusNorm());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-1, 1e-2, 1e-4})
    void errorStaysWithinTheToleranceAndTheBound(double eps) {
        DenseTensor x = lowRankPlusNoise(1e-3, 2);
        HosvdResult h = Hosvd.stHosvd(x, Truncation.tolerance(eps));
        double err = TestTensors.difference(Reconstruction.full(h.tensor()), x) / x.frobeniusNorm();
        assertThat(err).isLessThanOrEqualTo(eps);
        // the reported bound is an upper bound of the true error (up to rounding)
        assertThat(err).isLessThanOrEqualTo(h.errorBound() * (1 + 1e-10) + 1e-14);
    }

    @Test
    void factorsAreOrthonormal() {
        HosvdResult h = Hosvd.hosvd(lowRankPlusNoise(1e-2, 3), Truncation.rank(3));
        for (DenseMatrix u : h.tensor().factors()) {
            MatrixAssert.assertThatMatrix(u).hasOrthonormalColumns(1e-13);
        }
    }

    @Test
    void rankCapsAreHonoured() {
        HosvdResult h = Hosvd.stHosvd(
                lowRankPlusNoise(1e-2, 4), Truncation.ranks(2, 3, 1).withTolerance(1e-8));
        assertThat(h.ranks()).containsExactly(2, 3, 1);
    }

    @Test
    void zeroTensorGetsRankOne() {
        HosvdResult h = Hosvd.stHosvd(DenseTensor.zeros(N), Truncation.tolerance(1e-3));
        assertThat(h.ranks()).containsExactly(1, 1, 1);
        assertThat(h.errorBound()).isZero();
    }

    @Test
    void rejectsNonFiniteInput() {
        DenseTensor x = lowRankPlusNoise(0, 5);
        x.set(Double.NaN, 1, 2, 3);
        assertThatThrownBy(() -> Hosvd.stHosvd(x, Truncation.rank(2)))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("[1, 2, 3]");
    }

    @Test
    void rejectsRankAboveModeSize() {
        assertThatThrownBy(() -> Hosvd.hosvd(DenseTensor.zeros(N), Truncation.ranks(3, 11, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("n_2 = 10");
    }

    @Test
    void tuckerRoundingCompressesRedundantFactors() {
        // [[G; U]] with 6 columns per factor spanning only a 3-dimensional space per mode
        TuckerTensor base = TestTensors.gaussianTucker(N, new int[] {3, 3, 3}, RngState.seed(6));
        DenseMatrix[] f = new DenseMatrix[3];
        for (int k = 0; k < 3; k++) {
            DenseMatrix mix = dev.nla.core.testing.TestMatrices.gaussian(3, 6, RngState.seed(10 + k));
            f[k] = dev.nla.core.blas.Blas.multiply(base.factor(k), mix);
        }
        TuckerTensor redundant = TuckerTensor.of(TestTensors.gaussian(new int[] {6, 6, 6}, RngState.seed(7)), f);
        HosvdResult h = TuckerRounding.round(redundant, Truncation.tolerance(1e-12));
        assertThat(h.ranks()).containsExactly(3, 3, 3);
        DenseTensor full = Reconstruction.full(redundant);
        assertThat(TestTensors.difference(Reconstruction.full(h.tensor()), full))
                .isLessThanOrEqualTo(1e-12 * full.frobeniusNorm());
    }
}
