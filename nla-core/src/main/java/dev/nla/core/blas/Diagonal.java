package dev.nla.core.blas;

/** Whether a triangular matrix has an implicit unit diagonal (BLAS {@code diag}). */
public enum Diagonal {
    /** The diagonal is taken as all ones and the stored diagonal is not read. */
    UNIT,
    /** The stored diagonal is used. */
    NON_UNIT
}
