package dev.nla.sketch.rangefinder;

import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.sketch.internal.Dense;

/**
 * How the blocks of a power (subspace) iteration are kept well conditioned between passes.
 *
 * <p>Without stabilisation, \(Y = (AA^{\mathsf T})^qA\Omega\) has condition number about
 * \((\sigma_1/\sigma_\ell)^{2q+1}\): directions with \((\sigma_j/\sigma_1)^{2q+1} \lt u\) are lost to
 * rounding, and the entries grow like \(\sigma_1^{2q+1}\) (overflow for large \(q\)). A stabiliser
 * replaces the current block \(Y\) by a better conditioned basis of the same range. Which one to
 * use (scikit-learn's documentation of {@code power_iteration_normalizer}; [HMT 2011, §4.5]):
 *
 * <ul>
 *   <li>{@link #QR}: Householder QR, \(Y \leftarrow Q\); orthonormal, the most accurate, \(4m\ell^2\)
 *       flops;
 *   <li>{@link #LU}: \(PY = LU\) with partial pivoting, \(Y \leftarrow P^{\mathsf T}L\); cheaper
 *       (\(m\ell^2\) flops), well conditioned in practice but not orthonormal, so slightly less
 *       accurate (scikit-learn's default for \(q \gt 2\));
 *   <li>{@link #CHOLESKY_QR}: CholeskyQR2 (\(Y \leftarrow YR^{-1}\) twice, GEMM-rich), falling back
 *       to Householder QR when the Gram matrix is too ill-conditioned for it;
 *   <li>{@link #NONE}: no stabilisation; fine for \(q \le 2\) on moderate spectra, unstable for
 *       larger \(q\);
 *   <li>{@link #AUTO}: scikit-learn's rule, {@code NONE} if \(q \le 2\), otherwise {@code LU}.
 * </ul>
 *
 * <p><b>Range and co-range.</b> The blocks alternate between the range (\(Y = AZ\), \(m \times
 * \ell\)) and the co-range (\(Z = A^{\mathsf T}Y\), \(n \times \ell\)); both are stored as tall
 * column-major matrices and stabilised as such. For LU this is the co-range rule of RandBLAS issue
 * #135: a wide co-range sketch \(W = Z^{\mathsf T}\) is stabilised by factoring \(PW^{\mathsf T} =
 * LU\) and keeping \(W \leftarrow L^{\mathsf T}P\), the transpose of \(Z \leftarrow P^{\mathsf
 * T}L\) (not by keeping a scaled \(U\) factor of \(W\)).
 */
public enum Stabiliser {
    /** Householder QR: \(Y \leftarrow Q\). */
    QR,
    /** LU with partial pivoting: \(PY = LU\), \(Y \leftarrow P^{\mathsf T}L\). */
    LU,
    /** CholeskyQR2, with Householder QR when it breaks down. */
    CHOLESKY_QR,
    /** No stabilisation. */
    NONE,
    /** {@link #NONE} for \(q \le 2\) power iterations, {@link #LU} otherwise (scikit-learn). */
    AUTO;

    /**
     * The stabiliser actually used for \(q\) power iterations: {@link #AUTO} resolved by its rule,
     * every other constant unchanged.
     *
     * @param powerIterations \(q \ge 0\)
     * @return a stabiliser other than {@link #AUTO}
     * @throws IllegalArgumentException if {@code powerIterations < 0}
     */
    public Stabiliser resolve(int powerIterations) {
        Require.nonNegative("powerIterations", powerIterations);
        if (this != AUTO) {
            return this;
        }
        return powerIterations <= 2 ? NONE : LU;
    }

    /**
     * Applies the stabiliser to a tall block.
     *
     * @param y the \(p \times \ell\) block, \(p \ge \ell\); not modified
     * @return a block with the same range: a new matrix, or {@code y} itself for {@link #NONE}
     * @throws IllegalStateException if called on {@link #AUTO} (resolve it first)
     */
    DenseMatrix apply(DenseMatrix y) {
        return this == LU ? Dense.luStabilise(y) : applyInPlace(y);
    }

    /**
     * Applies the stabiliser to a tall block that the caller owns and no longer needs.
     *
     * @param y the \(p \times \ell\) block, \(p \ge \ell\); may be overwritten (LU works in place)
     * @return a block with the same range ({@code y} itself for LU and {@link #NONE})
     * @throws IllegalStateException if called on {@link #AUTO} (resolve it first)
     */
    DenseMatrix applyInPlace(DenseMatrix y) {
        return switch (this) {
            case QR -> Dense.orthonormal(y);
            case LU -> Dense.luStabiliseInPlace(y);
            case CHOLESKY_QR -> Dense.choleskyQr(y);
            case NONE -> y;
            case AUTO -> throw new IllegalStateException("AUTO must be resolved for a number of power iterations");
        };
    }
}
