package dev.nla.core.blas;

/**
 * The kernel service provider: BLAS-style routines on column-major arrays with offsets, leading
 * dimensions and increments.
 *
 * <p>Implementations do not validate their arguments: {@link Blas} checks shapes, bounds and
 * aliasing once and then calls the backend. Calling a backend directly with inconsistent arguments
 * has undefined results (an {@link ArrayIndexOutOfBoundsException} at best). Conventions, as in the
 * reference BLAS:
 *
 * <ul>
 *   <li>Matrix {@code a} with leading dimension {@code lda} has entry \(a_{ij}\) at {@code a[aOff +
 *       i + j * lda]}; {@code lda >= max(1, rows)}.
 *   <li>Vector {@code x} with increment {@code incx >= 1} has entry \(x_i\) at {@code x[xOff + i *
 *       incx]}. (Negative increments are not supported.)
 *   <li>When {@code beta == 0} the output is not read, so NaN or garbage in it does not propagate.
 *       When {@code alpha == 0} the inputs are not read.
 *   <li>Outputs must not overlap inputs.
 * </ul>
 *
 * <p>Implementations must be thread-safe, and their results must not depend on the number of
 * threads they use (each output entry is computed by the same sequence of floating-point
 * operations whatever the partition), so that results are reproducible across machines with
 * different core counts.
 */
public interface Backend {
    /**
     * A short name, e.g. {@code "vector"}, {@code "scalar"}, {@code "native"}.
     *
     * @return the backend's name
     */
    String name();

    /**
     * A one-line description of the implementation (vector species, thread count, native library).
     *
     * @return the description printed by {@code nla info}
     */
    String description();

    /**
     * The number of threads the level-3 kernels may use.
     *
     * @return at least 1
     */
    int threads();

    /**
     * General matrix product \(C \leftarrow \alpha\,\operatorname{op}(A)\operatorname{op}(B) + \beta
     * C\) with \(C\) of size \(m \times n\) and inner dimension \(k\).
     *
     * @param transA {@code op} applied to {@code a}
     * @param transB {@code op} applied to {@code b}
     * @param m      rows of \(C\)
     * @param n      columns of \(C\)
     * @param k      inner dimension
     * @param alpha  scale of the product
     * @param a      storage of \(A\) (\(m \times k\), or \(k \times m\) if transposed); not modified
     * @param aOff   offset of \(a_{00}\)
     * @param lda    leading dimension of \(A\)
     * @param b      storage of \(B\) (\(k \times n\), or \(n \times k\) if transposed); not modified
     * @param bOff   offset of \(b_{00}\)
     * @param ldb    leading dimension of \(B\)
     * @param beta   scale of the old \(C\); if 0, \(C\) is not read
     * @param c      storage of \(C\); overwritten
     * @param cOff   offset of \(c_{00}\)
     * @param ldc    leading dimension of \(C\)
     */
    void gemm(
            Transpose transA,
            Transpose transB,
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb,
            double beta,
            double[] c,
            int cOff,
            int ldc);

