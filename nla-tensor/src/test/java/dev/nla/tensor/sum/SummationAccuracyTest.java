package dev.nla.tensor.sum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.MatrixAssert;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.tensor.TuckerSum;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Spec T4–T8: accuracy of the strategies on the spec's inputs. */
class SummationAccuracyTest {
    private static final SummationOptions P10 = SummationOptions.defaults().withOversampling(10);

    /** T4: B2 on the compressible sum returns ranks (15, 15, 15), error <= 1e-8, orthonormal factors. */
    @Test
    void formalQrRoundingIsExactOnACompressibleSum() {
        TuckerSum x = SumCases.compressible3();
        SummationResult r = TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                .sum(x, Truncation.tolerance(1e-8), RngState.seed(1));
        assertThat(r.diagnostics().ranks()).containsExactly(15, 15, 15);
        assertThat(SumCases.error(x, r.tensor())).isLessThanOrEqualTo(1e-8);
        for (DenseMatrix q : r.tensor().factors()) {
            // ||Q^T Q - I|| <= 1e-12 (spec T4)
            MatrixAssert.assertThatMatrix(q).hasOrthonormalColumns(1e-12);
        }
    }

    /** T5 (one seed, default tier): B3 with t = 15, p = 10 on the compressible sum: error <= 1e-10. */
    @Test
    void sketchedIsExactOnACompressibleSum() {
        TuckerSum x = SumCases.compressible3();
        SummationResult r =
                TuckerSummation.of(SummationStrategy.SKETCHED, P10).sum(x, Truncation.rank(15), RngState.seed(1));
        assertThat(SumCases.error(x, r.tensor())).isLessThanOrEqualTo(1e-10);
    }

    /** T5 (all 10 seeds). */
    @Tag("statistical")
    @Test
    void sketchedIsExactForTenSeeds() {
        TuckerSum x = SumCases.compressible3();
        TuckerSummation b3 = TuckerSummation.of(SummationStrategy.SKETCHED, P10);
        for (long seed = 1; seed <= 10; seed++) {
            SummationResult r = b3.sum(x, Truncation.rank(15), RngState.seed(seed));
            assertThat(SumCases.error(x, r.tensor())).as("seed %d", seed).isLessThanOrEqualTo(1e-10);
        }
    }

    /** T5 sanity check: with l = t - 5 = 10 sketch columns the error is at least 1e-3 (under-sketching is visible). */
    @Test
    void underSketchingIsDetected() {
        TuckerSum x = SumCases.compressible3();
        SummationResult r = TuckerSummation.of(SummationStrategy.SKETCHED, P10.withOversampling(0))
                .sum(x, Truncation.rank(10), RngState.seed(2));
        assertThat(r.diagnostics().basisSizes()).containsExactly(10, 10, 10);
        assertThat(SumCases.error(x, r.tensor())).isGreaterThanOrEqualTo(1e-3);
    }

