package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.spectral;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import dev.nla.sketch.testing.LowRankTesting;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InterpolativeDecompositionTest {
    private static final int M = 100;
    private static final int N = 70;
    private static final double[] POLY = TestMatrices.polynomialDecay(N, 1e3, 1.5);

    private static InterpolativeDecomposition id(int k) {
        return new InterpolativeDecomposition(InterpolativeOptions.builder(k).build());
    }

    private static DenseMatrix residual(DenseMatrix a, DenseMatrix approx) {
        DenseMatrix r = a.copy();
        Blas.axpy(-1.0, approx, r);
        return r;
    }

    /**
     * The bound tested: \(\|A - A(:, J)X\|_2 \le \sqrt{1 + k(n - k)}\,\sigma_{k+1}\), the guarantee of
     * the exact ID with a strong rank-revealing QR [Gu and Eisenstat 1996; HMT 2011, §3.2.3], here
     * in the median over 11 seeds for the randomized ID (one power iteration, \(p = 10\)), with
     * constant 1.
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 10, 20})
    void columnIdMeetsTheStrongRrqrBoundInTheMedian(int k) {
        double bound = Math.sqrt(1.0 + k * (N - k)) * POLY[k];
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return spectral(residual(
                    a, id(k).columns(a, RngState.seed(seed + 20)).value().reconstruct()));
        });
        assertThat(med).isLessThanOrEqualTo(bound);
    }

    /**
     * Without power iterations the randomized ID is bounded by \((1 + \sqrt{1 + k(n - k)})\) times
     * the range-finder error [HMT 2011, Lemma 5.1], whose expectation is at most \((1 +
     * \sqrt{k/(p-1)})\sigma_{k+1} + \frac{e\sqrt{k+p}}{p}\tau_k\) [HMT 2011, Thm 10.6].
     */
    @Test
    void plainRandomizedIdMeetsTheHmtBoundInTheMedian() {
        int k = 10;
        int p = 10;
        double range = (1 + Math.sqrt(k / (p - 1.0))) * POLY[k] + Math.E * Math.sqrt(k + p) / p * tail(POLY, k);
        double bound = (1 + Math.sqrt(1.0 + k * (N - k))) * range;
        InterpolativeDecomposition plain = new InterpolativeDecomposition(InterpolativeOptions.builder(k)
                .rangeFinder(
                        SubspaceIterationOptions.builder().powerIterations(0).build())
                .build());
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return spectral(residual(
                    a, plain.columns(a, RngState.seed(seed + 20)).value().reconstruct()));
        });
        assertThat(med).isLessThanOrEqualTo(bound);
    }

    @Test
    void interpolationMatrixIsTheIdentityOnTheSkeleton() {
        ColumnId c =
                id(6).columns(withSpectrum(M, N, POLY, 1), RngState.seed(2)).value();
        DenseMatrix sub = DenseMatrix.zeros(6, 6);
        for (int j = 0; j < 6; j++) {
            for (int i = 0; i < 6; i++) {
                sub.set(i, j, c.interpolation().get(i, c.columns()[j]));
            }
        }
        assertThat(distance(sub, DenseMatrix.identity(6))).isZero();
    }

    @Test
    void skeletonHoldsTheChosenColumns() {
        DenseMatrix a = withSpectrum(M, N, POLY, 3);
        ColumnId c = id(6).columns(a, RngState.seed(4)).value();
        assertThat(distance(c.skeleton().column(2), a.column(c.columns()[2]))).isZero();
    }

    @Test
    void reproducesAnExactlyLowRankMatrix() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(M, N, 7, 0.0, RngState.seed(5));
        ColumnId c = id(7).columns(a, RngState.seed(6)).value();
        assertThat(distance(a, c.reconstruct())).isLessThan(1e-11 * frobenius(a));
    }

    /** The rank drops to the numerical rank of the sketch when \(k\) exceeds it. */
    @Test
    void lowersTheRankToTheNumericalRank() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(M, N, 4, 0.0, RngState.seed(7));
        assertThat(id(9).columns(a, RngState.seed(8)).value().rank()).isEqualTo(4);
    }

    @Test
    void twoSidedIdIsAsAccurateAsTheColumnIdOnLowRank() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(M, N, 7, 0.0, RngState.seed(9));
        TwoSidedId t = id(7).twoSided(a, RngState.seed(10)).value();
        assertThat(distance(a, t.reconstruct())).isLessThan(1e-10 * frobenius(a));
    }

    /** The row interpolation reproduces the skeleton columns exactly: \(C = W\,C(I, :)\). */
    @Test
    void rowInterpolationReproducesTheSkeletonColumns() {
        DenseMatrix a = withSpectrum(M, N, POLY, 11);
        InterpolativeDecomposition alg = id(8);
        ColumnId c = alg.columns(a, RngState.seed(12)).value();
        TwoSidedId t = alg.twoSided(a, RngState.seed(12)).value();
        assertThat(distance(c.skeleton(), Blas.multiply(t.rowInterpolation(), t.skeleton())))
                .isLessThan(1e-12 * frobenius(c.skeleton()));
    }

    @Test
    void twoSidedErrorIsWithinTheBoundOnTheSquareOfTheFactor() {
        int k = 10;
        double bound = (1.0 + k * (N - k)) * POLY[k];
        double med = median(1, 11, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            return spectral(residual(
                    a, id(k).twoSided(a, RngState.seed(seed + 20)).value().reconstruct()));
        });
        assertThat(med).isLessThanOrEqualTo(bound);
    }

    @Test
    void sparseInputGivesTheSameColumns() {
        DenseMatrix a = withSpectrum(M, N, POLY, 13);
        ColumnId d = id(6).columns(a, RngState.seed(14)).value();
        ColumnId s = id(6).columns(SparseMatrix.fromDense(a, SparseMatrix.Format.CSR), RngState.seed(14))
                .value();
        assertThat(s.columns()).containsExactly(d.columns());
    }

    @Test
    void matrixFreeInputGivesTheSameColumns() {
        DenseMatrix a = withSpectrum(M, N, POLY, 15);
        ColumnId d = id(6).columns(a, RngState.seed(16)).value();
        ColumnId f =
                id(6).columns(LowRankTesting.matrixFree(a), RngState.seed(16)).value();
        assertThat(f.columns()).containsExactly(d.columns());
    }
}