    /**
     * Matrix-vector product \(y \leftarrow \alpha\,\operatorname{op}(A)\,x + \beta y\) with \(A\) of
     * size \(m \times n\).
     *
     * @param transA {@code op} applied to {@code a}
     * @param m      rows of \(A\)
     * @param n      columns of \(A\)
     * @param alpha  scale of the product
     * @param a      storage of \(A\); not modified
     * @param aOff   offset of \(a_{00}\)
     * @param lda    leading dimension of \(A\)
     * @param x      storage of \(x\) (length \(n\), or \(m\) if transposed); not modified
     * @param xOff   offset of \(x_0\)
     * @param incx   increment of \(x\), {@code >= 1}
     * @param beta   scale of the old \(y\); if 0, \(y\) is not read
     * @param y      storage of \(y\) (length \(m\), or \(n\) if transposed); overwritten
     * @param yOff   offset of \(y_0\)
     * @param incy   increment of \(y\), {@code >= 1}
     */
    void gemv(
            Transpose transA,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] x,
            int xOff,
            int incx,
            double beta,
            double[] y,
            int yOff,
            int incy);

    /**
     * Rank-one update \(A \leftarrow \alpha x y^{\mathsf T} + A\) with \(A\) of size \(m \times n\).
     *
     * @param m     rows of \(A\), length of \(x\)
     * @param n     columns of \(A\), length of \(y\)
     * @param alpha scale of the outer product
     * @param x     storage of \(x\); not modified
     * @param xOff  offset of \(x_0\)
     * @param incx  increment of \(x\), {@code >= 1}
     * @param y     storage of \(y\); not modified
     * @param yOff  offset of \(y_0\)
     * @param incy  increment of \(y\), {@code >= 1}
     * @param a     storage of \(A\); overwritten
     * @param aOff  offset of \(a_{00}\)
     * @param lda   leading dimension of \(A\)
     */
    void ger(
            int m,
            int n,
            double alpha,
            double[] x,
            int xOff,
            int incx,
            double[] y,
            int yOff,
            int incy,
            double[] a,
            int aOff,
            int lda);

    /**
     * Symmetric matrix-vector product \(y \leftarrow \alpha A x + \beta y\), \(A\) symmetric of
     * order \(n\) with only its {@code triangle} read.
     *
     * @param triangle which triangle of \(A\) is stored
     * @param n        order of \(A\)
     * @param alpha    scale of the product
     * @param a        storage of \(A\); not modified
     * @param aOff     offset of \(a_{00}\)
     * @param lda      leading dimension of \(A\)
     * @param x        storage of \(x\); not modified
     * @param xOff     offset of \(x_0\)
     * @param incx     increment of \(x\), {@code >= 1}
     * @param beta     scale of the old \(y\); if 0, \(y\) is not read
     * @param y        storage of \(y\); overwritten
     * @param yOff     offset of \(y_0\)
     * @param incy     increment of \(y\), {@code >= 1}
     */
    void symv(
            Triangle triangle,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] x,
            int xOff,
            int incx,
            double beta,
            double[] y,
            int yOff,
            int incy);

    /**
     * Symmetric rank-\(2k\) update of one triangle: \(C \leftarrow \alpha(AB^{\mathsf T} +
     * BA^{\mathsf T}) + \beta C\) ({@code NO_TRANSPOSE}, \(A, B\) are \(n \times k\)) or \(C
     * \leftarrow \alpha(A^{\mathsf T}B + B^{\mathsf T}A) + \beta C\) ({@code TRANSPOSE}, \(A, B\)
     * are \(k \times n\)). Only the {@code triangle} of \(C\) is read and written.
     *
     * @param triangle which triangle of \(C\) is updated
     * @param trans    whether \(A\) and \(B\) are used as stored or transposed
     * @param n        order of \(C\)
     * @param k        inner dimension
     * @param alpha    scale of the products
     * @param a        storage of \(A\); not modified
     * @param aOff     offset of \(a_{00}\)
     * @param lda      leading dimension of \(A\)
     * @param b        storage of \(B\); not modified
     * @param bOff     offset of \(b_{00}\)
     * @param ldb      leading dimension of \(B\)
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        storage of \(C\); the {@code triangle} is overwritten, the other is untouched
     * @param cOff     offset of \(c_{00}\)
     * @param ldc      leading dimension of \(C\)
     */
    void syr2k(
            Triangle triangle,
            Transpose trans,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb,
            double beta,
            double[] c,
            int cOff,
            int ldc);

    /**
     * Symmetric rank-\(k\) update of one triangle: \(C \leftarrow \alpha AA^{\mathsf T} + \beta C\)
     * ({@code NO_TRANSPOSE}, \(A\) is \(n \times k\)) or \(C \leftarrow \alpha A^{\mathsf T}A + \beta
     * C\) ({@code TRANSPOSE}, \(A\) is \(k \times n\)). Only the {@code triangle} of \(C\) is read
     * and written.
     *
     * @param triangle which triangle of \(C\) is updated
     * @param trans    whether \(A\) is used as stored or transposed
     * @param n        order of \(C\)
     * @param k        inner dimension
     * @param alpha    scale of the product
     * @param a        storage of \(A\); not modified
     * @param aOff     offset of \(a_{00}\)
     * @param lda      leading dimension of \(A\)
     * @param beta     scale of the old triangle; if 0 it is not read
     * @param c        storage of \(C\); the {@code triangle} is overwritten, the other is untouched
     * @param cOff     offset of \(c_{00}\)
     * @param ldc      leading dimension of \(C\)
     */
    void syrk(
            Triangle triangle,
            Transpose trans,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double beta,
            double[] c,
            int cOff,
            int ldc);

    /**
     * Triangular solve with multiple right-hand sides: \(B \leftarrow \alpha\,\operatorname{op}(A)^{-1}
     * B\) ({@code LEFT}) or \(B \leftarrow \alpha B\,\operatorname{op}(A)^{-1}\) ({@code RIGHT}), \(B\)
     * of size \(m \times n\), \(A\) triangular of order \(m\) (left) or \(n\) (right). A zero on the
     * diagonal gives infinities or NaN, as in BLAS.
     *
     * @param side     side of \(A\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param m        rows of \(B\)
     * @param n        columns of \(B\)
     * @param alpha    scale of the right-hand side
     * @param a        storage of \(A\); only its triangle is read; not modified
     * @param aOff     offset of \(a_{00}\)
     * @param lda      leading dimension of \(A\)
     * @param b        storage of \(B\); overwritten with the solution
     * @param bOff     offset of \(b_{00}\)
     * @param ldb      leading dimension of \(B\)
     */
    void trsm(
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb);

    /**
     * Triangular matrix product: \(B \leftarrow \alpha\,\operatorname{op}(A)B\) ({@code LEFT}) or
     * \(B \leftarrow \alpha B\,\operatorname{op}(A)\) ({@code RIGHT}); arguments as in {@link
     * #trsm}.
     *
     * @param side     side of \(A\)
     * @param triangle which triangle of \(A\) is stored
     * @param transA   {@code op} applied to \(A\)
     * @param diag     whether \(A\) has a unit diagonal
     * @param m        rows of \(B\)
     * @param n        columns of \(B\)
     * @param alpha    scale of the product
     * @param a        storage of \(A\); only its triangle is read; not modified
     * @param aOff     offset of \(a_{00}\)
     * @param lda      leading dimension of \(A\)
     * @param b        storage of \(B\); overwritten with the product
     * @param bOff     offset of \(b_{00}\)
     * @param ldb      leading dimension of \(B\)
     */
    void trmm(
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb);

    /**
     * \(y \leftarrow \alpha x + y\) on \(n\) entries.
     *
     * @param n     number of entries
     * @param alpha scale of \(x\)
     * @param x     storage of \(x\); not modified
     * @param xOff  offset of \(x_0\)
     * @param incx  increment of \(x\), {@code >= 1}
     * @param y     storage of \(y\); overwritten
     * @param yOff  offset of \(y_0\)
     * @param incy  increment of \(y\), {@code >= 1}
     */
    void axpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy);

    /**
     * Inner product \(x^{\mathsf T} y = \sum_i x_i y_i\).
     *
     * @param n    number of entries
     * @param x    storage of \(x\); not modified
     * @param xOff offset of \(x_0\)
     * @param incx increment of \(x\), {@code >= 1}
     * @param y    storage of \(y\); not modified
     * @param yOff offset of \(y_0\)
     * @param incy increment of \(y\), {@code >= 1}
     * @return the inner product (0 for {@code n == 0})
     */
    double dot(int n, double[] x, int xOff, int incx, double[] y, int yOff, int incy);

    /**
     * Euclidean norm \(\|x\|_2\), computed without overflow or harmful underflow for any finite
     * input (scaled accumulation, as the reference {@code dnrm2}).
     *
     * @param n    number of entries
     * @param x    storage of \(x\); not modified
     * @param xOff offset of \(x_0\)
     * @param incx increment of \(x\), {@code >= 1}
     * @return the norm (0 for {@code n == 0}; NaN if an entry is NaN)
     */
    double nrm2(int n, double[] x, int xOff, int incx);

    /**
     * \(x \leftarrow \alpha x\).
     *
     * @param n     number of entries
     * @param alpha the scale; {@code alpha == 0} sets the entries to zero (NaN entries included)
     * @param x     storage of \(x\); overwritten
     * @param xOff  offset of \(x_0\)
     * @param incx  increment of \(x\), {@code >= 1}
     */
    void scal(int n, double alpha, double[] x, int xOff, int incx);
}
