package dev.nla.core.decomp;

import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * Checked triangular solves \(\operatorname{op}(T)X = B\) or \(X\operatorname{op}(T) = B\) and
 * the triangular condition estimate (LAPACK {@code dtrtrs}, {@code dtrcon}).
 *
 * <p>Unlike {@link dev.nla.core.blas.Blas#trsm}, which lets a zero on the diagonal produce
 * infinities as BLAS does, these methods scan the inputs first: a NaN or infinity in the referenced
 * triangle or in \(B\) is a {@link NonFiniteValueException}, an exactly zero diagonal entry a
 * {@link SingularMatrixException}. The solve is backward stable: each column satisfies \((T +
 * \Delta T)\hat x = b\) with \(|\Delta T| \le \gamma_n|T|\) [Higham 2002, Thm 8.5].
 * Implementations: {@code Blas.trsm} with the checks ({@link
 * Decompositions#triangularSolver()}), and LAPACK {@code dtrtrs}/{@code dtrcon} ({@link
 * Decompositions#nativeTriangularSolver()}).
 */
public interface TriangularSolver {
    /**
     * Solves \(\operatorname{op}(T)X = B\) ({@code LEFT}) or \(X\operatorname{op}(T) = B\) ({@code
     * RIGHT}) in place.
     *
     * @param side         the side of \(T\)
     * @param triangle     which triangle of {@code t} holds \(T\); the other is not read
     * @param trans        {@code op} applied to \(T\)
     * @param diag         {@code UNIT}: the diagonal is taken as ones and not read
     * @param t            the square triangular matrix; not modified
     * @param overwrittenB \(B\) (\(n \times p\) for {@code LEFT}, \(p \times n\) for {@code RIGHT});
     *     overwritten by \(X\); must not share storage with {@code t}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code t} is not square or does not match \(B\)
     * @throws NonFiniteValueException    if the referenced triangle of {@code t} or \(B\) holds NaN
     *     or an infinity (\(B\) is then not modified)
     * @throws SingularMatrixException    if a diagonal entry of a non-unit \(T\) is exactly zero;
     *     the message names it
     * @throws IllegalArgumentException   if {@code overwrittenB} shares storage with {@code t}
     */
    void solveInPlace(
            Side side, Triangle triangle, Transpose trans, Diagonal diag, DenseMatrix t, DenseMatrix overwrittenB);

    /**
     * Solves \(\operatorname{op}(T)X = B\) or \(X\operatorname{op}(T) = B\) into a new matrix.
     *
     * @param side     the side of \(T\)
     * @param triangle which triangle of {@code t} holds \(T\)
     * @param trans    {@code op} applied to \(T\)
     * @param diag     whether \(T\) has a unit diagonal
     * @param t        the square triangular matrix; not modified
     * @param b        \(B\), dense or sparse; not modified
     * @return \(X\) in a new matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not match
     * @throws NonFiniteValueException    if an input holds NaN or an infinity
     * @throws SingularMatrixException    if a diagonal entry of a non-unit \(T\) is zero
     */
    default DenseMatrix solve(Side side, Triangle triangle, Transpose trans, Diagonal diag, DenseMatrix t, Matrix b) {
        java.util.Objects.requireNonNull(b, "b");
        DenseMatrix x = DenseMatrix.zeros(b.rows(), b.cols());
        x.copyFrom(b);
        solveInPlace(side, triangle, trans, diag, t, x);
        return x;
    }

    /**
     * An estimate of the reciprocal 1-norm condition number \(1/(\|T\|_1\|T^{-1}\|_1)\) (LAPACK
     * {@code dtrcon}): \(\|T\|_1\) exactly, \(\|T^{-1}\|_1\) by Hager–Higham estimation from a few
     * solves; never below the truth and usually within a factor 3.
     *
     * @param triangle which triangle of {@code t} holds \(T\)
     * @param diag     whether \(T\) has a unit diagonal
     * @param t        the square triangular matrix; not modified
     * @return the estimate in \([0, 1]\): 0 if a diagonal entry is zero or a solve overflows
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code t} is not square
     * @throws NonFiniteValueException    if the referenced triangle holds NaN or an infinity
     */
    double reciprocalCondition(Triangle triangle, Diagonal diag, DenseMatrix t);
}
