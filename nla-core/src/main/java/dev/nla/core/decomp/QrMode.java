package dev.nla.core.decomp;

/**
 * Which \(Q\) and \(R\) an explicit QR factorization \(A = QR\) of an \(m \times n\) matrix
 * returns, with \(k = \min(m, n)\).
 */
public enum QrMode {
    /** Economy size: \(Q\) is \(m \times k\) with orthonormal columns, \(R\) is \(k \times n\). */
    THIN,
    /** Full size: \(Q\) is \(m \times m\) orthogonal, \(R\) is \(m \times n\) (zero below row \(k\)). */
    FULL;

    /**
     * The number of columns of \(Q\) (and rows of \(R\)) for an \(m \times n\) input.
     *
     * @param rows \(m\)
     * @param cols \(n\)
     * @return \(k = \min(m, n)\) for {@link #THIN}, \(m\) for {@link #FULL}
     */
    public int qCols(int rows, int cols) {
        return this == THIN ? Math.min(rows, cols) : rows;
    }
}
