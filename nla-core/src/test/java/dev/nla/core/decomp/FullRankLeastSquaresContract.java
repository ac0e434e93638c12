package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The extra contract of the full-rank solvers: minimum-norm solutions and rank checks. */
public abstract class FullRankLeastSquaresContract extends LeastSquaresContract {
    @ParameterizedTest(name = "{0}x{1}")
    @CsvSource({"10, 50", "37, 200", "1, 6"})
    void underdeterminedSolutionHasMinimumNorm(int m, int n) {
        DenseMatrix a = TestMatrices.withSingularValues(
                m, n, TestMatrices.exponentialDecay(m, m == 1 ? 1 : 100), RngState.seed(m + n));
        // x0 = A^T z lies in range(A^T), so it is the minimum-norm solution of A x = A x0.
        DenseMatrix x0 = LapackRatios.product(LapackRatios.transpose(a), TestMatrices.gaussian(m, 2, RngState.seed(2)));
        DenseMatrix b = LapackRatios.product(a, x0);
        assertThat(relativeError(create().solve(a, b).solution(), x0)).isLessThan(1e-9);
    }

    @Test
    void rankDeficientMatrixIsRejected() {
        double[] sigma = {1, 0.5, 0.1, 0, 0};
        DenseMatrix a = TestMatrices.withSingularValues(30, 5, sigma, RngState.seed(3));
        assertThatThrownBy(() -> create().solve(a, DenseMatrix.zeros(30, 1)))
                .isInstanceOf(SingularMatrixException.class)
                .hasMessageContaining("rank deficient");
    }

    @Test
    void exactlySingularMatrixIsRejected() {
        DenseMatrix a = DenseMatrix.zeros(6, 3);
        assertThatThrownBy(() -> create().solve(a, DenseMatrix.zeros(6, 1)))
                .isInstanceOf(SingularMatrixException.class);
    }
}
