package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import java.util.Objects;

/**
 * A QR factorization with column pivoting \(AP = QR\): \(P\) a permutation, \(Q\) orthogonal, \(R\)
 * upper trapezoidal with \(|r_{11}| \ge |r_{22}| \ge \dots\) (up to rounding).
 *
 * <p>{@code qr} holds \(Q\) and \(R\) of \(AP\) in the compact Householder form: form or apply
 * \(Q\) with any {@link Qr} (for example {@code Decompositions.qr().q(result.qr(), QrMode.THIN)}).
 * Column \(j\) of \(AP\) is column {@code permutation[j]} of \(A\). The record owns its arrays and
 * returns them without copying.
 *
 * @param qr          the compact factorization of \(AP\)
 * @param permutation the column permutation, a permutation of \(0, \dots, n-1\)
 */
public record PivotedQrResult(CompactQr qr, int[] permutation) {
    /**
     * Validates the components.
     *
     * @param qr          the compact factorization of \(AP\)
     * @param permutation the column permutation, a permutation of \(0, \dots, n-1\)
     * @throws NullPointerException       if a component is null
     * @throws DimensionMismatchException if {@code permutation.length != qr.cols()}
     * @throws IllegalArgumentException   if {@code permutation} is not a permutation
     */
    public PivotedQrResult {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(permutation, "permutation");
        int n = qr.cols();
        if (permutation.length != n) {
            throw new DimensionMismatchException(
                    "PivotedQrResult: " + n + " columns but a permutation of length " + permutation.length);
        }
        boolean[] seen = new boolean[n];
        for (int j = 0; j < n; j++) {
            int p = permutation[j];
            if (p < 0 || p >= n || seen[p]) {
                throw new IllegalArgumentException("PivotedQrResult: permutation[" + j + "] = " + p
                        + " repeats an index or is outside [0, " + n + ")");
            }
            seen[p] = true;
        }
    }

    /**
     * The default relative rank tolerance for an \(m \times n\) matrix: \(\max(m, n)\,u\) (LAPACK's
     * and MATLAB's rule for a numerical rank).
     *
     * @param rows \(m\)
     * @param cols \(n\)
     * @return the tolerance \(\tau\)
     */
    public static double defaultTolerance(int rows, int cols) {
        return Math.max(Math.max(rows, cols), 1) * 0x1.0p-53;
    }

    /**
     * The numerical rank with the default tolerance {@link #defaultTolerance}: {@code
     * rank(defaultTolerance(m, n))}.
     *
     * @return the rank \(r\), \(0 \le r \le \min(m, n)\)
     */
    public int rank() {
        return rank(defaultTolerance(qr.rows(), qr.cols()));
    }

    /**
     * The numerical rank at a relative tolerance \(\tau\): the number \(r\) of leading diagonal
     * entries with \(|r_{ii}| \gt \tau |r_{11}|\). Column pivoting makes \(|r_{ii}|\) non-increasing
     * and \(|r_{r+1,r+1}|\) an estimate of \(\|A - A_r\|\) within a factor that is modest in
     * practice (but can be large: see the Kahan matrix [Higham 2002, §20.1]).
     *
     * @param relativeTolerance \(\tau \ge 0\), finite
     * @return the rank \(r\), \(0 \le r \le \min(m, n)\); 0 if \(R = 0\)
     * @throws IllegalArgumentException if the tolerance is negative, NaN or infinite
     */
    public int rank(double relativeTolerance) {
        if (!(relativeTolerance >= 0) || relativeTolerance == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "relativeTolerance must be non-negative and finite, got " + relativeTolerance);
        }
        int k = qr.tau().length;
        if (k == 0) {
            return 0;
        }
        double threshold = relativeTolerance * Math.abs(qr.factors().get(0, 0));
        int r = 0;
        while (r < k && Math.abs(qr.factors().get(r, r)) > threshold) {
            r++;
        }
        return r;
    }
}
