package dev.nla.core.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Moore–Penrose pseudo-inverse by the SVD with an explicit relative cut-off.
 *
 * <p>With \(A = U \Sigma V^{\mathsf T}\) and the cut-off \(r\) ({@code rcond}), the singular
 * values \(\sigma_i \le r\,\sigma_1\) are treated as zero and
 * \[ A^+_r = V_{:,1:k} \Sigma_{1:k}^{-1} U_{:,1:k}^{\mathsf T}, \qquad k = \#\{i : \sigma_i \gt
 * r\,\sigma_1\}. \]
 * The cut-off is always explicit: {@link #compute(Matrix)} uses {@link #defaultRcond(int, int)}
 * \(= \max(m, n)\,\varepsilon\) (\(\varepsilon = 2^{-52}\), the choice of MATLAB's {@code pinv} and
 * NumPy's {@code matrix_rank}), below which singular values are indistinguishable from rounding
 * errors of a backward-stable SVD. Raise it to regularize: singular values just above the cut-off
 * are inverted, so \(\|A^+_r\|_2 = 1/\sigma_k \le 1/(r\sigma_1)\).
 *
 * <p>Cost: one thin SVD plus one GEMM of \(2mnk\) flops. The SVD implementation is injected, so the
 * native LAPACK path is {@code new PseudoInverse(Decompositions.nativeSvd())}.
 */
public final class PseudoInverse {
    private final Svd svd;

    /**
     * Creates the algorithm on top of an SVD.
     *
     * @param svd the SVD implementation to use; not null
     * @throws NullPointerException if {@code svd} is null
     */
    public PseudoInverse(Svd svd) {
        this.svd = Objects.requireNonNull(svd, "svd");
    }

    /**
     * The pseudo-inverse on the pure-Java SVD ({@link Decompositions#svd()}).
     *
     * @return the algorithm
     */
    public static PseudoInverse withDefaults() {
        return new PseudoInverse(Decompositions.svd());
    }

    /**
     * The default cut-off \(\max(m, n)\,\varepsilon\), \(\varepsilon = 2^{-52}\).
     *
     * @param rows \(m \ge 0\)
     * @param cols \(n \ge 0\)
     * @return the relative cut-off
     * @throws IllegalArgumentException if a size is negative
     */
    public static double defaultRcond(int rows, int cols) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        return Math.max(1, Math.max(rows, cols)) * 0x1.0p-52;
    }

    /**
     * \(A^+\) with the default cut-off {@link #defaultRcond(int, int)}.
     *
     * @param a the \(m \times n\) matrix; not modified; must be finite
     * @return the \(n \times m\) pseudo-inverse
     * @throws NullPointerException    if {@code a} is null
     * @throws NonFiniteValueException if {@code a} has a NaN or infinite entry
     */
    public DenseMatrix compute(Matrix a) {
        Objects.requireNonNull(a, "a");
        return compute(a, defaultRcond(a.rows(), a.cols()));
    }

    /**
     * \(A^+_r\): singular values \(\sigma_i \le r\sigma_1\) are dropped.
     *
     * @param a     the \(m \times n\) matrix; not modified; must be finite
     * @param rcond the relative cut-off \(r\), \(0 \le r\) (\(r \ge 1\) drops everything and gives
     *     the zero matrix)
     * @return the \(n \times m\) pseudo-inverse
     * @throws NullPointerException     if {@code a} is null
     * @throws IllegalArgumentException if {@code rcond} is negative or not finite
     * @throws NonFiniteValueException  if {@code a} has a NaN or infinite entry
     */
    public DenseMatrix compute(Matrix a, double rcond) {
        Objects.requireNonNull(a, "a");
        Require.finite("rcond", rcond);
        Require.nonNegative("rcond", rcond);
        SvdResult r = svd.decompose(a, SvdVectors.THIN);
        int k = r.rank(rcond);
        DenseMatrix out = DenseMatrix.zeros(a.cols(), a.rows());
        if (k == 0) {
            return out;
        }
        double[] s = r.singularValues();
        // W = V_k Sigma_k^{-1} (n x k), then A+ = W U_k^T
        DenseMatrix w = r.vt().rowBlock(0, k).transpose();
        for (int j = 0; j < k; j++) {
            Blas.scal(1.0 / s[j], w.column(j));
        }
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, w, r.u().columns(0, k), 0.0, out);
        return out;
    }
}
