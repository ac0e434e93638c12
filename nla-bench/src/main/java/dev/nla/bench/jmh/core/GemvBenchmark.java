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
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.mult.MatrixVectorMult_DDRM;
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
 * Time of the matrix-vector product \(y = Ax\), \(A \in \mathbb{R}^{n \times n}\) (\(2n^2\) flops,
 * memory-bound: every entry of \(A\) is read once), for each {@link Implementation}.
 *
 * <p>The {@code nla-core} backends run through {@link Blas#gemv}, EJML through {@code
 * MatrixVectorMult_DDRM.mult} (single-threaded; EJML has no multithreaded matrix-vector kernel),
 * the naive loop through {@link NaiveKernels#gemv}. {@code threads} applies to the pure-Java
 * backends; native BLAS takes its thread count from {@code OPENBLAS_NUM_THREADS}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class GemvBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "gemv",
            GemvBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR, EJML, NAIVE),
            List.of(NATIVE, VECTOR, SCALAR),
            Map.of("n", "128"));

    /** Matrix order \(n\). */
    @Param({"512", "1024", "2048", "4096"})
    public int n;

    /** Threads for the pure-Java backends. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id. */
    @Param({"native", "vector", "scalar", "ejml", "naive"})
    public String impl;

    private Implementation implementation;
    private Backend backend;
    private DenseMatrix a;
    private DenseMatrix x;
    private DenseMatrix y;
    private DMatrixRMaj ea;
    private DMatrixRMaj ex;
    private DMatrixRMaj ey;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public GemvBenchmark() {}

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
        double[] xd = TestData.uniform(n, 1, BenchInputs.stream(1));
        a = DenseMatrix.wrap(n, n, ad);
        x = DenseMatrix.wrap(n, 1, xd);
        y = DenseMatrix.zeros(n, 1);
        if (implementation.isBackend()) {
            backend = implementation.backend(threads);
        } else if (implementation == EJML) {
            ea = new DMatrixRMaj(n, n, false, ad);
            ex = new DMatrixRMaj(n, 1, false, xd);
            ey = new DMatrixRMaj(n, 1);
        }
    }

    /**
     * One product.
     *
     * @return the product (so that JMH consumes it)
     */
    @Benchmark
    public Object gemv() {
        switch (implementation) {
            case EJML:
                MatrixVectorMult_DDRM.mult(ea, ex, ey);
                return ey;
            case NAIVE:
                NaiveKernels.gemv(n, n, a.data(), x.data(), y.data());
                return y;
            default:
                Blas.gemv(backend, Transpose.NO_TRANSPOSE, 1.0, a, x, 0.0, y);
                return y;
        }
    }

    /**
     * The last product (for tests).
     *
     * @return a new array of \(n\) entries
     */
    double[] result() {
        return implementation == EJML ? ey.getData().clone() : y.toColumnMajorArray();
    }
}
