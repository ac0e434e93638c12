package dev.nla.tensor.problems.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.testing.Tolerances;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TriangleQuadratureTest {
    @Test
    void weightsSumToOne() {
        double s = 0;
        for (double w : TriangleQuadrature.WEIGHTS) {
            s += w;
        }
        assertThat(s).isCloseTo(1.0, within(8 * Tolerances.U));
    }

    /** On the reference triangle (0,0), (1,0), (0,1): int x^a y^b = a! b! / (a + b + 2)!. */
    @ParameterizedTest
    @CsvSource({"0,0", "1,0", "0,1", "2,0", "1,1", "0,3", "2,2", "3,1", "5,0", "1,4", "3,2"})
    void integratesEveryMonomialOfDegreeAtMostFiveExactly(int a, int b) {
        double rule = 0;
        for (int q = 0; q < TriangleQuadrature.WEIGHTS.length; q++) {
            double x = TriangleQuadrature.POINTS[q][1];
            double y = TriangleQuadrature.POINTS[q][2];
            rule += TriangleQuadrature.WEIGHTS[q] * 0.5 * Math.pow(x, a) * Math.pow(y, b);
        }
        double exact = factorial(a) * factorial(b) / factorial(a + b + 2);
        assertThat(rule).isCloseTo(exact, within(64 * Tolerances.U * exact));
    }

    @Test
    void isNotExactAtDegreeSix() {
        // Proves the exactness test can fail: x^6 is integrated with a visible error.
        double rule = 0;
        for (int q = 0; q < TriangleQuadrature.WEIGHTS.length; q++) {
            rule += TriangleQuadrature.WEIGHTS[q] * 0.5 * Math.pow(TriangleQuadrature.POINTS[q][1], 6);
        }
        double exact = factorial(6) / factorial(8);
        assertThat(Math.abs(rule - exact)).isGreaterThan(1e-6 * exact);
    }

    @Test
    void barycentricCoordinatesSumToOne() {
        for (double[] p : TriangleQuadrature.POINTS) {
            assertThat(p[0] + p[1] + p[2]).isCloseTo(1.0, within(4 * Tolerances.U));
        }
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) {
            f *= i;
        }
        return f;
    }
}
