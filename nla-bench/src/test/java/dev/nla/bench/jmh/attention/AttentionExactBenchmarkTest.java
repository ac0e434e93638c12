package dev.nla.bench.jmh.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.matrix.DenseMatrix;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every method of the attention-exact benchmark runs at a small size and returns exact attention. */
class AttentionExactBenchmarkTest {
    private AttentionExactBenchmark bench;

    @AfterEach
    void restoreBackend() {
        if (bench != null) {
            bench.tearDown();
        }
    }

    private static AttentionExactBenchmark setUp(String method) {
        AttentionExactBenchmark b = new AttentionExactBenchmark();
        b.n = 96;
        b.method = method;
        b.threads = 2;
        b.impl = Implementation.VECTOR.available() ? "vector" : "scalar";
        return b;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dense", "online-softmax", "dense-causal", "online-softmax-causal", "kv-cache"})
    void methodComputesExactAttention(String method) {
        bench = setUp(method);
        bench.setUp();
        DenseMatrix out = bench.attention();
        // Rebuild the inputs through a second instance of the same state, then compare with dense.
        boolean causal = method.endsWith("causal") || method.equals("kv-cache");
        AttentionExactBenchmark ref = setUp("dense");
        ref.setUp();
        DenseMatrix expected = causal
                ? DenseAttention.withDefaults()
                        .compute(ref.inputs()[0], ref.inputs()[1], ref.inputs()[2], AttentionMask.causal())
                : ref.attention();
        double diff = 0;
        for (int j = 0; j < out.cols(); j++) {
            for (int i = 0; i < out.rows(); i++) {
                diff = Math.max(diff, Math.abs(out.get(i, j) - expected.get(i, j)));
            }
        }
        // Outputs are convex combinations of values of size ~4; 1e-12 absolute is ~1000 u.
        assertThat(diff).isLessThanOrEqualTo(1e-12);
    }

    @Test
    void unknownMethodIsRejected() {
        bench = setUp("sparse");
        assertThatThrownBy(bench::setUp)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sparse");
    }
}
