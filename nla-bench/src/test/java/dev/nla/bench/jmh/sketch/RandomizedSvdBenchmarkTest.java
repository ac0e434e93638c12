package dev.nla.bench.jmh.sketch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.jmh.Implementation;
import dev.nla.core.decomp.Decompositions;
import dev.nla.sketch.lowrank.LowRankSvd;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The benchmark runs on every available backend and returns the leading singular values. */
class RandomizedSvdBenchmarkTest {
    private RandomizedSvdBenchmark bench;

    static List<String> impls() {
        List<String> ids = new ArrayList<>();
        for (Implementation i : List.of(Implementation.VECTOR, Implementation.SCALAR, Implementation.NATIVE)) {
            if (i.available()) {
                ids.add(i.id());
            }
        }
        return ids;
    }

    @AfterEach
    void restoreBackend() {
        if (bench != null) {
            bench.tearDown();
        }
    }

    /**
     * With \(q = 4\) and a gap after the first singular value (a uniform matrix has \(\sigma_1
     * \approx n/2\) far above the rest), \(\sigma_1\) is found to \(10^{-10}\) relative.
     */
    @ParameterizedTest
    @MethodSource("impls")
    void findsTheLeadingSingularValue(String impl) {
        bench = new RandomizedSvdBenchmark();
        bench.n = 200;
        bench.rank = 10;
        bench.oversampling = 10;
        bench.powerIterations = 4;
        bench.threads = 2;
        bench.impl = impl;
        bench.setUp();
        LowRankSvd r = bench.randomizedSvd();
        double exact = Decompositions.svd().singularValues(bench.input())[0];
        assertThat(r.singularValues()[0]).isCloseTo(exact, org.assertj.core.data.Offset.offset(1e-10 * exact));
    }
}
