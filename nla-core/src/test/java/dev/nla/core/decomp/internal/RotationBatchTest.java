package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Delayed rotation sequences (scalar or Vector API kernel, by tier) against naive loops: every
 * entry sees the same rotations in the same order, so the results agree to rounding (FMA
 * contraction may change an ulp), and are bitwise equal whatever the thread count.
 */
class RotationBatchTest {
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
        RotationBatch batch = new RotationBatch(a, 2, ld, rows, 2);
        batch.add(1, count, c, 1, s, 1, forward);
        batch.flush();
        // identical operations in the same order per entry: FMA contraction may differ by an ulp
        for (int i = 0; i < a.length; i++) {
            assertThat(a[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-14));
        }
    }

    /** Several queued sequences, flushed once, against the sequences applied one by one. */
    @ParameterizedTest(name = "rows={0}")
    @CsvSource({"5", "64", "200", "3000"})
    void queuedSweepsMatchImmediateApplication(int rows) {
        int cols = 30;
        double[] a = new double[rows * cols];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.cos(0.91 * i);
        }
        double[] expected = a.clone();
        RotationBatch batch = new RotationBatch(a, 0, rows, rows, 2);
        for (int sweep = 0; sweep < 40; sweep++) {
            int first = sweep % 7;
            int count = 5 + sweep % 13;
            boolean forward = sweep % 3 != 0;
            double[] c = new double[count];
            double[] s = new double[count];
            for (int j = 0; j < count; j++) {
                double t = 0.17 * sweep + 0.29 * j;
                c[j] = Math.cos(t);
                s[j] = Math.sin(t);
            }
            reference(expected, 0, rows, rows, first, count, c, s, forward);
            batch.add(first, count, c, 0, s, 0, forward);
        }
        batch.flush();
        for (int i = 0; i < a.length; i++) {
            // 40 sweeps of orthogonal rotations: rounding differences stay O(40 u)
            assertThat(a[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.within(1e-13));
        }
    }

    @org.junit.jupiter.api.Test
    void resultIsIndependentOfTheThreadCount() {
        int rows = 5000;
        int cols = 40;
        double[] a1 = new double[rows * cols];
        for (int i = 0; i < a1.length; i++) {
            a1[i] = Math.sin(0.013 * i * i);
        }
        double[] a2 = a1.clone();
        double[] c = new double[cols - 1];
        double[] s = new double[cols - 1];
        for (int j = 0; j < cols - 1; j++) {
            c[j] = Math.cos(0.5 + j);
            s[j] = Math.sin(0.5 + j);
        }
        RotationBatch one = new RotationBatch(a1, 0, rows, rows, 1);
        RotationBatch two = new RotationBatch(a2, 0, rows, rows, 2);
        for (int sweep = 0; sweep < 10; sweep++) {
            one.add(0, cols - 1, c, 0, s, 0, sweep % 2 == 0);
            two.add(0, cols - 1, c, 0, s, 0, sweep % 2 == 0);
        }
        one.flush();
        two.flush();
        assertThat(a2).isEqualTo(a1);
    }
}
