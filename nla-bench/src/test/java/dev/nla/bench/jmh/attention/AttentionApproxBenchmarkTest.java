package dev.nla.bench.jmh.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.AttentionMethods;
import dev.nla.bench.jmh.BenchSuites;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Param;

/** Every registered method runs in the benchmark at a smoke size; the parameter lists match the registry. */
class AttentionApproxBenchmarkTest {
    private AttentionApproxBenchmark bench;

    static List<String> methods() {
        return AttentionMethods.names();
    }

    @AfterEach
    void restore() {
        if (bench != null) {
            bench.tearDown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void runsEveryRegisteredMethod(String method) {
        Assumptions.assumeTrue(Implementation.VECTOR.available(), "the suite measures the vector backend");
        bench = new AttentionApproxBenchmark();
        bench.n = 256;
        bench.method = method;
        bench.size = 16;
        bench.threads = 2;
        bench.impl = "vector";
        bench.setUp();
        DenseMatrix out = bench.forward();
        assertThat(new int[] {out.rows(), out.cols()}).containsExactly(256, 64);
    }

    @Test
    void defaultMethodParametersAreRegisteredNames() throws Exception {
        String[] values = AttentionApproxBenchmark.class
                .getField("method")
                .getAnnotation(Param.class)
                .value();
        assertThat(AttentionMethods.names()).containsAll(Arrays.asList(values));
    }

    @Test
    void quickRunsCoverTheWholeRegistry() {
        assertThat(AttentionApproxBenchmark.TARGET.quickParams().get("method").split(","))
                .containsExactlyElementsOf(AttentionMethods.names());
    }

    @Test
    void suiteIsRegistered() {
        assertThat(BenchSuites.find("attention-approx")).isPresent();
    }
}
