package dev.nla.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class TestDataTest {
    private static RngState stream(long seed, long i) {
        return RngState.seed(seed).split(i);
    }

    @Test
    void sameStateGivesIdenticalData() {
        assertThat(TestData.uniform(7, 5, stream(42, 3))).containsExactly(TestData.uniform(7, 5, stream(42, 3)));
    }

    @Test
    void differentStreamsDiffer() {
        assertThat(TestData.uniform(4, 4, stream(42, 0))).isNotEqualTo(TestData.uniform(4, 4, stream(42, 1)));
    }

    @Test
    void differentSeedsDiffer() {
        assertThat(TestData.uniform(4, 4, stream(1, 0))).isNotEqualTo(TestData.uniform(4, 4, stream(2, 0)));
    }

    @Test
    void valuesLieInTheOpenInterval() {
        for (double v : TestData.uniform(100, 100, stream(9, 0))) {
            assertThat(v).isGreaterThan(-0.5).isLessThan(0.5);
        }
    }

    @Test
    void meanIsNearZero() {
        double[] v = TestData.uniform(200, 200, stream(11, 0));
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        // uniform on (-1/2, 1/2) has variance 1/12; the mean of 40000 values has standard
        // deviation 1/sqrt(12 * 40000) = 0.0014, so 0.01 is a 7-sigma bound
        assertThat(Math.abs(sum / v.length)).isLessThan(0.01);
    }

    @Test
    void lowerTriangularHasZeroUpperTriangleAndDominantDiagonal() {
        int m = 6;
        double[] l = TestData.lowerTriangular(m, stream(3, 0));
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                assertThat(l[i + j * m]).isZero();
            }
            assertThat(l[j + j * m]).isGreaterThan(m - 0.5);
        }
    }

    @Test
    void negativeSizeIsRejected() {
        assertThatThrownBy(() -> TestData.uniform(-1, 2, stream(0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rows");
    }
}
