package dev.nla.bench.jmh.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.jmh.Implementation;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.tenalg.TuckerNorms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every strategy of the tensor benchmarks runs at the smoke size and returns an accurate result. */
class TuckerBenchmarksTest {
    private TuckerSummationBenchmark bench;
    private TuckerScalingBenchmark scaling;

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (String s :
                List.of("formal-qr-rounding", "sketched", "sketched-sequential", "one-pass", "adaptive", "direct")) {
            for (Implementation i : List.of(Implementation.VECTOR, Implementation.SCALAR, Implementation.NATIVE)) {
                if (i.available()) {
                    cases.add(new Object[] {s, i.id()});
                }
            }
        }
        return cases;
    }

    private static String available() {
        return Implementation.VECTOR.available() ? "vector" : "scalar";
    }

    @AfterEach
    void restoreBackend() {
        if (bench != null) {
            bench.tearDown();
        }
        if (scaling != null) {
            scaling.tearDown();
        }
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void summationIsAccurateAtTheSmokeSize(String strategy, String impl) {
        bench = new TuckerSummationBenchmark();
        bench.shape = "tiny";
        bench.strategy = strategy;
        bench.threads = 2;
        bench.impl = impl;
        bench.setUp();
        SummationResult r = bench.sum();
        // the tiny input has exact multilinear rank 5 = t: every strategy recovers it to roundoff
        double err =
                TuckerNorms.distance(bench.input(), r.tensor()) / TuckerNorms.projectedNorm(bench.input(), 1 << 20);
        assertThat(err).isLessThanOrEqualTo(1e-10);
        assertThat(r.diagnostics().strategy()).isSameAs(SummationStrategy.byName(strategy));
    }

    @Test
    void consecutiveCallsAdvanceTheState() {
        bench = new TuckerSummationBenchmark();
        bench.shape = "tiny";
        bench.strategy = "sketched";
        bench.threads = 1;
        bench.impl = available();
        bench.setUp();
        assertThat(bench.sum().next()).isNotEqualTo(bench.sum().next());
    }

    @Test
    void scalingBenchmarkRunsAtTheSmokeSize() {
        scaling = new TuckerScalingBenchmark();
        scaling.n = 30;
        scaling.s = 8;
        scaling.strategy = "sketched";
        scaling.threads = 1;
        scaling.impl = available();
        scaling.setUp();
        assertThat(scaling.sum().tensor().ranks()).containsExactly(15, 15, 15);
    }

    @Test
    void casesHaveTheSpecSizes() {
        assertThat(TuckerSummationBenchmark.sizes("d3")).containsExactly(3, 200, 20, 10, 15);
        assertThat(TuckerSummationBenchmark.sizes("d4")).containsExactly(4, 100, 10, 8, 12);
    }
}
