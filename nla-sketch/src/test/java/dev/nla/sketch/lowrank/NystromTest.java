package dev.nla.sketch.lowrank;

import static dev.nla.sketch.testing.LowRankTesting.distance;
import static dev.nla.sketch.testing.LowRankTesting.median;
import static dev.nla.sketch.testing.LowRankTesting.traceTail;
import static dev.nla.sketch.testing.LowRankTesting.withThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.sketch.testing.LowRankTesting;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NystromTest {
    private static final int N = 100;

    private static LowRankEigen run(NystromOptions o, DenseMatrix a, long seed) {
        return new Nystrom(o).compute(a, RngState.seed(seed)).value();
    }

    /** \(\|A - \hat A\|_*\): the sum of the absolute eigenvalues of the symmetric residual. */
    private static double traceNormError(DenseMatrix a, LowRankEigen e) {
        DenseMatrix r = a.copy();
        Blas.axpy(-1.0, e.reconstruct(), r);
        DenseMatrix sym = DenseMatrix.zeros(N, N);
        for (int j = 0; j < N; j++) {
            for (int i = 0; i < N; i++) {
                sym.set(i, j, 0.5 * (r.get(i, j) + r.get(j, i)));
            }
        }
        return Arrays.stream(Decompositions.symmetricEigen().eigenvalues(sym, EigenOrder.DESCENDING))
                .map(Math::abs)
                .sum();
    }

    /**
     * [TYUC NeurIPS 2017, Thm 4.1]: \(\mathbb{E}\|A - [\![\hat A]\!]_r\|_* \le (1 + r/(k - r - 1))\,\|A -
     * [\![A]\!]_r\|_*\); here \(r = 10\), \(k = 20\), factor \(1 + 10/9\). Median over 11 seeds.
     */
    @ParameterizedTest
    @ValueSource(strings = {"polynomial", "exponential"})
    void traceNormErrorIsWithinTheTyucFactor(String decay) {
        double[] lambda = decay.equals("polynomial")
                ? TestMatrices.polynomialDecay(N, 1e4, 1.0)
                : TestMatrices.exponentialDecay(N, 1e12);
        int r = 10;
        double med = median(1, 11, seed -> {
            DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(seed));
            return traceNormError(a, run(NystromOptions.builder(r).build(), a, seed + 40));
        });
        assertThat(med).isLessThanOrEqualTo((1 + r / 9.0) * traceTail(lambda, r));
    }

    @Test
    void reproducesALowRankPsdMatrix() {
        double[] lambda = new double[N];
        for (int i = 0; i < 5; i++) {
            lambda[i] = 5 - i;
        }
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(3));
        LowRankEigen e = run(NystromOptions.builder(5).build(), a, 4);
        assertThat(distance(a, e.reconstruct())).isLessThan(1e-10);
    }

    /** The shift keeps Cholesky safe on an exactly singular (rank 5) Gram matrix \(\Omega^{\mathsf T}A\Omega\). */
    @Test
    void eigenvaluesAreNonNegativeAndDecreasing() {
        double[] lambda = TestMatrices.exponentialDecay(N, 1e14);
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(5));
        double[] l = run(NystromOptions.builder(15).build(), a, 6).eigenvalues();
        for (int i = 0; i < l.length; i++) {
            assertThat(l[i]).isGreaterThanOrEqualTo(0.0);
            if (i > 0) {
                assertThat(l[i]).isLessThanOrEqualTo(l[i - 1]);
            }
        }
    }

    @Test
    void rejectsANegativeDiagonalEntryNamingIt() {
        DenseMatrix a = TestMatrices.randomSpd(10, 10, RngState.seed(7));
        a.set(4, 4, -0.25);
        assertThatThrownBy(() -> run(NystromOptions.builder(3).build(), a, 1))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("a(4, 4) = -0.25");
    }

    /** An indefinite matrix with a positive diagonal is caught by the Cholesky factorization. */
    @Test
    void rejectsAnIndefiniteMatrixWithAPositiveDiagonal() {
        double[] lambda = new double[30];
        Arrays.fill(lambda, 1.0);
        lambda[29] = -5.0;
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(lambda, RngState.seed(8));
        double minDiagonal = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 30; i++) {
            minDiagonal = Math.min(minDiagonal, a.get(i, i));
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(minDiagonal > 0, "the diagonal must be positive");
        assertThatThrownBy(() -> run(NystromOptions.builder(29).oversampling(1).build(), a, 1))
                .isInstanceOf(NotPositiveDefiniteException.class)
                .hasMessageContaining("not positive semidefinite");
    }

    @Test
    void rejectsANonSymmetricMatrix() {
        DenseMatrix a = TestMatrices.randomSpd(8, 10, RngState.seed(9));
        a.set(0, 1, a.get(0, 1) + 1);
        assertThatThrownBy(() -> run(NystromOptions.builder(2).build(), a, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a(1, 0)");
    }

    @Test
    void sparseInputMatchesDense() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(TestMatrices.exponentialDecay(N, 1e6), RngState.seed(10));
        LowRankEigen d = run(NystromOptions.builder(8).build(), a, 11);
        LowRankEigen s = new Nystrom(NystromOptions.builder(8).build())
                .compute(SparseMatrix.fromDense(a, SparseMatrix.Format.CSR), RngState.seed(11))
                .value();
        assertThat(distance(d.reconstruct(), s.reconstruct())).isLessThan(1e-10);
    }

    @Test
    void matrixFreeInputMatchesDense() {
        DenseMatrix a = TestMatrices.symmetricWithEigenvalues(TestMatrices.exponentialDecay(N, 1e6), RngState.seed(12));
        LowRankEigen d = run(NystromOptions.builder(8).build(), a, 13);
        LowRankEigen f = new Nystrom(NystromOptions.builder(8).build())
                .compute(LowRankTesting.matrixFree(a), RngState.seed(13))
                .value();
        assertThat(distance(d.reconstruct(), f.reconstruct())).isLessThan(1e-10);
    }

    @Test
    void isOnePass() {
        DenseMatrix a = TestMatrices.randomSpd(30, 10, RngState.seed(14));
        assertThat(run(NystromOptions.builder(4).build(), a, 15).passes()).isEqualTo(1);
    }

    @Test
    void sameStateGivesBitwiseIdenticalResultsForOneAndTwoThreads() {
        DenseMatrix a =
                TestMatrices.symmetricWithEigenvalues(TestMatrices.exponentialDecay(300, 1e6), RngState.seed(16));
        Nystrom alg = new Nystrom(NystromOptions.builder(20).build());
        LowRankEigen one =
                withThreads(1, () -> alg.compute(a, RngState.seed(17)).value());
        LowRankEigen two =
                withThreads(2, () -> alg.compute(a, RngState.seed(17)).value());
        assertThat(LowRankTesting.bitwiseEqual(one.eigenvectors(), two.eigenvectors())
                        && Arrays.equals(one.eigenvalues(), two.eigenvalues()))
                .isTrue();
    }
}
