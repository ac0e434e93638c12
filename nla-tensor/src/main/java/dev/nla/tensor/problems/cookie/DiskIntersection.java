package dev.nla.tensor.problems.cookie;

/**
 * The exact area of the intersection of a triangle with a disk.
 *
 * <p>With the disk centre moved to the origin, the signed area of \(T \cap D\) for a triangle \(T =
 * (p_0, p_1, p_2)\) is the sum over its edges of the signed area of \(\triangle(0, p_i, p_{i+1}) \cap
 * D\) (the edge triangles cover \(T\) with signs that cancel outside it). Each edge is cut at its
 * intersections with the circle; a piece \([a, b]\) whose midpoint lies inside the circle
 * contributes the triangle area \(\tfrac12 (a \times b)\), a piece outside contributes the circular
 * sector \(\tfrac12 r^2 \operatorname{atan2}(a \times b, a \cdot b)\). The result is exact up to
 * rounding.
 */
final class DiskIntersection {
    private DiskIntersection() {}

    /**
     * Area of the triangle \((x_0, y_0), (x_1, y_1), (x_2, y_2)\) intersected with {@code disk}.
     *
     * @return the area, in \([0, \min(|T|, \pi r^2)]\) up to rounding
     */
    static double area(Disk disk, double x0, double y0, double x1, double y1, double x2, double y2) {
        double cx = disk.centerX();
        double cy = disk.centerY();
        double r = disk.radius();
        double ax = x0 - cx;
        double ay = y0 - cy;
        double bx = x1 - cx;
        double by = y1 - cy;
        double qx = x2 - cx;
        double qy = y2 - cy;
        double r2 = r * r;
        boolean aIn = ax * ax + ay * ay <= r2;
        boolean bIn = bx * bx + by * by <= r2;
        boolean qIn = qx * qx + qy * qy <= r2;
        double signedTriangle = 0.5 * ((bx - ax) * (qy - ay) - (by - ay) * (qx - ax));
        if (aIn && bIn && qIn) {
            // A disk is convex: a triangle with all vertices inside lies inside.
            return Math.abs(signedTriangle);
        }
        if (!containsOrigin(ax, ay, bx, by, qx, qy)
                && segmentDistanceSquared(ax, ay, bx, by) >= r2
                && segmentDistanceSquared(bx, by, qx, qy) >= r2
                && segmentDistanceSquared(qx, qy, ax, ay) >= r2) {
            // The closed triangle stays at distance >= r from the centre: it meets the disk at most
            // in a point, so the area is exactly 0 (not a rounding residue of the edge sum).
            return 0.0;
        }
        double sum = edge(ax, ay, bx, by, r) + edge(bx, by, qx, qy, r) + edge(qx, qy, ax, ay, r);
        double area = Math.abs(sum);
        return Math.min(area, Math.abs(signedTriangle));
    }

    /** Whether the origin lies in the closed triangle (a, b, q), either orientation. */
    private static boolean containsOrigin(double ax, double ay, double bx, double by, double qx, double qy) {
        double c1 = ax * by - ay * bx;
        double c2 = bx * qy - by * qx;
        double c3 = qx * ay - qy * ax;
        return (c1 >= 0 && c2 >= 0 && c3 >= 0) || (c1 <= 0 && c2 <= 0 && c3 <= 0);
    }

    /** Squared distance from the origin to the segment [a, b]. */
    private static double segmentDistanceSquared(double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double len2 = dx * dx + dy * dy;
        double t = len2 == 0.0 ? 0.0 : Math.max(0.0, Math.min(1.0, -(ax * dx + ay * dy) / len2));
        double px = ax + t * dx;
        double py = ay + t * dy;
        return px * px + py * py;
    }

    /** Signed area of triangle(0, a, b) intersected with the disk of radius r about 0. */
    private static double edge(double ax, double ay, double bx, double by, double r) {
        double dx = bx - ax;
        double dy = by - ay;
        double qa = dx * dx + dy * dy;
        if (qa == 0.0) {
            return 0.0;
        }
        double qb = 2.0 * (ax * dx + ay * dy);
        double qc = ax * ax + ay * ay - r * r;
        double disc = qb * qb - 4.0 * qa * qc;
        double[] t = {0.0, 1.0, 1.0, 1.0};
        int count = 1;
        if (disc > 0.0) {
            double sq = Math.sqrt(disc);
            // Stable roots of qa t^2 + qb t + qc = 0.
            double q = -0.5 * (qb + Math.copySign(sq, qb));
            double t1 = q / qa;
            double t2 = q != 0.0 ? qc / q : t1;
            double lo = Math.min(t1, t2);
            double hi = Math.max(t1, t2);
            if (lo > 0.0 && lo < 1.0) {
                t[count++] = lo;
            }
            if (hi > 0.0 && hi < 1.0) {
                t[count++] = hi;
            }
        }
        t[count++] = 1.0;
        double sum = 0.0;
        double r2 = r * r;
        for (int s = 0; s + 1 < count; s++) {
            double px = ax + t[s] * dx;
            double py = ay + t[s] * dy;
            double ex = ax + t[s + 1] * dx;
            double ey = ay + t[s + 1] * dy;
            double mx = 0.5 * (px + ex);
            double my = 0.5 * (py + ey);
            double cross = px * ey - py * ex;
            if (mx * mx + my * my <= r2) {
                sum += 0.5 * cross;
            } else {
                sum += 0.5 * r2 * Math.atan2(cross, px * ex + py * ey);
            }
        }
        return sum;
    }
}
