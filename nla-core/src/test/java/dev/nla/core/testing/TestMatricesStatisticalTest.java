package dev.nla.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Distribution checks of {@link TestMatrices#haarOrthogonal}: moments of the Haar measure on
 * \(O(n)\) that a Householder \(Q\) without the sign correction violates. Tolerances are 6 standard
 * errors of the sample mean (fixed seeds, so the tests are deterministic).
 */
@Tag("statistical")
class TestMatricesStatisticalTest {
    private static final int N = 4;
    private static final int SAMPLES = 20_000;

    private static DenseMatrix[] haarSample(long seed) {
        RngState parent = RngState.seed(seed);
        DenseMatrix[] q = new DenseMatrix[SAMPLES];
        for (int s = 0; s < SAMPLES; s++) {
            q[s] = TestMatrices.haarOrthogonal(N, parent.split(s));
        }
        return q;
    }

    @Test
    void haarTraceHasMeanZero() {
        // For Haar Q on O(n): E q_ij = 0 and E q_ij q_kl = delta_ik delta_jl / n (invariance under
        // sign flips and permutations of rows and columns), so E tr Q = 0 and E (tr Q)^2 = 1.
        double sum = 0;
        for (DenseMatrix q : haarSample(1)) {
            for (int i = 0; i < N; i++) {
                sum += q.get(i, i);
            }
        }
        assertThat(sum / SAMPLES).isCloseTo(0.0, within(6 / Math.sqrt(SAMPLES)));
    }

    @Test
    void haarTraceHasUnitVariance() {
        double sum = 0;
        for (DenseMatrix q : haarSample(2)) {
            double tr = 0;
            for (int i = 0; i < N; i++) {
                tr += q.get(i, i);
            }
            sum += tr * tr;
        }
        // |tr Q| <= n, so Var((tr Q)^2) <= E (tr Q)^4 <= n^2 E (tr Q)^2 = n^2: a conservative error.
        assertThat(sum / SAMPLES).isCloseTo(1.0, within(6 * Math.sqrt((double) N * N / SAMPLES)));
    }

    @Test
    void haarEntrySquaredHasMeanOneOverN() {
        // q_00^2 ~ Beta(1/2, (n-1)/2): mean 1/n, variance 2(n-1) / (n^2 (n+2)).
        double sum = 0;
        for (DenseMatrix q : haarSample(3)) {
            sum += q.get(0, 0) * q.get(0, 0);
        }
        double variance = 2.0 * (N - 1) / (N * N * (N + 2.0));
        assertThat(sum / SAMPLES).isCloseTo(1.0 / N, within(6 * Math.sqrt(variance / SAMPLES)));
    }

    @Test
    void haarFirstEntryIsSymmetric() {
        // Without the sign correction Householder gives q_00 < 0 always; Haar gives E q_00 = 0 with
        // variance 1/n.
        double sum = 0;
        for (DenseMatrix q : haarSample(4)) {
            sum += q.get(0, 0);
        }
        assertThat(sum / SAMPLES).isCloseTo(0.0, within(6 * Math.sqrt(1.0 / N / SAMPLES)));
    }
}
