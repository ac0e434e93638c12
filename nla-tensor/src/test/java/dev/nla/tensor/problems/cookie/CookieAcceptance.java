package dev.nla.tensor.problems.cookie;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;

/** Shared helpers of the cookie GMRES tests. */
final class CookieAcceptance {
    private CookieAcceptance() {}

    /** {@code count} grid indices drawn uniformly from the sample grid of {@code op}. */
    static int[][] randomGridPoints(ParametricCookieOperator op, int count, RngState state) {
        int m = op.modeSizes().length - 1;
        DenseMatrix u = RandomMatrices.generate(count, m, ScalarDistribution.UNIFORM_01, state)
                .value();
        int[][] points = new int[count][m];
        for (int p = 0; p < count; p++) {
            for (int mu = 0; mu < m; mu++) {
                int n = op.modeSizes()[mu + 1];
                points[p][mu] = Math.min(n - 1, (int) Math.floor(u.get(p, mu) * n));
            }
        }
        return points;
    }
}
