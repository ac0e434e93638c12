package dev.nla.bench.jmh.core;

import static dev.nla.core.testing.MatrixAssert.assertThatMatrix;

import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.NaiveKernels;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.testing.Tolerances;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every implementation in every benchmark computes the same result as the naive loop. */
class BenchmarkKernelsTest {
    private static final int N = 37; // not a multiple of any block or vector size

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (Implementation i : Implementation.values()) {
            if (i.available()) {
                cases.add(new Object[] {i.id(), 1});
                cases.add(new Object[] {i.id(), 2});
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void gemmMatchesTheNaiveProduct(String impl, int threads) {
        GemmBenchmark b = new GemmBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        b.gemm();
        double[] a = TestData.uniform(N, N, BenchInputs.stream(0));
        double[] bb = TestData.uniform(N, N, BenchInputs.stream(1));
        double[] c = new double[N * N];
        NaiveKernels.gemm(N, N, N, a, bb, c);
        DenseMatrix am = DenseMatrix.wrap(N, N, a);
        DenseMatrix bm = DenseMatrix.wrap(N, N, bb);
        // both results obey |C - C_exact| <= gamma_n |A||B|; gemmBound gives 2 gamma_{n+2} |A||B|
        assertThatMatrix(DenseMatrix.wrap(N, N, b.result()))
                .isCloseEntrywise(DenseMatrix.wrap(N, N, c), Tolerances.gemmBound(1.0, am, bm, 0.0, am));
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void gemvMatchesTheNaiveProduct(String impl, int threads) {
        GemvBenchmark b = new GemvBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        b.gemv();
        double[] a = TestData.uniform(N, N, BenchInputs.stream(0));
        double[] x = TestData.uniform(N, 1, BenchInputs.stream(1));
        double[] y = new double[N];
        NaiveKernels.gemv(N, N, a, x, y);
        DenseMatrix am = DenseMatrix.wrap(N, N, a);
        DenseMatrix xm = DenseMatrix.wrap(N, 1, x);
        assertThatMatrix(DenseMatrix.wrap(N, 1, b.result()))
                .isCloseEntrywise(DenseMatrix.wrap(N, 1, y), Tolerances.gemmBound(1.0, am, xm, 0.0, xm));
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void trsmMatchesTheNaiveSolution(String impl, int threads) {
        TrsmBenchmark b = new TrsmBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        b.trsm();
        b.trsm(); // the second call must start again from the original right-hand sides
        double[] l = TestData.lowerTriangular(N, BenchInputs.stream(0));
        double[] x = TestData.uniform(N, N, BenchInputs.stream(1));
        NaiveKernels.trsmLowerLeft(N, N, l, x);
        // Row diagonal dominance (|l_ii| >= n - 1/2 > (n - 1)/2 >= sum of |l_ij|) gives cond_inf(L) <= 3,
        // so each computed solution has relative error about 3 gamma_n [Higham 2002, Thm 8.5]; the
        // two differ by at most twice that: 10 n u ||X||_F is a safe bound.
        DenseMatrix expected = DenseMatrix.wrap(N, N, x);
        assertThatMatrix(DenseMatrix.wrap(N, N, b.result()))
                .isCloseTo(expected, 10 * N * Tolerances.U * Tolerances.frobenius(expected));
    }
}
