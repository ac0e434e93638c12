package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.LeverageSampling;
import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class KdeformerAttentionTest {
    private static final double SCALE = 1 / Math.sqrt(16);

    /** Rank in the Gray sequence of the sign pattern, found by search (the naive inverse). */
    static int[] grayRanks(DenseMatrix x, DenseMatrix r) {
        int bits = r.cols();
        int[] rank = new int[x.rows()];
        for (int i = 0; i < x.rows(); i++) {
            int code = 0;
            for (int b = 0; b < bits; b++) {
                double dot = 0;
                for (int l = 0; l < x.cols(); l++) {
                    dot += x.get(i, l) * r.get(l, b);
                }
                if (dot > 0) {
                    code |= 1 << b;
                }
            }
            for (int t = 0; t < 1 << bits; t++) {
                if ((t ^ (t >>> 1)) == code) {
                    rank[i] = t;
                }
            }
        }
        return rank;
    }

    /** Block of every index after sorting by (rank, index) and cutting into {@code blocks} blocks. */
    static int[] blocks(int[] rank, int blocks) {
        int len = rank.length;
        Integer[] idx = new Integer[len];
        for (int i = 0; i < len; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.<Integer>comparingInt(i -> rank[i]).thenComparingInt(i -> i));
        int[] block = new int[len];
        for (int t = 0; t < blocks; t++) {
            for (int p = (int) ((long) t * len / blocks); p < (int) ((long) (t + 1) * len / blocks); p++) {
                block[idx[p]] = t;
            }
        }
        return block;
    }

    private static DenseMatrix twin(AttentionInput in, int b, int s, int bits, RngState state) {
        int n = in.n();
        int m = in.k().rows();
        DenseMatrix proj = RandomMatrices.gaussian(16, bits, state.split(0)).value();
        int nb = (n + b - 1) / b;
        int[] qBlock = blocks(grayRanks(in.q(), proj), nb);
        int[] kBlock = blocks(grayRanks(in.k(), proj), nb);
        double norm2 = Decompositions.svd().decompose(in.v()).singularValues()[0];
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            double ss = 0;
            for (int c = 0; c < in.v().cols(); c++) {
                ss += in.v().get(j, c) * in.v().get(j, c);
            }
            p[j] = Math.sqrt(ss) / norm2 + 1.0 / m;
        }
        DenseMatrix sketch =
                LeverageSampling.of(s, p).sample(state.split(1)).value().toDense();
        double[] w = new double[m];
        for (int t = 0; t < s; t++) {
            for (int j = 0; j < m; j++) {
                w[j] += sketch.get(t, j) * sketch.get(t, j);
            }
        }
        return ApproxTesting.weighted(in.q(), in.k(), in.v(), SCALE, (i, j) -> qBlock[i] == kBlock[j] ? 1.0 : w[j]);
    }

    @Test
    void matchesTwin() {
        AttentionInput in = ApproxTesting.lowRank(230, 16, 1.0, 61);
        KdeformerAttention method =
                new KdeformerAttention(KdeformerOptions.of(32).withSamples(40).withHashBits(5), RngState.seed(1));
        DenseMatrix out = method.compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(out, twin(in, 32, 40, 5, RngState.seed(1))))
                .isLessThan(1e-12);
    }

    @Test
    void oneBlockIsExactAttention() {
        // b = n: a single heavy block holds every pair, the residual excludes them all.
        AttentionInput in = ApproxTesting.lowRank(90, 16, 1.0, 62);
        DenseMatrix out =
                new KdeformerAttention(KdeformerOptions.of(90), RngState.seed(2)).compute(in.q(), in.k(), in.v());
        DenseMatrix exact = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.NONE, SCALE);
        assertThat(ReferenceAttention.relativeError(out, exact)).isLessThan(1e-12);
    }

    @Test
    void refusesCausalMask() {
        AttentionInput in = ApproxTesting.lowRank(64, 16, 1.0, 63);
        KdeformerAttention method = new KdeformerAttention(KdeformerOptions.of(8), RngState.seed(3));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("kdeformer");
    }

    @Test
    void rejectsBlockAboveN() {
        AttentionInput in = ApproxTesting.lowRank(30, 16, 1.0, 64);
        KdeformerAttention method =
                new KdeformerAttention(KdeformerOptions.of(8).withBlockSize(31), RngState.seed(4));
        assertThatThrownBy(() -> method.compute(in.q(), in.k(), in.v()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("b = 31")
                .hasMessageContaining("n = 30");
    }

    @Test
    void rejectsHashBitsOutOfRange() {
        assertThatThrownBy(() -> KdeformerOptions.of(8).withHashBits(31))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31");
    }

    @Test
    void sameStateSameBitsForEveryThreadCount() {
        AttentionInput in = ApproxTesting.lowRank(1024, 64, 1.0, 65);
        DenseMatrix one =
                ApproxTesting.withThreads(1, () -> new KdeformerAttention(KdeformerOptions.of(64), RngState.seed(5))
                        .compute(in.q(), in.k(), in.v()));
        DenseMatrix two =
                ApproxTesting.withThreads(2, () -> new KdeformerAttention(KdeformerOptions.of(64), RngState.seed(5))
                        .compute(in.q(), in.k(), in.v()));
        assertThat(ApproxTesting.sameBits(one, two)).isTrue();
    }

    @Test
    void heavyBlocksBeatPureSamplingOnPeakedInput() {
        // The LSH blocks carry the large entries that sampling alone misses (beta = 4).
        AttentionInput in = ApproxTesting.lowRank(1024, 16, 4.0, 66);
        double[] kde = new double[5];
        double[] sampled = new double[5];
        for (int s = 0; s < 5; s++) {
            kde[s] = ApproxTesting.error(new KdeformerAttention(KdeformerOptions.of(128), RngState.seed(80 + s)), in);
            sampled[s] = ApproxTesting.error(new SamplingAttention(SamplingOptions.of(256), RngState.seed(80 + s)), in);
        }
        assertThat(ApproxTesting.median(kde)).isLessThan(ApproxTesting.median(sampled));
    }

    @Test
    void hashBitsMatter() {
        AttentionInput in = ApproxTesting.lowRank(256, 16, 1.0, 67);
        DenseMatrix a = new KdeformerAttention(KdeformerOptions.of(32).withHashBits(2), RngState.seed(9))
                .compute(in.q(), in.k(), in.v());
        DenseMatrix b = new KdeformerAttention(KdeformerOptions.of(32).withHashBits(12), RngState.seed(9))
                .compute(in.q(), in.k(), in.v());
        assertThat(ApproxTesting.sameBits(a, b)).isFalse();
    }
}
