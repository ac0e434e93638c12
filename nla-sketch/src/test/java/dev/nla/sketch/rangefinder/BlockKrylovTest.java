package dev.nla.sketch.rangefinder;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.frobenius;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.orthogonalityLoss;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

class BlockKrylovTest {
    private static DenseMatrix slow(long seed) {
        return withSpectrum(150, 100, TestMatrices.polynomialDecay(100, 1e2, 0.5), seed);
    }

    private static QbResult run(BlockKrylovOptions o, DenseMatrix a, int block, long seed) {
        return new BlockKrylov(o).find(a, block, RngState.seed(seed)).value();
    }

    @Test
    void basisHasBlockTimesDepthPlusOneColumns() {
        QbResult qb = run(BlockKrylovOptions.builder().depth(3).build(), slow(1), 6, 2);
        assertThat(qb.rank()).isEqualTo(24);
    }

    /** Full reorthogonalization keeps \(\|Q^{\mathsf T}Q - I\|_F\) at rounding level with many blocks. */
    @Test
    void basisStaysOrthonormalOverManyBlocks() {
        QbResult qb = run(BlockKrylovOptions.builder().depth(12).build(), slow(3), 5, 4);
        assertThat(orthogonalityLoss(qb.q())).isLessThan(1e-12);
    }

    @Test
    void countsTwoDepthPlusTwoPasses() {
        QbResult qb = run(BlockKrylovOptions.builder().depth(3).build(), slow(5), 6, 6);
        assertThat(qb.passes()).isEqualTo(8);
    }

    /**
     * The Krylov space contains the subspace-iteration space with the same passes, so the rank-\(k\)
     * truncation of the Krylov QB is at least as good in the median (and, being larger, better on a
     * slowly decaying spectrum) [Musco and Musco 2015].
     */
    @Test
    void beatsSubspaceIterationAtEqualPasses() {
        int k = 8;
        double krylov = median(
                10,
                7,
                seed -> truncationError(
                        run(BlockKrylovOptions.builder().depth(2).build(), slow(seed), k, seed + 100), slow(seed), k));
        double subspace = median(
                10,
                7,
                seed -> truncationError(
                        new SubspaceIteration(SubspaceIterationOptions.builder()
                                        .powerIterations(2)
                                        .stabiliser(Stabiliser.QR)
                                        .build())
                                .find(slow(seed), k, RngState.seed(seed + 100))
                                .value(),
                        slow(seed),
                        k));
        assertThat(krylov).isLessThan(subspace);
    }

    @Test
    void stopsAtAToleranceAndMeetsIt() {
        DenseMatrix a = withSpectrum(150, 100, TestMatrices.exponentialDecay(100, 1e10), 7);
        QbResult qb = run(BlockKrylovOptions.builder().depth(30).tolerance(1e-4).build(), a, 4, 8);
        assertThat(distance(a, Blas.multiply(qb.q(), qb.b()))).isLessThanOrEqualTo(1e-4 * frobenius(a) + 1e-12);
    }

    /** Rank 6 with distinct singular values: two blocks of 4 span the range, the third breaks down. */
    private static DenseMatrix rankSix() {
        double[] sigma = new double[50];
        for (int i = 0; i < 6; i++) {
            sigma[i] = 6 - i;
        }
        return withSpectrum(60, 50, sigma, 9);
    }

    @Test
    void stopsEarlyOnAnInvariantSubspace() {
        QbResult qb = run(BlockKrylovOptions.builder().depth(5).build(), rankSix(), 4, 10);
        assertThat(qb.rank()).isEqualTo(8);
    }

    @Test
    void capturesAnInvariantSubspaceExactly() {
        DenseMatrix a = rankSix();
        QbResult qb = run(BlockKrylovOptions.builder().depth(5).build(), a, 4, 10);
        assertThat(distance(a, Blas.multiply(qb.q(), qb.b()))).isLessThan(1e-12 * frobenius(a));
    }

    /**
     * Equal singular values make the span of the first block invariant under \(AA^{\mathsf T}\)
     * (here \(AA^{\mathsf T}\) is a projector): a block Krylov method cannot see past a multiplicity
     * larger than its block, and stops instead of adding noise.
     */
    @Test
    void stagnatesOnAMultipleSingularValueLargerThanTheBlock() {
        DenseMatrix a = TestMatrices.lowRankPlusNoise(60, 50, 6, 0.0, RngState.seed(9));
        QbResult qb = run(BlockKrylovOptions.builder().depth(5).build(), a, 4, 10);
        assertThat(qb.rank()).isEqualTo(4);
    }

    @Test
    void optionsRejectANegativeDepth() {
        assertThatThrownBy(() -> BlockKrylovOptions.builder().depth(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("depth");
    }

    @Test
    void optionsRejectANegativeTolerance() {
        assertThatThrownBy(() -> BlockKrylovOptions.builder().tolerance(-0.5).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-0.5");
    }

    /** \(\|A - Q[\![B]\!]_k\|_F\): the error of the rank-\(k\) truncation of a QB factorization. */
    private static double truncationError(QbResult qb, DenseMatrix a, int k) {
        SvdResult s = Decompositions.svd().decompose(qb.b());
        DenseMatrix u = s.u().columns(0, k).copy();
        double[] sigma = s.singularValues();
        for (int j = 0; j < k; j++) {
            Blas.scal(sigma[j], u.column(j));
        }
        DenseMatrix approx = Blas.multiply(Blas.multiply(qb.q(), u), s.vt().rowBlock(0, k));
        return distance(a, approx);
    }
}
