package dev.nla.core.decomp;

/**
 * Which singular vectors an SVD \(A = U \Sigma V^{\mathsf T}\) of an \(m \times n\) matrix returns,
 * with \(k = \min(m, n)\).
 */
public enum SvdVectors {
    /** Thin (economy) SVD: \(U\) is \(m \times k\), \(V^{\mathsf T}\) is \(k \times n\). */
    THIN,
    /**
     * Full SVD: \(U\) is \(m \times m\) and \(V^{\mathsf T}\) is \(n \times n\); the columns of \(U\)
     * (rows of \(V^{\mathsf T}\)) beyond \(k\) are an orthonormal basis of the orthogonal complement.
     */
    FULL
}
