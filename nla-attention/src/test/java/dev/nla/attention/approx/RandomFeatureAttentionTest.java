package dev.nla.attention.approx;

import static dev.nla.attention.approx.KernelLowRankTesting.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomFeatureAttentionTest {
    private static final RngState SEED = RngState.seed(8_004);

    /** phi(x) = r^-1/2 [sin(W x/|x|), cos(W x/|x|)], entry by entry. */
    private static double[][] features(DenseMatrix x, DenseMatrix w) {
        int r = w.rows();
        double[][] phi = new double[x.rows()][2 * r];
        for (int i = 0; i < x.rows(); i++) {
            double norm = 0;
            for (int c = 0; c < x.cols(); c++) {
                norm += x.get(i, c) * x.get(i, c);
            }
            norm = Math.sqrt(norm);
            for (int l = 0; l < r; l++) {
                double a = 0;
                for (int c = 0; c < x.cols(); c++) {
                    a += w.get(l, c) * x.get(i, c) / norm;
                }
                phi[i][l] = Math.sin(a) / Math.sqrt(r);
                phi[i][l + r] = Math.cos(a) / Math.sqrt(r);
            }
        }
        return phi;
    }

    @ParameterizedTest(name = "causal = {0}")
    @ValueSource(booleans = {false, true})
    void rightProductEqualsLeftProduct(boolean causal) {
        int n = 200;
        DenseMatrix q = gaussian(n, 8, 1.0, 0.0, SEED.split(0));
        DenseMatrix k = gaussian(n, 8, 1.0, 0.0, SEED.split(1));
        DenseMatrix v = gaussian(n, 4, 1.0, 1.0, SEED.split(2));
        RandomFeatureAttention method =
                new RandomFeatureAttention(RandomFeatureOptions.of(64).withTemperature(0.5), SEED.split(3));
        DenseMatrix w = method.frequencies(8);
        double[][] pq = features(q, w);
        double[][] pk = features(k, w);
        AttentionMask mask = causal ? AttentionMask.causal() : AttentionMask.NONE;
        DenseMatrix twin = KernelLowRankTesting.leftProduct(
                n, n, (i, j) -> KernelLowRankTesting.dot(pq, i, pk, j), v, mask, 0.0, Double.NEGATIVE_INFINITY);
        // signed features: the denominators are sums of cancelling terms, so compare with the scale of
        // the numerators (gamma_{nr} times the condition of the sums, well below 1e-9 here)
        assertThat(KernelLowRankTesting.relativeError(method.compute(q, k, v, mask), twin))
                .isLessThanOrEqualTo(1e-9);
    }

    @Test
    void featureProductsEstimateTheGaussianKernelAtTheChosenTemperature() {
        // E[phi(q).phi(k)] = exp(-|q^ - k^|^2 / (2 tau)); with 4096 frequencies the Monte Carlo error
        // of the mean of bounded terms is about 1/sqrt(4096) ~ 0.016; the two temperatures give kernel
        // values 0.37 apart at this distance, so the option is shown to act.
        DenseMatrix x = gaussian(2, 8, 1.0, 0.0, SEED.split(4));
        double dist2 = 0;
        double n0 = 0;
        double n1 = 0;
        for (int c = 0; c < 8; c++) {
            n0 += x.get(0, c) * x.get(0, c);
            n1 += x.get(1, c) * x.get(1, c);
        }
        for (int c = 0; c < 8; c++) {
            double diff = x.get(0, c) / Math.sqrt(n0) - x.get(1, c) / Math.sqrt(n1);
            dist2 += diff * diff;
        }
        for (double tau : new double[] {0.5, 2.0}) {
            RandomFeatureAttention method =
                    new RandomFeatureAttention(RandomFeatureOptions.of(4096).withTemperature(tau), SEED.split(5));
            double[][] phi = features(x, method.frequencies(8));
            assertThat(KernelLowRankTesting.dot(phi, 0, phi, 1))
                    .as("tau = %s", tau)
                    .isCloseTo(Math.exp(-dist2 / (2 * tau)), org.assertj.core.data.Offset.offset(0.06));
        }
    }

    @Test
    void isCausal() {
        int n = 130;
        KernelLowRankTesting.assertCausal(
                new RandomFeatureAttention(RandomFeatureOptions.of(32), SEED.split(6)),
                gaussian(n, 8, 1.0, 0.0, SEED.split(7)),
                gaussian(n, 8, 1.0, 0.0, SEED.split(8)),
                gaussian(n, 4, 1.0, 1.0, SEED.split(9)),
                14);
    }

    @Test
    void sameStateGivesIdenticalBits() {
        DenseMatrix q = gaussian(100, 8, 1.0, 0.0, SEED.split(10));
        DenseMatrix v = gaussian(100, 4, 1.0, 1.0, SEED.split(11));
        DenseMatrix a = new RandomFeatureAttention(RandomFeatureOptions.of(16), SEED.split(12)).compute(q, q, v);
        DenseMatrix b = new RandomFeatureAttention(RandomFeatureOptions.of(16), SEED.split(12)).compute(q, q, v);
        assertThat(a.toColumnMajorArray()).isEqualTo(b.toColumnMajorArray());
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> RandomFeatureOptions.of(-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-3");
        assertThatThrownBy(() -> RandomFeatureOptions.of(4).withTemperature(0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("temperature");
    }

    @Test
    void rejectsMoreFrequenciesThanKeys() {
        DenseMatrix q = gaussian(10, 4, 1.0, 0.0, SEED.split(13));
        assertThatThrownBy(() -> new RandomFeatureAttention(RandomFeatureOptions.of(12), SEED).compute(q, q, q))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 12")
                .hasMessageContaining("m = 10");
    }

    @Test
    void isRegistered() {
        assertThat(AttentionMethods.find("random-features")).isPresent();
    }
}
