package dev.nla.core.operator;

import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.Shape;
import java.util.Objects;
import java.util.Optional;

/**
 * A linear map \(A : \mathbb{R}^n \to \mathbb{R}^m\) that acts on blocks of vectors: given \(X \in
 * \mathbb{R}^{n \times k}\) it computes \(AX\), and given \(X \in \mathbb{R}^{m \times k}\) it
 * computes \(A^{\mathsf T}X\).
 *
 * <p>Randomized algorithms take a {@code LinearOperator}, so they work on explicit matrices
 * ({@link #of(Matrix)}), on structured operators ({@link #identity}, {@link #diagonal}, {@link
 * #kronecker}), on lazy combinations ({@link #scale}, {@link #plus}, {@link #times}, {@link
 * #transpose()}) and on matrix-free callbacks ({@link #fromFunctions}) alike. Acting on a block of
 * \(k\) vectors at once lets every implementation use level-3 kernels.
 *
 * <h2>Contract</h2>
 *
 * <p>An implementation provides {@link #rows()}, {@link #cols()} and {@link #apply(Transpose,
 * DenseMatrix, DenseMatrix)}, which computes \(Y \leftarrow \operatorname{op}(A)X\) with
 * \(\operatorname{op}(A) \in \{A, A^{\mathsf T}\}\) and must:
 *
 * <ul>
 *   <li>check its arguments with {@link #checkApply} before touching them (null, shapes, aliasing);
 *   <li>overwrite every entry of \(Y\) without reading it (NaN in \(Y\) does not propagate), and not
 *       modify \(X\);
 *   <li>be consistent: {@code apply(TRANSPOSE, ., .)} computes the transpose of the map computed
 *       by {@code apply(NO_TRANSPOSE, ., .)}, and applying to a block equals applying to each of its
 *       columns.
 * </ul>
 *
 * <p>Operators are immutable in shape. An operator built on a {@link DenseMatrix} shares its
 * storage: later changes to the matrix are seen by the operator. Operators made by this package are
 * safe to apply from several threads at once while their inputs are not being modified (matrix-free
 * ones if their callbacks are).
 *
 * <p>Every method documents its cost in flops for a block of \(k\) vectors and the temporaries it
 * allocates. The combinators allocate at most one temporary per call.
 */
public interface LinearOperator {
    /**
     * Number of rows \(m\): the dimension of the range.
     *
     * @return \(m \ge 0\)
     */
    int rows();

    /**
     * Number of columns \(n\): the dimension of the domain.
     *
     * @return \(n \ge 0\)
     */
    int cols();

    /**
     * The shape \(m \times n\).
     *
     * @return {@code rows() x cols()}
     */
    default Shape shape() {
        return new Shape(rows(), cols());
    }

    /**
     * Applies the operator or its transpose to a block of vectors: \(Y \leftarrow
     * \operatorname{op}(A)X\), where \(\operatorname{op}(A)\) is \(A\) for {@link
     * Transpose#NO_TRANSPOSE} and \(A^{\mathsf T}\) for {@link Transpose#TRANSPOSE}.
     *
     * @param trans which of \(A\), \(A^{\mathsf T}\) to apply
     * @param x     \(X\), of size {@code op(A).cols() x k}; not modified
     * @param y     \(Y\), of size {@code op(A).rows() x k}; overwritten (not read); must not share
     *     storage with {@code x}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes of {@code x} and {@code y} do not fit
     *     \(\operatorname{op}(A)\); the message shows the three shapes
     * @throws IllegalArgumentException   if {@code y} shares storage with {@code x}
     */
    void apply(Transpose trans, DenseMatrix x, DenseMatrix y);

    /**
     * The GEMM-shaped form \(Y \leftarrow \alpha\,\operatorname{op}(A)X + \beta Y\).
     *
     * <p>As in BLAS: when \(\beta = 0\), \(Y\) is not read (NaN in it does not propagate); when
     * \(\alpha = 0\), the operator is not applied and \(Y \leftarrow \beta Y\). The default
     * implementation calls {@link #apply(Transpose, DenseMatrix, DenseMatrix)} and, when
     * \(\alpha \ne 0\) and \(\beta \ne 0\), allocates one temporary of the size of \(Y\); the
     * operators of this package override it to accumulate in place (sums of them then allocate
     * nothing).
     *
     * @param trans which of \(A\), \(A^{\mathsf T}\) to apply
     * @param alpha scale of the product
     * @param x     \(X\), of size {@code op(A).cols() x k}; not modified
     * @param beta  scale of the old \(Y\)
     * @param y     \(Y\), of size {@code op(A).rows() x k}; overwritten; must not share storage
     *     with {@code x}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit \(\operatorname{op}(A)\)
     * @throws IllegalArgumentException   if {@code y} shares storage with {@code x}
     */
    default void apply(Transpose trans, double alpha, DenseMatrix x, double beta, DenseMatrix y) {
        checkApply(this, trans, x, y);
        if (alpha == 0.0) {
            Operators.scaleInPlace(beta, y);
        } else if (beta == 0.0) {
            apply(trans, x, y);
            if (alpha != 1.0) {
                Blas.scal(alpha, y);
            }
        } else {
            DenseMatrix t = DenseMatrix.zeros(y.rows(), y.cols());
            apply(trans, x, t);
            Operators.scaleInPlace(beta, y);
            Blas.axpy(alpha, t, y);
        }
    }

