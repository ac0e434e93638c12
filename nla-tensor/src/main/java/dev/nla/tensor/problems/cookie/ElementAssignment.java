package dev.nla.tensor.problems.cookie;

/**
 * How the piecewise constant coefficient \(\sigma\) (value \(\rho_\mu\) on cookie \(\mu\), 1 elsewhere)
 * is turned into one value per triangle.
 *
 * <p>The P1 stiffness matrix needs only \(\int_T \sigma\) on each triangle, because the hat-function
 * gradients are constant there. {@link #EXACT_AREA} computes that integral exactly, so the assembled
 * matrix is the exact Galerkin matrix of the discontinuous coefficient; {@link #CENTROID} puts a
 * whole triangle into a cookie if its centroid lies in the disk.
 *
 * <p>{@link #CENTROID} is the default of {@link CookieOptions#defaults()}. It makes each cookie a
 * union of whole triangles (a polygonal disk, \(O(h)\) from the circle), which is what a mesh that
 * conforms to the disks gives, as in the data of the reference experiments; the cookie matrices
 * then have disjoint element supports. {@link #EXACT_AREA} blends background and cookie
 * coefficients in the triangles cut by a circle; in the Tucker GMRES of the four-cookie problem
 * (\(n_x = 40\), 8 samples per cookie, tolerance \(10^{-8}\)) this raised the spatial rank of the
 * Krylov tensors from about 80 to about 150, the iteration count from 24 to 30 and the time about
 * sixteenfold, without changing the nature of the problem.
 */
public enum ElementAssignment {
    /**
     * Exact quadrature of the disk indicator: triangle \(T\) contributes \(|T \cap D_\mu|\) to
     * \(A_\mu\) and \(|T| - \sum_\mu |T \cap D_\mu|\) to \(A_0\).
     */
    EXACT_AREA,
    /** Triangle \(T\) belongs wholly to cookie \(\mu\) if its centroid lies in \(D_\mu\) (the default). */
    CENTROID
}
