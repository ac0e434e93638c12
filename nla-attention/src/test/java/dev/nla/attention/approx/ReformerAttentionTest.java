package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ReformerAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** Naive argmax of [x R, -x R] for every row. */
    private static int[] buckets(DenseMatrix x, DenseMatrix r) {
        int[] b = new int[x.rows()];
        int half = r.cols();
        for (int i = 0; i < x.rows(); i++) {
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 2 * half; c++) {
                double dot = 0;
                for (int l = 0; l < x.cols(); l++) {
                    dot += x.get(i, l) * r.get(l, c % half);
                }
                double y = c < half ? dot : -dot;
                if (y > best) {
                    best = y;
                    b[i] = c;
                }
            }
        }
        return b;
    }

    /** The twin: for each round, chunks of the query (bucket, position) order; union of own + previous. */
    private static DenseMatrix twin(AttentionInput in, int c, int rounds, int buckets, RngState state, boolean causal) {
        int n = in.n();
        int chunks = (n + c - 1) / c;
        boolean[][] seen = new boolean[n][n];
        for (int r = 0; r < rounds; r++) {
            DenseMatrix proj =
                    RandomMatrices.gaussian(16, buckets / 2, state.split(r)).value();
            int[] qb = buckets(in.q(), proj);
            int[] kb = buckets(in.k(), proj);
            long[] qKey = new long[n];
            Long[] sorted = new Long[n];
            for (int i = 0; i < n; i++) {
                qKey[i] = (long) qb[i] * n + i;
                sorted[i] = qKey[i];
            }
            Arrays.sort(sorted);
            int[] qChunk = new int[n];
            long[] boundary = new long[chunks];
            for (int t = 0; t < chunks; t++) {
                int a = (int) ((long) t * n / chunks);
                int e = (int) ((long) (t + 1) * n / chunks);
                boundary[t] = sorted[a];
                for (int p = a; p < e; p++) {
                    qChunk[(int) (sorted[p] % n)] = t;
                }
            }
            for (int j = 0; j < n; j++) {
                long key = (long) kb[j] * n + j;
                int kc = 0;
                for (int t = 0; t < chunks; t++) {
                    if (boundary[t] <= key) {
                        kc = t;
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (kc == qChunk[i] || kc == qChunk[i] - 1) {
                        seen[i][j] = true;
                    }
                }
            }
        }
        boolean[] empty = new boolean[n];
        for (int i = 0; i < n; i++) {
            empty[i] = true;
            for (int j = 0; j < n; j++) {
                empty[i] &= !(seen[i][j] && !(causal && j > i));
            }
        }
        // A query whose union has no visible key attends to its own token (the anchor).
        return ApproxTesting.weighted(
                in.q(),
                in.k(),
                in.v(),
                SCALE,
                (i, j) -> empty[i] ? (j == i ? 1.0 : 0.0) : seen[i][j] && !(causal && j > i) ? 1.0 : 0.0);
    }

    @Test
    void matchesTwinWithoutMask() {
        AttentionInput in = ApproxTesting.lowRank(250, 16, 1.0, 31);
        ReformerAttention method =
                new ReformerAttention(ReformerOptions.of(20).withRounds(3).withBuckets(8), RngState.seed(1));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 20, 3, 8, RngState.seed(1), false)))
                .isLessThan(1e-12);
    }

    @Test
    void matchesTwinCausal() {
        AttentionInput in = ApproxTesting.lowRank(250, 16, 1.0, 32);
        ReformerAttention method = new ReformerAttention(ReformerOptions.of(16), RngState.seed(2));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        // auto buckets: 2 * ceil(250 / 32) = 16
        assertThat(ReferenceAttention.relativeError(out, twin(in, 16, 4, 16, RngState.seed(2), true)))
                .isLessThan(1e-12);
    }

    @Test
    void isCausal() {
        AttentionInput in = ApproxTesting.lowRank(200, 16, 1.0, 33);
        ReformerAttention method = new ReformerAttention(ReformerOptions.of(16), RngState.seed(3));
        assertThat(ApproxTesting.causalLeak(method, in, 34)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void rejectsChunkAboveN() {
        AttentionInput in = ApproxTesting.lowRank(40, 16, 1.0, 35);
        ReformerAttention method = new ReformerAttention(ReformerOptions.of(41), RngState.seed(4));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("c = 41")
                .hasMessageContaining("n = 40");
    }

    @Test
    void rejectsOddBuckets() {
        assertThatThrownBy(() -> ReformerOptions.of(8).withBuckets(5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5");
    }

    @Test
    void rejectsNonPositiveChunk() {
        assertThatThrownBy(() -> ReformerOptions.of(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chunkSize");
    }

    @Test
    void sameStateSameBitsForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 36);
        DenseMatrix one =
                ApproxTesting.withThreads(1, () -> new ReformerAttention(ReformerOptions.of(64), RngState.seed(5))
                        .compute(in.q(), in.k(), in.v()));
        DenseMatrix two =
                ApproxTesting.withThreads(2, () -> new ReformerAttention(ReformerOptions.of(64), RngState.seed(5))
                        .compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void moreRoundsAreMoreAccurate() {
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 2.0, 37);
        double one =
                ApproxTesting.error(new ReformerAttention(ReformerOptions.of(32).withRounds(1), RngState.seed(6)), in);
        double eight =
                ApproxTesting.error(new ReformerAttention(ReformerOptions.of(32).withRounds(8), RngState.seed(6)), in);
        assertThat(eight).isLessThan(one);
    }

    @Test
    void stateMatters() {
        AttentionInput in = ApproxTesting.lowRank(256, 16, 1.0, 38);
        DenseMatrix a = new ReformerAttention(ReformerOptions.of(16), RngState.seed(7)).compute(in.q(), in.k(), in.v());
        DenseMatrix b = new ReformerAttention(ReformerOptions.of(16), RngState.seed(8)).compute(in.q(), in.k(), in.v());
        assertThat(ApproxTesting.sameBits(a, b)).isFalse();
    }
}
