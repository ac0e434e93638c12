package dev.nla.attention;

import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.function.Supplier;

/** Shared inputs and helpers of the attention tests. */
public final class TestInputs {
    private TestInputs() {}

    /**
     * The spec's default test input: {@code LowRankQK(n, d, r = 32, beta)} with values N(0,1) + 1.
     *
     * @param n    tokens
     * @param d    dimension
     * @param beta logit standard deviation
     * @param seed seed
     * @return the input
     */
    public static AttentionInput lowRank(int n, int d, double beta, long seed) {
        return AttentionInputs.lowRankQK(n, d, Math.min(32, d), beta, RngState.seed(seed));
    }

    /**
     * A standard Gaussian matrix.
     *
     * @param rows rows
     * @param cols columns
     * @param seed seed
     * @return the matrix
     */
    public static DenseMatrix gaussian(int rows, int cols, long seed) {
        return RandomMatrices.gaussian(rows, cols, RngState.seed(seed)).value();
    }

    /**
     * Runs {@code work} with the given backend active, then restores the previous one.
     *
     * @param backend the backend
     * @param work    the work
     * @param <T>     the result type
     * @return the result of {@code work}
     */
    public static <T> T withBackend(Backend backend, Supplier<T> work) {
        Backend previous = Backends.active();
        Backends.setActive(backend);
        try {
            return work.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    /**
     * A Java backend with the given thread count: Vector API if available, else scalar.
     *
     * @param threads thread count
     * @return the backend
     */
    public static Backend javaBackend(int threads) {
        return Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads);
    }

    /**
     * \(\max_{ij} |x_{ij} - y_{ij}|\).
     *
     * @param x first
     * @param y second
     * @return the largest absolute difference
     */
    public static double maxAbsDiff(DenseMatrix x, DenseMatrix y) {
        double max = 0;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                max = Math.max(max, Math.abs(x.get(i, j) - y.get(i, j)));
            }
        }
        return max;
    }
}
