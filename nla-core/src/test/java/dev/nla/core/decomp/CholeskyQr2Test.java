package dev.nla.core.decomp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/** Runs the {@link CholeskyQr} contract on CholeskyQR2, within its domain \(\kappa \le 10^6\). */
class CholeskyQr2Test extends CholeskyQrContract {
    @Override
    protected CholeskyQr create() {
        return Decompositions.choleskyQr2();
    }

    @Override
    protected double supportedCondition() {
        return 1e6;
    }

    @Test
    void conditionTenToTheTwelveBreaksDown() {
        // kappa^2 u = 1e24 * 1.1e-16 >> 1: the Gram matrix is numerically singular.
        DenseMatrix a =
                TestMatrices.withSingularValues(300, 20, TestMatrices.exponentialDecay(20, 1e12), RngState.seed(9));
        assertThatThrownBy(() -> create().decompose(a))
                .isInstanceOf(CholeskyQrBreakdownException.class)
                .hasMessageContaining("CholeskyQR2");
    }
}