    /**
     * T6: perturbed case, targets t in {10, 15, 20, 25, 30}, p = 10: the median B3 error over 10 seeds
     * is within 10x of B2 at every t, and at most 5e-5 for t >= 25.
     */
    @Tag("statistical")
    @ParameterizedTest
    @ValueSource(ints = {10, 15, 20, 25, 30})
    void sketchedIsWithinTenTimesOfDeterministic(int t) {
        double[] b3 = new double[10];
        double[] b2 = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            TuckerSum x = SumCases.perturbed(100 + seed);
            b2[seed] = SumCases.error(
                    x,
                    TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                            .sum(x, Truncation.rank(t), RngState.seed(seed))
                            .tensor());
            b3[seed] = SumCases.error(
                    x,
                    TuckerSummation.of(SummationStrategy.SKETCHED, P10)
                            .sum(x, Truncation.rank(t), RngState.seed(seed))
                            .tensor());
        }
        assertThat(SumCases.median(b3)).isLessThanOrEqualTo(10 * SumCases.median(b2));
        if (t >= 25) {
            assertThat(SumCases.median(b3)).isLessThanOrEqualTo(5e-5);
        }
    }

    /** T6 in the default tier: one seed, t = 25. */
    @Test
    void sketchedReachesThePerturbationLevel() {
        TuckerSum x = SumCases.perturbed(7);
        double e3 = SumCases.error(
                x,
                TuckerSummation.of(SummationStrategy.SKETCHED, P10)
                        .sum(x, Truncation.rank(25), RngState.seed(3))
                        .tensor());
        double e2 = SumCases.error(
                x,
                TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                        .sum(x, Truncation.rank(25), RngState.seed(3))
                        .tensor());
        assertThat(e3).isLessThanOrEqualTo(Math.min(10 * e2, 5e-5));
    }

    /**
     * T8: same inputs as T6; median over 10 seeds: B3s error <= 2x B3 error, and B4 (m = 2l + 1)
     * error <= 100x B3 error.
     */
    @Tag("statistical")
    @ParameterizedTest
    @ValueSource(ints = {10, 20, 25})
    void sequentialAndOnePassStayWithinTheirBounds(int t) {
        double[] b3 = new double[10];
        double[] b3s = new double[10];
        double[] b4 = new double[10];
        for (int seed = 0; seed < 10; seed++) {
            TuckerSum x = SumCases.perturbed(200 + seed);
            Truncation tr = Truncation.rank(t);
            b3[seed] = SumCases.error(
                    x,
                    TuckerSummation.of(SummationStrategy.SKETCHED, P10)
                            .sum(x, tr, RngState.seed(seed))
                            .tensor());
            b3s[seed] = SumCases.error(
                    x,
                    TuckerSummation.of(SummationStrategy.SKETCHED_SEQUENTIAL, P10)
                            .sum(x, tr, RngState.seed(seed))
                            .tensor());
            b4[seed] = SumCases.error(
                    x,
                    TuckerSummation.of(SummationStrategy.ONE_PASS, P10)
                            .sum(x, tr, RngState.seed(seed))
                            .tensor());
        }
        assertThat(SumCases.median(b3s)).isLessThanOrEqualTo(2 * SumCases.median(b3));
        assertThat(SumCases.median(b4)).isLessThanOrEqualTo(100 * SumCases.median(b3));
    }

    /** T8 in the default tier: one seed at t = 25. */
    @Test
    void sequentialAndOnePassAreAccurateOnOneSeed() {
        TuckerSum x = SumCases.perturbed(11);
        Truncation tr = Truncation.rank(25);
        double e3 = SumCases.error(
                x,
                TuckerSummation.of(SummationStrategy.SKETCHED, P10)
                        .sum(x, tr, RngState.seed(4))
                        .tensor());
        double e3s = SumCases.error(
                x,
                TuckerSummation.of(SummationStrategy.SKETCHED_SEQUENTIAL, P10)
                        .sum(x, tr, RngState.seed(4))
                        .tensor());
        double e4 = SumCases.error(
                x,
                TuckerSummation.of(SummationStrategy.ONE_PASS, P10)
                        .sum(x, tr, RngState.seed(4))
                        .tensor());
        assertThat(e3s).isLessThanOrEqualTo(2 * e3);
        assertThat(e4).isLessThanOrEqualTo(100 * e3);
    }

    /**
     * T7: experiment-2 sums (s = 16), eps in {1e-2, 1e-4, 1e-6, 1e-8}, 20 seeds: error <= eps in at
     * least 18 seeds and <= 2 eps in all; ranks <= B2 ranks + b (b = max(1, floor(0.05 R_k))) and
     * never above R_k = sum_j r_j.
     */
    @Tag("statistical")
    @ParameterizedTest
    @ValueSource(doubles = {1e-2, 1e-4, 1e-6, 1e-8})
    void adaptiveMeetsTheTolerance(double eps) {
        int within = 0;
        for (int seed = 0; seed < 20; seed++) {
            TuckerSum x = SumCases.graded(300 + seed);
            int[] big = x.formalRanks();
            SummationResult r = TuckerSummation.of(SummationStrategy.ADAPTIVE)
                    .sum(x, Truncation.tolerance(eps), RngState.seed(seed));
            int[] b2 = TuckerSummation.of(SummationStrategy.FORMAL_QR_ROUNDING)
                    .sum(x, Truncation.tolerance(eps), RngState.seed(seed))
                    .diagnostics()
                    .ranks();
            double err = SumCases.error(x, r.tensor());
            assertThat(err).as("seed %d", seed).isLessThanOrEqualTo(2 * eps);
            within += err <= eps ? 1 : 0;
            int[] ranks = r.diagnostics().ranks();
            for (int k = 0; k < 3; k++) {
                int b = Math.max(1, (int) Math.floor(0.05 * big[k]));
                assertThat(ranks[k]).isLessThanOrEqualTo(b2[k] + b).isLessThanOrEqualTo(big[k]);
            }
        }
        assertThat(within).isGreaterThanOrEqualTo(18);
    }

    /** T7 in the default tier: one seed per tolerance, error <= eps. */
    @ParameterizedTest
    @ValueSource(doubles = {1e-2, 1e-6, 1e-8})
    void adaptiveMeetsTheToleranceOnOneSeed(double eps) {
        TuckerSum x = SumCases.graded(42);
        SummationResult r =
                TuckerSummation.of(SummationStrategy.ADAPTIVE).sum(x, Truncation.tolerance(eps), RngState.seed(5));
        assertThat(SumCases.error(x, r.tensor())).isLessThanOrEqualTo(eps);
    }

    /** The tolerance matters: a looser tolerance gives smaller ranks (shows the knob does something). */
    @Test
    void looserToleranceGivesSmallerRanks() {
        TuckerSum x = SumCases.graded(43);
        TuckerSummation b5 = TuckerSummation.of(SummationStrategy.ADAPTIVE);
        int loose = b5.sum(x, Truncation.tolerance(1e-2), RngState.seed(6))
                .diagnostics()
                .ranks()[0];
        int tight = b5.sum(x, Truncation.tolerance(1e-8), RngState.seed(6))
                .diagnostics()
                .ranks()[0];
        assertThat(loose).isLessThan(tight);
    }

    /** The adaptive estimate is an honest estimate: within a factor 10 of the true error when it is above roundoff. */
    @Test
    void adaptiveEstimateTracksTheTrueError() {
        TuckerSum x = SumCases.graded(44);
        SummationResult r =
                TuckerSummation.of(SummationStrategy.ADAPTIVE).sum(x, Truncation.tolerance(1e-4), RngState.seed(7));
        double err = SumCases.error(x, r.tensor());
        assertThat(r.diagnostics().estimatedError()).isBetween(err / 10, err * 10);
    }
}
