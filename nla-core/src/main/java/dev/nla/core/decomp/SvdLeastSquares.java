package dev.nla.core.decomp;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Minimum-norm least squares by the SVD (LAPACK dgelsd/dgelss semantics): for each column \(b\) of
 * \(B\), the \(x\) of smallest \(\|x\|_2\) among the minimizers of \(\|Ax - b\|_2\), with singular
 * values \(\sigma_i \le r\sigma_1\) treated as zero:
 * \[ X = V_{:,1:k}\,\Sigma_{1:k}^{-1}\,U_{:,1:k}^{\mathsf T} B, \qquad k = \#\{i : \sigma_i \gt
 * r\sigma_1\}. \]
 * Works for any shape and rank (over- and under-determined, rank-deficient). The cut-off is always
 * explicit; {@link #solve(Matrix, Matrix)} uses {@link PseudoInverse#defaultRcond(int, int)}.
 * Cost: one thin SVD and two GEMMs (\(2mkp + 2nkp\) flops for \(p\) right-hand sides).
 */
public final class SvdLeastSquares {
    private final Svd svd;

    /**
     * Creates the solver on top of an SVD.
     *
     * @param svd the SVD implementation; not null
     * @throws NullPointerException if {@code svd} is null
     */
    public SvdLeastSquares(Svd svd) {
        this.svd = Objects.requireNonNull(svd, "svd");
    }

    /**
     * The solver on the pure-Java SVD.
     *
     * @return the solver
     */
    public static SvdLeastSquares withDefaults() {
        return new SvdLeastSquares(Decompositions.svd());
    }

    /**
     * Solves with the default cut-off \(\max(m, n)\,\varepsilon\).
     *
     * @param a the \(m \times n\) matrix; not modified; must be finite
     * @param b the \(m \times p\) right-hand sides; not modified; must be finite
     * @return \(X\) (\(n \times p\)), the rank and the singular values
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code b.rows() != a.rows()}
     * @throws NonFiniteValueException    if {@code a} or {@code b} has a NaN or infinite entry
     */
    public MinimumNormSolution solve(Matrix a, Matrix b) {
        Objects.requireNonNull(a, "a");
        return solve(a, b, PseudoInverse.defaultRcond(a.rows(), a.cols()));
    }

    /**
     * Solves with the cut-off {@code rcond}.
     *
     * @param a     the \(m \times n\) matrix; not modified; must be finite
     * @param b     the \(m \times p\) right-hand sides; not modified; must be finite
     * @param rcond the relative cut-off \(r \ge 0\)
     * @return \(X\) (\(n \times p\)), the rank and the singular values
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code b.rows() != a.rows()}
     * @throws IllegalArgumentException   if {@code rcond} is negative or not finite
     * @throws NonFiniteValueException    if {@code a} or {@code b} has a NaN or infinite entry
     */
    public MinimumNormSolution solve(Matrix a, Matrix b, double rcond) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Require.finite("rcond", rcond);
        Require.nonNegative("rcond", rcond);
        if (b.rows() != a.rows()) {
            throw new DimensionMismatchException("least squares: a is " + a.rows() + "x" + a.cols() + " but b is "
                    + b.rows() + "x" + b.cols() + " (rows must agree)");
        }
        Require.allFinite("b", b);
        SvdResult r = svd.decompose(a, SvdVectors.THIN);
        int k = r.rank(rcond);
        int p = b.cols();
        DenseMatrix x = DenseMatrix.zeros(a.cols(), p);
        if (k > 0 && p > 0) {
            double[] s = r.singularValues();
            DenseMatrix c = DenseMatrix.zeros(k, p);
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, r.u().columns(0, k), b, 0.0, c);
            for (int i = 0; i < k; i++) {
                Blas.scal(1.0 / s[i], c.row(i));
            }
            Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, r.vt().rowBlock(0, k), c, 0.0, x);
        }
        return new MinimumNormSolution(x, k, r.singularValues(), rcond);
    }
}
