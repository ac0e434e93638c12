package dev.nla.sketch.estimate;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import java.util.Objects;

/** Validation and small kernels shared by the estimators. */
final class Estimators {
    private Estimators() {}

    /** Checks a square, non-empty operator and scans an explicit matrix behind it. */
    static void square(String method, LinearOperator a) {
        Objects.requireNonNull(a, "a");
        if (a.rows() != a.cols() || a.rows() == 0) {
            throw new DimensionMismatchException(
                    method + ": a must be square and non-empty, got " + a.rows() + "x" + a.cols());
        }
        a.matrix().ifPresent(m -> Require.allFinite("a", m));
    }

    /** Checks that the law is allowed for an estimator that is not exchangeable. */
    static void plainVectors(String method, TestVectors vectors) {
        Objects.requireNonNull(vectors, "vectors");
        if (vectors.exchangeableOnly()) {
            throw new IllegalArgumentException(method + ": test vectors " + vectors
                    + " are for XTrace and XNysTrace only; use SPHERE, RADEMACHER or GAUSSIAN");
        }
    }

    /** Requires {@code low <= matvecs <= high}, naming the estimator and \(n\). */
    static void budget(String method, int matvecs, long low, long high, int n, String rule) {
        if (matvecs < low || matvecs > high) {
            throw new IllegalArgumentException(method + ": matvecs must be in [" + low + ", " + high + "] for n = " + n
                    + " (" + rule + "), got " + matvecs);
        }
    }

    /** \(AX\) in a new matrix. */
    static DenseMatrix apply(LinearOperator a, DenseMatrix x) {
        DenseMatrix y = DenseMatrix.zeros(a.rows(), x.cols());
        a.apply(Transpose.NO_TRANSPOSE, x, y);
        return y;
    }

    /** \(A^{\mathsf T}X\) in a new matrix. */
    static DenseMatrix applyTranspose(LinearOperator a, DenseMatrix x) {
        DenseMatrix y = DenseMatrix.zeros(a.cols(), x.cols());
        a.apply(Transpose.TRANSPOSE, x, y);
        return y;
    }

    /** \(x_j^{\mathsf T}y_j\) for every column \(j\), summed in index order. */
    static double[] columnDots(DenseMatrix x, DenseMatrix y) {
        double[] d = new double[x.cols()];
        double[] xd = x.data();
        double[] yd = y.data();
        for (int j = 0; j < x.cols(); j++) {
            int xo = x.offset() + j * x.ld();
            int yo = y.offset() + j * y.ld();
            double s = 0;
            for (int i = 0; i < x.rows(); i++) {
                s += xd[xo + i] * yd[yo + i];
            }
            d[j] = s;
        }
        return d;
    }

    /** Columns {@code [0, a.cols())} then {@code [0, b.cols())} side by side, in a new matrix. */
    static DenseMatrix concat(DenseMatrix a, DenseMatrix b) {
        DenseMatrix c = DenseMatrix.zeros(a.rows(), a.cols() + b.cols());
        c.columns(0, a.cols()).copyFrom(a);
        c.columns(a.cols(), b.cols()).copyFrom(b);
        return c;
    }
}
