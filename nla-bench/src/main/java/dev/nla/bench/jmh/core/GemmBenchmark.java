package dev.nla.bench.jmh.core;

import static dev.nla.bench.jmh.Implementation.EJML;
import static dev.nla.bench.jmh.Implementation.NAIVE;
import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.NaiveKernels;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of the square matrix product \(C = AB\), \(A, B \in \mathbb{R}^{n \times n}\) (\(2n^3\)
 * flops), for each {@link Implementation}.
 *
 * <p>The {@code nla-core} backends run through {@link Blas#gemm}, EJML through {@code
 * CommonOps_DDRM.mult} (one thread) or {@code CommonOps_MT_DDRM.mult} (more), and the naive loop
 * through {@link NaiveKernels#gemm}. All get the same matrices (EJML in its row-major layout,
 * converted once at set-up). {@code threads} applies to the pure-Java backends and EJML; native
 * BLAS takes its thread count from {@code OPENBLAS_NUM_THREADS}, which {@code nla bench} sets per
 * child process; the naive loop always uses one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class GemmBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "gemm",
            GemmBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR, EJML, NAIVE),
            List.of(NATIVE, VECTOR, SCALAR, EJML),
            Map.of("n", "64"));

    /** Matrix order \(n\). */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    /** Threads for the pure-Java backends and EJML. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id. */
    @Param({"native", "vector", "scalar", "ejml", "naive"})
    public String impl;

    private Implementation implementation;
    private Backend backend;
    private DenseMatrix a;
    private DenseMatrix b;
    private DenseMatrix c;
    private DMatrixRMaj ea;
    private DMatrixRMaj eb;
    private DMatrixRMaj ec;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public GemmBenchmark() {}

    /**
     * Generates the inputs and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        implementation = Implementation.parse(impl);
        double[] ad = TestData.uniform(n, n, BenchInputs.stream(0));
        double[] bd = TestData.uniform(n, n, BenchInputs.stream(1));
        a = DenseMatrix.wrap(n, n, ad);
        b = DenseMatrix.wrap(n, n, bd);
        c = DenseMatrix.zeros(n, n);
        if (implementation.isBackend()) {
            backend = implementation.backend(threads);
        } else if (implementation == EJML) {
            ea = new DMatrixRMaj(n, n, false, ad);
            eb = new DMatrixRMaj(n, n, false, bd);
            ec = new DMatrixRMaj(n, n);
            EjmlConcurrency.setMaxThreads(threads);
        }
    }

    /**
     * One product.
     *
     * @return the product (so that JMH consumes it)
     */
    @Benchmark
    public Object gemm() {
        switch (implementation) {
            case EJML:
                if (threads > 1) {
                    CommonOps_MT_DDRM.mult(ea, eb, ec);
                } else {
                    CommonOps_DDRM.mult(ea, eb, ec);
                }
                return ec;
            case NAIVE:
                NaiveKernels.gemm(n, n, n, a.data(), b.data(), c.data());
                return c;
            default:
                Blas.gemm(backend, Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, b, 0.0, c);
                return c;
        }
    }

    /**
     * The last product in column-major order (for tests that check every implementation computes
     * the same thing).
     *
     * @return a new array of \(n^2\) entries
     */
    double[] result() {
        if (implementation == EJML) {
            double[] out = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    out[i + j * n] = ec.get(i, j);
                }
            }
            return out;
        }
        return c.toColumnMajorArray();
    }
}
