package dev.nla.tensor.problems.dg;

import dev.nla.core.error.Require;

/**
 * Discretization parameters of the DG scheme for \(u_t + a u_x = 0\) on the periodic interval \([0,
 * 1)\).
 *
 * @param degree   polynomial degree \(k\) per cell, \(0 \le k \le\) {@link #MAX_DEGREE}
 * @param elements number of uniform cells \(N_e \ge 1\), width \(\Delta x = 1/N_e\)
 * @param speed    advection speed \(a \gt 0\), finite (a negative speed is the reflection \(x \to 1 -
 *     x\) of a positive one)
 */
public record DgOptions(int degree, int elements, double speed) {
    /** The largest supported degree. */
    public static final int MAX_DEGREE = 8;

    /**
     * Validates the options.
     *
     * @param degree   \(k\), in {@code [0, MAX_DEGREE]}
     * @param elements \(N_e \ge 1\)
     * @param speed    \(a\), positive and finite
     * @throws IllegalArgumentException if a value is out of range
     */
    public DgOptions {
        Require.inRange("degree", degree, 0, MAX_DEGREE);
        Require.positive("elements", elements);
        Require.positive("speed", speed);
    }

    /**
     * Cell width \(\Delta x = 1/N_e\).
     *
     * @return \(\Delta x\)
     */
    public double cellWidth() {
        return 1.0 / elements;
    }

    /**
     * Number of unknowns \((k + 1)N_e\).
     *
     * @return the count
     */
    public long unknowns() {
        return (long) (degree + 1) * elements;
    }
}
