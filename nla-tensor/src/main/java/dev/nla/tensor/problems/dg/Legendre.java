package dev.nla.tensor.problems.dg;

import dev.nla.core.error.Require;

/**
 * Legendre polynomials \(P_l\) on \([-1, 1]\), the modal basis of the DG scheme: \(P_0 = 1\), \(P_1 =
 * \xi\), \((l + 1)P_{l+1} = (2l + 1)\xi P_l - lP_{l-1}\), orthogonal with \(\int_{-1}^1 P_lP_m =
 * \tfrac{2}{2l+1}\delta_{lm}\), \(P_l(1) = 1\), \(P_l(-1) = (-1)^l\).
 */
public final class Legendre {
    private Legendre() {}

    /**
     * The values \(P_0(\xi), \dots, P_k(\xi)\).
     *
     * @param degree \(k \ge 0\)
     * @param xi     the point
     * @return a new array of length \(k + 1\)
     * @throws IllegalArgumentException if {@code degree} is negative
     */
    public static double[] values(int degree, double xi) {
        Require.nonNegative("degree", degree);
        double[] p = new double[degree + 1];
        p[0] = 1.0;
        if (degree >= 1) {
            p[1] = xi;
        }
        for (int l = 1; l < degree; l++) {
            p[l + 1] = ((2 * l + 1) * xi * p[l] - l * p[l - 1]) / (l + 1);
        }
        return p;
    }

    /**
     * \(P_n(\xi)\) and \(P_n'(\xi)\), by the three-term recurrence and \(P_{l+1}' = P_{l-1}' +
     * (2l + 1)P_l\).
     *
     * @param n  the degree, \(\ge 0\)
     * @param xi the point
     * @return a new array {@code {P_n(xi), P_n'(xi)}}
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public static double[] valueAndDerivative(int n, double xi) {
        Require.nonNegative("n", n);
        double pPrev = 1.0;
        double dPrev = 0.0;
        if (n == 0) {
            return new double[] {1.0, 0.0};
        }
        double p = xi;
        double d = 1.0;
        for (int l = 1; l < n; l++) {
            double pNext = ((2 * l + 1) * xi * p - l * pPrev) / (l + 1);
            double dNext = dPrev + (2 * l + 1) * p;
            pPrev = p;
            dPrev = d;
            p = pNext;
            d = dNext;
        }
        return new double[] {p, d};
    }
}
