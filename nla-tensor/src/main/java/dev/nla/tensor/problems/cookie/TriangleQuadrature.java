package dev.nla.tensor.problems.cookie;

/**
 * The seven-point degree-5 quadrature rule on a triangle [Stroud 1971, formula T2:5-1]
 * (Radon's rule): exact for every polynomial of total degree at most 5.
 *
 * <p>Points in barycentric coordinates and weights relative to the triangle's area (summing to 1):
 * the centroid with weight \(9/40\); the three permutations of \((a, a, 1 - 2a)\), \(a = (6 -
 * \sqrt{15})/21\), with weight \((155 - \sqrt{15})/1200\); the three permutations of \((b, b, 1 -
 * 2b)\), \(b = (6 + \sqrt{15})/21\), with weight \((155 + \sqrt{15})/1200\).
 */
final class TriangleQuadrature {
    private static final double S15 = Math.sqrt(15.0);
    private static final double A = (6.0 - S15) / 21.0;
    private static final double B = (6.0 + S15) / 21.0;
    private static final double WA = (155.0 - S15) / 1200.0;
    private static final double WB = (155.0 + S15) / 1200.0;

    /** Barycentric coordinates (lambda_0, lambda_1, lambda_2) of the seven points, point-major. */
    static final double[][] POINTS = {
        {1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0},
        {A, A, 1.0 - 2.0 * A},
        {A, 1.0 - 2.0 * A, A},
        {1.0 - 2.0 * A, A, A},
        {B, B, 1.0 - 2.0 * B},
        {B, 1.0 - 2.0 * B, B},
        {1.0 - 2.0 * B, B, B}
    };

    /** Weights relative to the area; they sum to 1. */
    static final double[] WEIGHTS = {9.0 / 40.0, WA, WA, WA, WB, WB, WB};

    private TriangleQuadrature() {}
}
