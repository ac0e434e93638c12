package dev.nla.attention.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The softmax kernels: the polynomial exponential against {@code Math.exp}, and the Vector API kernels
 * against their scalar twins (bitwise).
 */
class SoftmaxTest {
    /** Error of {@code Softmax.exp(x)} in units of the last place of {@code Math.exp(x)}. */
    private static double ulps(double x) {
        double expected = Math.exp(x);
        return Math.abs(Softmax.exp(x) - expected) / Math.ulp(expected);
    }

    private static double[] uniform(int count, double low, double high, long seed) {
        double[] u = RandomMatrices.generate(count, 1, ScalarDistribution.UNIFORM_01, RngState.seed(seed))
                .value()
                .toColumnMajorArray();
        for (int i = 0; i < count; i++) {
            u[i] = low + (high - low) * u[i];
        }
        return u;
    }

    @Test
    void expIsWithinTwoUlpsOnTheSoftmaxRange() {
        // Softmax arguments are <= 0; 10^6 points on [-745, 0] plus [-1, 0] densely.
        double worst = 0;
        for (double x : uniform(1_000_000, -708, 0, 1)) {
            worst = Math.max(worst, ulps(x));
        }
        for (double x : uniform(200_000, -1, 0, 2)) {
            worst = Math.max(worst, ulps(x));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void expIsWithinTwoUlpsForPositiveArguments() {
        double worst = 0;
        for (double x : uniform(200_000, 0, 709, 3)) {
            worst = Math.max(worst, ulps(x));
        }
        assertThat(worst).isLessThanOrEqualTo(2.0);
    }

    @Test
    void expIsExactAtZeroAndAtTheRangeEnds() {
        assertThat(Softmax.exp(0.0)).isEqualTo(1.0);
        assertThat(Softmax.exp(-0.0)).isEqualTo(1.0);
        assertThat(Softmax.exp(Double.NEGATIVE_INFINITY)).isEqualTo(0.0);
        assertThat(Softmax.exp(Double.POSITIVE_INFINITY)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Softmax.exp(-745.5)).isEqualTo(Math.exp(-745.5)); // subnormal range: Math.exp
        assertThat(Softmax.exp(710)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Softmax.exp(Double.NaN)).isNaN();
    }

    @Test
    void expIsMonotoneAcrossTheRangeBoundaries() {
        double[] xs = {-708.0001, -708.0, -707.9999, 708.9999, 709.0, 709.0001};
        for (int i = 1; i < xs.length; i++) {
            assertThat(Softmax.exp(xs[i])).isGreaterThan(Softmax.exp(xs[i - 1]));
        }
    }

    @Test
    void vectorExpEqualsScalarExpBitwise() {
        double[] x = uniform(10_007, -720, 5, 4);
        x[17] = Double.NEGATIVE_INFINITY;
        x[100] = -709.5;
        double[] viaKernels = x.clone();
        Softmax.exp(viaKernels, 0, x.length);
        double[] scalar = x.clone();
        Softmax.scalar().exp(scalar, 0, x.length);
        assertThat(Arrays.equals(viaKernels, scalar)).isTrue();
    }

    @Test
    void tileKernelsEqualTheirScalarTwinsBitwise() {
        // A 37 x 29 tile inside a larger array (ld 41, offset 5): the vector kernels do full vectors of
        // rows and leave the tail rows to the scalar code; all must match the scalar kernels exactly.
        int rows = 37;
        int cols = 29;
        int ld = 41;
        int off = 5;
        double[] t = uniform(off + ld * cols, -30, 3, 5);
        t[off + 3 + 4 * ld] = Double.NEGATIVE_INFINITY;
        double[] shift = uniform(rows, 0, 4, 6);
        double[] factor = uniform(rows, 0.5, 2, 7);
        Softmax.Kernels vector = Softmax.KERNELS;
        Softmax.Kernels scalar = Softmax.scalar();

        double[] maxV = uniform(rows, -40, -20, 8);
        double[] maxS = maxV.clone();
        vector.rowMax(t, off, ld, rows, cols, maxV);
        scalar.rowMax(t, off, ld, rows, cols, maxS);
        assertThat(Arrays.equals(maxV, maxS)).isTrue();

        double[] tv = t.clone();
        double[] ts = t.clone();
        double[] sumV = new double[rows];
        double[] sumS = new double[rows];
        vector.expShiftSum(tv, off, ld, rows, cols, shift, sumV);
        scalar.expShiftSum(ts, off, ld, rows, cols, shift, sumS);
        assertThat(Arrays.equals(tv, ts)).isTrue();
        assertThat(Arrays.equals(sumV, sumS)).isTrue();

        vector.scaleRows(tv, off, ld, rows, cols, factor);
        scalar.scaleRows(ts, off, ld, rows, cols, factor);
        assertThat(Arrays.equals(tv, ts)).isTrue();
    }

    @Test
    void expShiftSumComputesShiftedExponentialsAndSums() {
        double[] t = {0.5, -1.0, 2.0, 0.0}; // 2 x 2 column-major
        double[] shift = {2.0, 0.0};
        double[] sum = {1.0, 0.0};
        Softmax.expShiftSum(t, 0, 2, 2, 2, shift, sum);
        assertThat(t[0]).isCloseTo(Math.exp(-1.5), org.assertj.core.data.Offset.offset(1e-16));
        assertThat(t[2]).isEqualTo(1.0);
        assertThat(sum[0]).isCloseTo(1.0 + Math.exp(-1.5) + 1.0, org.assertj.core.data.Offset.offset(1e-15));
        assertThat(sum[1]).isCloseTo(Math.exp(-1.0) + 1.0, org.assertj.core.data.Offset.offset(1e-15));
    }

    @Test
    void theVectorKernelsAreActiveWhenTheModuleIsPresent() {
        boolean expectVector = Boolean.getBoolean("nla.test.expectVector");
        assertThat(Softmax.implementation()).isEqualTo(expectVector ? "vector" : "scalar");
    }
}
