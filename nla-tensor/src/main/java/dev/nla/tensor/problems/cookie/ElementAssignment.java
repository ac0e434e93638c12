package dev.nla.tensor.problems.cookie;

/**
 * How the piecewise constant coefficient \(\sigma\) (value \(\rho_\mu\) on cookie \(\mu\), 1 elsewhere)
 * is turned into one value per triangle.
 *
 * <p>The P1 stiffness matrix needs only \(\int_T \sigma\) on each triangle, because the hat-function
 * gradients are constant there. {@link #EXACT_AREA} computes that integral exactly, so the assembled
 * matrix is the exact Galerkin matrix of the discontinuous coefficient; {@link #CENTROID} is the
 * common cheap rule that puts a whole triangle into a cookie if its centroid lies in the disk.
 */
public enum ElementAssignment {
    /**
     * Exact quadrature of the disk indicator: triangle \(T\) contributes \(|T \cap D_\mu|\) to
     * \(A_\mu\) and \(|T| - \sum_\mu |T \cap D_\mu|\) to \(A_0\) (the default).
     */
    EXACT_AREA,
    /** Triangle \(T\) belongs wholly to cookie \(\mu\) if its centroid lies in \(D_\mu\). */
    CENTROID
}
