package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.Scaling;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Test;

class SvdOracleAttentionTest {
    private static final RngState SEED = RngState.seed(8_006);

    private static DenseMatrix implied(SvdOracleAttention method, AttentionInput in) {
        return method.compute(in.q(), in.k(), DenseMatrix.identity(in.k().rows()));
    }

    // Eckart-Young: ||A - A_r||_F^2 = sum_{j > r} sigma_j^2, to rounding (backward-stable SVD:
    // errors of order n u ||A||_F, far below the 1e-8 relative tolerance on the tail).
    @Test
    void truncationErrorIsTheSingularValueTail() {
        AttentionInput in = AttentionInputs.lowRankQK(160, 16, 8, 1.0, SEED.split(0));
        int r = 12;
        DenseMatrix a =
                DenseAttention.attentionMatrix(in.q(), in.k(), AttentionMask.NONE, Scaling.inverseSqrtDimension());
        double[] sigma = Decompositions.svd().singularValues(a);
        double tail = 0;
        for (int j = r; j < sigma.length; j++) {
            tail += sigma[j] * sigma[j];
        }
        DenseMatrix ar = implied(new SvdOracleAttention(SvdOracleOptions.of(r), SEED), in);
        double err = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                double diff = a.get(i, j) - ar.get(i, j);
                err += diff * diff;
            }
        }
        assertThat(Math.abs(err - tail)).isLessThanOrEqualTo(1e-8 * tail);
    }

    @Test
    void fullRankReproducesExactAttention() {
        AttentionInput in = AttentionInputs.lowRankQK(100, 16, 8, 1.0, SEED.split(1));
        DenseMatrix oracle = new SvdOracleAttention(SvdOracleOptions.of(100), SEED).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        assertThat(KernelLowRankTesting.relativeError(oracle, exact)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void randomizedSvdIsWithinTenPercentOfTheExactOracle() {
        AttentionInput in = AttentionInputs.lowRankQK(512, 64, 32, 1.0, SEED.split(2));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        double best = KernelLowRankTesting.relativeError(
                new SvdOracleAttention(SvdOracleOptions.of(32), SEED).compute(in.q(), in.k(), in.v()), exact);
        double randomized = KernelLowRankTesting.relativeError(
                new SvdOracleAttention(
                                SvdOracleOptions.of(32).withMethod(SvdOracleOptions.Method.RANDOMIZED), SEED.split(3))
                        .compute(in.q(), in.k(), in.v()),
                exact);
        assertThat(randomized).isBetween(best * (1 - 1e-9), best * 1.1);
    }

    @Test
    void powerIterationsMatter() {
        AttentionInput in = AttentionInputs.lowRankQK(512, 64, 32, 2.0, SEED.split(4));
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        SvdOracleOptions rand = SvdOracleOptions.of(32).withMethod(SvdOracleOptions.Method.RANDOMIZED);
        double without = KernelLowRankTesting.relativeError(
                new SvdOracleAttention(rand.withPowerIterations(0).withOversampling(2), SEED.split(5))
                        .compute(in.q(), in.k(), in.v()),
                exact);
        double with = KernelLowRankTesting.relativeError(
                new SvdOracleAttention(rand.withPowerIterations(2).withOversampling(2), SEED.split(5))
                        .compute(in.q(), in.k(), in.v()),
                exact);
        assertThat(with).isLessThan(without);
    }

    @Test
    void randomizedIsDeterministicForAState() {
        AttentionInput in = AttentionInputs.lowRankQK(200, 16, 8, 1.0, SEED.split(6));
        SvdOracleOptions rand = SvdOracleOptions.of(10).withMethod(SvdOracleOptions.Method.RANDOMIZED);
        DenseMatrix a = new SvdOracleAttention(rand, SEED.split(7)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new SvdOracleAttention(rand, SEED.split(7)).compute(in.q(), in.k(), in.v());
        assertThat(a.toColumnMajorArray()).isEqualTo(b.toColumnMajorArray());
    }

    @Test
    void refusesCausalMasks() {
        AttentionInput in = AttentionInputs.lowRankQK(20, 4, 2, 1.0, SEED.split(8));
        assertThatThrownBy(() -> new SvdOracleAttention(SvdOracleOptions.of(4), SEED)
                        .compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class);
    }

    @Test
    void refusesMatricesAboveTheSizeLimitBeforeAllocating() {
        AttentionInput in = AttentionInputs.lowRankQK(100, 4, 2, 1.0, SEED.split(9));
        assertThatThrownBy(() -> new SvdOracleAttention(SvdOracleOptions.of(4).withMaxElements(9_999), SEED)
                        .compute(in.q(), in.k(), in.v()))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("10000");
    }

    @Test
    void rejectsRankAboveTheSize() {
        AttentionInput in = AttentionInputs.lowRankQK(20, 4, 2, 1.0, SEED.split(10));
        assertThatThrownBy(() -> new SvdOracleAttention(SvdOracleOptions.of(21), SEED).compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("r = 21")
                .hasMessageContaining("min(n, m) = 20");
        assertThatThrownBy(() -> SvdOracleOptions.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isRegistered() {
        assertThat(AttentionMethods.find("svd-oracle"))
                .hasValueSatisfying(m -> assertThat(m.supportsCausal()).isFalse());
    }
}
