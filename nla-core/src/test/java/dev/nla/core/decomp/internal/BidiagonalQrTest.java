package dev.nla.core.decomp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.blas.Backends;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BidiagonalQrTest {
    /** A deterministic bidiagonal matrix whose entries fall by {@code grade} per step. */
    static double[][] graded(int n, double grade) {
        double[] d = new double[n];
        double[] e = new double[n - 1];
        for (int i = 0; i < n; i++) {
            d[i] = Math.pow(grade, i) * (1.0 + 0.5 * Math.sin(1.7 * i + 0.3));
            if (i < n - 1) {
                e[i] = Math.pow(grade, i) * 0.9 * Math.cos(0.9 * i + 0.1);
            }
        }
        return new double[][] {d, e};
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.0, 0.5, 1e-3, 1e-8})
    void productOfSingularValuesIsTheDeterminant(double grade) {
        // |det B| = prod |d_i| = prod sigma_i exactly; a relative error eta in every sigma_i moves
        // the log-sum by at most n * eta. High relative accuracy (Demmel-Kahan) gives eta = O(n u)
        // even when sigma_min / sigma_max is 1e-300, where an absolute-accuracy method fails.
        int n = 40;
        double[][] de = graded(n, grade);
        double logDet = 0.0;
        for (double v : de[0]) {
            logDet += Math.log(Math.abs(v));
        }
        double[] d = de[0].clone();
        BidiagonalQr.compute(Backends.active(), n, d, de[1].clone(), null, 0, 1, 0, null, 0, 1, 0);
        double logProd = 0.0;
        for (double v : d) {
            logProd += Math.log(v);
        }
        assertThat(logProd).isCloseTo(logDet, within(n * n * 1e-15 * 10));
    }

    @Test
    void valuesWithAndWithoutVectorsAgree() {
        int n = 30;
        double[][] de = graded(n, 0.7);
        double[] d1 = de[0].clone();
        BidiagonalQr.compute(Backends.active(), n, d1, de[1].clone(), null, 0, 1, 0, null, 0, 1, 0);
        double[] d2 = de[0].clone();
        double[] u = new double[n * n];
        double[] v = new double[n * n];
        for (int i = 0; i < n; i++) {
            u[i + i * n] = 1.0;
            v[i + i * n] = 1.0;
        }
        BidiagonalQr.compute(Backends.active(), n, d2, de[1].clone(), u, 0, n, n, v, 0, n, n);
        for (int i = 0; i < n; i++) {
            assertThat(d2[i]).isCloseTo(d1[i], within(1e-15 * d1[0]));
        }
        // B v_j = sigma_j u_j
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double bv = de[0][i] * v[i + j * n] + (i < n - 1 ? de[1][i] * v[i + 1 + j * n] : 0.0);
                assertThat(bv).isCloseTo(d2[j] * u[i + j * n], within(1e-13 * d1[0]));
            }
        }
    }

    @Test
    void sortsDecreasingAndMakesNonNegative() {
        double[] d = {-1.0, 3.0, 0.0, -2.0};
        double[] e = {0.0, 0.0, 0.0};
        BidiagonalQr.compute(Backends.active(), 4, d, e, null, 0, 1, 0, null, 0, 1, 0);
        assertThat(d).containsExactly(3.0, 2.0, 1.0, 0.0);
    }
}
