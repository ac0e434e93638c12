package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.Scaling;
import dev.nla.attention.TestInputs;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Online-softmax attention against dense exact attention and against the naive reference.
 *
 * <p>Tolerance: both paths compute the same sums in different groupings; each output entry is a
 * convex combination of values, with relative rounding error bounded by a small multiple of
 * \((d + m/b_k + \log m)u\) for the scores, the rescalings and the sums. For \(d = 64\), \(m =
 * 1000\) that is below \(10^{-13}\); the spec's 1e-12 leaves an order of magnitude.
 */
class OnlineSoftmaxAttentionTest {
    private static AttentionInput input;
    private static final DenseMatrix[] DENSE = new DenseMatrix[2];

    @BeforeAll
    static void inputs() {
        input = TestInputs.lowRank(1000, 64, 1.0, 11);
        DENSE[0] = DenseAttention.withDefaults().compute(input.q(), input.k(), input.v(), AttentionMask.NONE);
        DENSE[1] = DenseAttention.withDefaults().compute(input.q(), input.k(), input.v(), AttentionMask.causal());
    }

    /** Spec test 1: any block size, n = 1000 (not a multiple of the block), d = 64, causal or not. */
    @ParameterizedTest(name = "block {0}, causal {1}")
    @CsvSource({"1,false", "1,true", "7,false", "7,true", "64,false", "64,true", "128,false", "128,true"})
    void equalsDenseForAnyBlockSize(int block, boolean causal) {
        AttentionMask mask = causal ? AttentionMask.causal() : AttentionMask.NONE;
        DenseMatrix online = OnlineSoftmaxAttention.withBlockSize(block).compute(input.q(), input.k(), input.v(), mask);
        assertThat(ReferenceAttention.relativeError(online, DENSE[causal ? 1 : 0]))
                .isLessThanOrEqualTo(1e-12);
    }

