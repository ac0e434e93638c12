package dev.nla.tensor.problems.cookie;

import java.util.ArrayList;
import java.util.List;

/**
 * The two cookie patterns of the parametric diffusion problem on \([-1, 1]^2\): \(m\) disjoint disks
 * of radius \(0.15\) on a square grid of centres.
 *
 * <p>Cookies are numbered \(\mu = 0, \dots, m - 1\) row by row from the bottom left, the
 * \(x\)-position fastest: cookie \(\mu = i_x + s\, i_y\) has centre \((c_{i_x}, c_{i_y})\) on an
 * \(s \times s\) pattern.
 *
 * <ul>
 *   <li>{@link #FOUR}: \(s = 2\), centres \(\{-1/2, 1/2\}^2\). The spec leaves the four-cookie
 *       layout open; this choice puts every disk at the centre of one quadrant of the domain, so
 *       the disks are \(0.7\) apart and \(0.35\) away from the boundary.
 *   <li>{@link #NINE}: \(s = 3\), centres \(\{-2/3, 0, 2/3\}^2\), as inferred from the sparsity
 *       pattern of the nine-cookie data of [Al Daas et al. 2025] (spec §3.3); the disks are
 *       \(0.3667\) apart and \(0.1833\) away from the boundary.
 * </ul>
 */
public enum CookieLayout {
    /** Four cookies in a 2×2 pattern, centres \(\{-1/2, 1/2\}^2\), radius \(0.15\). */
    FOUR(new double[] {-0.5, 0.5}),
    /** Nine cookies in a 3×3 pattern, centres \(\{-2/3, 0, 2/3\}^2\), radius \(0.15\). */
    NINE(new double[] {-2.0 / 3.0, 0.0, 2.0 / 3.0});

    /** The radius of every cookie. */
    public static final double RADIUS = 0.15;

    private final double[] centres;

    CookieLayout(double[] centres) {
        this.centres = centres;
    }

    /**
     * Number of cookies \(m = s^2\).
     *
     * @return 4 or 9
     */
    public int count() {
        return centres.length * centres.length;
    }

    /**
     * The disks, cookie \(\mu\) at index \(\mu\).
     *
     * @return an unmodifiable list of {@link #count()} disks
     */
    public List<Disk> disks() {
        List<Disk> disks = new ArrayList<>(count());
        for (double cy : centres) {
            for (double cx : centres) {
                disks.add(new Disk(cx, cy, RADIUS));
            }
        }
        return List.copyOf(disks);
    }
}
