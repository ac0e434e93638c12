package dev.nla.sketch.operator;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;

/**
 * A sampled sketching matrix \(S \in \mathbb{R}^{d \times m}\): a {@link LinearOperator} whose
 * entries are pure functions of its {@link #state()} and their position, generated when needed.
 *
 * <p>Two ways to apply it:
 *
 * <ul>
 *   <li>{@code applyLeft(A)} \(= SA\) for \(A \in \mathbb{R}^{m \times n}\): compresses the rows
 *       (sketch-and-solve, sketch-and-precondition, row sketches of ID/CUR);
 *   <li>{@code applyRight(A)} \(= AS^{\mathsf T}\) for \(A \in \mathbb{R}^{n \times m}\): compresses
 *       the columns; this is the range-finder product \(A\Omega\) with the test matrix \(\Omega =
 *       S^{\mathsf T} \in \mathbb{R}^{m \times d}\).
 * </ul>
 *
 * <p>Both accept dense and sparse matrices (sparse inputs are never densified as a whole) and
 * matrix-free {@link LinearOperator}s. As a {@link LinearOperator}, {@code apply(NO_TRANSPOSE, X, Y)}
 * computes \(SX\) and {@code apply(TRANSPOSE, X, Y)} computes \(S^{\mathsf T}X\). Operators never
 * materialise \(S\) when \(m\) is large: dense ones generate it in column blocks and multiply block
 * by block, structured ones use fast transforms, sparse ones store only their nonzeros.
 *
 * <p><b>Reproducibility.</b> The same state gives bitwise-identical results on every call and for
 * every thread count ({@code nla.threads}, or the backend passed to {@link
 * dev.nla.core.blas.Backends#setActive}): parallel loops split the output, never a sum. {@link
 * #block} cuts out a sub-block whose entries equal the parent's bitwise; {@link #resize} grows (or
 * shrinks) the operator along the axes listed by {@link #canResize}, keeping the shared entries
 * bitwise (and keeping the scale factor, so a resized operator is isotropic only up to the factor
 * the new size implies).
 *
 * <p>Operators are immutable and safe to use from several threads. Inputs are not scanned for NaN
 * or infinities: they propagate as in BLAS.
 */
public interface SketchingOperator extends LinearOperator {
    /** An axis of \(S\): its rows (the sketch size \(d\)) or its columns (the dimension \(m\)). */
    enum Axis {
        /** The rows of \(S\): the sketch size \(d\). */
        ROWS,
        /** The columns of \(S\): the compressed dimension \(m\). */
        COLUMNS
    }

    /**
     * The distribution this operator was sampled from; its {@code rows()} and {@code cols()} equal
     * this operator's.
     *
     * @return the distribution
     */
    SketchingDistribution distribution();

    /**
     * The state this operator was sampled with: sampling {@link #distribution()} with it again gives
     * an operator with the same entries.
     *
     * @return the state
     */
    RngState state();

    /**
     * \(SA\) in a new matrix.
     *
     * @param a \(A \in \mathbb{R}^{m \times n}\), dense or sparse (CSR or CSC); not modified
     * @return \(SA\), \(d \times n\)
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a.rows() != cols()}; the message shows both shapes
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    DenseMatrix applyLeft(Matrix a);

    /**
     * \(Y \leftarrow SA\) into a given matrix (a view is fine).
     *
     * @param a \(A \in \mathbb{R}^{m \times n}\), dense or sparse; not modified
     * @param y \(Y\), \(d \times n\); overwritten (not read); must not share storage with {@code a}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a.rows() != cols()} or {@code y} is not \(d
     *     \times n\); the message shows the shapes
     * @throws IllegalArgumentException   if {@code y} shares storage with a dense {@code a}
     */
    void applyLeft(Matrix a, DenseMatrix y);

    /**
     * \(SA\) for a matrix-free \(A\), computed as \((A^{\mathsf T}S^{\mathsf T})^{\mathsf T}\): the
     * adjoint of \(A\) is applied to blocks of columns of \(S^{\mathsf T}\), which are generated one
     * block at a time. Cost: \(A^{\mathsf T}\) applied to \(d\) vectors (in blocks of about
     * \(2^{20}/m\)), plus generating \(S^{\mathsf T}\) block by block, plus \(O(dn)\) to transpose
     * the result; temporaries of \(O(m b + n b)\) entries for a block of \(b\) columns. If {@code a}
     * has an explicit {@link LinearOperator#matrix() matrix}, {@link #applyLeft(Matrix)} runs on it
     * instead.
     *
     * @param a \(A\), an \(m \times n\) operator; not modified
     * @return \(SA\), \(d \times n\)
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a.rows() != cols()}
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    DenseMatrix applyLeft(LinearOperator a);

    /**
     * \(AS^{\mathsf T}\) in a new matrix: the range-finder product \(A\Omega\), \(\Omega =
     * S^{\mathsf T}\).
     *
     * @param a \(A \in \mathbb{R}^{n \times m}\), dense or sparse (CSR or CSC); not modified
     * @return \(AS^{\mathsf T}\), \(n \times d\)
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a.cols() != cols()}; the message shows both shapes
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    DenseMatrix applyRight(Matrix a);

    /**
     * \(Y \leftarrow AS^{\mathsf T}\) into a given matrix (a view is fine).
     *
     * @param a \(A \in \mathbb{R}^{n \times m}\), dense or sparse; not modified
     * @param y \(Y\), \(n \times d\); overwritten (not read); must not share storage with {@code a}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a.cols() != cols()} or {@code y} is not \(n
     *     \times d\); the message shows the shapes
     * @throws IllegalArgumentException   if {@code y} shares storage with a dense {@code a}
     */
    void applyRight(Matrix a, DenseMatrix y);

