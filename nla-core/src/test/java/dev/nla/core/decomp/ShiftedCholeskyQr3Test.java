package dev.nla.core.decomp;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.LapackRatios;
import dev.nla.core.testing.TestMatrices;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link CholeskyQr} contract on shifted CholeskyQR3, within \(\kappa \le 10^{12}\): its
 * domain is \(\kappa_2(A) \lesssim u^{-1}/\sqrt{11(mn + n(n+1))}\), above \(10^{12}\) for every
 * shape generated here (\(mn \le 3 \cdot 10^5\)).
 */
class ShiftedCholeskyQr3Test extends CholeskyQrContract {
    @Override
    protected CholeskyQr create() {
        return Decompositions.shiftedCholeskyQr3();
    }

    @Override
    protected double supportedCondition() {
        return 1e12;
    }

    @Test
    void succeedsWhereCholeskyQr2BreaksDown() {
        // The matrix of CholeskyQr2Test.conditionTenToTheTwelveBreaksDown.
        DenseMatrix a =
                TestMatrices.withSingularValues(300, 20, TestMatrices.exponentialDecay(20, 1e12), RngState.seed(9));
        QrResult qr = create().decompose(a);
        assertThat(Math.max(LapackRatios.residualRatio(a, qr.q(), qr.r()), LapackRatios.orthogonalityRatio(qr.q())))
                .isLessThan(THRESHOLD);
    }
}
