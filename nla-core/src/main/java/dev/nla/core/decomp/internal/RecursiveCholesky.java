package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.Cholesky;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Recursive Cholesky factorization in pure Java on the {@link Blas} kernels [Gustavson 1997;
 * Ahmed and Pingali 2000]: with \(A = \begin{bmatrix} A_{11} & \\ A_{21} & A_{22}\end{bmatrix}\)
 * split in halves, factor \(A_{11} = L_{11}L_{11}^{\mathsf T}\), solve \(L_{21} = A_{21}L_{11}^{-
 * \mathsf T}\) ({@code trsm}), update \(A_{22} \leftarrow A_{22} - L_{21}L_{21}^{\mathsf T}\)
 * ({@code syrk}) and factor it. Blocks of at most {@value #LEAF} columns are factored column by
 * column. All but \(O(n \cdot \mathrm{leaf}^2)\) of the \(n^3/3\) flops are in level-3 kernels.
 */
public final class RecursiveCholesky implements Cholesky {
    /** Order below which the unblocked column algorithm runs. */
    static final int LEAF = 32;

    private final Backend backend;

    /** Creates the algorithm on the process-wide active backend (looked up at each call). */
    public RecursiveCholesky() {
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public RecursiveCholesky(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public CholeskyResult factor(Matrix a) {
        Objects.requireNonNull(a, "a");
        Checks.square("cholesky", "a", a);
        DenseMatrix l = lowerCopy(a);
        double norm = Checks.symmetricNormOne(l);
        factorLower(backend(), l, 0);
        return new CholeskyResult(l, norm);
    }

    @Override
    public DenseMatrix solve(CholeskyResult cholesky, Matrix b) {
        Objects.requireNonNull(cholesky, "cholesky");
        Objects.requireNonNull(b, "b");
        Checks.rows("solve", "b", b, cholesky.order());
        Require.allFinite("b", b);
        requireNonZeroDiagonal(cholesky.l());
        DenseMatrix x = Checks.copyOf(b);
        Backend be = backend();
        Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, cholesky.l(), x);
        Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, cholesky.l(), x);
        return x;
    }

    @Override
    public double reciprocalCondition(CholeskyResult cholesky) {
        Objects.requireNonNull(cholesky, "cholesky");
        int n = cholesky.order();
        if (n == 0) {
            return 1.0;
        }
        DenseMatrix l = cholesky.l();
        Backend be = backend();
        java.util.function.Consumer<double[]> solve = x -> {
            DenseMatrix v = DenseMatrix.wrap(n, 1, x);
            Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, l, v);
            Blas.trsm(be, Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, l, v);
        };
        return OneNormEstimator.reciprocal(n, cholesky.normOne(), OneNormEstimator.estimate(n, solve, solve));
    }

    /**
     * A compact copy of the lower triangle of the square {@code a} (zero above), checked for
     * non-finite entries.
     */
    static DenseMatrix lowerCopy(Matrix a) {
        int n = a.rows();
        DenseMatrix l = DenseMatrix.zeros(n, n);
        if (a instanceof DenseMatrix d) {
            Checks.finiteTriangle("a", d, Triangle.LOWER);
            for (int j = 0; j < n; j++) {
                System.arraycopy(d.data(), d.offset() + j + j * d.ld(), l.data(), j + j * n, n - j);
            }
        } else {
            DenseMatrix full = Checks.copyOf(a);
            Checks.finiteTriangle("a", full, Triangle.LOWER);
            for (int j = 0; j < n; j++) {
                System.arraycopy(full.data(), j + j * n, l.data(), j + j * n, n - j);
            }
        }
        return l;
    }

    /**
     * Factors the lower triangle of {@code a} in place (the strictly upper part is not touched).
     *
     * @param be     the kernels
     * @param a      square; its lower triangle is overwritten by \(L\)
     * @param offset global index of {@code a}'s first row, for the error message
     * @throws NotPositiveDefiniteException at the first non-positive pivot
     */
    static void factorLower(Backend be, DenseMatrix a, int offset) {
        int n = a.rows();
        if (n <= LEAF) {
            factorUnblocked(a, offset);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        DenseMatrix a11 = a.view(0, 0, n1, n1);
        DenseMatrix a21 = a.view(n1, 0, n2, n1);
        DenseMatrix a22 = a.view(n1, n1, n2, n2);
        factorLower(be, a11, offset);
        Blas.trsm(be, Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, a11, a21);
        Blas.syrk(be, Triangle.LOWER, Transpose.NO_TRANSPOSE, -1.0, a21, 1.0, a22);
        factorLower(be, a22, offset + n1);
    }

    private static void factorUnblocked(DenseMatrix a, int offset) {
        int n = a.rows();
        double[] d = a.data();
        int lda = a.ld();
        int base = a.offset();
        for (int j = 0; j < n; j++) {
            int cj = base + j * lda;
            double pivot = d[cj + j];
            if (!(pivot > 0)) {
                throw notPositiveDefinite(offset + j, pivot);
            }
            double ljj = Math.sqrt(pivot);
            d[cj + j] = ljj;
            double inv = 1.0 / ljj;
            for (int i = j + 1; i < n; i++) {
                d[cj + i] *= inv;
            }
            for (int k = j + 1; k < n; k++) {
                double f = d[cj + k];
                if (f != 0.0) {
                    int ck = base + k * lda;
                    for (int i = k; i < n; i++) {
                        d[ck + i] -= f * d[cj + i];
                    }
                }
            }
        }
    }

    static NotPositiveDefiniteException notPositiveDefinite(int index, double pivot) {
        return new NotPositiveDefiniteException("cholesky: the leading minor of order " + (index + 1)
                + " is not positive definite (pivot " + index + " is " + pivot + ")");
    }

    static void requireNonZeroDiagonal(DenseMatrix t) {
        for (int i = 0; i < t.rows(); i++) {
            if (t.get(i, i) == 0.0) {
                throw new SingularMatrixException(
                        "solve: the triangular factor has a zero diagonal entry at (" + i + ", " + i + ")");
            }
        }
    }
}
