package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The extra contract of the rank-revealing solvers: the basic solution of a rank-deficient
 * problem (at most \(r\) nonzero rows) solves a consistent system to backward-stable accuracy.
 */
public abstract class RankRevealingLeastSquaresContract extends LeastSquaresContract {
    static DenseMatrix rankDeficient(int m, int n, int r, long seed) {
        double[] sigma = new double[Math.min(m, n)];
        for (int i = 0; i < r; i++) {
            sigma[i] = Math.pow(10, -2.0 * i / Math.max(r, 1));
        }
        return TestMatrices.withSingularValues(m, n, sigma, RngState.seed(seed));
    }

    @ParameterizedTest(name = "{0}x{1} of rank {2}")
    @CsvSource({"60, 20, 8", "20, 60, 8", "100, 100, 99", "30, 30, 0"})
    void rankIsDetected(int m, int n, int r) {
        DenseMatrix a = rankDeficient(m, n, r, m + n + r);
        assertThat(create().solve(a, DenseMatrix.zeros(m, 1)).rank()).isEqualTo(r);
    }

    @ParameterizedTest(name = "{0}x{1} of rank {2}")
    @CsvSource({"60, 20, 8", "20, 60, 8", "100, 100, 99"})
    void basicSolutionSolvesAConsistentSystem(int m, int n, int r) {
        DenseMatrix a = rankDeficient(m, n, r, m * 3L + n);
        DenseMatrix b = LapackRatios.product(a, TestMatrices.gaussian(n, 2, RngState.seed(4)));
        DenseMatrix x = create().solve(a, b).solution();
        // Backward stable: ||b - A x|| <= c max(m,n) u (||A|| ||x|| + ||b||); 1e-12 is far above
        // that (about 1e-14 here) and far below an unsolved system.
        DenseMatrix ax = LapackRatios.product(a, x);
        double residual = 0;
        for (int j = 0; j < 2; j++) {
            for (int i = 0; i < m; i++) {
                double d = b.get(i, j) - ax.get(i, j);
                residual += d * d;
            }
        }
        double scale = LapackRatios.frobenius(a) * LapackRatios.frobenius(x) + LapackRatios.frobenius(b);
        assertThat(Math.sqrt(residual)).isLessThan(1e-12 * scale);
    }

    @Test
    void basicSolutionHasAtMostRankNonzeroRows() {
        DenseMatrix a = rankDeficient(50, 30, 6, 5);
        DenseMatrix x = create().solve(a, TestMatrices.gaussian(50, 3, RngState.seed(6)))
                .solution();
        int nonzero = 0;
        for (int i = 0; i < x.rows(); i++) {
            boolean any = false;
            for (int j = 0; j < x.cols(); j++) {
                any |= x.get(i, j) != 0.0;
            }
            nonzero += any ? 1 : 0;
        }
        assertThat(nonzero).isLessThanOrEqualTo(6);
    }

    @Test
    void zeroMatrixGivesTheZeroSolutionAndTheFullResidual() {
        DenseMatrix b = TestMatrices.gaussian(10, 1, RngState.seed(7));
        LeastSquaresResult result = create().solve(DenseMatrix.zeros(10, 4), b);
        assertThat(LapackRatios.frobenius(result.solution())).isZero();
        assertThat(result.residualNorms()[0])
                .isCloseTo(LapackRatios.frobenius(b), org.assertj.core.api.Assertions.within(1e-12));
    }
}
