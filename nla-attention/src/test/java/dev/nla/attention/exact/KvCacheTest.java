package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.Scaling;
import dev.nla.attention.TestInputs;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.Test;

/** KV-cache decoding; tolerance as for dense attention (same sums, other grouping). */
class KvCacheTest {
    /** Spec test 2: decoding 256 tokens one at a time equals causal exact attention to 1e-12. */
    @Test
    void decodingEqualsCausalAttention() {
        AttentionInput in = TestInputs.lowRank(256, 64, 1.0, 21);
        DenseMatrix decoded = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        DenseMatrix causal = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(decoded, causal)).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void stepByStepEqualsDecode() {
        AttentionInput in = TestInputs.lowRank(40, 8, 1.0, 22);
        DenseMatrix decoded = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        KvCache cache = new KvCache(8, 8);
        for (int t = 0; t < 40; t++) {
            double[] o = cache.step(
                    in.q().row(t).toColumnMajorArray(),
                    in.k().row(t).toColumnMajorArray(),
                    in.v().row(t).toColumnMajorArray());
            assertThat(o).isEqualTo(decoded.row(t).toColumnMajorArray());
        }
        assertThat(cache.length()).isEqualTo(40);
    }

    @Test
    void attendWithoutAppendSeesTheWholeCache() {
        // A query after t tokens attends to all of them: one row of unmasked attention.
        AttentionInput in = TestInputs.lowRank(30, 8, 1.0, 23);
        KvCache cache = new KvCache(8, 8);
        for (int t = 0; t < 30; t++) {
            cache.append(in.k().row(t).toColumnMajorArray(), in.v().row(t).toColumnMajorArray());
        }
        double[] o = cache.attend(in.q().row(5).toColumnMajorArray());
        DenseMatrix full = DenseAttention.withDefaults().compute(in.q().view(5, 0, 1, 8), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(DenseMatrix.rowVector(o), full))
                .isLessThanOrEqualTo(1e-14);
    }

    @Test
    void cacheHoldsKeyPlusValueDimensionPerToken() {
        assertThat(new KvCache(64, 48).elementsPerToken()).isEqualTo(112);
    }

    @Test
    void scalingMatters() {
        AttentionInput in = TestInputs.lowRank(50, 8, 1.0, 24);
        DenseMatrix a = KvCache.decode(in.q(), in.k(), in.v(), Scaling.fixed(1.0));
        DenseMatrix ref = ReferenceAttention.compute(in.q(), in.k(), in.v(), AttentionMask.causal(), 1.0);
        DenseMatrix byDefault = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        assertThat(ReferenceAttention.relativeError(a, ref)).isLessThanOrEqualTo(1e-13);
        assertThat(ReferenceAttention.relativeError(a, byDefault)).isGreaterThan(1e-3);
    }

    @Test
    void attendOnAnEmptyCacheFails() {
        assertThatThrownBy(() -> new KvCache(4, 4).attend(new double[4]))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void wrongKeyLengthIsRejected() {
        assertThatThrownBy(() -> new KvCache(4, 3).append(new double[5], new double[3]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("d = 4")
                .hasMessageContaining("length 5");
    }

    @Test
    void wrongQueryLengthIsRejected() {
        KvCache cache = new KvCache(4, 3);
        cache.append(new double[4], new double[3]);
        assertThatThrownBy(() -> cache.attend(new double[2]))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("length 2");
    }

    @Test
    void nonFiniteValueIsRejected() {
        assertThatThrownBy(() -> new KvCache(2, 2).append(new double[2], new double[] {1, Double.NaN}))
                .isInstanceOf(NonFiniteValueException.class)
                .hasMessageContaining("v");
    }

    @Test
    void decodeNeedsOneQueryPerToken() {
        DenseMatrix q = TestInputs.gaussian(3, 4, 1);
        DenseMatrix k = TestInputs.gaussian(5, 4, 2);
        assertThatThrownBy(() -> KvCache.decode(q, k, k, Scaling.inverseSqrtDimension()))
                .isInstanceOf(DimensionMismatchException.class)
                .hasMessageContaining("Q has 3 rows, K has 5");
    }

    @Test
    void zeroDimensionsAreRejected() {
        assertThatThrownBy(() -> new KvCache(0, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("d must be positive, got 0");
    }
}
