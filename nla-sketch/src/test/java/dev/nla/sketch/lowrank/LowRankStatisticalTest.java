package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.tail;
import static dev.nla.sketch.testing.LowRankTesting.traceTail;
import static dev.nla.sketch.testing.LowRankTesting.withSpectrum;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.rangefinder.AdaptiveQb;
import dev.nla.sketch.rangefinder.AdaptiveQbOptions;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import dev.nla.sketch.rangefinder.SubspaceIterationOptions;
import dev.nla.sketch.testing.LowRankTesting;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Seed sweeps (100 seeds each) of the expectation bounds; the fast tier checks medians over 11
 * seeds. Each sample mean is compared with its bound plus three standard errors of the mean (the
 * sample standard deviation over \(\sqrt{100}\)), so a failure is a real excess, not noise.
 */
@Tag("statistical")
class LowRankStatisticalTest {
    private static final int SEEDS = 100;

    private interface Sample {
        double at(long seed);
    }

    /** Sample mean minus three standard errors. */
    private static double lowerMean(Sample s) {
        double sum = 0;
        double sq = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            double v = s.at(seed);
            sum += v;
            sq += v * v;
        }
        double mean = sum / SEEDS;
        double sd = Math.sqrt(Math.max(0, sq / SEEDS - mean * mean));
        return mean - 3 * sd / Math.sqrt(SEEDS);
    }

    /** [HMT 2011, Thm 10.5]: \(\mathbb{E}\|A - QQ^{\mathsf T}A\|_F \le (1 + k/(p-1))^{1/2}\tau_k\). */
    @Test
    void meanBasisErrorIsWithinTheHmtBound() {
        double[] sigma = TestMatrices.polynomialDecay(80, 1e3, 1.0);
        int k = 10;
        int p = 4;
        double mean = lowerMean(seed -> {
            DenseMatrix a = withSpectrum(120, 80, sigma, seed);
            QbResult qb = new SubspaceIteration(SubspaceIterationOptions.builder()
                            .powerIterations(0)
                            .build())
                    .find(a, k + p, RngState.seed(seed + 5000))
                    .value();
            return distance(a, Blas.multiply(qb.q(), qb.b()));
        });
        assertThat(mean).isLessThanOrEqualTo(Math.sqrt(1 + k / (p - 1.0)) * tail(sigma, k));
    }

    /** [TYUC NeurIPS 2017, Thm 4.1] in expectation, \(r = 10\), \(k = 16\): factor \(1 + 10/5 = 3\). */
    @Test
    void meanNystromTraceErrorIsWithinTheTyucFactor() {
        double[] lambda = TestMatrices.polynomialDecay(80, 1e3, 1.0);
        int r = 10;
        double mean = lowerMean(seed -> {
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(seed));
            LowRankEigen e = new Nystrom(
                            NystromOptions.builder(r).oversampling(6).build())
                    .compute(a, RngState.seed(seed + 5000))
                    .value();
            DenseMatrix res = a.copy();
            Blas.axpy(-1.0, e.reconstruct(), res);
            // The residual of a PSD Nyström approximation is PSD: its trace is its trace norm.
            double t = 0;
            for (int i = 0; i < 80; i++) {
                t += res.get(i, i);
            }
            return t;
        });
        assertThat(mean).isLessThanOrEqualTo(3 * traceTail(lambda, r));
    }

    /** [Chen et al. 2023, Thm 3.1] with \(r = 10\), \(\varepsilon = 1\), \(k = 30\) (see the fast test). */
    @Test
    void meanRpCholeskyTraceErrorIsWithinTheTheoremFactor() {
        double[] lambda = TestMatrices.exponentialDecay(100, 1e8);
        double mean = lowerMean(seed -> {
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(seed));
            return new RandomlyPivotedCholesky(RandomlyPivotedCholeskyOptions.sequential(30))
                    .compute(SymmetricEntries.of(a), RngState.seed(seed + 5000))
                    .value()
                    .traceError();
        });
        assertThat(mean).isLessThanOrEqualTo(2 * traceTail(lambda, 10));
    }

    /** The 90 % streaming interval covers the true error in at least 85 of 100 seeds. */
    @Test
    void streamingIntervalCoverageIsNearItsNominalLevel() {
        double[] sigma = TestMatrices.polynomialDecay(90, 1e3, 1.5);
        StreamingSvd alg = new StreamingSvd(StreamingSvdOptions.builder(5).build());
        int hits = 0;
        for (long seed = 1; seed <= SEEDS; seed++) {
            DenseMatrix a = withSpectrum(120, 90, sigma, seed);
            StreamingSketch s = alg.sketch(120, 90, RngState.seed(seed + 5000)).value();
            s.update(a);
            LowRankSvd approx = s.approximate();
            if (s.errorInterval(approx, 0.9).contains(distance(a, approx.reconstruct()))) {
                hits++;
            }
        }
        assertThat(hits).isGreaterThanOrEqualTo(85);
    }

    /**
     * The probe estimate of the adaptive QB on a matrix-free operator is unbiased for the squared
     * error: the mean ratio \(E^2/\|A - QB\|_F^2\) over 100 seeds is within three standard errors of 1.
     */
    @Test
    void probeEstimateIsUnbiased() {
        double[] sigma = TestMatrices.polynomialDecay(60, 1e3, 1.0);
        double[] ratios = new double[SEEDS];
        for (int i = 0; i < SEEDS; i++) {
            DenseMatrix a = withSpectrum(80, 60, sigma, i + 1);
            QbResult qb = new AdaptiveQb(
                            AdaptiveQbOptions.builder(1e-2).blockSize(5).build())
                    .find(LowRankTesting.matrixFree(a), 60, RngState.seed(i + 5000))
                    .value();
            double truth = distance(a, Blas.multiply(qb.q(), qb.b()));
            double e = qb.errorEstimate().getAsDouble();
            ratios[i] = e * e / (truth * truth);
        }
        double mean = java.util.Arrays.stream(ratios).average().orElseThrow();
        double sd = Math.sqrt(java.util.Arrays.stream(ratios)
                        .map(r -> (r - mean) * (r - mean))
                        .sum()
                / (SEEDS - 1));
        assertThat(Math.abs(mean - 1)).isLessThanOrEqualTo(3 * sd / Math.sqrt(SEEDS));
    }
}