    /**
     * \(AX\) in a new matrix.
     *
     * @param x \(X\), of size {@code cols() x k}; not modified
     * @return \(AX\), of size {@code rows() x k}
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if {@code x.rows() != cols()}
     * @throws SizeLimitExceededException if the result has more than {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    default DenseMatrix apply(DenseMatrix x) {
        return Operators.applyNew(this, Transpose.NO_TRANSPOSE, x);
    }

    /**
     * \(A^{\mathsf T}X\) in a new matrix.
     *
     * @param x \(X\), of size {@code rows() x k}; not modified
     * @return \(A^{\mathsf T}X\), of size {@code cols() x k}
     * @throws NullPointerException       if {@code x} is null
     * @throws DimensionMismatchException if {@code x.rows() != rows()}
     * @throws SizeLimitExceededException if the result has more than {@link DenseMatrix#MAX_ELEMENTS}
     *     entries
     */
    default DenseMatrix applyTranspose(DenseMatrix x) {
        return Operators.applyNew(this, Transpose.TRANSPOSE, x);
    }

    /**
     * The transpose \(A^{\mathsf T}\), a lazy view: applying it applies this operator with the
     * opposite {@link Transpose} flag, at the same cost. The transpose of a transpose is the original
     * operator.
     *
     * @return the \(n \times m\) operator \(A^{\mathsf T}\)
     */
    default LinearOperator transpose() {
        return new TransposedOperator(this);
    }

    /**
     * The scaled operator \(\alpha A\), lazy: \((\alpha A)X = \alpha(AX)\), computed by passing
     * \(\alpha\) to the GEMM-shaped {@link #apply(Transpose, double, DenseMatrix, double,
     * DenseMatrix)} of \(A\), so no temporary is allocated. Scaling a scaled operator multiplies the
     * factors. For \(\alpha = 0\) the output is set to zero without applying \(A\).
     *
     * @param alpha the factor; must be finite
     * @return the \(m \times n\) operator \(\alpha A\)
     * @throws dev.nla.core.error.NonFiniteValueException if {@code alpha} is NaN or infinite
     */
    default LinearOperator scale(double alpha) {
        Require.finite("alpha", alpha);
        return new ScaledOperator(alpha, this);
    }

    /**
     * The sum \(A + B\), lazy: \((A + B)X = AX + BX\), computed as \(Y \leftarrow AX\) followed by
     * \(Y \leftarrow BX + Y\) through the GEMM-shaped {@code apply} of \(B\). Cost: the cost of both
     * terms plus \(mk\) additions; no temporary when \(B\) accumulates in place (every operator of
     * this package does), otherwise one \(m \times k\) temporary.
     *
     * @param other \(B\), of the same shape \(m \times n\)
     * @return the \(m \times n\) operator \(A + B\)
     * @throws NullPointerException       if {@code other} is null
     * @throws DimensionMismatchException if the shapes differ; the message shows both
     */
    default LinearOperator plus(LinearOperator other) {
        Objects.requireNonNull(other, "other");
        if (rows() != other.rows() || cols() != other.cols()) {
            throw new DimensionMismatchException(
                    "plus: shapes differ, this is " + shape() + " and other is " + other.shape());
        }
        return new SumOperator(this, other);
    }

    /**
     * The composition \(AB\), lazy: \((AB)X = A(BX)\) and \((AB)^{\mathsf T}X = B^{\mathsf
     * T}(A^{\mathsf T}X)\). Cost: the cost of both factors, with one temporary of size \(p \times
     * k\), \(p\) the inner dimension.
     *
     * @param other \(B\), of size \(n \times q\)
     * @return the \(m \times q\) operator \(AB\)
     * @throws NullPointerException       if {@code other} is null
     * @throws DimensionMismatchException if {@code cols() != other.rows()}; the message shows both
     *     shapes
     */
    default LinearOperator times(LinearOperator other) {
        Objects.requireNonNull(other, "other");
        if (cols() != other.rows()) {
            throw new DimensionMismatchException(
                    "times: inner dimensions differ, this is " + shape() + " and other is " + other.shape());
        }
        return new ProductOperator(this, other);
    }

