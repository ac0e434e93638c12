package dev.nla.core.blas;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;

/**
 * The kernel facade: validated BLAS operations on {@link DenseMatrix} (and, for products, {@link
 * SparseMatrix}) arguments, dispatched to a {@link Backend}.
 *
 * <p>Every operation exists in two forms: one that uses the process-wide {@link Backends#active()}
 * backend, and one that takes the backend as its first argument (useful to run single-threaded
 * kernels inside one's own parallel loop, or to compare backends).
 *
 * <p>Vectors are matrices with one row or one column; a row of a column-major matrix is a vector
 * with stride {@code ld}. The level-1 operations {@link #axpy}, {@link #dot}, {@link #nrm2} and
 * {@link #scal} also accept general matrices, which they treat as vectors of their \(mn\) entries
 * (so {@link #nrm2} is the Frobenius norm and {@link #dot} the Frobenius inner product).
 *
 * <p>Arguments are checked once here (null, shapes, output aliasing); the backends assume valid
 * arguments. NaN and infinities are not scanned for: they propagate as in BLAS. Outputs must not
 * overlap inputs: an overlapping output throws {@link IllegalArgumentException}.
 */
public final class Blas {
    private Blas() {}

    // ------------------------------------------------------------------ level 3: gemm

    /**
     * General matrix product \(C \leftarrow \alpha\,\operatorname{op}(A)\operatorname{op}(B) + \beta
     * C\) on the active backend. See {@link #gemm(Backend, Transpose, Transpose, double, Matrix,
     * Matrix, double, DenseMatrix)}.
     *
     * @param transA {@code op} applied to {@code a}
     * @param transB {@code op} applied to {@code b}
     * @param alpha  scale of the product
     * @param a      \(A\), dense or sparse; not modified
     * @param b      \(B\), dense or sparse; not modified
     * @param beta   scale of the old \(C\); if 0, \(C\) is not read (NaN in it does not propagate)
     * @param c      \(C\), \(m \times n\); overwritten; must not overlap {@code a} or {@code b}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(\operatorname{op}(A)\) is not \(m \times k\) and
     *     \(\operatorname{op}(B)\) not \(k \times n\)
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a} or {@code b}
     */
    public static void gemm(
            Transpose transA, Transpose transB, double alpha, Matrix a, Matrix b, double beta, DenseMatrix c) {
        gemm(Backends.active(), transA, transB, alpha, a, b, beta, c);
    }

