package dev.nla.core.blas;

/** Whether a kernel uses a matrix operand as stored, \(\operatorname{op}(A) = A\), or transposed, \(\operatorname{op}(A) = A^{\mathsf T}\). */
public enum Transpose {
    /** \(\operatorname{op}(A) = A\). */
    NO_TRANSPOSE,
    /** \(\operatorname{op}(A) = A^{\mathsf T}\). */
    TRANSPOSE;

    /**
     * Whether this is {@link #TRANSPOSE}.
     *
     * @return {@code true} for \(A^{\mathsf T}\)
     */
    public boolean isTranspose() {
        return this == TRANSPOSE;
    }

    /**
     * The other constant: the transpose of \(\operatorname{op}(A)\).
     *
     * @return {@link #TRANSPOSE} for {@link #NO_TRANSPOSE} and vice versa
     */
    public Transpose flip() {
        return this == TRANSPOSE ? NO_TRANSPOSE : TRANSPOSE;
    }
}
