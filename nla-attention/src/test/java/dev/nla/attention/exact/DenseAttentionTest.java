package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.Scaling;
import dev.nla.attention.TestInputs;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.blas.Blas;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Dense exact attention against the naive reference twin. Tolerance 1e-13 relative: the two differ
 * only in the grouping of the \(d\)-term dot products (GEMM blocking), the \(m\)-term sums and the
 * 2-ulp exponential, each a few \(\gamma_{m}\) at most (\(m \le 400\)).
 */
class DenseAttentionTest {
    @ParameterizedTest(name = "n={0} m={1} d={2} dv={3}")
    @CsvSource({"1,1,1,1", "1,50,8,3", "37,5,3,9", "130,257,16,33", "200,200,64,64"})
    void equalsTheReferenceForAnyShape(int n, int m, int d, int dv) {
        DenseMatrix q = TestInputs.gaussian(n, d, 1);
        DenseMatrix k = TestInputs.gaussian(m, d, 2);
        DenseMatrix v = TestInputs.gaussian(m, dv, 3);
        DenseMatrix ref = ReferenceAttention.compute(q, k, v, AttentionMask.NONE, 1 / Math.sqrt(d));
        assertThat(ReferenceAttention.relativeError(
                        DenseAttention.withDefaults().compute(q, k, v), ref))
                .isLessThanOrEqualTo(1e-13);
    }

    @ParameterizedTest(name = "n={0} m={1}")
    @CsvSource({"1,1", "1,40", "40,40", "25,90"})
    void causalMaskIsAlignedBottomRight(int n, int m) {
        DenseMatrix q = TestInputs.gaussian(n, 8, 4);
        DenseMatrix k = TestInputs.gaussian(m, 8, 5);
        DenseMatrix v = TestInputs.gaussian(m, 4, 6);
        DenseMatrix ref = ReferenceAttention.compute(q, k, v, AttentionMask.causal(), 1 / Math.sqrt(8));
        DenseMatrix out = DenseAttention.withDefaults().compute(q, k, v, AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(out, ref)).isLessThanOrEqualTo(1e-13);
    }

    @Test
    void firstCausalRowIsTheFirstValue() {
        // n = m: query 0 sees key 0 only, so o_0 = v_0 exactly.
        AttentionInput in = TestInputs.lowRank(50, 16, 1.0, 7);
        DenseMatrix out = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(out.row(0).toColumnMajorArray()).isEqualTo(in.v().row(0).toColumnMajorArray());
    }

    @Test
    void paddedKeysDoNotContribute() {
        AttentionInput in = TestInputs.lowRank(120, 16, 1.0, 8);
        AttentionMask mask = AttentionMask.validLength(120, 70);
        DenseMatrix out = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), mask);
        DenseMatrix truncated = DenseAttention.withDefaults()
                .compute(in.q(), in.k().view(0, 0, 70, 16), in.v().view(0, 0, 70, 16));
        assertThat(ReferenceAttention.relativeError(out, truncated)).isLessThanOrEqualTo(1e-15);
    }

    @Test
    void scalingOptionMatters() {
        AttentionInput in = TestInputs.lowRank(100, 16, 1.0, 9);
        DenseMatrix byDefault = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        DenseMatrix fixed = DenseAttention.withScaling(Scaling.fixed(0.25)).compute(in.q(), in.k(), in.v());
        // 1/sqrt(16) = 0.25: the same factor, so the same bits.
        assertThat(TestInputs.maxAbsDiff(fixed, byDefault)).isZero();
        DenseMatrix sharper = DenseAttention.withScaling(Scaling.fixed(2.0)).compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(sharper, byDefault)).isGreaterThan(0.05);
    }

    @ParameterizedTest(name = "query block {0}")
    @CsvSource({"1", "7", "64", "1000"})
    void queryBlockChangesOnlyRounding(int block) {
        // With the Java kernels each row's operations do not depend on the rows around it, so the bits
        // are the same; native BLAS may group the dot products differently per tile height (rounding).
        AttentionInput in = TestInputs.lowRank(300, 32, 1.0, 10);
        DenseMatrix a = new DenseAttention(DenseAttentionOptions.defaults().withQueryBlock(block))
                .compute(in.q(), in.k(), in.v());
        DenseMatrix byDefault = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        assertThat(ReferenceAttention.relativeError(a, byDefault)).isLessThanOrEqualTo(1e-14);
    }

    @Test
    void attentionMatrixIsRowStochastic() {
        AttentionInput in = TestInputs.lowRank(90, 16, 2.0, 11);
        DenseMatrix a =
                DenseAttention.attentionMatrix(in.q(), in.k(), AttentionMask.causal(), Scaling.inverseSqrtDimension());
        for (int i = 0; i < 90; i++) {
            double sum = 0;
            for (int j = 0; j < 90; j++) {
                sum += a.get(i, j);
            }
            assertThat(sum).isCloseTo(1.0, within(1e-14));
        }
    }

    @Test
    void attentionMatrixTimesValuesIsTheOutput() {
        AttentionInput in = TestInputs.lowRank(90, 16, 2.0, 12);
        DenseMatrix a =
                DenseAttention.attentionMatrix(in.q(), in.k(), AttentionMask.causal(), Scaling.inverseSqrtDimension());
        DenseMatrix out = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        assertThat(ReferenceAttention.relativeError(Blas.multiply(a, in.v()), out))
                .isLessThanOrEqualTo(1e-14);
    }

    @Test
    void attentionMatrixHasExactZerosWhereMasked() {
        AttentionInput in = TestInputs.lowRank(30, 8, 1.0, 13);
        boolean[] keep = new boolean[30];
        Arrays.fill(keep, true);
        keep[4] = false;
        DenseMatrix a = DenseAttention.attentionMatrix(
                in.q(), in.k(), AttentionMask.keyPadding(keep).withCausal(), Scaling.inverseSqrtDimension());
        assertThat(a.get(10, 4)).isZero();
        assertThat(a.get(10, 11)).isZero();
        assertThat(a.get(10, 10)).isPositive();
    }

    @Test
    void attentionMatrixRefusesTooLargeSizesBeforeAllocating() {
        // 50000 x 50000 = 2.5e9 entries > Integer.MAX_VALUE - 8: thrown before any allocation.
        DenseMatrix q = DenseMatrix.zeros(50_000, 1);
        assertThatThrownBy(() -> DenseAttention.attentionMatrix(q, q, AttentionMask.NONE, Scaling.fixed(1)))
                .isInstanceOf(SizeLimitExceededException.class)
                .hasMessageContaining("2500000000");
    }

    @Test
    void largeLogitsDoNotOverflow() {
        // Scores of order 1e4: exp without the maximum subtracted would overflow to infinity.
        DenseMatrix q = TestInputs.gaussian(20, 4, 14);
        Blas.scal(100, q);
        DenseMatrix k = TestInputs.gaussian(20, 4, 15);
        Blas.scal(100, k);
        DenseMatrix v = TestInputs.gaussian(20, 3, 16);
        DenseMatrix out = DenseAttention.withDefaults().compute(q, k, v);
        for (double x : out.toColumnMajorArray()) {
            assertThat(x).isFinite();
        }
    }
}
