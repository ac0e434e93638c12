package dev.nla.attention.approx;

import static dev.nla.attention.approx.KernelLowRankTesting.gaussian;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CosformerAttentionTest {
    private static final RngState SEED = RngState.seed(8_002);

    /**
     * The explicit form s_ij = relu(q_i).relu(k_j) cos(pi/2 (p_i - p'_j)/M), with 1-based positions
     * (queries shifted by m - n under a causal mask), entry by entry.
     */
    private static DenseMatrix leftProduct(DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask) {
        int n = q.rows();
        int m = k.rows();
        int big = Math.max(n, m);
        int shift = mask.isCausal() ? m - n : 0;
        return KernelLowRankTesting.leftProduct(
                n,
                m,
                (i, j) -> {
                    double acc = 0;
                    for (int l = 0; l < q.cols(); l++) {
                        acc += Math.max(q.get(i, l), 0) * Math.max(k.get(j, l), 0);
                    }
                    return acc * Math.cos(Math.PI / 2 * ((i + shift + 1) - (j + 1)) / big);
                },
                v,
                mask,
                0.0,
                CosformerAttention.EPSILON);
    }

    // Spec test 3 (the cosFormer repository's own check): right product = left product to 1e-10.
    @ParameterizedTest(name = "causal = {0}")
    @ValueSource(booleans = {false, true})
    void rightProductEqualsLeftProduct(boolean causal) {
        int n = 300;
        DenseMatrix q = gaussian(n, 16, 1.0, 0.2, SEED.split(0));
        DenseMatrix k = gaussian(n, 16, 1.0, 0.2, SEED.split(1));
        DenseMatrix v = gaussian(n, 8, 1.0, 1.0, SEED.split(2));
        AttentionMask mask = causal ? AttentionMask.causal() : AttentionMask.NONE;
        DenseMatrix fast = new CosformerAttention().compute(q, k, v, mask);
        assertThat(KernelLowRankTesting.relativeError(fast, leftProduct(q, k, v, mask)))
                .isLessThanOrEqualTo(1e-10);
    }

    @Test
    void crossAttentionWithDifferentLengthsMatchesTheLeftProduct() {
        DenseMatrix q = gaussian(90, 8, 1.0, 0.2, SEED.split(3));
        DenseMatrix k = gaussian(140, 8, 1.0, 0.2, SEED.split(4));
        DenseMatrix v = gaussian(140, 4, 1.0, 1.0, SEED.split(5));
        for (AttentionMask mask : new AttentionMask[] {AttentionMask.NONE, AttentionMask.causal()}) {
            DenseMatrix fast = new CosformerAttention().compute(q, k, v, mask);
            assertThat(KernelLowRankTesting.relativeError(fast, leftProduct(q, k, v, mask)))
                    .as("%s", mask)
                    .isLessThanOrEqualTo(1e-10);
        }
    }

    @Test
    void positionReweightingMatters() {
        // Without the cos weights the method would be ReLU linear attention; the outputs must differ.
        int n = 200;
        DenseMatrix q = gaussian(n, 8, 1.0, 0.2, SEED.split(6));
        DenseMatrix k = gaussian(n, 8, 1.0, 0.2, SEED.split(7));
        DenseMatrix v = gaussian(n, 4, 1.0, 1.0, SEED.split(8));
        DenseMatrix cos = new CosformerAttention().compute(q, k, v);
        DenseMatrix plain = KernelLowRankTesting.leftProduct(
                n,
                n,
                (i, j) -> {
                    double acc = 0;
                    for (int l = 0; l < q.cols(); l++) {
                        acc += Math.max(q.get(i, l), 0) * Math.max(k.get(j, l), 0);
                    }
                    return acc;
                },
                v,
                AttentionMask.NONE,
                0.0,
                CosformerAttention.EPSILON);
        assertThat(KernelLowRankTesting.relativeError(cos, plain)).isGreaterThan(1e-3);
    }

    @Test
    void isCausal() {
        int n = 130;
        KernelLowRankTesting.assertCausal(
                new CosformerAttention(),
                gaussian(n, 8, 1.0, 0.2, SEED.split(9)),
                gaussian(n, 8, 1.0, 0.2, SEED.split(10)),
                gaussian(n, 4, 1.0, 1.0, SEED.split(11)),
                12);
    }

    @Test
    void isRegistered() {
        assertThat(AttentionMethods.find("cosformer")).isPresent();
    }
}
