package dev.nla.sketch.testing;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.Arrays;
import java.util.function.LongToDoubleFunction;
import java.util.function.Supplier;

/** Shared helpers of the range-finder and low-rank tests: norms, tails, medians, threads. */
public final class LowRankTesting {
    private LowRankTesting() {}

    /** \(\|A - B\|_F\). */
    public static double distance(Matrix a, Matrix b) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double d = a.get(i, j) - b.get(i, j);
                s += d * d;
            }
        }
        return Math.sqrt(s);
    }

    /** \(\|A\|_F\). */
    public static double frobenius(Matrix a) {
        return distance(a, DenseMatrix.zeros(a.rows(), a.cols()));
    }

    /** \(\|A\|_2\) by the SVD of Hipparchus' oracle-free route: the largest singular value from nla-core. */
    public static double spectral(DenseMatrix a) {
        if (a.rows() == 0 || a.cols() == 0) {
            return 0;
        }
        return dev.nla.core.decomp.Decompositions.svd().singularValues(a)[0];
    }

    /** \((\sum_{j \ge k}\sigma_j^2)^{1/2}\) (0-based \(k\)): the optimal rank-\(k\) Frobenius error. */
    public static double tail(double[] sigma, int k) {
        double s = 0;
        for (int j = k; j < sigma.length; j++) {
            s += sigma[j] * sigma[j];
        }
        return Math.sqrt(s);
    }

    /** \(\sum_{j \ge k}\lambda_j\): the optimal rank-\(k\) trace-norm error of a PSD matrix. */
    public static double traceTail(double[] lambda, int k) {
        double s = 0;
        for (int j = k; j < lambda.length; j++) {
            s += lambda[j];
        }
        return s;
    }

    /** The median of {@code f(seed)} over seeds {@code first .. first + count - 1}. */
    public static double median(long first, int count, LongToDoubleFunction f) {
        double[] v = new double[count];
        for (int i = 0; i < count; i++) {
            v[i] = f.applyAsDouble(first + i);
        }
        Arrays.sort(v);
        return count % 2 == 1 ? v[count / 2] : 0.5 * (v[count / 2 - 1] + v[count / 2]);
    }

    /** \(\|Q^{\mathsf T}Q - I\|_F\). */
    public static double orthogonalityLoss(DenseMatrix q) {
        DenseMatrix g = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, q, q);
        return distance(g, DenseMatrix.identity(q.cols()));
    }

    /** A matrix with prescribed singular values (Haar factors from the seed). */
    public static DenseMatrix withSpectrum(int rows, int cols, double[] sigma, long seed) {
        return TestMatrices.withSingularValues(rows, cols, sigma, RngState.seed(seed));
    }

    /** A matrix-free operator for {@code a} (no {@link LinearOperator#matrix()}). */
    public static LinearOperator matrixFree(DenseMatrix a) {
        return LinearOperator.fromFunctions(
                a.rows(),
                a.cols(),
                (x, y) -> Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y),
                (x, y) -> Blas.gemm(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y));
    }

    /** Runs {@code body} with the active backend replaced by one with {@code threads} threads. */
    public static <T> T withThreads(int threads, Supplier<T> body) {
        Backend previous = Backends.active();
        Backend b = Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads);
        Backends.setActive(b);
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    /** Whether two matrices hold the same bits. */
    public static boolean bitwiseEqual(DenseMatrix a, DenseMatrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            return false;
        }
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                if (Double.doubleToRawLongBits(a.get(i, j)) != Double.doubleToRawLongBits(b.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
