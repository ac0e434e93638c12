package dev.nla.tensor.problems.dg;

import dev.nla.core.error.Require;

/**
 * The \(q\)-point Gauss–Legendre rule on \([-1, 1]\): \(\int_{-1}^{1} f \approx \sum_i w_i
 * f(\xi_i)\), exact for polynomials of degree at most \(2q - 1\).
 *
 * <p>The nodes are the roots of the Legendre polynomial \(P_q\), found by Newton's method from the
 * Chebyshev-like guesses \(\cos(\pi(i + 3/4)/(q + 1/2))\); the weights are \(w_i = 2/((1 -
 * \xi_i^2)P_q'(\xi_i)^2)\) [Davis and Rabinowitz 1984, §2.7]. Newton converges quadratically from
 * these guesses; the nodes are accurate to a few ulps.
 */
public final class GaussLegendre {
    /** The largest supported number of points. */
    public static final int MAX_POINTS = 64;

    private final double[] nodes;
    private final double[] weights;

    private GaussLegendre(double[] nodes, double[] weights) {
        this.nodes = nodes;
        this.weights = weights;
    }

    /**
     * The rule with {@code points} nodes.
     *
     * @param points \(q\), in {@code [1, MAX_POINTS]}
     * @return the rule, nodes ascending
     * @throws IllegalArgumentException if {@code points} is out of range
     */
    public static GaussLegendre of(int points) {
        Require.inRange("points", points, 1, MAX_POINTS);
        int q = points;
        double[] x = new double[q];
        double[] w = new double[q];
        for (int i = 0; i < (q + 1) / 2; i++) {
            double z = Math.cos(Math.PI * (i + 0.75) / (q + 0.5));
            double dp = 1.0;
            for (int it = 0; it < 100; it++) {
                double[] pd = Legendre.valueAndDerivative(q, z);
                dp = pd[1];
                double dz = pd[0] / dp;
                z -= dz;
                if (Math.abs(dz) <= 1e-16 * Math.max(1.0, Math.abs(z))) {
                    break;
                }
            }
            dp = Legendre.valueAndDerivative(q, z)[1];
            double weight = 2.0 / ((1.0 - z * z) * dp * dp);
            x[q - 1 - i] = z;
            x[i] = -z;
            w[i] = weight;
            w[q - 1 - i] = weight;
        }
        if (q % 2 == 1) {
            x[q / 2] = 0.0;
        }
        return new GaussLegendre(x, w);
    }

    /**
     * Number of points \(q\).
     *
     * @return \(q\)
     */
    public int size() {
        return nodes.length;
    }

    /**
     * Node \(\xi_i\).
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the node, ascending in {@code i}
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double node(int i) {
        return nodes[i];
    }

    /**
     * Weight \(w_i\).
     *
     * @param i index, {@code 0 <= i < size()}
     * @return the positive weight; the weights sum to 2
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public double weight(int i) {
        return weights[i];
    }
}