    /**
     * General matrix product \(C \leftarrow \alpha\,\operatorname{op}(A)\operatorname{op}(B) + \beta
     * C\), where \(\operatorname{op}(X)\) is \(X\) or \(X^{\mathsf T}\).
     *
     * <p>Dense times dense runs on {@code backend}. When \(A\) or \(B\) is sparse, a sparse kernel
     * runs instead (in \(O(\mathrm{nnz}\cdot n)\)); when both are sparse, \(B\) is expanded to dense
     * first. Each entry of \(C\) satisfies the standard bound \(|\hat c_{ij} - c_{ij}| \le \gamma_k
     * (|\alpha|\,|\operatorname{op}(A)||\operatorname{op}(B)| + |\beta||C|)_{ij}\), \(\gamma_k = ku/(1 - ku)\)
     * [Higham 2002, §3.5].
     *
     * @param backend the kernels to use
     * @param transA  {@code op} applied to {@code a}
     * @param transB  {@code op} applied to {@code b}
     * @param alpha   scale of the product
     * @param a       \(A\), dense or sparse; not modified
     * @param b       \(B\), dense or sparse; not modified
     * @param beta    scale of the old \(C\); if 0, \(C\) is not read
     * @param c       \(C\), \(m \times n\); overwritten; must not overlap {@code a} or {@code b}
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes are incompatible; the message shows all
     *     three shapes and the transpose flags
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a} or {@code b}
     */
    public static void gemm(
            Backend backend,
            Transpose transA,
            Transpose transB,
            double alpha,
            Matrix a,
            Matrix b,
            double beta,
            DenseMatrix c) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(transB, "transB");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        int m = transA.isTranspose() ? a.cols() : a.rows();
        int k = transA.isTranspose() ? a.rows() : a.cols();
        int kb = transB.isTranspose() ? b.cols() : b.rows();
        int n = transB.isTranspose() ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new DimensionMismatchException("gemm: op(a) is " + m + "x" + k + " (a " + a.shape() + ", " + transA
                    + "), op(b) is " + kb + "x" + n + " (b " + b.shape() + ", " + transB + "), c is " + c.shape()
                    + "; need op(a) m x k, op(b) k x n, c m x n");
        }
        requireNoOverlap("gemm", "c", c, "a", a);
        requireNoOverlap("gemm", "c", c, "b", b);
        if (a instanceof DenseMatrix da && b instanceof DenseMatrix db) {
            backend.gemm(
                    transA,
                    transB,
                    m,
                    n,
                    k,
                    alpha,
                    da.data(),
                    da.offset(),
                    da.ld(),
                    db.data(),
                    db.offset(),
                    db.ld(),
                    beta,
                    c.data(),
                    c.offset(),
                    c.ld());
        } else if (a instanceof SparseMatrix sa) {
            SparseKernels.sparseTimesDense(transA, transB, alpha, sa, b.toDense(), beta, c);
        } else {
            SparseKernels.denseTimesSparse(transA, transB, alpha, (DenseMatrix) a, (SparseMatrix) b, beta, c);
        }
    }

    /**
     * The product \(\operatorname{op}(A)\operatorname{op}(B)\) in a new matrix, on the active backend.
     *
     * @param transA {@code op} applied to {@code a}
     * @param transB {@code op} applied to {@code b}
     * @param a      \(A\); not modified
     * @param b      \(B\); not modified
     * @return a new \(m \times n\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the inner dimensions differ
     */
    public static DenseMatrix multiply(Transpose transA, Transpose transB, Matrix a, Matrix b) {
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(transB, "transB");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int m = transA.isTranspose() ? a.cols() : a.rows();
        int n = transB.isTranspose() ? b.rows() : b.cols();
        int k = transA.isTranspose() ? a.rows() : a.cols();
        int kb = transB.isTranspose() ? b.cols() : b.rows();
        if (k != kb) {
            throw new DimensionMismatchException("multiply: inner dimensions differ, op(a) is " + m + "x" + k
                    + " (a " + a.shape() + ", " + transA + "), op(b) is " + kb + "x" + n + " (b " + b.shape() + ", "
                    + transB + ")");
        }
        DenseMatrix c = DenseMatrix.zeros(m, n);
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    /**
     * The product \(AB\) in a new matrix, on the active backend.
     *
     * @param a \(A\), \(m \times k\); not modified
     * @param b \(B\), \(k \times n\); not modified
     * @return a new \(m \times n\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a.cols() != b.rows()}
     */
    public static DenseMatrix multiply(Matrix a, Matrix b) {
        Require.multipliable("multiply", a, b);
        return multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, a, b);
    }

    // ------------------------------------------------------------------ level 2: gemv

    /**
     * Matrix-vector product \(y \leftarrow \alpha\,\operatorname{op}(A)\,x + \beta y\) on the active
     * backend; see {@link #gemv(Backend, Transpose, double, Matrix, DenseMatrix, double,
     * DenseMatrix)}.
     *
     * @param transA {@code op} applied to {@code a}
     * @param alpha  scale of the product
     * @param a      \(A\), dense or sparse; not modified
     * @param x      vector of length {@code op(a).cols()}; not modified
     * @param beta   scale of the old \(y\); if 0, \(y\) is not read
     * @param y      vector of length {@code op(a).rows()}; overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code x} or {@code y} is not a vector of the right
     *     length
     * @throws IllegalArgumentException   if {@code y} overlaps {@code a} or {@code x}
     */
    public static void gemv(Transpose transA, double alpha, Matrix a, DenseMatrix x, double beta, DenseMatrix y) {
        gemv(Backends.active(), transA, alpha, a, x, beta, y);
    }

    /**
     * Matrix-vector product \(y \leftarrow \alpha\,\operatorname{op}(A)\,x + \beta y\). The vectors
     * may be rows or columns (a row view has stride {@code ld}).
     *
     * @param backend the kernels to use (ignored for a sparse {@code a})
     * @param transA  {@code op} applied to {@code a}
     * @param alpha   scale of the product
     * @param a       \(A\), dense or sparse; not modified
     * @param x       vector of length {@code op(a).cols()}; not modified
     * @param beta    scale of the old \(y\); if 0, \(y\) is not read
     * @param y       vector of length {@code op(a).rows()}; overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code x} or {@code y} is not a vector of the right
     *     length
     * @throws IllegalArgumentException   if {@code y} overlaps {@code a} or {@code x}
     */
    public static void gemv(
            Backend backend, Transpose transA, double alpha, Matrix a, DenseMatrix x, double beta, DenseMatrix y) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        int m = transA.isTranspose() ? a.cols() : a.rows();
        int n = transA.isTranspose() ? a.rows() : a.cols();
        requireVectorOfLength("gemv", "x", x, n);
        requireVectorOfLength("gemv", "y", y, m);
        requireNoOverlap("gemv", "y", y, "a", a);
        requireNoOverlap("gemv", "y", y, "x", x);
        if (a instanceof DenseMatrix da) {
            backend.gemv(
                    transA,
                    da.rows(),
                    da.cols(),
                    alpha,
                    da.data(),
                    da.offset(),
                    da.ld(),
                    x.data(),
                    x.offset(),
                    stride(x),
                    beta,
                    y.data(),
                    y.offset(),
                    stride(y));
        } else {
            SparseKernels.sparseTimesVector(transA, alpha, (SparseMatrix) a, x, beta, y);
        }
    }

    /**
     * Rank-one update \(A \leftarrow \alpha x y^{\mathsf T} + A\) on the active backend.
     *
     * @param alpha scale of the outer product
     * @param x     vector of length {@code a.rows()}; not modified
     * @param y     vector of length {@code a.cols()}; not modified
     * @param a     \(A\); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a vector has the wrong length
     * @throws IllegalArgumentException   if {@code a} overlaps {@code x} or {@code y}
     */
    public static void ger(double alpha, DenseMatrix x, DenseMatrix y, DenseMatrix a) {
        ger(Backends.active(), alpha, x, y, a);
    }

    /**
     * Rank-one update \(A \leftarrow \alpha x y^{\mathsf T} + A\) (BLAS {@code dger}), the level-2
     * core of unblocked Householder and LU steps.
     *
     * @param backend the kernels to use
     * @param alpha   scale of the outer product
     * @param x       vector of length {@code a.rows()}; not modified
     * @param y       vector of length {@code a.cols()}; not modified
     * @param a       \(A\); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if a vector has the wrong length
     * @throws IllegalArgumentException   if {@code a} overlaps {@code x} or {@code y}
     */
    public static void ger(Backend backend, double alpha, DenseMatrix x, DenseMatrix y, DenseMatrix a) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Objects.requireNonNull(a, "a");
        requireVectorOfLength("ger", "x", x, a.rows());
        requireVectorOfLength("ger", "y", y, a.cols());
        requireNoOverlap("ger", "a", a, "x", x);
        requireNoOverlap("ger", "a", a, "y", y);
        backend.ger(
                a.rows(),
                a.cols(),
                alpha,
                x.data(),
                x.offset(),
                stride(x),
                y.data(),
                y.offset(),
                stride(y),
                a.data(),
                a.offset(),
                a.ld());
    }

    /**
     * Symmetric matrix-vector product \(y \leftarrow \alpha A x + \beta y\) on the active backend.
     *
     * @param triangle which triangle of the symmetric \(A\) is read
     * @param alpha    scale of the product
     * @param a        square symmetric \(A\); only its {@code triangle} is read; not modified
     * @param x        vector of length \(n\); not modified
     * @param beta     scale of the old \(y\); if 0, \(y\) is not read
     * @param y        vector of length \(n\); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square or a vector has the wrong length
     * @throws IllegalArgumentException   if {@code y} overlaps {@code a} or {@code x}
     */
    public static void symv(Triangle triangle, double alpha, DenseMatrix a, DenseMatrix x, double beta, DenseMatrix y) {
        symv(Backends.active(), triangle, alpha, a, x, beta, y);
    }

    /**
     * Symmetric matrix-vector product \(y \leftarrow \alpha A x + \beta y\) (BLAS {@code dsymv})
     * reading one triangle of \(A\) once: the level-2 core of tridiagonalization.
     *
     * @param backend  the kernels to use
     * @param triangle which triangle of the symmetric \(A\) is read
     * @param alpha    scale of the product
     * @param a        square symmetric \(A\); only its {@code triangle} is read; not modified
     * @param x        vector of length \(n\); not modified
     * @param beta     scale of the old \(y\); if 0, \(y\) is not read
     * @param y        vector of length \(n\); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square or a vector has the wrong length
     * @throws IllegalArgumentException   if {@code y} overlaps {@code a} or {@code x}
     */
    public static void symv(
            Backend backend,
            Triangle triangle,
            double alpha,
            DenseMatrix a,
            DenseMatrix x,
            double beta,
            DenseMatrix y) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(triangle, "triangle");
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        Require.square("a", a);
        int n = a.rows();
        requireVectorOfLength("symv", "x", x, n);
        requireVectorOfLength("symv", "y", y, n);
        requireNoOverlap("symv", "y", y, "a", a);
        requireNoOverlap("symv", "y", y, "x", x);
        backend.symv(
                triangle,
                n,
                alpha,
                a.data(),
                a.offset(),
                a.ld(),
                x.data(),
                x.offset(),
                stride(x),
                beta,
                y.data(),
                y.offset(),
                stride(y));
    }

    // ------------------------------------------------------------------ level 3: syrk, trsm, trmm

    /**
     * Symmetric rank-\(k\) update of one triangle on the active backend; see {@link #syrk(Backend,
     * Triangle, Transpose, double, DenseMatrix, double, DenseMatrix)}.
     *
     * @param triangle which triangle of \(C\) is updated
     * @param trans    {@code NO_TRANSPOSE}: \(AA^{\mathsf T}\); {@code TRANSPOSE}: \(A^{\mathsf T}A\)
     * @param alpha    scale of the product
     * @param a        \(A\); not modified
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        square \(C\); its {@code triangle} is overwritten, the other triangle untouched
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code c} is not square of the order of the product
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a}
     */
    public static void syrk(
            Triangle triangle, Transpose trans, double alpha, DenseMatrix a, double beta, DenseMatrix c) {
        syrk(Backends.active(), triangle, trans, alpha, a, beta, c);
    }

    /**
     * Symmetric rank-\(k\) update of one triangle: \(C \leftarrow \alpha AA^{\mathsf T} + \beta C\)
     * or \(C \leftarrow \alpha A^{\mathsf T}A + \beta C\). About half the flops of the equivalent
     * {@link #gemm}.
     *
     * @param backend  the kernels to use
     * @param triangle which triangle of \(C\) is updated
     * @param trans    {@code NO_TRANSPOSE}: \(AA^{\mathsf T}\); {@code TRANSPOSE}: \(A^{\mathsf T}A\)
     * @param alpha    scale of the product
     * @param a        \(A\); not modified
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        square \(C\); its {@code triangle} is overwritten, the other triangle untouched
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code c} is not square of the order of the product
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a}
     */
    public static void syrk(
            Backend backend,
            Triangle triangle,
            Transpose trans,
            double alpha,
            DenseMatrix a,
            double beta,
            DenseMatrix c) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(triangle, "triangle");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(c, "c");
        int n = trans.isTranspose() ? a.cols() : a.rows();
        int k = trans.isTranspose() ? a.rows() : a.cols();
        if (c.rows() != n || c.cols() != n) {
            throw new DimensionMismatchException(
                    "syrk: c must be " + n + "x" + n + " for a " + a.shape() + " (" + trans + "), got " + c.shape());
        }
        requireNoOverlap("syrk", "c", c, "a", a);
        backend.syrk(triangle, trans, n, k, alpha, a.data(), a.offset(), a.ld(), beta, c.data(), c.offset(), c.ld());
    }

    /**
     * Symmetric rank-\(2k\) update of one triangle on the active backend; see {@link
     * #syr2k(Backend, Triangle, Transpose, double, DenseMatrix, DenseMatrix, double, DenseMatrix)}.
     *
     * @param triangle which triangle of \(C\) is updated
     * @param trans    {@code NO_TRANSPOSE}: \(AB^{\mathsf T} + BA^{\mathsf T}\); {@code TRANSPOSE}:
     *     \(A^{\mathsf T}B + B^{\mathsf T}A\)
     * @param alpha    scale of the products
     * @param a        \(A\); not modified
     * @param b        \(B\), same shape as \(A\); not modified
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        square \(C\); its {@code triangle} is overwritten, the other triangle untouched
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} and {@code b} differ in shape or {@code c} has
     *     the wrong order
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a} or {@code b}
     */
    public static void syr2k(
            Triangle triangle,
            Transpose trans,
            double alpha,
            DenseMatrix a,
            DenseMatrix b,
            double beta,
            DenseMatrix c) {
        syr2k(Backends.active(), triangle, trans, alpha, a, b, beta, c);
    }

    /**
     * Symmetric rank-\(2k\) update of one triangle: \(C \leftarrow \alpha(AB^{\mathsf T} +
     * BA^{\mathsf T}) + \beta C\) or \(C \leftarrow \alpha(A^{\mathsf T}B + B^{\mathsf T}A) + \beta
     * C\) (BLAS {@code dsyr2k}): the trailing update of blocked tridiagonalization.
     *
     * @param backend  the kernels to use
     * @param triangle which triangle of \(C\) is updated
     * @param trans    {@code NO_TRANSPOSE}: \(AB^{\mathsf T} + BA^{\mathsf T}\); {@code TRANSPOSE}:
     *     \(A^{\mathsf T}B + B^{\mathsf T}A\)
     * @param alpha    scale of the products
     * @param a        \(A\); not modified
     * @param b        \(B\), same shape as \(A\); not modified
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        square \(C\); its {@code triangle} is overwritten, the other triangle untouched
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} and {@code b} differ in shape or {@code c} has
     *     the wrong order
     * @throws IllegalArgumentException   if {@code c} overlaps {@code a} or {@code b}
     */
    public static void syr2k(
            Backend backend,
            Triangle triangle,
            Transpose trans,
            double alpha,
            DenseMatrix a,
            DenseMatrix b,
            double beta,
            DenseMatrix c) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(triangle, "triangle");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(c, "c");
        Require.sameShape("syr2k", a, b);
        int n = trans.isTranspose() ? a.cols() : a.rows();
        int k = trans.isTranspose() ? a.rows() : a.cols();
        if (c.rows() != n || c.cols() != n) {
            throw new DimensionMismatchException("syr2k: c must be " + n + "x" + n + " for a, b " + a.shape() + " ("
                    + trans + "), got " + c.shape());
        }
        requireNoOverlap("syr2k", "c", c, "a", a);
        requireNoOverlap("syr2k", "c", c, "b", b);
        backend.syr2k(
                triangle,
                trans,
                n,
                k,
                alpha,
                a.data(),
                a.offset(),
                a.ld(),
                b.data(),
                b.offset(),
                b.ld(),
                beta,
                c.data(),
                c.offset(),
                c.ld());
    }

    /**
     * Triangular solve with multiple right-hand sides on the active backend; see {@link
     * #trsm(Backend, Side, Triangle, Transpose, Diagonal, double, DenseMatrix, DenseMatrix)}.
     *
     * @param side     {@code LEFT}: solve \(\operatorname{op}(A)X = \alpha B\); {@code RIGHT}: \(X
     *     \operatorname{op}(A) = \alpha B\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param alpha    scale of the right-hand side
     * @param a        square triangular \(A\); only its triangle is read; not modified
     * @param b        right-hand sides \(B\); overwritten with \(X\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square of the matching order
     * @throws IllegalArgumentException   if {@code b} overlaps {@code a}
     */
    public static void trsm(
            Side side, Triangle triangle, Transpose transA, Diagonal diag, double alpha, DenseMatrix a, DenseMatrix b) {
        trsm(Backends.active(), side, triangle, transA, diag, alpha, a, b);
    }

    /**
     * Triangular solve with multiple right-hand sides: \(B \leftarrow \alpha\,\operatorname{op}(A)^{-1}
     * B\) ({@code LEFT}) or \(B \leftarrow \alpha B\,\operatorname{op}(A)^{-1}\) ({@code RIGHT}). No
     * test for singularity is made: a zero diagonal entry gives infinities or NaN, as in BLAS. The
     * computed solution satisfies \((T + \Delta T)\hat x = b\) with \(|\Delta T| \le \gamma_n |T|\)
     * column by column [Higham 2002, Thm 8.5].
     *
     * @param backend  the kernels to use
     * @param side     {@code LEFT}: solve \(\operatorname{op}(A)X = \alpha B\); {@code RIGHT}: \(X
     *     \operatorname{op}(A) = \alpha B\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param alpha    scale of the right-hand side
     * @param a        square triangular \(A\); only its triangle is read; not modified
     * @param b        right-hand sides \(B\); overwritten with \(X\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square of the matching order
     * @throws IllegalArgumentException   if {@code b} overlaps {@code a}
     */
    public static void trsm(
            Backend backend,
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            double alpha,
            DenseMatrix a,
            DenseMatrix b) {
        checkTriangular("trsm", backend, side, triangle, transA, diag, a, b);
        backend.trsm(
                side,
                triangle,
                transA,
                diag,
                b.rows(),
                b.cols(),
                alpha,
                a.data(),
                a.offset(),
                a.ld(),
                b.data(),
                b.offset(),
                b.ld());
    }

    /**
     * Triangular matrix product on the active backend; see {@link #trmm(Backend, Side, Triangle,
     * Transpose, Diagonal, double, DenseMatrix, DenseMatrix)}.
     *
     * @param side     {@code LEFT}: \(\alpha\,\operatorname{op}(A)B\); {@code RIGHT}: \(\alpha
     *     B\,\operatorname{op}(A)\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param alpha    scale of the product
     * @param a        square triangular \(A\); only its triangle is read; not modified
     * @param b        \(B\); overwritten with the product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square of the matching order
     * @throws IllegalArgumentException   if {@code b} overlaps {@code a}
     */
    public static void trmm(
            Side side, Triangle triangle, Transpose transA, Diagonal diag, double alpha, DenseMatrix a, DenseMatrix b) {
        trmm(Backends.active(), side, triangle, transA, diag, alpha, a, b);
    }

    /**
     * Triangular matrix product: \(B \leftarrow \alpha\,\operatorname{op}(A)B\) ({@code LEFT}) or
     * \(B \leftarrow \alpha B\,\operatorname{op}(A)\) ({@code RIGHT}), \(A\) triangular.
     *
     * @param backend  the kernels to use
     * @param side     {@code LEFT}: \(\alpha\,\operatorname{op}(A)B\); {@code RIGHT}: \(\alpha
     *     B\,\operatorname{op}(A)\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param alpha    scale of the product
     * @param a        square triangular \(A\); only its triangle is read; not modified
     * @param b        \(B\); overwritten with the product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square of the matching order
     * @throws IllegalArgumentException   if {@code b} overlaps {@code a}
     */
    public static void trmm(
            Backend backend,
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            double alpha,
            DenseMatrix a,
            DenseMatrix b) {
        checkTriangular("trmm", backend, side, triangle, transA, diag, a, b);
        backend.trmm(
                side,
                triangle,
                transA,
                diag,
                b.rows(),
                b.cols(),
                alpha,
                a.data(),
                a.offset(),
                a.ld(),
                b.data(),
                b.offset(),
                b.ld());
    }

    // ------------------------------------------------------------------ level 1

    /**
     * \(Y \leftarrow \alpha X + Y\) on the active backend.
     *
     * @param alpha scale of \(X\)
     * @param x     \(X\); not modified
     * @param y     \(Y\), same shape as {@code x} (or both vectors of equal length); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes are incompatible
     * @throws IllegalArgumentException   if {@code y} overlaps {@code x}
     */
    public static void axpy(double alpha, DenseMatrix x, DenseMatrix y) {
        axpy(Backends.active(), alpha, x, y);
    }

    /**
     * \(Y \leftarrow \alpha X + Y\), entry by entry. {@code x} and {@code y} have the same shape, or
     * are both vectors (rows or columns) of the same length.
     *
     * @param backend the kernels to use
     * @param alpha   scale of \(X\)
     * @param x       \(X\); not modified
     * @param y       \(Y\); overwritten
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes are incompatible
     * @throws IllegalArgumentException   if {@code y} overlaps {@code x}
     */
    public static void axpy(Backend backend, double alpha, DenseMatrix x, DenseMatrix y) {
        Objects.requireNonNull(backend, "backend");
        requireConformable("axpy", x, y);
        requireNoOverlap("axpy", "y", y, "x", x);
        if (x.isVector() && y.isVector()) {
            backend.axpy(length(x), alpha, x.data(), x.offset(), stride(x), y.data(), y.offset(), stride(y));
        } else if (x.isCompact() && y.isCompact()) {
            backend.axpy(x.rows() * x.cols(), alpha, x.data(), x.offset(), 1, y.data(), y.offset(), 1);
        } else {
            for (int j = 0; j < x.cols(); j++) {
                backend.axpy(
                        x.rows(), alpha, x.data(), x.offset() + j * x.ld(), 1, y.data(), y.offset() + j * y.ld(), 1);
            }
        }
    }

    /**
     * Inner product \(\sum_{ij} x_{ij} y_{ij}\) on the active backend.
     *
     * @param x \(X\); not modified
     * @param y \(Y\), same shape as {@code x} (or both vectors of equal length); not modified
     * @return the inner product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes are incompatible
     */
    public static double dot(DenseMatrix x, DenseMatrix y) {
        return dot(Backends.active(), x, y);
    }

    /**
     * Inner product \(\sum_{ij} x_{ij} y_{ij}\) (for vectors, \(x^{\mathsf T}y\)).
     *
     * @param backend the kernels to use
     * @param x       \(X\); not modified
     * @param y       \(Y\), same shape as {@code x} (or both vectors of equal length); not modified
     * @return the inner product
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if the shapes are incompatible
     */
    public static double dot(Backend backend, DenseMatrix x, DenseMatrix y) {
        Objects.requireNonNull(backend, "backend");
        requireConformable("dot", x, y);
        if (x.isVector() && y.isVector()) {
            return backend.dot(length(x), x.data(), x.offset(), stride(x), y.data(), y.offset(), stride(y));
        }
        if (x.isCompact() && y.isCompact()) {
            return backend.dot(x.rows() * x.cols(), x.data(), x.offset(), 1, y.data(), y.offset(), 1);
        }
        double sum = 0.0;
        for (int j = 0; j < x.cols(); j++) {
            sum += backend.dot(x.rows(), x.data(), x.offset() + j * x.ld(), 1, y.data(), y.offset() + j * y.ld(), 1);
        }
        return sum;
    }

    /**
     * Euclidean (for a matrix, Frobenius) norm on the active backend.
     *
     * @param x the vector or matrix; not modified
     * @return \(\|x\|_2\) or \(\|X\|_F\)
     * @throws NullPointerException if {@code x} is null
     */
    public static double nrm2(DenseMatrix x) {
        return nrm2(Backends.active(), x);
    }

    /**
     * Euclidean norm \(\|x\|_2\) of a vector, or Frobenius norm \(\|X\|_F = (\sum_{ij}
     * x_{ij}^2)^{1/2}\) of a matrix, computed without overflow or harmful underflow for any finite
     * input.
     *
     * @param backend the kernels to use
     * @param x       the vector or matrix; not modified
     * @return the norm; NaN if an entry is NaN, \(+\infty\) if an entry is infinite and none is NaN
     * @throws NullPointerException if an argument is null
     */
    public static double nrm2(Backend backend, DenseMatrix x) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(x, "x");
        if (x.isVector()) {
            return backend.nrm2(length(x), x.data(), x.offset(), stride(x));
        }
        if (x.isCompact()) {
            return backend.nrm2(x.rows() * x.cols(), x.data(), x.offset(), 1);
        }
        // Combine column norms as a scaled sum of squares: ||X||_F = s * sqrt(sum (n_j / s)^2).
        double scale = 0.0;
        double ssq = 1.0;
        for (int j = 0; j < x.cols(); j++) {
            double nj = backend.nrm2(x.rows(), x.data(), x.offset() + j * x.ld(), 1);
            if (Double.isNaN(nj)) {
                return Double.NaN;
            }
            if (nj != 0.0) {
                if (scale < nj) {
                    ssq = 1.0 + ssq * (scale / nj) * (scale / nj);
                    scale = nj;
                } else {
                    ssq += (nj / scale) * (nj / scale);
                }
            }
        }
        return scale * Math.sqrt(ssq);
    }

    /**
     * \(X \leftarrow \alpha X\) on the active backend.
     *
     * @param alpha the scale; 0 sets every entry to zero
     * @param x     the vector or matrix; overwritten
     * @throws NullPointerException if {@code x} is null
     */
    public static void scal(double alpha, DenseMatrix x) {
        scal(Backends.active(), alpha, x);
    }

    /**
     * \(X \leftarrow \alpha X\), entry by entry.
     *
     * @param backend the kernels to use
     * @param alpha   the scale; 0 sets every entry to zero (NaN entries included)
     * @param x       the vector or matrix; overwritten
     * @throws NullPointerException if an argument is null
     */
    public static void scal(Backend backend, double alpha, DenseMatrix x) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(x, "x");
        if (x.isVector()) {
            backend.scal(length(x), alpha, x.data(), x.offset(), stride(x));
        } else if (x.isCompact()) {
            backend.scal(x.rows() * x.cols(), alpha, x.data(), x.offset(), 1);
        } else {
            for (int j = 0; j < x.cols(); j++) {
                backend.scal(x.rows(), alpha, x.data(), x.offset() + j * x.ld(), 1);
            }
        }
    }

    // ------------------------------------------------------------------ checks

    private static void checkTriangular(
            String op,
            Backend backend,
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            DenseMatrix a,
            DenseMatrix b) {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(triangle, "triangle");
        Objects.requireNonNull(transA, "transA");
        Objects.requireNonNull(diag, "diag");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        int order = side == Side.LEFT ? b.rows() : b.cols();
        if (a.rows() != order || a.cols() != order) {
            throw new DimensionMismatchException(op + ": a must be " + order + "x" + order + " to act on the " + side
                    + " of b " + b.shape() + ", got " + a.shape());
        }
        requireNoOverlap(op, "b", b, "a", a);
    }

    private static void requireConformable(String op, DenseMatrix x, DenseMatrix y) {
        Objects.requireNonNull(x, "x");
        Objects.requireNonNull(y, "y");
        boolean sameShape = x.rows() == y.rows() && x.cols() == y.cols();
        boolean sameLengthVectors = x.isVector() && y.isVector() && length(x) == length(y);
        if (!sameShape && !sameLengthVectors) {
            throw new DimensionMismatchException(op + ": x is " + x.shape() + " and y is " + y.shape()
                    + "; need equal shapes or vectors of equal length");
        }
    }

    private static void requireVectorOfLength(String op, String name, DenseMatrix v, int length) {
        if (!v.isVector() || length(v) != length) {
            throw new DimensionMismatchException(
                    op + ": " + name + " must be a vector of length " + length + ", got " + v.shape());
        }
    }

    /** Length of a vector-shaped matrix. */
    static int length(DenseMatrix v) {
        return v.rows() == 1 ? v.cols() : v.rows();
    }

    /** Distance between consecutive entries of a vector-shaped matrix. */
    static int stride(DenseMatrix v) {
        return v.rows() == 1 && v.cols() > 1 ? v.ld() : 1;
    }

    private static void requireNoOverlap(String op, String outName, DenseMatrix out, String inName, Matrix in) {
        if (in instanceof DenseMatrix d && out.overlaps(d)) {
            throw new IllegalArgumentException(op + ": output " + outName + " (" + out.shape()
                    + ") shares storage with input " + inName + " (" + d.shape() + ")");
        }
    }
}
