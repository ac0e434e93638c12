package dev.nla.sketch.rangefinder;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StabiliserTest {
    private static final double U = 0x1.0p-53;

    /** \(Y = (P^{\mathsf T}L)U\): the LU stabiliser keeps the range exactly (to rounding). */
    @Test
    void luStabiliserTimesUReproducesTheBlock() {
        DenseMatrix y = TestMatrices.gaussian(40, 6, RngState.seed(1));
        DenseMatrix pl = Stabiliser.LU.apply(y);
        LuResult lu = Decompositions.lu().factor(y);
        assertThat(distance(Blas.multiply(pl, lu.u()), y)).isLessThan(100 * 40 * U * frobenius(y));
    }

    /** Partial pivoting bounds the multipliers: \(|l_{ij}| \le 1\), so no column of \(P^{\mathsf T}L\) is small. */
    @Test
    void luStabilisedEntriesAreBoundedByOne() {
        DenseMatrix pl = Stabiliser.LU.apply(TestMatrices.gaussian(40, 6, RngState.seed(2)));
        double max = 0;
        for (int j = 0; j < pl.cols(); j++) {
            for (int i = 0; i < pl.rows(); i++) {
                max = Math.max(max, Math.abs(pl.get(i, j)));
            }
        }
        assertThat(max).isLessThanOrEqualTo(1.0);
    }

    /** A zero column does not stop LU stabilisation (RandLAPACK #109): the result still has full rank. */
    @Test
    void luStabiliserAcceptsARankDeficientBlock() {
        DenseMatrix y = TestMatrices.gaussian(30, 4, RngState.seed(3));
        y.column(2).fill(0.0);
        DenseMatrix pl = Stabiliser.LU.apply(y);
        assertThat(Decompositions.svd().singularValues(pl)[3]).isGreaterThan(0.0);
    }

    /** Every stabiliser keeps the range: the projection of \(Y\) on the stabilised basis is \(Y\). */
    @ParameterizedTest
    @EnumSource(
            value = Stabiliser.class,
            names = {"QR", "LU", "CHOLESKY_QR"})
    void stabilisersKeepTheRange(Stabiliser s) {
        DenseMatrix y = TestMatrices.gaussian(50, 5, RngState.seed(4));
        DenseMatrix q = Decompositions.qr()
                .decompose(s.apply(y), dev.nla.core.decomp.QrMode.THIN)
                .q();
        DenseMatrix proj = Blas.multiply(q, Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, y));
        assertThat(distance(proj, y)).isLessThan(1e-12 * frobenius(y));
    }

    /** CholeskyQR2 breaks down at condition \(\gtrsim 10^8\); the stabiliser then falls back to QR. */
    @Test
    void choleskyQrFallsBackOnIllConditionedBlocks() {
        DenseMatrix y = TestMatrices.withSingularValues(60, 4, new double[] {1, 1e-6, 1e-12, 1e-15}, RngState.seed(5));
        DenseMatrix q = Stabiliser.CHOLESKY_QR.apply(y);
        DenseMatrix g = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, q);
        assertThat(distance(g, DenseMatrix.identity(4))).isLessThan(1e-12);
    }

    @Test
    void noneReturnsTheBlockItself() {
        DenseMatrix y = TestMatrices.gaussian(10, 3, RngState.seed(6));
        assertThat(Stabiliser.NONE.apply(y)).isSameAs(y);
    }

    @Test
    void autoIsNoneUpToTwoPowerIterations() {
        assertThat(Stabiliser.AUTO.resolve(2)).isEqualTo(Stabiliser.NONE);
    }

    @Test
    void autoIsLuAboveTwoPowerIterations() {
        assertThat(Stabiliser.AUTO.resolve(3)).isEqualTo(Stabiliser.LU);
    }

    @Test
    void explicitStabilisersResolveToThemselves() {
        assertThat(Stabiliser.QR.resolve(7)).isEqualTo(Stabiliser.QR);
    }
}
