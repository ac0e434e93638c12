package dev.nla.core.blas;

/** Which triangle of a square matrix a kernel reads or writes (BLAS {@code uplo}). */
public enum Triangle {
    /** Entries \(a_{ij}\) with \(i \le j\). */
    UPPER,
    /** Entries \(a_{ij}\) with \(i \ge j\). */
    LOWER
}
