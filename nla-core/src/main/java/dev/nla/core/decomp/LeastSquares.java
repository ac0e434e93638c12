package dev.nla.core.decomp;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.Matrix;

/**
 * Linear least squares \(\min_X \|AX - B\|_F\) through an orthogonal factorization of \(A\)
 * (\(m \times n\)).
 *
 * <p>Two kinds of solvers implement it:
 *
 * <ul>
 *   <li><b>Full rank</b> ({@link Decompositions#leastSquares()}, native {@code dgels}: {@link
 *       Decompositions#nativeLeastSquares()}). For \(m \ge n\), \(A = QR\) and \(X =
 *       R^{-1}(Q^{\mathsf T}B)_{1:n}\), the unique solution; for \(m \lt n\), \(A^{\mathsf T} =
 *       QR\) and \(X = Q\begin{bmatrix}R^{-\mathsf T}B \\ 0\end{bmatrix}\), the minimum-norm
 *       solution of the consistent system. Both are backward stable [Higham 2002, Thms 20.3,
 *       21.4]. \(A\) must have full numerical rank: if \(R\) has reciprocal condition number below
 *       \(\max(m, n)u\) (the default rank tolerance of {@link PivotedQrResult#defaultTolerance})
 *       the solver throws {@link SingularMatrixException} instead of returning a meaningless
 *       solution.
 *   <li><b>Rank revealing</b> ({@link Decompositions#pivotedLeastSquares()}): QR with column
 *       pivoting \(AP = QR\), numerical rank \(r\) at a relative tolerance, and the <em>basic</em>
 *       solution \(X = P\begin{bmatrix}R_{11}^{-1}(Q^{\mathsf T}B)_{1:r} \\ 0\end{bmatrix}\), which
 *       has at most \(r\) nonzero rows [Golub and Van Loan 2013, §5.5.6]. Its residual is minimal
 *       up to the truncated part of \(R\). It is <em>not</em> the minimum-norm solution when
 *       \(r \lt n\): that one is \(A^+B\), which the SVD-based solver computes (or a complete
 *       orthogonal decomposition, LAPACK {@code dgelsy}); the two differ by a vector of the null
 *       space of \(A\).
 * </ul>
 */
public interface LeastSquares {
    /**
     * Solves \(\min_X \|AX - B\|_F\).
     *
     * @param a \(A\), \(m \times n\), dense or sparse; not modified; must be finite
     * @param b \(B\), \(m \times p\), dense or sparse; not modified; must be finite
     * @return \(X\) (\(n \times p\)), the rank used, and the residual norms
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code b.rows() != a.rows()}
     * @throws NonFiniteValueException    if an input holds NaN or an infinity
     * @throws SingularMatrixException    (full-rank solvers only) if \(A\) is numerically rank
     *     deficient; the message names the estimated reciprocal condition number
     */
    LeastSquaresResult solve(Matrix a, Matrix b);
}
