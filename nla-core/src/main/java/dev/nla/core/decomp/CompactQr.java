package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * A Householder QR factorization \(A = QR\) of an \(m \times n\) matrix in compact form (the LAPACK
 * {@code dgeqrf} layout): \(Q = H_1 H_2 \cdots H_k\), \(k = \min(m, n)\), with reflectors \(H_j = I
 * - \tau_j v_j v_j^{\mathsf T}\).
 *
 * <p>{@code factors} holds \(R\) on and above its diagonal and, below the diagonal of column
 * \(j\), the entries \(j+1, \dots, m-1\) of \(v_j\) (whose entries \(0, \dots, j-1\) are zero and
 * entry \(j\) is one). \(Q\) is never formed unless asked for: {@link Qr#q(CompactQr, QrMode)}
 * forms it and {@link Qr#applyQ} multiplies by it in \(O(mkp)\) flops for a \(p\)-column operand.
 *
 * <p>The record owns its arrays and the accessors return them without copying; modifying them
 * modifies the factorization.
 *
 * @param factors the \(m \times n\) packed factors
 * @param tau     the \(k\) scalars \(\tau_j \in \{0\} \cup [1, 2]\)
 */
public record CompactQr(DenseMatrix factors, double[] tau) {
    /**
     * Validates the shapes.
     *
     * @param factors the \(m \times n\) packed factors
     * @param tau     the \(k\) scalars \(\tau_j \in \{0\} \cup [1, 2]\)
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if {@code tau.length != min(factors.rows(), factors.cols())}
     */
    public CompactQr {
        Objects.requireNonNull(factors, "factors");
        Objects.requireNonNull(tau, "tau");
        int k = Math.min(factors.rows(), factors.cols());
        if (tau.length != k) {
            throw new DimensionMismatchException("CompactQr: factors are " + factors.shape() + ", so tau must have " + k
                    + " entries, got " + tau.length);
        }
    }

    /**
     * Rows \(m\) of the factored matrix.
     *
     * @return \(m\)
     */
    public int rows() {
        return factors.rows();
    }

    /**
     * Columns \(n\) of the factored matrix.
     *
     * @return \(n\)
     */
    public int cols() {
        return factors.cols();
    }

    /**
     * The upper trapezoidal factor \(R\) as a new matrix.
     *
     * @param mode {@link QrMode#THIN}: \(k \times n\); {@link QrMode#FULL}: \(m \times n\), zero
     *     below row \(k\)
     * @return a new matrix holding \(R\)
     * @throws NullPointerException if {@code mode} is null
     */
    public DenseMatrix r(QrMode mode) {
        Objects.requireNonNull(mode, "mode");
        int m = rows();
        int n = cols();
        DenseMatrix r = DenseMatrix.zeros(mode.qCols(m, n), n);
        int k = tau.length;
        double[] src = factors.data();
        double[] dst = r.data();
        for (int j = 0; j < n && k > 0; j++) {
            int len = Math.min(j + 1, k);
            System.arraycopy(src, factors.offset() + j * factors.ld(), dst, r.offset() + j * r.ld(), len);
        }
        return r;
    }

    /**
     * The thin factor \(R\) (\(k \times n\)) as a new matrix; same as {@code r(QrMode.THIN)}.
     *
     * @return a new \(k \times n\) upper trapezoidal matrix
     */
    public DenseMatrix r() {
        return r(QrMode.THIN);
    }
}
