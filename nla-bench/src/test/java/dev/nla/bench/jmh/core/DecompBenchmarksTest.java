package dev.nla.bench.jmh.core;

import static dev.nla.core.testing.LapackRatios.THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.testing.LapackRatios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every implementation of every decomposition benchmark, at a small size (odd, so that no block
 * size divides it), computes a backward-stable factorization of the benchmark input: LAPACK
 * residual ratio below 30, as in the nla-core contract tests.
 */
class DecompBenchmarksTest {
    private static final int N = 37;

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (Implementation i : QrBenchmark.TARGET.implementations()) {
            if (i.available()) {
                cases.add(new Object[] {i.id(), 1});
                cases.add(new Object[] {i.id(), 2});
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void qrFactorsTheInput(String impl, int threads) {
        QrBenchmark b = new QrBenchmark();
        b.rows = 3 * N;
        b.cols = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        QrResult r = b.thinQr();
        DenseMatrix a = DenseMatrix.wrap(3 * N, N, TestData.uniform(3 * N, N, BenchInputs.stream(0)));
        assertThat(LapackRatios.residualRatio(a, r.q(), r.r())).isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void svdFactorsTheInput(String impl, int threads) {
        SvdBenchmark b = new SvdBenchmark();
        b.rows = N;
        b.cols = 3 * N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        SvdResult r = b.thinSvd();
        DenseMatrix a = DenseMatrix.wrap(N, 3 * N, TestData.uniform(N, 3 * N, BenchInputs.stream(0)));
        assertThat(LapackRatios.residualRatio(a, LapackRatios.scaleColumns(r.u(), r.singularValues()), r.vt()))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void eigenFactorsTheInput(String impl, int threads) {
        SymmetricEigenBenchmark b = new SymmetricEigenBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        EigenResult r = b.eigen();
        DenseMatrix a = SymmetricEigenBenchmark.symmetricInput(N);
        assertThat(LapackRatios.residualRatio(
                        a,
                        LapackRatios.scaleColumns(r.eigenvectors(), r.eigenvalues()),
                        LapackRatios.transpose(r.eigenvectors())))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void luFactorsTheInput(String impl, int threads) {
        LuBenchmark b = new LuBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        LuResult r = b.lu();
        DenseMatrix a = DenseMatrix.wrap(N, N, TestData.uniform(N, N, BenchInputs.stream(0)));
        assertThat(LapackRatios.residualRatio(LapackRatios.permuteRows(a, r.rowPermutation()), r.l(), r.u()))
                .isLessThan(THRESHOLD);
    }

    @ParameterizedTest(name = "{0}, {1} thread(s)")
    @MethodSource("cases")
    void choleskyFactorsTheInput(String impl, int threads) {
        CholeskyBenchmark b = new CholeskyBenchmark();
        b.n = N;
        b.threads = threads;
        b.impl = impl;
        b.setUp();
        CholeskyResult r = b.cholesky();
        DenseMatrix a = CholeskyBenchmark.spdInput(N);
        assertThat(LapackRatios.residualRatio(a, r.l(), LapackRatios.transpose(r.l())))
                .isLessThan(THRESHOLD);
    }
}
