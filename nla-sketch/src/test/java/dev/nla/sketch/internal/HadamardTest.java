package dev.nla.sketch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast transform against its naive twin \(y_i = \sum_j (-1)^{\operatorname{popcount}(i \wedge j)} x_j\). */
class HadamardTest {
    static double[] naive(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += (Integer.bitCount(i & j) & 1) == 0 ? x[j] : -x[j];
            }
            y[i] = s;
        }
        return y;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 16, 64, 2048, 4096, 8192})
    void matchesTheNaiveTransform(int n) {
        double[] x = TestMatrices.gaussian(n, 1, RngState.seed(n)).toColumnMajorArray();
        double[] expected = naive(x);
        double norm1 = 0;
        for (double v : x) {
            norm1 += Math.abs(v);
        }
        Hadamard.transform(x, 0, n);
        // each output is a signed sum of n entries: both sides within gamma_n ||x||_1 of the exact value
        double tol = 2 * n * 0x1.0p-53 * norm1 + Double.MIN_NORMAL;
        for (int i = 0; i < n; i++) {
            assertThat(x[i]).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void transformsOnlyTheSegment() {
        double[] x = {9, 1, 2, 9};
        Hadamard.transform(x, 1, 2);
        assertThat(x).containsExactly(9, 3, -1, 9);
    }

    @Test
    void appliedTwiceScalesByN() {
        // H H = n I, exactly for small integers
        double[] x = {1, -2, 3, 5, 0, 7, -1, 4};
        Hadamard.transform(x, 0, 8);
        Hadamard.transform(x, 0, 8);
        assertThat(x).containsExactly(8, -16, 24, 40, 0, 56, -8, 32);
    }

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 2", "3, 4", "5, 8", "1000, 1024", "1025, 2048", "1073741824, 1073741824"})
    void nextPowerOfTwo(int n, int expected) {
        assertThat(Hadamard.nextPowerOfTwo(n)).isEqualTo(expected);
    }

    @Test
    void nextPowerOfTwoRejectsZero() {
        assertThatThrownBy(() -> Hadamard.nextPowerOfTwo(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> Hadamard.transform(new double[6], 0, 6))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 6");
    }
}
