package dev.nla.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

/** The ratio helper: exact cases, known perturbations, and the compensation it exists for. */
class LapackRatiosTest {
    private static final double U = Tolerances.U;

    @Test
    void exactFactorizationHasResidualZero() {
        DenseMatrix f = DenseMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        DenseMatrix g = DenseMatrix.of(new double[][] {{1, -1}, {0, 2}});
        DenseMatrix a = DenseMatrix.of(new double[][] {{1, 3}, {3, 5}, {5, 7}});
        assertThat(LapackRatios.residualRatio(a, f, g)).isZero();
    }

    @Test
    void residualOfAKnownPerturbation() {
        // A - FG = e11 * delta exactly: ratio = delta / (max(m,n) u ||A||_F)
        DenseMatrix a = DenseMatrix.identity(4);
        DenseMatrix f = DenseMatrix.identity(4);
        DenseMatrix g = DenseMatrix.identity(4);
        g.set(0, 0, 1 - 64 * U);
        assertThat(LapackRatios.residualRatio(a, f, g)).isCloseTo(64 * U / (4 * U * 2), within(1e-12));
    }

    @Test
    void orthogonalityOfAnOrthogonalMatrixIsZero() {
        assertThat(LapackRatios.orthogonalityRatio(DenseMatrix.identity(7))).isZero();
    }

    @Test
    void orthogonalityIsNormalizedByTheNumberOfColumns() {
        // Q = [e1 * (1 + 8u), e2, e3] in R^{100 x 3}: Q^T Q - I = diag(16u + 64u^2, 0, 0) up to rounding
        DenseMatrix q = DenseMatrix.zeros(100, 3);
        q.set(0, 0, 1 + 8 * U);
        q.set(1, 1, 1);
        q.set(2, 2, 1);
        assertThat(LapackRatios.orthogonalityRatio(q)).isCloseTo(16.0 / 3, within(1e-6));
    }

    @Test
    void rowOrthogonalityLooksAtRows() {
        DenseMatrix q = DenseMatrix.zeros(2, 50);
        q.set(0, 3, 1);
        q.set(1, 7, 1 + 4 * U);
        assertThat(LapackRatios.rowOrthogonalityRatio(q)).isCloseTo(8.0 / 2, within(1e-6));
    }

    @Test
    void compensationRemovesTheTestsOwnRounding() {
        // F = G^T = constant 0.1 columns of length k: FG has entries k * 0.01, which a plain sum of
        // 0.1 * 0.1 products computes with a coherent error of about k u; A holds the exact value
        // rounded once, so the compensated residual is at most u |a| per entry.
        int k = 20000;
        DenseMatrix f = DenseMatrix.zeros(1, k);
        DenseMatrix g = DenseMatrix.zeros(k, 1);
        f.fill(0.1);
        g.fill(0.1);
        double exact = new java.math.BigDecimal(0.1)
                .multiply(new java.math.BigDecimal(0.1))
                .multiply(java.math.BigDecimal.valueOf(k))
                .doubleValue();
        DenseMatrix a = DenseMatrix.of(new double[][] {{exact}});
        assertThat(LapackRatios.residualRatio(a, f, g)).isLessThan(2.0);
        double plain = 0;
        for (int i = 0; i < k; i++) {
            plain += 0.1 * 0.1;
        }
        assertThat(Math.abs(plain - exact) / (U * exact))
                .as("the plain sum's error, in u")
                .isGreaterThan(100);
    }

    @Test
    void scaledEntriesGiveTheSameRatio() {
        DenseMatrix f = TestMatrices.gaussian(6, 4, RngState.seed(1));
        DenseMatrix g = TestMatrices.gaussian(4, 5, RngState.seed(2));
        DenseMatrix a = LapackRatios.product(f, g);
        a.add(2, 3, 1e-14);
        double base = LapackRatios.residualRatio(a, f, g);
        DenseMatrix big = a.copy();
        DenseMatrix fBig = f.copy();
        for (int j = 0; j < 5; j++) {
            for (int i = 0; i < 6; i++) {
                big.set(i, j, a.get(i, j) * 0x1.0p600);
            }
        }
        for (int j = 0; j < 4; j++) {
            for (int i = 0; i < 6; i++) {
                fBig.set(i, j, f.get(i, j) * 0x1.0p600);
            }
        }
        // scaling by a power of two is exact, so the ratio is unchanged
        assertThat(LapackRatios.residualRatio(big, fBig, g)).isCloseTo(base, within(1e-9 * base));
    }

    @Test
    void mismatchedShapesAreRejected() {
        assertThatThrownBy(() -> LapackRatios.residualRatio(
                        DenseMatrix.zeros(3, 3), DenseMatrix.zeros(3, 2), DenseMatrix.zeros(3, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3x2");
    }
}
