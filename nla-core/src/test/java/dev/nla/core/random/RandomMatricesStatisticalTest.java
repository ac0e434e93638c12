package dev.nla.core.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.stream.Stream;
import org.hipparchus.distribution.RealDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Distribution checks of the generated entries. Every sample comes from a fixed seed, so each test
 * is deterministic; the thresholds are such that a correct generator would fail for a small
 * fraction of seeds only: KS p-values below {@value #KS_ALPHA} (that fraction), and moments or
 * correlations beyond 6 standard errors of the central limit theorem (about \(2 \cdot 10^{-9}\)).
 */
@Tag("statistical")
class RandomMatricesStatisticalTest {
    private static final int ROWS = 1024;
    private static final int COLS = 256;
    private static final int N = ROWS * COLS;
    private static final double KS_ALPHA = 1e-3;
    private static final double SQRT3 = Math.sqrt(3);

    private static double[] sample(ScalarDistribution d, long seed) {
        return RandomMatrices.generate(ROWS, COLS, d, RngState.seed(seed))
                .value()
                .toColumnMajorArray();
    }

    private static double ksPValue(RealDistribution law, double[] data) {
        return new KolmogorovSmirnovTest().kolmogorovSmirnovTest(law, data, false);
    }

    // --- Kolmogorov-Smirnov ----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void gaussianPassesKolmogorovSmirnov(long seed) {
        assertThat(ksPValue(new NormalDistribution(0, 1), sample(ScalarDistribution.GAUSSIAN, seed)))
                .isGreaterThan(KS_ALPHA);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void uniformPassesKolmogorovSmirnov(long seed) {
        assertThat(ksPValue(new UniformRealDistribution(-SQRT3, SQRT3), sample(ScalarDistribution.UNIFORM, seed)))
                .isGreaterThan(KS_ALPHA);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void unitUniformPassesKolmogorovSmirnov(long seed) {
        assertThat(ksPValue(new UniformRealDistribution(0, 1), sample(ScalarDistribution.UNIFORM_01, seed)))
                .isGreaterThan(KS_ALPHA);
    }

    @Test
    void kolmogorovSmirnovDetectsAWrongLaw() {
        // Power check: the same test rejects the uniform sample as Gaussian (both have variance 1).
        assertThat(ksPValue(new NormalDistribution(0, 1), sample(ScalarDistribution.UNIFORM, 1)))
                .isLessThan(KS_ALPHA);
    }

    // --- Moments --------------------------------------------------------------------------------------

    /**
     * Raw moments E[x^k] and Var(x^k) = E[x^{2k}] - E[x^k]^2: Gaussian E x^2 = 1, E x^4 = 3, E x^8 =
     * 105; uniform on (-a, a) E x^{2m} = a^{2m}/(2m+1) with a^2 = 3; unit uniform E u^m = 1/(m+1).
     */
    static Stream<Arguments> moments() {
        return Stream.of(
                Arguments.of(ScalarDistribution.GAUSSIAN, 1, 0.0, 1.0),
                Arguments.of(ScalarDistribution.GAUSSIAN, 2, 1.0, 3.0 - 1.0),
                Arguments.of(ScalarDistribution.GAUSSIAN, 4, 3.0, 105.0 - 9.0),
                Arguments.of(ScalarDistribution.UNIFORM, 1, 0.0, 1.0),
                Arguments.of(ScalarDistribution.UNIFORM, 2, 1.0, 9.0 / 5 - 1.0),
                Arguments.of(ScalarDistribution.UNIFORM, 4, 9.0 / 5, 81.0 / 9 - 81.0 / 25),
                Arguments.of(ScalarDistribution.UNIFORM_01, 1, 1.0 / 2, 1.0 / 3 - 1.0 / 4),
                Arguments.of(ScalarDistribution.UNIFORM_01, 2, 1.0 / 3, 1.0 / 5 - 1.0 / 9),
                Arguments.of(ScalarDistribution.UNIFORM_01, 4, 1.0 / 5, 1.0 / 9 - 1.0 / 25),
                Arguments.of(ScalarDistribution.RADEMACHER, 1, 0.0, 1.0));
    }

    @ParameterizedTest(name = "{0} E[x^{1}]")
    @MethodSource("moments")
    void rawMomentIsWithinSixStandardErrors(ScalarDistribution d, int power, double expected, double varianceOfPower) {
        double[] x = sample(d, 10 + power);
        double sum = 0;
        for (double v : x) {
            sum += Math.pow(v, power);
        }
        double standardError = Math.sqrt(varianceOfPower / N);
        assertThat(sum / N).isCloseTo(expected, within(6 * standardError));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void declaredMeanMatchesTheSample(ScalarDistribution d) {
        double[] x = sample(d, 20);
        double mean = 0;
        for (double v : x) {
            mean += v;
        }
        mean /= N;
        assertThat(mean).isCloseTo(d.mean(), within(6 * Math.sqrt(d.variance() / N)));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void declaredVarianceMatchesTheSample(ScalarDistribution d) {
        double[] x = sample(d, 21);
        double var = 0;
        for (double v : x) {
            var += (v - d.mean()) * (v - d.mean());
        }
        var /= N;
        // Around the true mean: standard error sqrt(Var((x - mu)^2) / N) <= sqrt(2 sigma^4 / N), since
        // E (x - mu)^4 <= 3 sigma^4 for all four laws (Gaussian 3, uniform 9/5, Rademacher 1).
        assertThat(var).isCloseTo(d.variance(), within(6 * Math.sqrt(2 * d.variance() * d.variance() / N)));
    }

    // --- Rademacher balance ---------------------------------------------------------------------------

    @Test
    void rademacherTakesOnlyPlusAndMinusOne() {
        assertThat(sample(ScalarDistribution.RADEMACHER, 30)).containsOnly(-1.0, 1.0);
    }

    @Test
    void rademacherIsBalancedAtEveryBitPosition() {
        // Rows i and i + 128 use the same bit of consecutive blocks: each of the 128 positions gets
        // N / 128 entries; the sum at a position has standard error sqrt(N / 128).
        double[] x = sample(ScalarDistribution.RADEMACHER, 31);
        double[] sums = new double[128];
        for (int t = 0; t < N; t++) {
            sums[(t % ROWS) % 128] += x[t];
        }
        double se = Math.sqrt(N / 128.0);
        double worst = 0;
        for (double s : sums) {
            worst = Math.max(worst, Math.abs(s) / se);
        }
        // 128 comparisons at 6 sigma: a correct generator fails with probability ~ 128 * 2e-9.
        assertThat(worst).isLessThan(6.0);
    }

    // --- Independence -----------------------------------------------------------------------------------

    private static double correlation(double[] x, double[] y) {
        int n = x.length;
        double mx = 0;
        double my = 0;
        for (int t = 0; t < n; t++) {
            mx += x[t];
            my += y[t];
        }
        mx /= n;
        my /= n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int t = 0; t < n; t++) {
            sxy += (x[t] - mx) * (y[t] - my);
            sxx += (x[t] - mx) * (x[t] - mx);
            syy += (y[t] - my) * (y[t] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** Pairs (a_{i,j}, a_{i+offset,j}) for rows i with i mod 2 == parity, over all columns. */
    private static double[][] rowPairs(DenseMatrix a, int offset, int parity, boolean squared) {
        int perColumn = (a.rows() - offset - parity + 1) / 2;
        double[][] p = new double[2][perColumn * a.cols()];
        int t = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = parity; i + offset < a.rows(); i += 2) {
                double x = a.get(i, j);
                double y = a.get(i + offset, j);
                p[0][t] = squared ? x * x : x;
                p[1][t] = squared ? y * y : y;
                t++;
            }
        }
        return new double[][] {Arrays.copyOf(p[0], t), Arrays.copyOf(p[1], t)};
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void entriesOfTheSameBlockAreUncorrelated(ScalarDistribution d) {
        DenseMatrix a =
                RandomMatrices.generate(ROWS, COLS, d, RngState.seed(40)).value();
        double[][] p = rowPairs(a, 1, 0, false); // rows 2k and 2k+1: one block for every law
        assertThat(Math.abs(correlation(p[0], p[1]))).isLessThan(6 / Math.sqrt(p[0].length));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void entriesOfAdjacentBlocksAreUncorrelated(ScalarDistribution d) {
        DenseMatrix a =
                RandomMatrices.generate(ROWS, COLS, d, RngState.seed(41)).value();
        double[][] p = rowPairs(a, 1, 1, false); // rows 2k+1 and 2k+2: neighbouring blocks (e = 2)
        assertThat(Math.abs(correlation(p[0], p[1]))).isLessThan(6 / Math.sqrt(p[0].length));
    }

    @Test
    void boxMullerPairsHaveUncorrelatedSquares() {
        // The two normals of one block are independent, not merely uncorrelated: their squares
        // (which carry the common radius) must be uncorrelated too.
        DenseMatrix a = RandomMatrices.generate(ROWS, COLS, ScalarDistribution.GAUSSIAN, RngState.seed(42))
                .value();
        double[][] p = rowPairs(a, 1, 0, true);
        // sqrt(n) r -> N(0, 1) for independent x, y with finite fourth moments.
        assertThat(Math.abs(correlation(p[0], p[1]))).isLessThan(6 / Math.sqrt(p[0].length));
    }

    @ParameterizedTest
    @EnumSource(ScalarDistribution.class)
    void adjacentColumnsAreUncorrelated(ScalarDistribution d) {
        DenseMatrix a =
                RandomMatrices.generate(ROWS, COLS, d, RngState.seed(43)).value();
        int n = ROWS * (COLS - 1);
        double[] x = new double[n];
        double[] y = new double[n];
        int t = 0;
        for (int j = 0; j + 1 < COLS; j++) {
            for (int i = 0; i < ROWS; i++) {
                x[t] = a.get(i, j);
                y[t] = a.get(i, j + 1);
                t++;
            }
        }
        assertThat(Math.abs(correlation(x, y))).isLessThan(6 / Math.sqrt(n));
    }

    @Test
    void splitStreamsAreUncorrelated() {
        RngState parent = RngState.seed(44);
        double[] x = RandomMatrices.gaussian(N, 1, parent.split(0)).value().toColumnMajorArray();
        double[] y = RandomMatrices.gaussian(N, 1, parent.split(1)).value().toColumnMajorArray();
        assertThat(Math.abs(correlation(x, y))).isLessThan(6 / Math.sqrt(N));
    }
}
