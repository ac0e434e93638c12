package dev.nla.bench.jmh.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.experiments.sketch.SolverInputs;
import dev.nla.bench.jmh.Implementation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Both methods of the benchmark solve the planted problem, on every available backend, at a small size. */
class SketchLeastSquaresBenchmarkTest {
    private SketchLeastSquaresBenchmark bench;

    static List<String> implementations() {
        List<String> ids = new ArrayList<>();
        for (Implementation i : List.of(Implementation.VECTOR, Implementation.SCALAR, Implementation.NATIVE)) {
            if (i.available()) {
                ids.add(i.id());
            }
        }
        return ids;
    }

    private SketchLeastSquaresBenchmark make(String impl) {
        bench = new SketchLeastSquaresBenchmark();
        bench.m = 1500;
        bench.n = 40;
        bench.kappa = 1e6;
        bench.threads = 2;
        bench.impl = impl;
        bench.setUp();
        return bench;
    }

    @AfterEach
    void restoreBackend() {
        if (bench != null) {
            bench.tearDown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void sketchAndPreconditionSolvesThePlantedProblem(String impl) {
        SketchLeastSquaresBenchmark b = make(impl);
        var r = b.sketchAndPrecondition();
        assertThat(r.converged()).isTrue();
        // small residual (1e-4) and kappa = 1e6: forward error O(kappa u + kappa^2 u rho) ~ 1e-6 at most
        assertThat(SolverInputs.relativeDistance(r.solution(), b.problem().solution()))
                .isLessThan(1e-5);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("implementations")
    void householderQrSolvesThePlantedProblem(String impl) {
        SketchLeastSquaresBenchmark b = make(impl);
        assertThat(SolverInputs.relativeDistance(b.householderQr(), b.problem().solution()))
                .isLessThan(1e-5);
    }
}
