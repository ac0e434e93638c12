package dev.nla.attention.approx;

import static dev.nla.attention.approx.KernelLowRankTesting.gaussian;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LinearAttentionTest {
    private static final RngState SEED = RngState.seed(8_001);

    private static double phi(double x) {
        return x > 0 ? x + 1 : Math.exp(x);
    }

    /** The explicit n x m form with phi = elu + 1, computed entry by entry. */
    private static DenseMatrix leftProduct(DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask) {
        return KernelLowRankTesting.leftProduct(
                q.rows(),
                k.rows(),
                (i, j) -> {
                    double acc = 0;
                    for (int l = 0; l < q.cols(); l++) {
                        acc += phi(q.get(i, l)) * phi(k.get(j, l));
                    }
                    return acc;
                },
                v,
                mask,
                LinearAttention.EPSILON,
                Double.NEGATIVE_INFINITY);
    }

    // Spec test 3: right product = left product to 1e-10 (both are sums of O(n d) positive terms:
    // the difference is rounding, gamma_{nd} ~ 1e-11 relative at n = 300, d = 16).
    @ParameterizedTest(name = "causal = {0}")
    @ValueSource(booleans = {false, true})
    void rightProductEqualsLeftProduct(boolean causal) {
        int n = 300;
        DenseMatrix q = gaussian(n, 16, 1.0, 0.0, SEED.split(0));
        DenseMatrix k = gaussian(n, 16, 1.0, 0.0, SEED.split(1));
        DenseMatrix v = gaussian(n, 8, 1.0, 1.0, SEED.split(2));
        AttentionMask mask = causal ? AttentionMask.causal() : AttentionMask.NONE;
        DenseMatrix fast = new LinearAttention().compute(q, k, v, mask);
        assertThat(KernelLowRankTesting.relativeError(fast, leftProduct(q, k, v, mask)))
                .isLessThanOrEqualTo(1e-10);
    }

    @Test
    void causalWithFewerQueriesThanKeysAlignsBottomRight() {
        DenseMatrix q = gaussian(70, 8, 1.0, 0.0, SEED.split(3));
        DenseMatrix k = gaussian(200, 8, 1.0, 0.0, SEED.split(4));
        DenseMatrix v = gaussian(200, 5, 1.0, 1.0, SEED.split(5));
        DenseMatrix fast = new LinearAttention().compute(q, k, v, AttentionMask.causal());
        assertThat(KernelLowRankTesting.relativeError(fast, leftProduct(q, k, v, AttentionMask.causal())))
                .isLessThanOrEqualTo(1e-10);
    }

    @Test
    void keyPaddingWithCausalMatchesTheMaskedLeftProduct() {
        int n = 150;
        DenseMatrix q = gaussian(n, 8, 1.0, 0.0, SEED.split(6));
        DenseMatrix k = gaussian(n, 8, 1.0, 0.0, SEED.split(7));
        DenseMatrix v = gaussian(n, 4, 1.0, 1.0, SEED.split(8));
        AttentionMask mask = KernelLowRankTesting.everyThirdPadded(n).withCausal();
        DenseMatrix fast = new LinearAttention().compute(q, k, v, mask);
        assertThat(KernelLowRankTesting.relativeError(fast, leftProduct(q, k, v, mask)))
                .isLessThanOrEqualTo(1e-10);
    }

    @Test
    void isCausal() {
        int n = 130;
        KernelLowRankTesting.assertCausal(
                new LinearAttention(),
                gaussian(n, 8, 1.0, 0.0, SEED.split(9)),
                gaussian(n, 8, 1.0, 0.0, SEED.split(10)),
                gaussian(n, 4, 1.0, 1.0, SEED.split(11)),
                11);
    }

    @Test
    void rejectsMismatchedShapes() {
        DenseMatrix q = DenseMatrix.zeros(4, 3);
        DenseMatrix k = DenseMatrix.zeros(4, 2);
        assertThatThrownBy(() -> new LinearAttention().compute(q, k, DenseMatrix.zeros(4, 2)))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("d = 3");
    }

    @Test
    void rejectsNonFiniteInput() {
        DenseMatrix q = DenseMatrix.zeros(4, 3);
        q.set(2, 1, Double.NaN);
        assertThatThrownBy(() -> new LinearAttention().compute(q, DenseMatrix.zeros(4, 3), DenseMatrix.zeros(4, 2)))
                .isInstanceOf(NonFiniteValueException.class);
    }

    @Test
    void isRegisteredAsCausalAndDeterministic() {
        assertThat(AttentionMethods.find("linear"))
                .hasValueSatisfying(
                        m -> assertThat(m.supportsCausal() && !m.randomized()).isTrue());
    }
}
