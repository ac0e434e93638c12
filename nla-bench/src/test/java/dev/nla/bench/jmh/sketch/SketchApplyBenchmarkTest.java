package dev.nla.bench.jmh.sketch;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Blas;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.testing.Tolerances;
import dev.nla.sketch.operator.SketchFamily;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every operator of the benchmark, on every available backend, computes \(SA\) at a small size. */
class SketchApplyBenchmarkTest {
    private SketchApplyBenchmark bench;

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (SketchFamily f : SketchApplyBenchmark.FAMILIES) {
            for (Implementation i : List.of(Implementation.VECTOR, Implementation.SCALAR, Implementation.NATIVE)) {
                if (i.available()) {
                    cases.add(new Object[] {f.name(), i.id()});
                }
            }
        }
        return cases;
    }

    private SketchApplyBenchmark make(String operator, String impl) {
        bench = new SketchApplyBenchmark();
        bench.m = 300;
        bench.n = 7;
        bench.d = 40;
        bench.operator = operator;
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

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void applyLeftMatchesTheExplicitProduct(String operator, String impl) {
        SketchApplyBenchmark b = make(operator, impl);
        DenseMatrix s = b.sketch().toDense();
        // the explicit product, bound 2 gamma_{m+2} |S||A| (the SRFT adds a transform error far below
        // it at this size: m' = 512, 8 (log2 m' + 2) u max|S| sqrt(m') ||A||_F ~ 1e-11 vs entries ~ 1)
        DenseMatrix expected = Blas.multiply(s, b.input());
        DenseMatrix bound = Tolerances.gemmBound(1.0, s, b.input(), 0.0, null);
        for (int j = 0; j < bound.cols(); j++) {
            for (int i = 0; i < bound.rows(); i++) {
                bound.add(i, j, 1e-10);
            }
        }
        assertThatMatrix(b.applyLeft()).isCloseEntrywise(expected, bound);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void sampleAndApplyLeftDrawsAFreshSketchEachCall(String operator, String impl) {
        SketchApplyBenchmark b = make(operator, impl);
        DenseMatrix first = b.sampleAndApplyLeft();
        DenseMatrix second = b.sampleAndApplyLeft();
        assertThat(second.toColumnMajorArray()).isNotEqualTo(first.toColumnMajorArray());
    }
}
