package dev.nla.sketch.solve;

/**
 * How the sketch \(SA\) (\(d \times n\)) is factored, which fixes the sketch-and-solve solution
 * and the preconditioner \(N\) of {@link SketchAndPrecondition}.
 */
public enum Factorization {
    /**
     * Householder QR, \(SA = QR\): \(N = R^{-1}\) (Blendenpik [Avron, Maymounkov and Toledo 2010]).
     * Needs \(SA\) of full column rank; applying \(N\) is a triangular solve, \(n^2\) flops per
     * vector. The default.
     */
    QR,
    /**
     * Thin SVD, \(SA = U\Sigma V^{\mathsf T}\), truncated to the singular values above the rank
     * tolerance: \(N = V_r\Sigma_r^{-1}\) (LSRN [Meng, Saunders and Mahoney 2014]). Handles
     * rank-deficient \(A\) and then gives the minimum-norm least-squares solution, since every
     * iterate lies in the row space of \(SA\), which is that of \(A\). About ten times the flops of
     * the QR for the factorization, \(2nr\) per application.
     */
    SVD
}
