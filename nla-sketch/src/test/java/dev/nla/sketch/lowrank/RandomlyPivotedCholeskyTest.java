package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.traceTail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RandomlyPivotedCholeskyTest {
    private static final int N = 100;
    /** \(\lambda_j = 10^{-8j/99}\): ratio 0.83; \(\eta_r = \operatorname{tr}(A - [\![A]\!]_r)/\operatorname{tr}A \approx 0.83^r\). */
    private static final double[] LAMBDA = TestMatrices.exponentialDecay(N, 1e8);

    private static PivotedCholeskyApproximation run(int k, int b, DenseMatrix a, long seed) {
        return new RandomlyPivotedCholesky(new RandomlyPivotedCholeskyOptions(k, b))
                .compute(SymmetricEntries.of(a), RngState.seed(seed))
                .value();
    }

    private static double trueTraceError(DenseMatrix a, PivotedCholeskyApproximation f) {
        DenseMatrix r = a.copy();
        Blas.axpy(-1.0, f.reconstruct(), r);
        double t = 0;
        for (int i = 0; i < r.rows(); i++) {
            t += r.get(i, i);
        }
        return t;
    }

    /**
     * [Chen et al. 2023, Thm 3.1]: with \(k \ge r/\varepsilon + r\log(1/(\varepsilon\eta))\) pivots,
     * \(\mathbb{E}\operatorname{tr}(A - \hat A) \le (1 + \varepsilon)\operatorname{tr}(A -
     * [\![A]\!]_r)\). Here \(r = 10\), \(\varepsilon = 1\): \(10 + 10\log(1/0.15) \approx 29 \le k =
     * 30\), so the median trace error is within twice the optimal rank-10 trace error.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void traceErrorIsWithinTheTheoremFactor(int blockSize) {
        double med = median(1, 11, seed -> {
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(LAMBDA, RngState.seed(seed));
            return run(30, blockSize, a, seed + 60).traceError();
        });
        assertThat(med).isLessThanOrEqualTo(2 * traceTail(LAMBDA, 10));
    }

    /** The reported trace error is the true one: \(\sum_i d_i = \operatorname{tr}(A - FF^{\mathsf T})\). */
    @ParameterizedTest
    @ValueSource(ints = {1, 7})
    void reportedTraceErrorIsExact(int blockSize) {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(LAMBDA, RngState.seed(3));
        PivotedCholeskyApproximation f = run(20, blockSize, a, 4);
        assertThat(f.traceError()).isCloseTo(trueTraceError(a, f), org.assertj.core.data.Offset.offset(1e-10));
    }

    /** \(FF^{\mathsf T}\) interpolates \(A\) on the pivot columns (the Nyström property). */
    @Test
    void approximationInterpolatesThePivotColumns() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(LAMBDA, RngState.seed(5));
        PivotedCholeskyApproximation f = run(10, 1, a, 6);
        DenseMatrix approx = f.reconstruct();
        int p = f.pivots()[3];
        assertThat(distance(approx.column(p), a.column(p))).isLessThan(1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100})
    void reproducesALowRankMatrixAndStopsEarly(int blockSize) {
        double[] lambda = new double[N];
        for (int i = 0; i < 4; i++) {
            lambda[i] = 4 - i;
        }
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(7));
        PivotedCholeskyApproximation f = run(10, blockSize, a, 8);
        assertThat(distance(a, f.reconstruct())).isLessThan(1e-8);
    }

    @Test
    void pivotsAreDistinct() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(LAMBDA, RngState.seed(9));
        PivotedCholeskyApproximation f = run(40, 100, a, 10);
        assertThat(Arrays.stream(f.pivots()).distinct().count()).isEqualTo(f.rank());
    }

    @Test
    void countsEntryEvaluations() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(LAMBDA, RngState.seed(11));
        assertThat(run(12, 1, a, 12).entryEvaluations()).isEqualTo(13L * N);
    }

    /** A kernel function gives the same result as its explicit matrix. */
    @Test
    void kernelInputMatchesTheExplicitMatrix() {
        double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = i / (double) N;
        }
        SymmetricEntries.Kernel gauss = (i, j) -> Math.exp(-(x[i] - x[j]) * (x[i] - x[j]) / 0.02);
        DenseMatrix a = DenseMatrix.zeros(N, N);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                a.set(i, j, gauss.entry(i, j));
            }
        }
        RandomlyPivotedCholesky alg = new RandomlyPivotedCholesky(RandomlyPivotedCholeskyOptions.sequential(15));
        PivotedCholeskyApproximation fromKernel = alg.compute(SymmetricEntries.fromKernel(N, gauss), RngState.seed(13))
                .value();
        PivotedCholeskyApproximation fromMatrix =
                alg.compute(SymmetricEntries.of(a), RngState.seed(13)).value();
        assertThat(fromKernel.pivots()).containsExactly(fromMatrix.pivots());
    }

    @Test
    void rejectsANegativeDiagonalEntry() {
        DenseMatrix a = TestMatrices.randomSpd(10, 10, RngState.seed(14));
        a.set(6, 6, -1.5);
        assertThatThrownBy(() -> run(3, 1, a, 1))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("a(6, 6) = -1.5");
    }

    /** \(\begin{pmatrix}1 & 2\\ 2 & 1\end{pmatrix}\) has a positive diagonal and eigenvalue \(-1\). */
    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void rejectsAnIndefiniteMatrixWithAPositiveDiagonal(int blockSize) {
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 2}, {2, 1}});
        assertThatThrownBy(() -> run(2, blockSize, a, 1))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("not positive semidefinite");
    }

    @Test
    void rejectsARankAboveTheOrder() {
        assertThatThrownBy(() -> run(5, 1, DenseMatrix.identity(4), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
    }

    @Test
    void optionsRejectAZeroBlockSize() {
        assertThatThrownBy(() -> new RandomlyPivotedCholeskyOptions(3, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("blockSize");
    }

    @Test
    void defaultBlockSizeIsOneHundred() {
        assertThat(RandomlyPivotedCholeskyOptions.of(10).blockSize()).isEqualTo(100);
    }
}