    /**
     * The explicit \(m \times n\) matrix of this operator, in a new matrix that shares no storage
     * with the operator.
     *
     * <p>The default implementation applies the operator to blocks of columns of the identity,
     * \(A[:, j_0 : j_1] = A\,I[:, j_0 : j_1]\), with blocks of at most about \(2^{20}\) entries,
     * so besides the result it allocates one block of size \(n \times b\). Cost: \(n/b\) applications
     * to \(b\) vectors.
     *
     * @return \(A\) as a dense matrix
     * @throws SizeLimitExceededException if \(mn\) exceeds {@link DenseMatrix#MAX_ELEMENTS}; checked
     *     before anything is allocated
     */
    default DenseMatrix toDense() {
        return Operators.materialize(this);
    }

    /**
     * The explicit matrix behind this operator, when there is one: the matrix given to {@link
     * #of(Matrix)}, shared, not copied. Algorithms use it to pick a faster path (e.g. a GEMM on the
     * matrix); it is empty for structured, lazy and matrix-free operators.
     *
     * @return the backing matrix, or empty
     */
    default Optional<Matrix> matrix() {
        return Optional.empty();
    }

    // ------------------------------------------------------------------ factories

    /**
     * The operator of an explicit matrix, dense or sparse, sharing its storage.
     *
     * <p>Applying it is one call of {@link Blas#gemm}: \(2mnk\) flops for a dense matrix, \(2\,
     * \mathrm{nnz}\,k\) for a sparse one, no temporary. The GEMM-shaped {@code apply} passes
     * \(\alpha\) and \(\beta\) to the kernel.
     *
     * @param a the \(m \times n\) matrix; not modified, and shared: later changes to a dense {@code
     *     a} are seen by the operator
     * @return the \(m \times n\) operator \(X \mapsto AX\)
     * @throws NullPointerException if {@code a} is null
     */
    static LinearOperator of(Matrix a) {
        Objects.requireNonNull(a, "a");
        return new MatrixOperator(a);
    }

    /**
     * The identity \(I_n\). Applying it copies \(X\) (\(nk\) moves, no flops); its transpose is
     * itself.
     *
     * @param n the order, \(n \ge 0\)
     * @return the \(n \times n\) identity operator
     * @throws IllegalArgumentException if {@code n < 0}
     */
    static LinearOperator identity(int n) {
        Require.nonNegative("n", n);
        return new IdentityOperator(n);
    }

    /**
     * The diagonal operator \(D = \operatorname{diag}(d_0, \dots, d_{n-1})\): \((DX)_{ij} = d_i
     * x_{ij}\). Cost \(nk\) multiplications, no temporary; \(D^{\mathsf T} = D\).
     *
     * @param diagonal the entries \(d_i\); copied, so later changes to the array are not seen
     * @return the \(n \times n\) diagonal operator
     * @throws NullPointerException if {@code diagonal} is null
     */
    static LinearOperator diagonal(double... diagonal) {
        Objects.requireNonNull(diagonal, "diagonal");
        return new DiagonalOperator(diagonal.clone());
    }

    /**
     * The Kronecker product \(A \otimes B\) of \(A \in \mathbb{R}^{p \times q}\) and \(B \in
     * \mathbb{R}^{r \times s}\), never formed explicitly:
     * \[ A \otimes B = \begin{pmatrix} a_{11}B &amp; \cdots &amp; a_{1q}B \\ \vdots &amp; &amp;
     * \vdots \\ a_{p1}B &amp; \cdots &amp; a_{pq}B \end{pmatrix} \in \mathbb{R}^{pr \times qs}, \qquad
     * (A \otimes B)\operatorname{vec}(X) = \operatorname{vec}(BXA^{\mathsf T}) \]
     * for \(X \in \mathbb{R}^{s \times q}\), with \(\operatorname{vec}\) stacking columns (the
     * column-major order of the storage, so reshaping a column is free). Each column of a block is
     * reshaped and the two factors are applied as blocks of vectors. The transpose is \((A \otimes
     * B)^{\mathsf T} = A^{\mathsf T} \otimes B^{\mathsf T}\) [Van Loan 2000].
     *
     * <p>Cost for a block of \(k\) vectors: \(B\) applied to \(qk\) vectors and a GEMM
     * \(W_jA^{\mathsf T}\) per column (\(2rqpk\) flops for a dense \(A\)), or, when cheaper, a GEMM
     * \(X_jA^{\mathsf T}\) per column followed by \(B\) on \(pk\) vectors; one temporary of \(rqk\)
     * (or \(spk\)) entries. When \(A\) is the
     * identity, \(B\) is applied once to \(qk\) vectors and nothing is allocated. When \(A\) is
     * neither an explicit matrix nor the identity, \(A\) is applied to \(rk\) gathered vectors, with
     * three temporaries. See {@code docs/operators.md}.
     *
     * @param a the left factor \(A\), \(p \times q\)
     * @param b the right factor \(B\), \(r \times s\)
     * @return the \(pr \times qs\) operator \(A \otimes B\)
     * @throws NullPointerException       if an argument is null
     * @throws SizeLimitExceededException if \(pr\) or \(qs\) exceeds {@link Integer#MAX_VALUE}
     */
    static LinearOperator kronecker(LinearOperator a, LinearOperator b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return new KroneckerOperator(a, b);
    }

