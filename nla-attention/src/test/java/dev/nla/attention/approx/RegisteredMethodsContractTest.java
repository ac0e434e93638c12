package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.UnsupportedMaskException;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of every registered method (iterating the registry, so methods added later are covered
 * automatically): spec test 9 (causality or refusal) and a finite result of the right shape.
 */
class RegisteredMethodsContractTest {
    private static final int N = 256;
    private static final int SIZE = 16;

    static Stream<AttentionMethod> methods() {
        return AttentionMethods.all().stream();
    }

    private static AttentionInput input() {
        return AttentionInputs.lowRankQK(N, 16, 8, 1.0, RngState.seed(909));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void causalMethodsAreCausalAndOthersRefuse(AttentionMethod method) {
        Attention a = method.create(SIZE, RngState.seed(31));
        AttentionInput in = input();
        assertThat(a.supportsCausal()).isEqualTo(method.supportsCausal());
        if (method.supportsCausal()) {
            KernelLowRankTesting.assertCausal(a, in.q(), in.k(), in.v(), 77);
        } else {
            assertThatThrownBy(() -> a.compute(in.q(), in.k(), in.v(), AttentionMask.causal()))
                    .isInstanceOf(UnsupportedMaskException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void returnsAFiniteResultOfTheRightShape(AttentionMethod method) {
        AttentionInput in = input();
        DenseMatrix out = method.create(SIZE, RngState.seed(32)).compute(in.q(), in.k(), in.v());
        assertThat(out.rows()).isEqualTo(N);
        assertThat(out.cols()).isEqualTo(in.v().cols());
        for (double x : out.toColumnMajorArray()) {
            assertThat(Double.isFinite(x)).isTrue();
        }
    }
}