    @ParameterizedTest(name = "query block {0}, key block {1}")
    @CsvSource({"1,1000", "1000,1", "3,500", "999,7", "128,1001"})
    void unequalQueryAndKeyBlocksEqualDense(int queryBlock, int keyBlock) {
        OnlineSoftmaxAttention online = new OnlineSoftmaxAttention(
                OnlineSoftmaxOptions.defaults().withQueryBlock(queryBlock).withKeyBlock(keyBlock));
        DenseMatrix o = online.compute(input.q(), input.k(), input.v(), AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(o, DENSE[1])).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void denseEqualsTheNaiveReference() {
        DenseMatrix ref =
                ReferenceAttention.compute(input.q(), input.k(), input.v(), AttentionMask.NONE, 1 / Math.sqrt(64));
        assertThat(ReferenceAttention.relativeError(DENSE[0], ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void causalDenseEqualsTheNaiveReference() {
        DenseMatrix ref =
                ReferenceAttention.compute(input.q(), input.k(), input.v(), AttentionMask.causal(), 1 / Math.sqrt(64));
        assertThat(ReferenceAttention.relativeError(DENSE[1], ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void moreKeysThanQueriesWithCausalAndPadding() {
        // 300 queries are the last 300 of 700 positions; 100 scattered keys are padding.
        AttentionInput in = TestInputs.lowRank(700, 32, 2.0, 12);
        DenseMatrix q = in.q().view(400, 0, 300, 32);
        boolean[] keep = new boolean[700];
        Arrays.fill(keep, true);
        for (int j = 3; j < 700; j += 7) {
            keep[j] = false;
        }
        AttentionMask mask = AttentionMask.keyPadding(keep).withCausal();
        DenseMatrix ref = ReferenceAttention.compute(q, in.k(), in.v(), mask, 1 / Math.sqrt(32));
        DenseMatrix online = new OnlineSoftmaxAttention(
                        OnlineSoftmaxOptions.defaults().withBlockSize(48))
                .compute(q, in.k(), in.v(), mask);
        assertThat(ReferenceAttention.relativeError(online, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void whollyPaddedKeyBlocksAreSkippedCorrectly() {
        // Keys 100..299 padded: with key block 100, two whole blocks contribute nothing.
        AttentionInput in = TestInputs.lowRank(500, 16, 1.0, 13);
        boolean[] keep = new boolean[500];
        Arrays.fill(keep, true);
        Arrays.fill(keep, 100, 300, false);
        AttentionMask mask = AttentionMask.keyPadding(keep);
        DenseMatrix ref = ReferenceAttention.compute(in.q(), in.k(), in.v(), mask, 0.25);
        DenseMatrix online = new OnlineSoftmaxAttention(
                        OnlineSoftmaxOptions.defaults().withKeyBlock(100))
                .compute(in.q(), in.k(), in.v(), mask);
        assertThat(ReferenceAttention.relativeError(online, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void rowsWhoseKeysAllComeLaterInTheBlockOrderAreExact() {
        // Padding masks the first 150 keys: with causal n = m, rows 0..149 have no key and are
        // rejected, so take n < m: 100 queries aligned at the end of 400 keys, first 250 keys padded.
        // With key block 64 every query row starts with blocks where all its scores are masked.
        AttentionInput in = TestInputs.lowRank(400, 16, 1.0, 14);
        DenseMatrix q = in.q().view(300, 0, 100, 16);
        AttentionMask mask = AttentionMask.keyPadding(padFirst(400, 250)).withCausal();
        DenseMatrix ref = ReferenceAttention.compute(q, in.k(), in.v(), mask, 0.25);
        DenseMatrix online = new OnlineSoftmaxAttention(
                        OnlineSoftmaxOptions.defaults().withBlockSize(64))
                .compute(q, in.k(), in.v(), mask);
        assertThat(ReferenceAttention.relativeError(online, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void scalingOptionChangesTheResult() {
        DenseMatrix fixed = new OnlineSoftmaxAttention(
                        OnlineSoftmaxOptions.defaults().withScaling(Scaling.fixed(1.0)))
                .compute(input.q(), input.k(), input.v());
        DenseMatrix ref = ReferenceAttention.compute(input.q(), input.k(), input.v(), AttentionMask.NONE, 1.0);
        // s = 1 instead of 1/8 sharpens the softmax: far from the default output, equal to the reference.
        assertThat(ReferenceAttention.relativeError(fixed, DENSE[0])).isGreaterThan(0.1);
        assertThat(ReferenceAttention.relativeError(fixed, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void resultIsBitwiseIndependentOfTheThreadCount() {
        OnlineSoftmaxAttention att = OnlineSoftmaxAttention.withBlockSize(64);
        DenseMatrix one = TestInputs.withBackend(
                TestInputs.javaBackend(1), () -> att.compute(input.q(), input.k(), input.v(), AttentionMask.causal()));
        DenseMatrix three = TestInputs.withBackend(
                TestInputs.javaBackend(3), () -> att.compute(input.q(), input.k(), input.v(), AttentionMask.causal()));
        assertThat(TestInputs.maxAbsDiff(three, one)).isZero();
    }

    @Test
    void acceptsViews() {
        DenseMatrix q = input.q().view(10, 0, 50, 64);
        DenseMatrix o = OnlineSoftmaxAttention.withDefaults().compute(q, input.k(), input.v());
        DenseMatrix ref = ReferenceAttention.compute(q, input.k(), input.v(), AttentionMask.NONE, 0.125);
        assertThat(ReferenceAttention.relativeError(o, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void acceptsSparseInputs() {
        DenseMatrix q = input.q().view(0, 0, 50, 64);
        SparseMatrix sq = SparseMatrix.fromDense(q, SparseMatrix.Format.CSR);
        DenseMatrix fromSparse = OnlineSoftmaxAttention.withDefaults().compute(sq, input.k(), input.v());
        DenseMatrix fromDense = OnlineSoftmaxAttention.withDefaults().compute(q, input.k(), input.v());
        assertThat(TestInputs.maxAbsDiff(fromSparse, fromDense)).isZero();
    }

    private static boolean[] padFirst(int m, int padded) {
        boolean[] keep = new boolean[m];
        Arrays.fill(keep, padded, m, true);
        return keep;
    }
}
