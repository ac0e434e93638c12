package dev.nla.tensor.problems.cookie;

import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Discretization parameters of the cookie problem.
 *
 * @param cellsPerSide squares per side \(n_x\) of the structured mesh, \(2 \le n_x \le\) {@link
 *     StructuredTriangulation#MAX_CELLS_PER_SIDE}; \((n_x + 1)^2\) nodes (40 gives 1681, 100 gives
 *     10201, 200 gives 40401)
 * @param layout       the cookie pattern
 * @param assignment   how triangles are assigned to cookies
 */
public record CookieOptions(int cellsPerSide, CookieLayout layout, ElementAssignment assignment) {
    /**
     * Validates the options.
     *
     * @param cellsPerSide \(n_x\), in {@code [2, MAX_CELLS_PER_SIDE]}
     * @param layout       the cookie pattern, not null
     * @param assignment   the element assignment, not null
     * @throws IllegalArgumentException if {@code cellsPerSide} is out of range
     * @throws NullPointerException     if {@code layout} or {@code assignment} is null
     */
    public CookieOptions {
        Require.inRange("cellsPerSide", cellsPerSide, 2, StructuredTriangulation.MAX_CELLS_PER_SIDE);
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(assignment, "assignment");
    }

    /**
     * Defaults: \(n_x = 40\) (1681 nodes), four cookies, centroid assignment (see {@link
     * ElementAssignment} for why).
     *
     * @return the default options
     */
    public static CookieOptions defaults() {
        return new CookieOptions(40, CookieLayout.FOUR, ElementAssignment.CENTROID);
    }

    /**
     * The same options with another mesh size.
     *
     * @param nx squares per side, in {@code [2, MAX_CELLS_PER_SIDE]}
     * @return new options
     * @throws IllegalArgumentException if {@code nx} is out of range
     */
    public CookieOptions withCellsPerSide(int nx) {
        return new CookieOptions(nx, layout, assignment);
    }

    /**
     * The same options with another cookie pattern.
     *
     * @param pattern the pattern, not null
     * @return new options
     * @throws NullPointerException if {@code pattern} is null
     */
    public CookieOptions withLayout(CookieLayout pattern) {
        return new CookieOptions(cellsPerSide, pattern, assignment);
    }

    /**
     * The same options with another element assignment.
     *
     * @param rule the assignment, not null
     * @return new options
     * @throws NullPointerException if {@code rule} is null
     */
    public CookieOptions withAssignment(ElementAssignment rule) {
        return new CookieOptions(cellsPerSide, layout, rule);
    }
}
