package dev.nla.bench.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TestDataTest {
    @Test
    void sameSeedAndStreamGiveIdenticalData() {
        assertThat(TestData.uniform(7, 5, 42, 3)).containsExactly(TestData.uniform(7, 5, 42, 3));
    }

    @Test
    void differentStreamsDiffer() {
        assertThat(TestData.uniform(4, 4, 42, 0)).isNotEqualTo(TestData.uniform(4, 4, 42, 1));
    }

    @Test
    void differentSeedsDiffer() {
        assertThat(TestData.uniform(4, 4, 1, 0)).isNotEqualTo(TestData.uniform(4, 4, 2, 0));
    }

    @Test
    void valuesLieInTheHalfOpenInterval() {
        for (double v : TestData.uniform(100, 100, 9, 0)) {
            assertThat(v).isGreaterThanOrEqualTo(-0.5).isLessThan(0.5);
        }
    }

    @Test
    void meanIsNearZero() {
        double[] v = TestData.uniform(200, 200, 11, 0);
        double sum = 0;
        for (double x : v) {
            sum += x;
        }
        // uniform on [-1/2, 1/2) has variance 1/12; the mean of 40000 values has standard
        // deviation 1/sqrt(12 * 40000) = 0.0014, so 0.01 is a 7-sigma bound
        assertThat(Math.abs(sum / v.length)).isLessThan(0.01);
    }

    @Test
    void lowerTriangularHasZeroUpperTriangleAndDominantDiagonal() {
        int m = 6;
        double[] l = TestData.lowerTriangular(m, 3, 0);
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < j; i++) {
                assertThat(l[i + j * m]).isZero();
            }
            assertThat(l[j + j * m]).isGreaterThanOrEqualTo(m - 0.5);
        }
    }

    @Test
    void negativeSizeIsRejected() {
        assertThatThrownBy(() -> TestData.uniform(-1, 2, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1 x 2");
    }
}
