package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Same state, same bits, whatever the thread count": every registered method gives bitwise the same
 * output with the GEMM backend on one thread and on four threads (tests run sequentially, so swapping
 * the active backend is safe; it is restored afterwards).
 */
class ThreadCountDeterminismTest {
    static Stream<AttentionMethod> methods() {
        return AttentionMethods.all().stream();
    }

    private static Backend backend(int threads) {
        return Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads);
    }

    private static DenseMatrix run(AttentionMethod method, AttentionInput in, int threads) {
        Backend before = Backends.active();
        try {
            Backends.setActive(backend(threads));
            return method.create(64, RngState.seed(5)).compute(in.q(), in.k(), in.v());
        } finally {
            Backends.setActive(before);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void oneAndFourThreadsGiveTheSameBits(AttentionMethod method) {
        AttentionInput in = AttentionInputs.lowRankQK(768, 64, 32, 1.0, RngState.seed(77));
        DenseMatrix one = run(method, in, 1);
        DenseMatrix four = run(method, in, 4);
        assertThat(four.toColumnMajorArray()).isEqualTo(one.toColumnMajorArray());
    }
}
