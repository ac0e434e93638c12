package dev.nla.tensor.tenalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.testing.TestMatrices;
import dev.nla.tensor.tensor.TuckerTensor;
import dev.nla.tensor.testing.TestTensors;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Kronecker} against the definition, and the Tucker unfolding identity. */
class KroneckerTest {
    @Test
    void explicitProductMatchesTheDefinition() {
        DenseMatrix a = TestMatrices.gaussian(2, 3, RngState.seed(1));
        DenseMatrix b = TestMatrices.gaussian(4, 1, RngState.seed(2));
        DenseMatrix c = TestMatrices.gaussian(3, 2, RngState.seed(3));
        DenseMatrix fast = Kronecker.product(a, b, c);
        DenseMatrix ref = ReferenceTensorAlgebra.kronecker(List.of(a, b, c));
        // products of three factors associated differently: within 2 gamma_3 relative
        for (int j = 0; j < ref.cols(); j++) {
            for (int i = 0; i < ref.rows(); i++) {
                assertThat(Math.abs(fast.get(i, j) - ref.get(i, j)))
                        .isLessThanOrEqualTo(4e-16 * 3 * Math.abs(ref.get(i, j)));
            }
        }
    }

    @Test
    void operatorMatchesTheExplicitProduct() {
        DenseMatrix a = TestMatrices.gaussian(2, 3, RngState.seed(4));
        DenseMatrix b = TestMatrices.gaussian(4, 5, RngState.seed(5));
        LinearOperator op = Kronecker.operator(a, b);
        DenseMatrix x = TestMatrices.gaussian(15, 2, RngState.seed(6));
        DenseMatrix k = Kronecker.product(a, b);
        assertThat(UnfoldingTest.maxAbsDiff(op.apply(x), Blas.multiply(k, x)))
                .isLessThanOrEqualTo(1e-13 * UnfoldingTest.maxAbsProduct(k, x));
    }

    @Test
    void tuckerUnfoldingIdentityHoldsInEveryMode() {
        // X_(k) = U_k G_(k) (U_d (x) ... (x) U_{k+1} (x) U_{k-1} (x) ... (x) U_1)^T
        TuckerTensor t = TestTensors.gaussianTucker(new int[] {4, 3, 5, 2}, new int[] {2, 3, 2, 2}, RngState.seed(7));
        var full = Reconstruction.full(t);
        for (int k = 0; k < 4; k++) {
            DenseMatrix rhs = Blas.multiply(
                    Blas.multiply(t.factor(k), Unfolding.unfold(t.core(), k)),
                    Kronecker.forUnfolding(t.factors(), k).transpose());
            assertThat(UnfoldingTest.maxAbsDiff(Unfolding.unfold(full, k), rhs))
                    .isLessThanOrEqualTo(1e-12 * UnfoldingTest.maxAbs(rhs));
        }
    }
}
