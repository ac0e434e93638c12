package dev.nla.sketch.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The FFT-based DCT-II/III against the naive \(O(n^2)\) definitions. */
class CosineTransformTest {
    static double[] naiveDct2(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            double c = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += x[j] * Math.cos(Math.PI * (2 * j + 1) * k / (2.0 * n));
            }
            y[k] = c * s;
        }
        return y;
    }

    static double[] naiveDct3(double[] x) {
        int n = x.length;
        double[] y = new double[n];
        for (int j = 0; j < n; j++) {
            double s = 0;
            for (int k = 0; k < n; k++) {
                double c = k == 0 ? Math.sqrt(1.0 / n) : Math.sqrt(2.0 / n);
                s += c * x[k] * Math.cos(Math.PI * (2 * j + 1) * k / (2.0 * n));
            }
            y[j] = s;
        }
        return y;
    }

    private static double[] random(int n, long seed) {
        return TestMatrices.gaussian(n, 1, RngState.seed(seed)).toColumnMajorArray();
    }

    private static double norm(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    /**
     * Normwise FFT error \(\le \log_2 n \cdot \eta \|x\|\), \(\eta \approx 5u\) [Higham 2002, Thm
     * 24.2], plus the naive sum's \(\gamma_n \|x\|_1 \le n u \sqrt n \|x\|\): the bound below, per entry,
     * over both inputs (they share one FFT).
     */
    private static double tolerance(int n, double[] x, double[] y) {
        double log = Math.max(1, 31 - Integer.numberOfLeadingZeros(n));
        return (20 * log + 2.0 * n * Math.sqrt(n)) * 0x1.0p-53 * (norm(x) + norm(y)) + Double.MIN_NORMAL;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 32, 256, 1024})
    void forwardMatchesTheNaiveDct2OnBothInputs(int n) {
        double[] x = random(n, 1);
        double[] y = random(n, 2);
        double[] ex = naiveDct2(x);
        double[] ey = naiveDct2(y);
        double tol = tolerance(n, x, y);
        new CosineTransform(n).forward(x, y, new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            assertThat(x[k]).isCloseTo(ex[k], org.assertj.core.data.Offset.offset(tol));
            assertThat(y[k]).isCloseTo(ey[k], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 8, 32, 256, 1024})
    void inverseMatchesTheNaiveDct3OnBothInputs(int n) {
        double[] x = random(n, 3);
        double[] y = random(n, 4);
        double[] ex = naiveDct3(x);
        double[] ey = naiveDct3(y);
        double tol = tolerance(n, x, y);
        new CosineTransform(n).inverse(x, y, new double[n], new double[n]);
        for (int k = 0; k < n; k++) {
            assertThat(x[k]).isCloseTo(ex[k], org.assertj.core.data.Offset.offset(tol));
            assertThat(y[k]).isCloseTo(ey[k], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void inverseUndoesForward() {
        int n = 4096;
        double[] x = random(n, 5);
        double[] orig = x.clone();
        double[] y = new double[n];
        CosineTransform t = new CosineTransform(n);
        double[] re = new double[n];
        double[] im = new double[n];
        t.forward(x, y, re, im);
        t.inverse(x, y, re, im);
        double tol = 40 * 12 * 0x1.0p-53 * norm(orig);
        for (int j = 0; j < n; j++) {
            assertThat(x[j]).isCloseTo(orig[j], org.assertj.core.data.Offset.offset(tol));
        }
    }

    @Test
    void rejectsLengthsThatAreNotPowersOfTwo() {
        assertThatThrownBy(() -> new CosineTransform(12))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("got 12");
    }
}
