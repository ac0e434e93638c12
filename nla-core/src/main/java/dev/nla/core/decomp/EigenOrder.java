package dev.nla.core.decomp;

/** Order in which a symmetric eigendecomposition returns its eigenvalues (and eigenvectors). */
public enum EigenOrder {
    /** \(\lambda_1 \le \lambda_2 \le \dots \le \lambda_n\). */
    ASCENDING,
    /** \(\lambda_1 \ge \lambda_2 \ge \dots \ge \lambda_n\). */
    DESCENDING
}
