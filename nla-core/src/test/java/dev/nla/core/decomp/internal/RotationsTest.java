package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The blocked (scalar or Vector API, by tier) rotation kernel against a naive reference. */
class RotationsTest {
    static void reference(
            double[] a, int off, int ld, int rows, int col0, int count, double[] c, double[] s, boolean forward) {
        for (int t = 0; t < count; t++) {
            int j = forward ? t : count - 1 - t;
            for (int i = 0; i < rows; i++) {
                int p = off + (col0 + j) * ld + i;
                int q = p + ld;
                double x = a[p];
                double y = a[q];
                a[p] = c[j] * x + s[j] * y;
                a[q] = c[j] * y - s[j] * x;
            }
        }
    }

    @ParameterizedTest(name = "rows={0} count={1} forward={2}")
    @CsvSource({"1,1,true", "7,5,false", "64,10,true", "65,3,false", "300,120,true", "1000,40,false", "13,0,true"})
    void matchesTheNaiveLoops(int rows, int count, boolean forward) {
        int ld = rows + 3;
        int cols = count + 4;
        double[] a = new double[ld * cols + 2];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.sin(0.37 * i + 1);
        }
        double[] c = new double[count + 1];
        double[] s = new double[count + 1];
        for (int j = 0; j < count; j++) {
            double t = 0.3 + 0.11 * j;
            c[j + 1] = Math.cos(t);
            s[j + 1] = Math.sin(t);
        }
        double[] expected = a.clone();
        double[] cc = new double[count];
        double[] ss = new double[count];
        System.arraycopy(c, 1, cc, 0, count);
        System.arraycopy(s, 1, ss, 0, count);
        reference(expected, 2, ld, rows, 1, count, cc, ss, forward);
        Rotations.applyToColumns(a, 2, ld, rows, 1, count, c, 1, s, 1, forward);
        // identical operations in the same order per entry: FMA contraction may differ by an ulp
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-14));
        }
    }
}
