package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.spectral;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.PseudoInverse;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.testing.LowRankTesting;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CurTest {
    private static final int M = 100;
    private static final int N = 70;
    private static final double[] POLY = TestMatrices.polynomialDecay(N, 1e3, 1.5);

    private static CurDecomposition cur(CurSelection s, int k, DenseMatrix a, long seed) {
        return new Cur(CurOptions.builder(k).selection(s).build())
                .compute(a, RngState.seed(seed))
                .value();
    }

    private static DenseMatrix residual(DenseMatrix a, DenseMatrix approx) {
        DenseMatrix r = a.copy();
        Blas.axpy(-1.0, approx, r);
        return r;
    }

    @ParameterizedTest
    @EnumSource(CurSelection.class)
    void reproducesAnExactlyLowRankMatrix(CurSelection s) {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(M, N, 6, 0.0, RngState.seed(1));
        assertThat(distance(a, cur(s, 6, a, 2).reconstruct())).isLessThan(1e-10 * frobenius(a));
    }

    @ParameterizedTest
    @EnumSource(CurSelection.class)
    void chosenColumnsAndRowsAreCopiesOfA(CurSelection s) {
        DenseMatrix a = withSpectrum(M, N, POLY, 3);
        CurDecomposition c = cur(s, 5, a, 4);
        assertThat(distance(c.c().column(1), a.column(c.columns()[1])) + distance(c.r().row(2), a.row(c.rows()[2])))
                .isZero();
    }

    @ParameterizedTest
    @EnumSource(CurSelection.class)
    void indicesAreDistinct(CurSelection s) {
        CurDecomposition c = cur(s, 10, withSpectrum(M, N, POLY, 5), 6);
        assertThat(Arrays.stream(c.columns()).distinct().count()
                        + Arrays.stream(c.rows()).distinct().count())
                .isEqualTo(20);
    }

    /**
     * DEIM with exact singular vectors and \(U = C^\dagger AR^\dagger\): \(\|A - CUR\|_2 \le (\eta_p +
     * \eta_q)\sigma_{k+1}\), \(\eta_p = \|U_k(I, :)^{-1}\|_2\), \(\eta_q = \|V_k(J, :)^{-1}\|_2\)
     * [Sorensen and Embree 2016, Thm 4.1]. A deterministic inequality, checked to rounding.
     */
    @Test
    void deimMeetsTheSorensenEmbreeBound() {
        int k = 8;
        DenseMatrix a = withSpectrum(M, N, POLY, 7);
        SvdResult svd = Decompositions.svd().decompose(a);
        DenseMatrix uk = svd.u().columns(0, k).copy();
        DenseMatrix vk = svd.vt().rowBlock(0, k).transpose();
        int[] rows = Skeletons.deim(uk);
        int[] cols = Skeletons.deim(vk);
        DenseMatrix c = Skeletons.columns(dev.nla.core.operator.LinearOperator.of(a), cols);
        DenseMatrix r = Skeletons.rows(dev.nla.core.operator.LinearOperator.of(a), rows);
        PseudoInverse pinv = PseudoInverse.withDefaults();
        DenseMatrix u = Blas.multiply(Blas.multiply(pinv.compute(c), a), pinv.compute(r));
        double etaP = 1 / smallestSingularValue(select(uk, rows));
        double etaQ = 1 / smallestSingularValue(select(vk, cols));
        double error = spectral(residual(a, Blas.multiply(Blas.multiply(c, u), r)));
        assertThat(error).isLessThanOrEqualTo((etaP + etaQ) * POLY[k] * (1 + 1e-10));
    }

    /** The core \(C^\dagger AR^\dagger\) is optimal: no other core does better for the same \(C\), \(R\). */
    @Test
    void coreIsTheLeastSquaresOptimum() {
        DenseMatrix a = withSpectrum(M, N, POLY, 9);
        CurDecomposition c = cur(CurSelection.INTERPOLATIVE, 8, a, 10);
        DenseMatrix perturbed = c.u().copy();
        perturbed.add(0, 0, 1e-3);
        DenseMatrix other = Blas.multiply(Blas.multiply(c.c(), perturbed), c.r());
        assertThat(distance(a, c.reconstruct())).isLessThan(distance(a, other));
    }

    /**
     * CUR via the interpolative decomposition, in the median: within the squared strong-RRQR factor
     * \(1 + k(n - k)\) of \(\sigma_{k+1}\) in the spectral norm (two skeleton selections compose;
     * [Voronin and Martinsson 2017, §3; HMT 2011, §3.2.3]).
     */
    @Test
    void interpolativeCurIsWithinTheComposedIdBound() {
        int k = 10;
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return spectral(
                    residual(a, cur(CurSelection.INTERPOLATIVE, k, a, seed + 30).reconstruct()));
        });
        assertThat(med).isLessThanOrEqualTo((1.0 + k * (N - k)) * POLY[k]);
    }

    /** Leverage sampling with \(k\) samples is a heuristic: within 10 times the optimal Frobenius error here. */
    @Test
    void leverageScoreCurIsWithinAnOrderOfMagnitudeOfOptimal() {
        int k = 10;
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return distance(
                    a, cur(CurSelection.LEVERAGE_SCORES, k, a, seed + 30).reconstruct());
        });
        assertThat(med).isLessThanOrEqualTo(10 * tail(POLY, k));
    }

    /**
     * A column carrying almost all the energy is the top right singular vector's support: its
     * leverage score for \(k = 1\) is nearly 1, so it is the one sampled.
     */
    @Test
    void leverageSamplingPicksADominantColumn() {
        DenseMatrix a = withSpectrum(M, N, POLY, 11);
        Blas.scal(1e4, a.column(17));
        CurDecomposition c = cur(CurSelection.LEVERAGE_SCORES, 1, a, 12);
        assertThat(c.columns()).contains(17);
    }

    @Test
    void matrixFreeInputGivesTheSameDecomposition() {
        DenseMatrix a = withSpectrum(M, N, POLY, 13);
        CurDecomposition d = cur(CurSelection.INTERPOLATIVE, 6, a, 14);
        CurDecomposition f = new Cur(CurOptions.builder(6).build())
                .compute(LowRankTesting.matrixFree(a), RngState.seed(14))
                .value();
        assertThat(distance(d.reconstruct(), f.reconstruct())).isLessThan(1e-9);
    }

    @Test
    void rejectsNegativeOversampling() {
        assertThatThrownBy(() -> CurOptions.builder(3).oversampling(-2).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-2");
    }

    private static DenseMatrix select(DenseMatrix v, int[] rows) {
        DenseMatrix s = DenseMatrix.zeros(rows.length, v.cols());
        for (int i = 0; i < rows.length; i++) {
            s.row(i).copyFrom(v.row(rows[i]));
        }
        return s;
    }

    private static double smallestSingularValue(DenseMatrix x) {
        double[] s = Decompositions.svd().singularValues(x);
        return s[s.length - 1];
    }
}
