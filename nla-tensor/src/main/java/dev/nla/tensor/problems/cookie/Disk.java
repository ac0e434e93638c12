package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.Require;

/**
 * A closed disk \(D = \{(x, y) : (x - c_x)^2 + (y - c_y)^2 \le r^2\}\) in the plane: one "cookie"
 * of the parametric diffusion problem.
 *
 * @param centerX \(c_x\), finite
 * @param centerY \(c_y\), finite
 * @param radius  \(r \gt 0\), finite
 */
public record Disk(double centerX, double centerY, double radius) {
    /**
     * Validates the disk.
     *
     * @param centerX \(c_x\), finite
     * @param centerY \(c_y\), finite
     * @param radius  \(r\), positive and finite
     * @throws dev.nla.core.error.NonFiniteValueException if a centre coordinate is NaN or infinite
     * @throws IllegalArgumentException                   if {@code radius} is not positive and finite
     */
    public Disk {
        Require.finite("centerX", centerX);
        Require.finite("centerY", centerY);
        Require.positive("radius", radius);
    }

    /**
     * Whether a point lies in the closed disk.
     *
     * @param x abscissa
     * @param y ordinate
     * @return {@code true} if \((x - c_x)^2 + (y - c_y)^2 \le r^2\)
     */
    public boolean contains(double x, double y) {
        double dx = x - centerX;
        double dy = y - centerY;
        return dx * dx + dy * dy <= radius * radius;
    }

    /**
     * The area \(\pi r^2\).
     *
     * @return the area
     */
    public double area() {
        return Math.PI * radius * radius;
    }
}
