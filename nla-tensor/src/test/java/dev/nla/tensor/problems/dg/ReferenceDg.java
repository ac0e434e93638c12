package dev.nla.tensor.problems.dg;

/**
 * Naive reference twin of {@link DgAdvectionOperator}: the cell blocks computed from the weak form
 * by quadrature and point evaluation, with no closed forms.
 *
 * <p>On cell \(I_j\), \(\int_{I_j} \partial_t u_h P_l = a\int_{I_j} u_h \partial_x P_l - a[u_h^-P_l]\)
 * with upwind traces; the mass, volume and flux integrals are evaluated numerically here.
 */
final class ReferenceDg {
    private ReferenceDg() {}

    /** Returns {K1, K2} as row-major double[n][n] arrays. */
    static double[][][] blocks(int degree, double dx, double a) {
        int n = degree + 1;
        GaussLegendre g = GaussLegendre.of(n + 2);
        double[][] mass = new double[n][n];
        double[][] volume = new double[n][n]; // volume[l][m] = int P_m dP_l/dxi
        for (int q = 0; q < g.size(); q++) {
            double xi = g.node(q);
            double[] p = Legendre.values(degree, xi);
            double[] dp = new double[n];
            for (int l = 0; l < n; l++) {
                dp[l] = Legendre.valueAndDerivative(l, xi)[1];
            }
            for (int l = 0; l < n; l++) {
                for (int m = 0; m < n; m++) {
                    mass[l][m] += g.weight(q) * p[l] * p[m] * dx / 2;
                    volume[l][m] += g.weight(q) * p[m] * dp[l];
                }
            }
        }
        double[] right = Legendre.values(degree, 1.0);
        double[] left = Legendre.values(degree, -1.0);
        double[][] rhs1 = new double[n][n];
        double[][] rhs2 = new double[n][n];
        for (int l = 0; l < n; l++) {
            for (int m = 0; m < n; m++) {
                // a * volume - a * (own right trace) * P_l(1) + a * (left neighbour's right trace) * P_l(-1)
                rhs1[l][m] = a * volume[l][m] - a * right[m] * right[l];
                rhs2[l][m] = a * right[m] * left[l];
            }
        }
        double[][][] out = new double[2][n][n];
        for (int l = 0; l < n; l++) {
            for (int m = 0; m < n; m++) {
                out[0][l][m] = rhs1[l][m] / mass[l][l];
                out[1][l][m] = rhs2[l][m] / mass[l][l];
            }
        }
        return out;
    }
}
