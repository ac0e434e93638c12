package dev.nla.attention.exact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.Scaling;
import dev.nla.attention.TestInputs;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec test 9 (E5): for every registered method that claims causality, changing the keys and values
 * after position \(i\) leaves \(o_1 \dots o_i\) unchanged (to 1e-12; for the exact methods, bitwise);
 * methods that do not claim it refuse a causal mask.
 */
class CausalityTest {
    private static final int N = 200;
    private static final int[] CUTS = {0, 57, 128, 198};

    static Stream<AttentionMethod> methods() {
        return AttentionMethods.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void futureKeysAndValuesDoNotChangeThePast(AttentionMethod method) {
        Attention attention = method.create(64, RngState.seed(5));
        if (!attention.supportsCausal()) {
            return; // covered by nonCausalMethodsRefuseCausalMasks
        }
        AttentionInput in = TestInputs.lowRank(N, 32, 1.0, 31);
        DenseMatrix before = attention.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        double reached = 0.0;
        for (int cut : CUTS) {
            DenseMatrix k = in.k().copy();
            DenseMatrix v = in.v().copy();
            DenseMatrix noise = TestInputs.gaussian(N - cut - 1, 32, 100 + cut);
            k.view(cut + 1, 0, N - cut - 1, 32).copyFrom(noise);
            v.view(cut + 1, 0, N - cut - 1, 32).copyFrom(noise);
            DenseMatrix after = attention.compute(in.q(), k, v, AttentionMask.causal());
            double diff = TestInputs.maxAbsDiff(before.view(0, 0, cut + 1, 32), after.view(0, 0, cut + 1, 32));
            assertThat(diff).as("%s, rows 0..%d", method.name(), cut).isLessThanOrEqualTo(1e-12);
            reached = Math.max(reached, TestInputs.maxAbsDiff(before, after));
        }
        // ... and the change is visible after some cut, so the check can fail. (Not after every cut:
        // a sparse method such as top-k may ignore the one new key the last row sees.)
        assertThat(reached)
                .as("%s: largest change after the cuts", method.name())
                .isGreaterThan(1e-3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void nonCausalMethodsRefuseCausalMasks(AttentionMethod method) {
        Attention attention = method.create(64, RngState.seed(5));
        assertThat(attention.supportsCausal()).isEqualTo(method.supportsCausal());
        if (attention.supportsCausal()) {
            return;
        }
        AttentionInput in = TestInputs.lowRank(64, 8, 1.0, 32);
        assertThatThrownBy(() -> attention.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining(method.name());
    }

    @Test
    void theBaseClassRefusesCausalMasksForMethodsWithoutSupport() {
        AttentionMethod entry = new AttentionMethod(
                "value-mean",
                "a test method without causal support",
                AttentionMethod.Family.EXACT,
                false,
                false,
                AttentionMethod.NO_PARAMETER,
                (size, state) -> {
                    throw new UnsupportedOperationException("not registered");
                });
        Attention mean = new AbstractAttention(entry, Scaling.inverseSqrtDimension()) {
            @Override
            protected DenseMatrix computeValidated(
                    DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
                return DenseMatrix.zeros(q.rows(), v.cols());
            }
        };
        AttentionInput in = TestInputs.lowRank(16, 8, 1.0, 33);
        assertThatThrownBy(() -> mean.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                .isInstanceOf(UnsupportedMaskException.class)
                .hasMessageContaining("value-mean cannot honour a causal mask");
    }

    @Test
    void kvCacheDecodingIsCausal() {
        AttentionInput in = TestInputs.lowRank(N, 32, 1.0, 34);
        DenseMatrix before = KvCache.decode(in.q(), in.k(), in.v(), Scaling.inverseSqrtDimension());
        DenseMatrix k = in.k().copy();
        k.view(101, 0, N - 101, 32).copyFrom(TestInputs.gaussian(N - 101, 32, 35));
        DenseMatrix after = KvCache.decode(in.q(), k, in.v(), Scaling.inverseSqrtDimension());
        assertThat(TestInputs.maxAbsDiff(before.view(0, 0, 101, 32), after.view(0, 0, 101, 32)))
                .isZero();
        assertThat(TestInputs.maxAbsDiff(before, after)).isGreaterThan(1e-3);
    }
}
