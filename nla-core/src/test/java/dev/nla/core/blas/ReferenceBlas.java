package dev.nla.core.blas;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * Naive reference twins of the kernels: textbook loops on {@link Matrix#get}, independent of every
 * backend. Slow on purpose; used only to check the fast kernels.
 */
final class ReferenceBlas {
    private ReferenceBlas() {}

    /** \(\operatorname{op}(A)\) as a new dense matrix. */
    static DenseMatrix op(Transpose t, Matrix a) {
        int m = t.isTranspose() ? a.cols() : a.rows();
        int n = t.isTranspose() ? a.rows() : a.cols();
        DenseMatrix r = DenseMatrix.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                r.set(i, j, t.isTranspose() ? a.get(j, i) : a.get(i, j));
            }
        }
        return r;
    }

    /** \(\alpha\,\operatorname{op}(A)\operatorname{op}(B) + \beta C\) (new matrix; C not read when β = 0). */
    static DenseMatrix gemm(Transpose ta, Transpose tb, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        DenseMatrix oa = op(ta, a);
        DenseMatrix ob = op(tb, b);
        int m = oa.rows();
        int k = oa.cols();
        int n = ob.cols();
        DenseMatrix r = DenseMatrix.zeros(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int p = 0; p < k; p++) {
                    s += oa.get(i, p) * ob.get(p, j);
                }
                double v = alpha == 0 ? 0 : alpha * s;
                r.set(i, j, beta == 0 ? v : v + beta * c.get(i, j));
            }
        }
        return r;
    }

    /** \(\operatorname{op}(A)\) of a triangular matrix with the other triangle zeroed, unit diagonal applied. */
    static DenseMatrix triangular(Triangle uplo, Transpose t, Diagonal d, Matrix a) {
        int n = a.rows();
        DenseMatrix tri = DenseMatrix.zeros(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                boolean in = uplo == Triangle.LOWER ? i >= j : i <= j;
                if (i == j && d == Diagonal.UNIT) {
                    tri.set(i, j, 1.0);
                } else if (in) {
                    tri.set(i, j, a.get(i, j));
                }
            }
        }
        return op(t, tri);
    }

    /** \(\alpha\,\operatorname{op}(A)B\) or \(\alpha B\operatorname{op}(A)\) for triangular A (new matrix). */
    static DenseMatrix trmm(Side side, Triangle uplo, Transpose t, Diagonal d, double alpha, Matrix a, Matrix b) {
        DenseMatrix tri = triangular(uplo, t, d, a);
        return side == Side.LEFT
                ? gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, tri, b, 0, b)
                : gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, alpha, b, tri, 0, b);
    }

    /** Inner product in index order. */
    static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            s += x[i] * y[i];
        }
        return s;
    }

    /** Euclidean norm by repeated {@link Math#hypot}: slow, never overflows, accurate to a few ulps. */
    static double nrm2(double[] x) {
        double r = 0;
        for (double v : x) {
            r = Math.hypot(r, v);
        }
        return r;
    }
}
