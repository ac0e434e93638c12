package dev.nla.core.decomp;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The contract every {@link LeastSquares} solver meets on full-rank problems. Problems are built
 * with a known solution: \(B = AX_0 + R_0\) with \(R_0 \perp \operatorname{range}(A)\), so \(X_0\)
 * is the least-squares solution and \(\|R_0 e_j\|\) the residual norms. The forward error of a
 * backward-stable solver is at most about \(\kappa u + \kappa^2 u \|r\|/(\|A\|\|x\|)\) [Higham
 * 2002, Thm 20.1]; with \(\kappa = 100\) that is below \(10^{-11}\), so the bound \(10^{-9}\) is
 * safe and still catches any unstable method.
 */
public abstract class LeastSquaresContract {
    /** The implementation under test. */
    protected abstract LeastSquares create();

    /** A problem with known solution {@code x0} and residual {@code r0}. */
    record Problem(DenseMatrix a, DenseMatrix b, DenseMatrix x0, DenseMatrix r0) {}

    static Problem overdetermined(int m, int n, int p, long seed) {
        DenseMatrix a = TestMatrices.withSingularValues(
                m, n, TestMatrices.exponentialDecay(n, n == 1 ? 1 : 100), RngState.seed(seed));
        DenseMatrix x0 = TestMatrices.gaussian(n, p, RngState.seed(seed + 1));
        // R0 = (I - QQ^T) G is orthogonal to range(A).
        DenseMatrix q = Decompositions.qr().decompose(a, QrMode.THIN).q();
        DenseMatrix g = TestMatrices.gaussian(m, p, RngState.seed(seed + 2));
        DenseMatrix qtg = LapackRatios.product(LapackRatios.transpose(q), g);
        DenseMatrix qqtg = LapackRatios.product(q, qtg);
        DenseMatrix r0 = DenseMatrix.zeros(m, p);
        DenseMatrix ax0 = LapackRatios.product(a, x0);
        DenseMatrix b = DenseMatrix.zeros(m, p);
        for (int j = 0; j < p; j++) {
            for (int i = 0; i < m; i++) {
                r0.set(i, j, g.get(i, j) - qqtg.get(i, j));
                b.set(i, j, ax0.get(i, j) + r0.get(i, j));
            }
        }
        return new Problem(a, b, x0, r0);
    }

    static double relativeError(DenseMatrix x, DenseMatrix x0) {
        double diff = 0;
        for (int j = 0; j < x.cols(); j++) {
            for (int i = 0; i < x.rows(); i++) {
                double d = x.get(i, j) - x0.get(i, j);
                diff += d * d;
            }
        }
        double norm = LapackRatios.frobenius(x0);
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff) / norm;
    }

    @ParameterizedTest(name = "{0}x{1}, {2} right-hand sides")
    @CsvSource({"50, 10, 1", "200, 37, 3", "600, 300, 2", "12, 12, 4", "1, 1, 1"})
    void overdeterminedSolutionIsAccurate(int m, int n, int p) {
        Problem pr = overdetermined(m, n, p, m * 7L + n);
        LeastSquaresResult result = create().solve(pr.a(), pr.b());
        assertThat(relativeError(result.solution(), pr.x0())).isLessThan(1e-9);
    }

    @ParameterizedTest(name = "{0}x{1}, {2} right-hand sides")
    @CsvSource({"50, 10, 1", "200, 37, 3", "12, 12, 4"})
    void residualNormsAreReported(int m, int n, int p) {
        Problem pr = overdetermined(m, n, p, m * 11L + n);
        LeastSquaresResult result = create().solve(pr.a(), pr.b());
        for (int j = 0; j < p; j++) {
            double expected = LapackRatios.frobenius(pr.r0().view(0, j, m, 1));
            // The computed residual norm is accurate to about u (||A|| ||x|| + ||b||).
            double scale = LapackRatios.frobenius(pr.b().view(0, j, m, 1));
            assertThat(result.residualNorms()[j]).isCloseTo(expected, within(1e-10 * scale));
        }
    }

    @Test
    void fullRankIsReported() {
        Problem pr = overdetermined(40, 9, 1, 5);
        assertThat(create().solve(pr.a(), pr.b()).rank()).isEqualTo(9);
    }

    @Test
    void inputsAreNotModified() {
        Problem pr = overdetermined(40, 9, 2, 6);
        DenseMatrix a = pr.a().copy();
        DenseMatrix b = pr.b().copy();
        create().solve(pr.a(), pr.b());
        assertThatMatrix(pr.a()).isBitwiseEqualTo(a);
        assertThatMatrix(pr.b()).isBitwiseEqualTo(b);
    }

    @Test
    void emptyRightHandSideGivesAnEmptySolution() {
        Problem pr = overdetermined(20, 5, 1, 7);
        LeastSquaresResult result = create().solve(pr.a(), DenseMatrix.zeros(20, 0));
        assertThat(new int[] {result.solution().rows(), result.solution().cols()})
                .containsExactly(5, 0);
    }

    @Test
    void mismatchedRowsAreRejected() {
        assertThatThrownBy(() -> create().solve(DenseMatrix.identity(4), DenseMatrix.zeros(5, 1)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("5x1");
    }

    @Test
    void nonFiniteRightHandSideIsRejectedWithItsPosition() {
        DenseMatrix b = DenseMatrix.columnVector(1, 2, Double.NaN);
        assertThatThrownBy(() -> create().solve(DenseMatrix.identity(3), b))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("(2, 0)");
    }
}
