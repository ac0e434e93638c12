package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Backends;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Divide and conquer against the QL iteration on tridiagonal matrices that exercise deflation:
 * Wilkinson's \(W_n^+\) (pairs of nearly equal eigenvalues), constant diagonals (massive
 * deflation), split matrices (zero couplings) and random ones.
 */
class TridiagonalDivideConquerTest {
    static double[][] matrix(String kind, int n) {
        double[] d = new double[n];
        double[] e = new double[Math.max(1, n - 1)];
        for (int i = 0; i < n; i++) {
            switch (kind) {
                case "wilkinson":
                    d[i] = Math.abs((n - 1) / 2.0 - i);
                    if (i < n - 1) {
                        e[i] = 1.0;
                    }
                    break;
                case "constant":
                    d[i] = 2.0;
                    if (i < n - 1) {
                        e[i] = 1e-18 * (i % 3);
                    }
                    break;
                case "split":
                    d[i] = Math.cos(i);
                    if (i < n - 1) {
                        e[i] = i % 30 == 29 ? 0.0 : Math.sin(2.0 * i);
                    }
                    break;
                default:
                    d[i] = Math.sin(1.3 * i + 0.2);
                    if (i < n - 1) {
                        e[i] = Math.cos(0.7 * i);
                    }
            }
        }
        return new double[][] {d, e};
    }

    @ParameterizedTest(name = "{0} n={1}")
    @CsvSource({"wilkinson,21", "wilkinson,201", "constant,120", "split,150", "random,26", "random,300", "random,1"})
    void agreesWithQlAndIsOrthogonal(String kind, int n) {
        double[][] de = matrix(kind, n);
        double[] d1 = de[0].clone();
        double[] z = TridiagonalDivideConquer.compute(Backends.active(), n, d1, de[1]);
        double[] d2 = de[0].clone();
        TridiagonalQl.compute(Backends.active(), n, d2, de[1].clone(), null, 0, 1, 0);
        double norm = 0.0;
        for (int i = 0; i < n; i++) {
            norm = Math.max(norm, Math.abs(d2[i]) + 2);
        }
        for (int i = 0; i < n; i++) {
            assertThat(d1[i]).as("lambda_%d", i).isCloseTo(d2[i], within(20 * n * 1.1e-16 * norm));
        }
        // orthogonality ratio ||Z^T Z - I||_F / (n u) < 30
        double err = 0.0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double s = a == b ? -1.0 : 0.0;
                for (int i = 0; i < n; i++) {
                    s += z[i + a * n] * z[i + b * n];
                }
                err += s * s;
            }
        }
        assertThat(Math.sqrt(err) / (n * 0x1.0p-53)).isLessThan(30.0);
        // residual ratio ||T Z - Z Lambda||_F / (n u ||T||)
        double res = 0.0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double tz = de[0][i] * z[i + j * n];
                if (i > 0) {
                    tz += de[1][i - 1] * z[i - 1 + j * n];
                }
                if (i < n - 1) {
                    tz += de[1][i] * z[i + 1 + j * n];
                }
                double r = tz - d1[j] * z[i + j * n];
                res += r * r;
            }
        }
        assertThat(Math.sqrt(res) / (n * 0x1.0p-53 * norm)).isLessThan(30.0);
    }
}
