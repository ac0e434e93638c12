package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.internal.Symmetry;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Stable fixed-rank Nyström approximation of a positive semidefinite matrix, \(A \approx
 * U\Lambda U^{\mathsf T}\) of rank \(r\), from one sketch \(Y = A\Omega\) [TYUC NeurIPS 2017, Alg. 3;
 * Martinsson and Tropp 2020, Alg. 16].
 *
 * <p><b>Formula.</b> The Nyström approximation is \(A\langle\Omega\rangle = Y(\Omega^{\mathsf
 * T}Y)^{\dagger}Y^{\mathsf T}\); its rank-\(r\) truncation is returned. Computed stably with a shift:
 * \[ \nu = \sqrt n\,\operatorname{ulp}(\|Y\|_F),\quad Y_\nu = Y + \nu\Omega,\quad \Omega^{\mathsf
 * T}Y_\nu = LL^{\mathsf T},\quad B = Y_\nu L^{-\mathsf T} = U\Sigma V^{\mathsf T},\quad \Lambda =
 * \max(\Sigma^2 - \nu I, 0), \]
 * then \(U\) and \(\Lambda\) are cut to their first \(r\) entries. \(\Omega \in \mathbb{R}^{n \times
 * k}\) is the orthonormalized transpose of a sketch from the options' family. The shift makes the
 * Cholesky factorization safe for any positive semidefinite \(A\) (the Gram matrix is bounded away
 * from singular by \(\nu\)) and is removed from the eigenvalues at the end; RandLAPACK's branch and
 * TYUC's code use the same rule (the Frobenius norm is RandLAPACK's choice; TYUC use the spectral
 * norm, smaller by at most \(\sqrt k\)).
 *
 * <p><b>Guarantee</b> (Gaussian \(\Omega\), \(k \ge r + 2\)) [TYUC NeurIPS 2017, Thm 4.1]:
 * \[ \mathbb{E}\,\|A - [\![\hat A]\!]_r\|_* \le \Bigl(1 + \frac{r}{k - r - 1}\Bigr)\|A -
 * [\![A]\!]_r\|_*, \]
 * \(\|\cdot\|_*\) the trace (Schatten-1) norm and \([\![A]\!]_r\) the best rank-\(r\) approximation,
 * so that the error is within that factor of \(\sum_{j \gt r}\lambda_j\).
 *
 * <p><b>Cost.</b> One pass over \(A\) (\(k\) matrix-vector products), \(O(nk^2)\) flops for the QR
 * of \(\Omega\), the Cholesky solve and the SVD of \(B\).
 *
 * <p><b>Input checks.</b> \(A\) must be square; an explicit matrix must be symmetric (up to
 * \(2^{-40}\max|a_{ij}|\)) and have a non-negative diagonal, else {@link
 * NotPositiveDefiniteException} names the first negative diagonal entry. An indefinite \(A\) whose
 * diagonal is non-negative (and any matrix-free indefinite operator) is detected only when
 * \(\Omega^{\mathsf T}A\Omega + \nu I\) is not positive definite: the Cholesky failure is reported as
 * {@link NotPositiveDefiniteException} with the pivot. Otherwise the negative part is lost to the
 * \(\max(\cdot, 0)\) step; the method is for PSD input.
 */
public final class Nystrom {
    private final NystromOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public Nystrom(NystromOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public NystromOptions options() {
        return options;
    }

    /**
     * Computes the rank-\(r\) Nyström approximation of a dense or sparse PSD matrix.
     *
     * @param a     \(A\), symmetric positive semidefinite \(n \times n\); not modified; finite
     * @param state the random stream; not modified
     * @return \(U\) (\(n \times r\)), \(\lambda_1 \ge \dots \ge \lambda_r \ge 0\), one pass, with
     *     the state to use next; no error estimate
     * @throws NullPointerException         if an argument is null
     * @throws DimensionMismatchException   if \(A\) is not square
     * @throws IllegalArgumentException     if \(A\) is not symmetric or \(r \gt n\)
     * @throws NonFiniteValueException      if {@code a} holds NaN or an infinity
     * @throws NotPositiveDefiniteException if a diagonal entry is negative or the shifted Gram matrix
     *     is not positive definite
     */
    public Sampled<LowRankEigen> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the rank-\(r\) Nyström approximation of a PSD operator.
     *
     * @param a     \(A\), a symmetric positive semidefinite \(n \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return the eigenpairs and the pass count, with the state to use next
     * @throws NullPointerException         if an argument is null
     * @throws DimensionMismatchException   if \(A\) is not square
     * @throws IllegalArgumentException     if an explicit \(A\) is not symmetric or \(r \gt n\)
     * @throws NonFiniteValueException      if an explicit matrix holds NaN or an infinity
     * @throws NotPositiveDefiniteException if indefiniteness is detected (see the class comment)
     */
    public Sampled<LowRankEigen> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        Symmetry.require(ca, "a");
        if (ca.matrix().isPresent()) {
            Symmetry.requireNonNegativeDiagonal(Symmetry.diagonal(ca.matrix().get()), "a");
        }
        int n = ca.rows();
        int r = options.rank();
        RandomizedSvd.checkRank(r, n, n);
        int k = Math.min(r + options.oversampling(), n);
        Sampled<SketchingOperator> draw = options.testMatrix().of(k, n).sample(state);
        DenseMatrix omega = Dense.orthonormal(draw.value().toDense().transpose());
        DenseMatrix y = Dense.apply(ca, Transpose.NO_TRANSPOSE, omega);
        double nu = Math.sqrt(n) * Math.ulp(Math.sqrt(Dense.frobeniusSquared(y)));
        Blas.axpy(nu, omega, y);
        DenseMatrix c = Dense.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, omega, y);
        DenseMatrix sym = DenseMatrix.zeros(k, k);
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < k; i++) {
                sym.set(i, j, 0.5 * (c.get(i, j) + c.get(j, i)));
            }
        }
        CholeskyResult chol;
        try {
            chol = Decompositions.cholesky().factor(sym);
        } catch (NotPositiveDefiniteException e) {
            throw new NotPositiveDefiniteException("a is not positive semidefinite: the shifted Gram matrix "
                    + "Omega^T A Omega + nu I (nu = " + nu + ") is not positive definite (" + e.getMessage() + ")");
        }
        Blas.trsm(Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, chol.l(), y);
        SvdResult svd = Decompositions.svd().decompose(y, SvdVectors.THIN);
        double[] s = svd.singularValues();
        int kept = Math.min(r, s.length);
        double[] lambda = new double[kept];
        for (int j = 0; j < kept; j++) {
            lambda[j] = Math.max(s[j] * s[j] - nu, 0.0);
        }
        DenseMatrix u = svd.u().columns(0, kept).copy();
        SignConvention.U_MAX_ABS.apply(u, null);
        return new Sampled<>(new LowRankEigen(lambda, u, OptionalDouble.empty(), 1, k), draw.next());
    }

    @Override
    public String toString() {
        return "Nystrom" + options;
    }
}