    /**
     * \(AS^{\mathsf T}\) for a matrix-free \(A\): \(A\) is applied to blocks of columns of
     * \(S^{\mathsf T}\), generated one block at a time, writing straight into the result. Cost:
     * \(A\) applied to \(d\) vectors (in blocks of about \(2^{20}/m\)) plus generating \(S^{\mathsf
     * T}\); one temporary of \(m b\) entries. If {@code a} has an explicit {@link
     * LinearOperator#matrix() matrix}, {@link #applyRight(Matrix)} runs on it instead.
     *
     * @param a \(A\), an \(n \times m\) operator; not modified
     * @return \(AS^{\mathsf T}\), \(n \times d\)
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a.cols() != cols()}
     * @throws SizeLimitExceededException if the result would exceed {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    DenseMatrix applyRight(LinearOperator a);

    /**
     * The explicit \(d \times m\) matrix \(S\), computed entry by entry from the definition (not by
     * applying the operator), for tests and small sizes.
     *
     * @return a new matrix holding \(S\)
     * @throws SizeLimitExceededException if \(dm\) exceeds {@link DenseMatrix#MAX_ELEMENTS}; checked
     *     before anything is allocated
     */
    @Override
    DenseMatrix toDense();

    /**
     * The sub-block \(S[r_0 : r_0 + p,\; c_0 : c_0 + q]\) as an operator whose entries equal this
     * operator's bitwise. Its distribution is a {@link SketchBlock} of this one.
     *
     * <p>Cost of applying it: dense operators generate only the block; sparse and sampling
     * operators keep only the nonzeros inside it; transform-based and tensor-structured operators
     * apply the whole operator to the zero-padded input and keep the block's rows.
     *
     * @param rowOffset \(r_0 \ge 0\)
     * @param colOffset \(c_0 \ge 0\)
     * @param rows      \(p \ge 1\), with \(r_0 + p \le d\)
     * @param cols      \(q \ge 1\), with \(c_0 + q \le m\)
     * @return the block operator, \(p \times q\)
     * @throws IndexOutOfBoundsException if the block does not lie inside \(S\); the message shows the
     *     block and the shape
     * @throws IllegalArgumentException  if {@code rows < 1} or {@code cols < 1}
     */
    SketchingOperator block(int rowOffset, int colOffset, int rows, int cols);

    /**
     * Whether {@link #resize} may change the given axis: the entries of a resized operator equal
     * this operator's on the common leading block only along the axes that answer {@code true}.
     *
     * @param axis the axis
     * @return {@code true} if the axis can grow and shrink reproducibly
     * @throws NullPointerException if {@code axis} is null
     */
    boolean canResize(Axis axis);

    /**
     * The operator drawn from the same state and with the same parameters (including the scale
     * factor) but of size {@code rows x cols}: \(S'[i, j] = S[i, j]\) bitwise for \(i \lt \min(d,
     * d')\), \(j \lt \min(m, m')\). Only axes for which {@link #canResize} is true may change.
     *
     * @param rows the new \(d' \ge 1\)
     * @param cols the new \(m' \ge 1\)
     * @return the resized operator (this operator if the size is unchanged)
     * @throws IllegalArgumentException if a size is below 1, or a size changes along an axis that
     *     cannot be resized; the message names the axis and both sizes
     */
    SketchingOperator resize(int rows, int cols);

    /**
     * Applies \(S\) or \(S^{\mathsf T}\) to a block of vectors: {@code NO_TRANSPOSE} computes \(Y =
     * SX\) (the same as {@link #applyLeft(Matrix, DenseMatrix)}) and {@code TRANSPOSE} computes \(Y
     * = S^{\mathsf T}X\).
     *
     * @param trans which of \(S\), \(S^{\mathsf T}\) to apply
     * @param x     \(X\), {@code m x k} for \(S\) or {@code d x k} for \(S^{\mathsf T}\); not modified
     * @param y     \(Y\), {@code d x k} or {@code m x k}; overwritten (not read); must not share
     *     storage with {@code x}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit; the message shows them
     * @throws IllegalArgumentException   if {@code y} shares storage with {@code x}
     */
    @Override
    void apply(Transpose trans, DenseMatrix x, DenseMatrix y);
}
