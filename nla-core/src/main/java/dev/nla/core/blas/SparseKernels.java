package dev.nla.core.blas;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;

/**
 * Sparse-times-dense and dense-times-sparse products for {@link Blas}. Arguments are validated by
 * the caller. Transposes of the sparse operand are free (CSR of \(A\) is CSC of \(A^{\mathsf T}\));
 * transposes of the dense operand are handled with strides.
 */
final class SparseKernels {
    private SparseKernels() {}

    /** \(C \leftarrow \alpha\,\operatorname{op}(S)\operatorname{op}(B) + \beta C\), \(S\) sparse. */
    static void sparseTimesDense(
            Transpose transA,
            Transpose transB,
            double alpha,
            SparseMatrix a,
            DenseMatrix b,
            double beta,
            DenseMatrix c) {
        SparseMatrix s = transA.isTranspose() ? a.transpose() : a;
        scaleOutput(beta, c);
        if (alpha == 0.0 || c.rows() == 0 || c.cols() == 0) {
            return;
        }
        double[] bd = b.data();
        int bOff = b.offset();
        int rowStride = transB.isTranspose() ? b.ld() : 1;
        int colStride = transB.isTranspose() ? 1 : b.ld();
        double[] cd = c.data();
        int[] ptr = s.pointers();
        int[] idx = s.indices();
        double[] val = s.values();
        int m = c.rows();
        int n = c.cols();
        if (s.format() == SparseMatrix.Format.CSR) {
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * colStride;
                int cj = c.offset() + j * c.ld();
                for (int i = 0; i < m; i++) {
                    double sum = 0.0;
                    for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                        sum += val[p] * bd[bj + idx[p] * rowStride];
                    }
                    cd[cj + i] += alpha * sum;
                }
            }
        } else {
            int k = s.cols();
            for (int j = 0; j < n; j++) {
                int bj = bOff + j * colStride;
                int cj = c.offset() + j * c.ld();
                for (int r = 0; r < k; r++) {
                    double br = alpha * bd[bj + r * rowStride];
                    for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                        cd[cj + idx[p]] += val[p] * br;
                    }
                }
            }
        }
    }

    /** \(C \leftarrow \alpha\,\operatorname{op}(A)\operatorname{op}(S) + \beta C\), \(S\) sparse. */
    static void denseTimesSparse(
            Transpose transA,
            Transpose transB,
            double alpha,
            DenseMatrix a,
            SparseMatrix b,
            double beta,
            DenseMatrix c) {
        SparseMatrix s = transB.isTranspose() ? b.transpose() : b;
        scaleOutput(beta, c);
        if (alpha == 0.0 || c.rows() == 0 || c.cols() == 0) {
            return;
        }
        double[] ad = a.data();
        int aOff = a.offset();
        int rowStride = transA.isTranspose() ? a.ld() : 1;
        int colStride = transA.isTranspose() ? 1 : a.ld();
        double[] cd = c.data();
        int[] ptr = s.pointers();
        int[] idx = s.indices();
        double[] val = s.values();
        int m = c.rows();
        if (s.format() == SparseMatrix.Format.CSC) {
            for (int j = 0; j < s.cols(); j++) {
                int cj = c.offset() + j * c.ld();
                for (int p = ptr[j]; p < ptr[j + 1]; p++) {
                    addScaledColumn(m, alpha * val[p], ad, aOff + idx[p] * colStride, rowStride, cd, cj);
                }
            }
        } else {
            for (int r = 0; r < s.rows(); r++) {
                int ar = aOff + r * colStride;
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    addScaledColumn(m, alpha * val[p], ad, ar, rowStride, cd, c.offset() + idx[p] * c.ld());
                }
            }
        }
    }

    /** \(y \leftarrow \alpha\,\operatorname{op}(S)\,x + \beta y\), \(S\) sparse, vectors strided. */
    static void sparseTimesVector(
            Transpose transA, double alpha, SparseMatrix a, DenseMatrix x, double beta, DenseMatrix y) {
        SparseMatrix s = transA.isTranspose() ? a.transpose() : a;
        double[] xd = x.data();
        int xOff = x.offset();
        int incx = Blas.stride(x);
        double[] yd = y.data();
        int yOff = y.offset();
        int incy = Blas.stride(y);
        int m = s.rows();
        for (int i = 0; i < m; i++) {
            int yi = yOff + i * incy;
            yd[yi] = beta == 0.0 ? 0.0 : beta * yd[yi];
        }
        if (alpha == 0.0) {
            return;
        }
        int[] ptr = s.pointers();
        int[] idx = s.indices();
        double[] val = s.values();
        if (s.format() == SparseMatrix.Format.CSR) {
            for (int i = 0; i < m; i++) {
                double sum = 0.0;
                for (int p = ptr[i]; p < ptr[i + 1]; p++) {
                    sum += val[p] * xd[xOff + idx[p] * incx];
                }
                yd[yOff + i * incy] += alpha * sum;
            }
        } else {
            for (int r = 0; r < s.cols(); r++) {
                double xr = alpha * xd[xOff + r * incx];
                for (int p = ptr[r]; p < ptr[r + 1]; p++) {
                    yd[yOff + idx[p] * incy] += val[p] * xr;
                }
            }
        }
    }

    private static void addScaledColumn(int m, double v, double[] a, int aStart, int aStride, double[] c, int cStart) {
        if (aStride == 1) {
            for (int i = 0; i < m; i++) {
                c[cStart + i] += v * a[aStart + i];
            }
        } else {
            for (int i = 0; i < m; i++) {
                c[cStart + i] += v * a[aStart + i * aStride];
            }
        }
    }

    private static void scaleOutput(double beta, DenseMatrix c) {
        if (beta == 0.0) {
            c.fill(0.0);
        } else if (beta != 1.0) {
            double[] cd = c.data();
            for (int j = 0; j < c.cols(); j++) {
                int cj = c.offset() + j * c.ld();
                for (int i = 0; i < c.rows(); i++) {
                    cd[cj + i] *= beta;
                }
            }
        }
    }
}
