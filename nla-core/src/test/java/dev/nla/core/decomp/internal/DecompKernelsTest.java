package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The compensated dot product of the kernels in use (scalar or Vector API, by tier) against the
 * exact value (BigDecimal). Its bound is \(u|x^{\mathsf T}y| + (\gamma_2 + O(nu^2))\sum|x_i y_i|\),
 * so an error below \(4u\sum|x_i y_i|\) is asserted; plain recursive summation may err by up to
 * \(\gamma_n \sum|x_i y_i|\), and does on the coherent data used here.
 */
class DecompKernelsTest {
    private static final double U = 0x1.0p-53;

    private static double exact(int n, double[] x, double[] y) {
        BigDecimal s = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            s = s.add(new BigDecimal(x[i]).multiply(new BigDecimal(y[i])));
        }
        return s.round(MathContext.DECIMAL128).doubleValue();
    }

    private static double absSum(int n, double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += Math.abs(x[i] * y[i]);
        }
        return s;
    }

    /** Every length up to 70 (the vector loop, its tail and the lane merge) on mixed-sign data. */
    @Test
    void isAccurateForEveryShortLength() {
        double worst = 0;
        for (int n = 0; n <= 70; n++) {
            double[] x = new double[n + 3];
            double[] y = new double[n + 3];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.sin(1.3 * i + n);
                y[i] = Math.cos(0.7 * i * i - n);
            }
            double[] xs = java.util.Arrays.copyOfRange(x, 3, n + 3);
            double got = DecompKernels.INSTANCE.dot(n, x, 3, y, 3);
            double err = Math.abs(got - exact(n, xs, java.util.Arrays.copyOfRange(y, 3, n + 3)));
            worst = Math.max(worst, err / Math.max(absSum(n, xs, java.util.Arrays.copyOfRange(y, 3, n + 3)), 1e-300));
        }
        assertThat(worst).isLessThan(4 * U);
    }

    /** Coherent rounding: 0.1 * 0.3 repeated; every recursive-summation step rounds the same way. */
    @ParameterizedTest
    @ValueSource(ints = {1000, 100_003, 1_000_000})
    void errorDoesNotGrowWithTheLengthOnCoherentData(int n) {
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(x, 0.1);
        java.util.Arrays.fill(y, 0.3);
        double got = DecompKernels.INSTANCE.dot(n, x, 0, y, 0);
        double err = Math.abs(got - exact(n, x, y));
        assertThat(err).isLessThan(4 * U * absSum(n, x, y));
    }

    @Test
    void plainSummationIsWorseOnTheSameData() {
        // the reason the kernel exists: recursive summation of the same 10^6 products errs by far more
        int n = 1_000_000;
        double[] x = new double[n];
        double[] y = new double[n];
        java.util.Arrays.fill(x, 0.1);
        java.util.Arrays.fill(y, 0.3);
        double plain = 0;
        for (int i = 0; i < n; i++) {
            plain += x[i] * y[i];
        }
        double exact = exact(n, x, y);
        assertThat(Math.abs(plain - exact)).isGreaterThan(100 * U * absSum(n, x, y));
    }

    @Test
    void vectorRunUsesTheVectorKernels() {
        assumeTrue(System.getProperty("nla.test.expectVector", "").equals("true"), "not the Vector API run");
        assertThat(DecompKernels.INSTANCE.name()).isEqualTo("vector");
    }

    @Test
    void scalarRunUsesTheScalarKernels() {
        assumeTrue(System.getProperty("nla.test.expectVector", "").equals("false"), "not the scalar run");
        assertThat(DecompKernels.INSTANCE.name()).isEqualTo("scalar");
    }
}
