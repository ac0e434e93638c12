package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.bitwiseEqual;
import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.matrixFree;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.orthogonalityLoss;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static dev.nla.sketch.testing.LowRankTesting.withThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.rangefinder.BlockKrylov;
import dev.nla.sketch.rangefinder.PowerIterations;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.Stabiliser;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Randomized SVD against theory on matrices with prescribed spectra: the optimal rank-\(k\) error is
 * known exactly, \(\tau_k = (\sum_{j \gt k}\sigma_j^2)^{1/2}\). Medians over 11 seeds (seed \(s\)
 * draws both the matrix's singular vectors and the test matrix).
 */
class RandomizedSvdTest {
    private static final int M = 120;
    private static final int N = 80;
    private static final int SEEDS = 11;

    /** Slow decay: \(\sigma_j \propto j^{-1/2}\) roughly, \(\kappa = 10\). */
    private static final double[] SLOW = TestMatrices.polynomialDecay(N, 10, 0.5);
    /** Polynomial decay \(\sigma_j \sim j^{-1.5}\) to \(10^{-3}\). */
    private static final double[] POLY = TestMatrices.polynomialDecay(N, 1e3, 1.5);
    /** Fast (geometric) decay: ratio \(10^{-8/79} \approx 0.79\) between neighbours. */
    private static final double[] FAST = TestMatrices.exponentialDecay(N, 1e8);

    private static LowRankSvd rsvd(RandomizedSvdOptions o, DenseMatrix a, long seed) {
        return new RandomizedSvd(o).compute(a, RngState.seed(seed)).value();
    }

    private static double rsvdError(double[] sigma, RandomizedSvdOptions o, long seed) {
        DenseMatrix a = withSpectrum(M, N, sigma, seed);
        return distance(a, rsvd(o, a, seed + 1000).reconstruct());
    }

    private static double hmtFactor(int k, int p) {
        return Math.sqrt(1.0 + (double) k / (p - 1));
    }

    /**
     * [HMT 2011, Thm 10.5] for the QB basis with \(q = 0\): \(\mathbb{E}\|A - QQ^{\mathsf T}A\|_F \le
     * (1 + k/(p-1))^{1/2}\tau_k\); the median over seeds obeys it (the distribution concentrates
     * below the mean bound).
     */
    @ParameterizedTest
    @ValueSource(ints = {5, 10, 20})
    void basisErrorMedianIsWithinTheHmtBound(int k) {
        int p = 5;
        double med = median(1, SEEDS, seed -> {
            DenseMatrix a = withSpectrum(M, N, POLY, seed);
            QbResult qb = new SubspaceIteration(SubspaceIterationOptions.builder()
                            .powerIterations(0)
                            .build())
                    .find(a, k + p, RngState.seed(seed + 1000))
                    .value();
            return distance(a, Blas.multiply(qb.q(), qb.b()));
        });
        assertThat(med).isLessThanOrEqualTo(hmtFactor(k, p) * tail(POLY, k));
    }

    /** The rank-\(k\) output itself (q = 0, p = 10) meets the same factor in the median. */
    @ParameterizedTest
    @ValueSource(ints = {5, 10, 20})
    void truncatedErrorMedianIsWithinTheHmtFactor(int k) {
        RandomizedSvdOptions o =
                RandomizedSvdOptions.builder(k).powerIterations(0).build();
        double med = median(1, SEEDS, seed -> rsvdError(POLY, o, seed));
        assertThat(med).isLessThanOrEqualTo(hmtFactor(k, 10) * tail(POLY, k));
    }

    /** With \(q \ge 2\) on fast decay the error is within 10 % of optimal (acceptance of issue 4). */
    @ParameterizedTest
    @ValueSource(ints = {2, 3})
    void powerIterationsReachNearOptimalErrorOnFastDecay(int q) {
        int k = 10;
        RandomizedSvdOptions o =
                RandomizedSvdOptions.builder(k).powerIterations(q).build();
        double med = median(1, SEEDS, seed -> rsvdError(FAST, o, seed));
        assertThat(med).isLessThanOrEqualTo(1.1 * tail(FAST, k));
    }

    /** Knob q: on slow decay three power iterations clearly beat none [HMT 2011, §4.5]. */
    @Test
    void powerIterationsReduceTheErrorOnSlowDecay() {
        int k = 10;
        RandomizedSvdOptions none =
                RandomizedSvdOptions.builder(k).powerIterations(0).build();
        double plain = median(1, SEEDS, seed -> rsvdError(SLOW, none, seed));
        double powered = median(1, SEEDS, seed -> rsvdError(SLOW, none.withPowerIterations(3), seed));
        assertThat(powered).isLessThan(0.98 * plain);
    }

    /** Three power iterations on slow decay reach 1.05 of optimal; none do not. */
    @Test
    void powerIterationsApproachTheOptimumOnSlowDecay() {
        int k = 10;
        RandomizedSvdOptions o =
                RandomizedSvdOptions.builder(k).powerIterations(3).build();
        assertThat(median(1, SEEDS, seed -> rsvdError(SLOW, o, seed))).isLessThan(1.05 * tail(SLOW, k));
    }

    /** Knob p: more oversampling lowers the error, as the factor \((1 + k/(p-1))^{1/2}\) says. */
    @Test
    void oversamplingReducesTheError() {
        int k = 10;
        double small = median(
                1,
                SEEDS,
                seed -> rsvdError(
                        POLY,
                        RandomizedSvdOptions.builder(k)
                                .oversampling(2)
                                .powerIterations(0)
                                .build(),
                        seed));
        double large = median(
                1,
                SEEDS,
                seed -> rsvdError(
                        POLY,
                        RandomizedSvdOptions.builder(k)
                                .oversampling(20)
                                .powerIterations(0)
                                .build(),
                        seed));
        assertThat(large).isLessThan(0.8 * small);
    }

    /**
     * Knob stabiliser: with \(q = 8\) unstabilised, \(Y\) has condition \((\sigma_1/\sigma_\ell)^{17}\);
     * directions with \(\sigma_j/\sigma_1 \lt u^{1/17} \approx 0.12\) are lost. The exponential
     * spectrum here (\(\kappa = 10^{12}\) over 80 values) has \(\sigma_7/\sigma_1 \approx 0.12\) and
     * \(\tau_{20} \approx 10^{-3}\), so {@code NONE} misses most of the top 20 while QR stays near
     * optimal.
     */
    @Test
    void stabilisationMattersAtEightPowerIterations() {
        double[] sigma = TestMatrices.exponentialDecay(N, 1e12);
        int k = 20;
        RandomizedSvdOptions qr = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .build();
        RandomizedSvdOptions none = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.NONE)
                .build();
        double withQr = median(1, SEEDS, seed -> rsvdError(sigma, qr, seed));
        double without = median(1, SEEDS, seed -> rsvdError(sigma, none, seed));
        assertThat(without).isGreaterThan(10 * withQr);
    }

    @Test
    void qrStabilisationAtEightPowerIterationsIsNearOptimal() {
        double[] sigma = TestMatrices.exponentialDecay(N, 1e6);
        int k = 20;
        RandomizedSvdOptions qr = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .build();
        assertThat(median(1, SEEDS, seed -> rsvdError(sigma, qr, seed))).isLessThan(1.05 * tail(sigma, k));
    }

    /** Every stabiliser except none keeps \(q = 8\) near optimal. */
    @ParameterizedTest
    @EnumSource(
            value = Stabiliser.class,
            names = {"LU", "CHOLESKY_QR", "AUTO"})
    void everyStabiliserKeepsEightPowerIterationsAccurate(Stabiliser s) {
        double[] sigma = TestMatrices.exponentialDecay(N, 1e6);
        int k = 20;
        RandomizedSvdOptions o =
                RandomizedSvdOptions.builder(k).powerIterations(8).stabiliser(s).build();
        assertThat(median(1, 5, seed -> rsvdError(sigma, o, seed))).isLessThan(1.05 * tail(sigma, k));
    }

    /**
     * Knob stabilisation frequency: stabilising every 17th pass at \(q = 8\) is no stabilisation
     * (only 17 passes), and loses as {@code NONE} does.
     */
    @Test
    void stabilisingTooRarelyLosesAccuracy() {
        double[] sigma = TestMatrices.exponentialDecay(N, 1e12);
        int k = 20;
        RandomizedSvdOptions every = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .build();
        RandomizedSvdOptions rare = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .passesPerStabilisation(17)
                .build();
        double frequent = median(1, SEEDS, seed -> rsvdError(sigma, every, seed));
        double seldom = median(1, SEEDS, seed -> rsvdError(sigma, rare, seed));
        assertThat(seldom).isGreaterThan(10 * frequent);
    }

    /** Every second pass keeps the growth at \((\sigma_1/\sigma_\ell)^2\): as good as every pass. */
    @Test
    void stabilisingEverySecondPassIsEnough() {
        double[] sigma = TestMatrices.exponentialDecay(N, 1e6);
        int k = 20;
        RandomizedSvdOptions every = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .build();
        RandomizedSvdOptions second = RandomizedSvdOptions.builder(k)
                .powerIterations(8)
                .stabiliser(Stabiliser.QR)
                .passesPerStabilisation(2)
                .build();
        double frequent = median(1, SEEDS, seed -> rsvdError(sigma, every, seed));
        double halved = median(1, SEEDS, seed -> rsvdError(sigma, second, seed));
        assertThat(halved).isLessThan(1.05 * frequent);
    }

    @Test
    void singularValuesApproachThePrescribedOnes() {
        DenseMatrix a = withSpectrum(M, N, FAST, 3);
        LowRankSvd r = rsvd(RandomizedSvdOptions.builder(8).build(), a, 4);
        double[] expected = Arrays.copyOf(FAST, 8);
        assertThat(r.singularValues()).containsExactly(expected, org.assertj.core.data.Offset.offset(1e-10));
    }

    @Test
    void factorsAreOrthonormal() {
        LowRankSvd r = rsvd(RandomizedSvdOptions.builder(8).build(), withSpectrum(M, N, POLY, 5), 6);
        assertThat(orthogonalityLoss(r.u()) + orthogonalityLoss(r.vt().transpose()))
                .isLessThan(1e-13);
    }

    /** The estimate \((\|A\|_F^2 - \sum\sigma_j^2)^{1/2}\) equals the true error (far above \(\sqrt u\|A\|\)). */
    @Test
    void errorEstimateMatchesTheTrueError() {
        DenseMatrix a = withSpectrum(M, N, POLY, 7);
        LowRankSvd r = rsvd(RandomizedSvdOptions.builder(8).build(), a, 8);
        assertThat(r.errorEstimate().getAsDouble())
                .isCloseTo(distance(a, r.reconstruct()), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void signConventionMakesTheLargestEntryOfEachLeftVectorPositive() {
        LowRankSvd r = rsvd(RandomizedSvdOptions.builder(6).build(), withSpectrum(M, N, POLY, 9), 10);
        for (int j = 0; j < 6; j++) {
            assertThat(largestMagnitudeEntry(r.u().column(j))).isPositive();
        }
    }

    @Test
    void vBasedSignConventionMakesTheLargestEntryOfEachRightVectorPositive() {
        LowRankSvd r = rsvd(
                RandomizedSvdOptions.builder(6).signs(SignConvention.V_MAX_ABS).build(),
                withSpectrum(M, N, POLY, 9),
                10);
        for (int j = 0; j < 6; j++) {
            assertThat(largestMagnitudeEntry(r.vt().row(j).transpose())).isPositive();
        }
    }

    /**
     * Signs are a property of the subspace: two different seeds give the same singular vectors, up
     * to their approximation error (here about \(10^{-7}\)); a flipped sign would differ by 2.
     */
    @Test
    void signConventionMakesVectorsReproducibleAcrossSeeds() {
        DenseMatrix a = withSpectrum(M, N, FAST, 11);
        RandomizedSvdOptions o =
                RandomizedSvdOptions.builder(4).powerIterations(3).build();
        LowRankSvd first = rsvd(o, a, 12);
        LowRankSvd second = rsvd(o, a, 13);
        assertThat(distance(first.u(), second.u())).isLessThan(1e-4);
    }

    @Test
    void sameStateGivesBitwiseIdenticalResultsForOneAndTwoThreads() {
        DenseMatrix a = withSpectrum(400, 300, TestMatrices.polynomialDecay(300, 1e3, 1.0), 14);
        RandomizedSvd alg = RandomizedSvd.withDefaults(20);
        LowRankSvd one = withThreads(1, () -> alg.compute(a, RngState.seed(15)).value());
        LowRankSvd two = withThreads(2, () -> alg.compute(a, RngState.seed(15)).value());
        assertThat(bitwiseEqual(one.u(), two.u())
                        && bitwiseEqual(one.vt(), two.vt())
                        && Arrays.equals(one.singularValues(), two.singularValues()))
                .isTrue();
    }

    @Test
    void differentStatesGiveDifferentFactors() {
        DenseMatrix a = withSpectrum(M, N, SLOW, 16);
        RandomizedSvd alg = RandomizedSvd.withDefaults(5);
        assertThat(bitwiseEqual(
                        alg.compute(a, RngState.seed(1)).value().u(),
                        alg.compute(a, RngState.seed(2)).value().u()))
                .isFalse();
    }

    /** scikit-learn's rule: k = 5 &lt; 0.1 * 80 gives q = 7, i.e. 16 passes. */
    @Test
    void automaticPowerIterationsFollowScikitLearn() {
        LowRankSvd r = rsvd(
                RandomizedSvdOptions.builder(5)
                        .powerIterations(PowerIterations.AUTO)
                        .build(),
                withSpectrum(M, N, POLY, 17),
                18);
        assertThat(r.passes()).isEqualTo(16);
    }

    @Test
    void sparseInputMatchesDenseInput() {
        DenseMatrix a = withSpectrum(M, N, POLY, 19);
        RandomizedSvd alg = RandomizedSvd.withDefaults(6);
        LowRankSvd d = alg.compute(a, RngState.seed(20)).value();
        LowRankSvd s = alg.compute(SparseMatrix.fromDense(a, SparseMatrix.Format.CSR), RngState.seed(20))
                .value();
        assertThat(distance(d.reconstruct(), s.reconstruct())).isLessThan(1e-10);
    }

    @Test
    void matrixFreeInputMatchesDenseInput() {
        DenseMatrix a = withSpectrum(M, N, POLY, 21);
        RandomizedSvd alg = RandomizedSvd.withDefaults(6);
        LowRankSvd d = alg.compute(a, RngState.seed(22)).value();
        LowRankSvd f = alg.compute(matrixFree(a), RngState.seed(22)).value();
        assertThat(distance(d.reconstruct(), f.reconstruct())).isLessThan(1e-10);
    }

    /** Block Krylov as the range finder (depth 2, the passes of q = 2) is near optimal too. */
    @Test
    void blockKrylovRangeFinderCanBeInjected() {
        int k = 10;
        RandomizedSvd alg = new RandomizedSvd(
                RandomizedSvdOptions.builder(k).build(), BlockKrylov.withDefaults(), Decompositions.svd());
        double med = median(1, 5, seed -> {
            DenseMatrix a = withSpectrum(M, N, SLOW, seed);
            return distance(a, alg.compute(a, RngState.seed(seed + 7)).value().reconstruct());
        });
        assertThat(med).isLessThan(1.05 * tail(SLOW, k));
    }

    @Test
    void rankEqualToTheSmallerDimensionIsAccepted() {
        DenseMatrix a = withSpectrum(30, 20, TestMatrices.polynomialDecay(20, 10, 1), 23);
        LowRankSvd r = rsvd(RandomizedSvdOptions.builder(20).build(), a, 24);
        assertThat(distance(a, r.reconstruct())).isLessThan(1e-12);
    }

    @Test
    void rejectsARankAboveTheSmallerDimension() {
        DenseMatrix a = DenseMatrix.zeros(30, 20);
        assertThatThrownBy(() -> rsvd(RandomizedSvdOptions.builder(21).build(), a, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("21")
                .hasMessageContaining("30x20");
    }

    @Test
    void rejectsANonPositiveRank() {
        assertThatThrownBy(() -> RandomizedSvdOptions.builder(0).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rank");
    }

    @Test
    void rejectsNegativeOversampling() {
        assertThatThrownBy(
                        () -> RandomizedSvdOptions.builder(3).oversampling(-1).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oversampling")
                .hasMessageContaining("-1");
    }

    @Test
    void rejectsNonFiniteInput() {
        DenseMatrix a = withSpectrum(M, N, POLY, 25);
        a.set(7, 3, Double.POSITIVE_INFINITY);
        assertThatThrownBy(() -> rsvd(RandomizedSvdOptions.builder(3).build(), a, 1))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(7, 3)");
    }

    @Test
    void rejectsANullState() {
        assertThatThrownBy(() -> RandomizedSvd.withDefaults(2).compute(DenseMatrix.zeros(4, 4), null))
                .isInstanceOf(NullPointerException.class)
                .hasMessageContaining("state");
    }

    @Test
    void doesNotModifyTheInput() {
        DenseMatrix a = withSpectrum(M, N, POLY, 26);
        DenseMatrix copy = a.copy();
        rsvd(RandomizedSvdOptions.builder(5).build(), a, 27);
        assertThat(bitwiseEqual(a, copy)).isTrue();
    }

    private static double largestMagnitudeEntry(DenseMatrix v) {
        double best = 0;
        for (int i = 0; i < v.rows(); i++) {
            if (Math.abs(v.get(i, 0)) > Math.abs(best)) {
                best = v.get(i, 0);
            }
        }
        return best;
    }
}