    /**
     * The Kronecker product of several factors, \(A_1 \otimes A_2 \otimes \cdots \otimes A_d\),
     * nested to the right: \(A_1 \otimes (A_2 \otimes (\cdots \otimes A_d))\). (The product is
     * associative; nesting to the right keeps the left factor of each level a plain operator, which
     * the fastest path of {@link #kronecker(LinearOperator, LinearOperator)} needs.)
     *
     * @param factors \(A_1, \dots, A_d\), at least one
     * @return the operator; the single factor itself when \(d = 1\)
     * @throws NullPointerException       if {@code factors} or one of them is null
     * @throws IllegalArgumentException   if {@code factors} is empty
     * @throws SizeLimitExceededException if the product of the row or column counts exceeds {@link
     *     Integer#MAX_VALUE}
     */
    static LinearOperator kronecker(LinearOperator... factors) {
        Objects.requireNonNull(factors, "factors");
        if (factors.length == 0) {
            throw new IllegalArgumentException("kronecker needs at least one factor, got 0");
        }
        for (int i = 0; i < factors.length; i++) {
            Objects.requireNonNull(factors[i], "factors[" + i + "]");
        }
        LinearOperator result = factors[factors.length - 1];
        for (int i = factors.length - 2; i >= 0; i--) {
            result = new KroneckerOperator(factors[i], result);
        }
        return result;
    }

    /**
     * A matrix-free operator defined by two callbacks: {@code forward} computes \(Y = AX\) and
     * {@code adjoint} computes \(Y = A^{\mathsf T}X\). The operator validates the arguments (null,
     * shapes, aliasing) before calling back, so a callback always receives \(X\) of the right shape
     * and an output \(Y\) that does not overlap it. Cost: that of the callbacks.
     *
     * <p>The caller promises that the callbacks are consistent (\(\langle Y, AX\rangle =
     * \langle A^{\mathsf T}Y, X\rangle\)), overwrite all of \(Y\) and leave \(X\) unchanged; this
     * cannot be checked.
     *
     * @param rows    \(m \ge 0\)
     * @param cols    \(n \ge 0\)
     * @param forward \(X \mapsto AX\) on blocks \(X \in \mathbb{R}^{n \times k}\)
     * @param adjoint \(X \mapsto A^{\mathsf T}X\) on blocks \(X \in \mathbb{R}^{m \times k}\)
     * @return the \(m \times n\) operator
     * @throws NullPointerException     if a callback is null
     * @throws IllegalArgumentException if {@code rows < 0} or {@code cols < 0}
     */
    static LinearOperator fromFunctions(int rows, int cols, BlockFunction forward, BlockFunction adjoint) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(adjoint, "adjoint");
        return new FunctionOperator(rows, cols, forward, adjoint);
    }

    /**
     * Checks the arguments of {@link #apply(Transpose, DenseMatrix, DenseMatrix)}: for
     * implementations, which call it first.
     *
     * @param op    the operator \(A\)
     * @param trans which of \(A\), \(A^{\mathsf T}\) is applied
     * @param x     \(X\); must be {@code op(A).cols() x k}
     * @param y     \(Y\); must be {@code op(A).rows() x k} and not share storage with {@code x}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes do not fit; the message names the operator
     *     shape, the flag and both block shapes
     * @throws IllegalArgumentException   if {@code y} shares storage with {@code x}
     */
    static void checkApply(LinearOperator op, Transpose trans, DenseMatrix x, DenseMatrix y) {
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int m = trans.isTranspose() ? op.cols() : op.rows();
        int n = trans.isTranspose() ? op.rows() : op.cols();
        if (x.rows() != n || y.rows() != m || x.cols() != y.cols()) {
            throw new DimensionMismatchException("apply: op(A) is " + m + "x" + n + " (A " + op.rows() + "x"
                    + op.cols() + ", " + trans + "), x is " + x.shape() + " and y is " + y.shape() + "; need x " + n
                    + "xk and y " + m + "xk");
        }
        if (x.overlaps(y)) {
            throw new IllegalArgumentException("apply: output y (" + y.shape() + ", offset " + y.offset() + ", ld "
                    + y.ld() + ") shares storage with input x (" + x.shape() + ", offset " + x.offset() + ", ld "
                    + x.ld() + ")");
        }
    }
}
