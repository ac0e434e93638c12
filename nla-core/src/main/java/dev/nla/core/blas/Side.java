package dev.nla.core.blas;

/** The side on which a triangular matrix multiplies: \(\operatorname{op}(A)\,B\) or \(B\,\operatorname{op}(A)\). */
public enum Side {
    /** The triangular matrix is on the left: \(\operatorname{op}(A)\,B\). */
    LEFT,
    /** The triangular matrix is on the right: \(B\,\operatorname{op}(A)\). */
    RIGHT
}
