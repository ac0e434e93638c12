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
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.matrix.DenseMatrix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
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
 * Time of the triangular solve \(X = L^{-1}B\) with \(L\) lower triangular \(n \times n\) and \(n\)
 * right-hand sides (\(n^3\) flops), for each {@link Implementation}.
 *
 * <p>\(L\) is diagonally dominant ({@link TestData#lowerTriangular}), so the solution stays well
 * scaled. Each invocation first copies the original \(B\) into the output (the solve is in
 * place): an \(O(n^2)\) copy, under 1 % of the \(n^3\) work for \(n \ge 256\), paid equally by
 * every implementation. The {@code nla-core} backends run through {@link Blas#trsm}, EJML through
 * {@code TriangularSolver_DDRM.solveL} (single-threaded) and the naive loop through {@link
 * NaiveKernels#trsmLowerLeft}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class TrsmBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "trsm",
            TrsmBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR, EJML, NAIVE),
            List.of(NATIVE, VECTOR, SCALAR),
            Map.of("n", "64"));

    /** Order \(n\) of \(L\) and number of right-hand sides. */
    @Param({"256", "512", "1024", "2048"})
    public int n;

    /** Threads for the pure-Java backends. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id. */
    @Param({"native", "vector", "scalar", "ejml", "naive"})
    public String impl;

    private Implementation implementation;
    private Backend backend;
    private DenseMatrix l;
    private double[] rhs;
    private DenseMatrix x;
    private DMatrixRMaj el;
    private DMatrixRMaj erhs;
    private DMatrixRMaj ex;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public TrsmBenchmark() {}

    /**
     * Generates the inputs and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        implementation = Implementation.parse(impl);
        double[] ld = TestData.lowerTriangular(n, BenchInputs.stream(0));
        rhs = TestData.uniform(n, n, BenchInputs.stream(1));
        l = DenseMatrix.wrap(n, n, ld);
        x = DenseMatrix.zeros(n, n);
        if (implementation.isBackend()) {
            backend = implementation.backend(threads);
        } else if (implementation == EJML) {
            el = new DMatrixRMaj(n, n, false, ld);
            erhs = new DMatrixRMaj(n, n, false, rhs);
            ex = new DMatrixRMaj(n, n);
        }
    }

    /**
     * One solve (including the copy of the right-hand sides).
     *
     * @return the solution (so that JMH consumes it)
     */
    @Benchmark
    public Object trsm() {
        switch (implementation) {
            case EJML:
                System.arraycopy(erhs.getData(), 0, ex.getData(), 0, n * n);
                TriangularSolver_DDRM.solveL(el.getData(), ex.getData(), n, n);
                return ex;
            case NAIVE:
                System.arraycopy(rhs, 0, x.data(), 0, n * n);
                NaiveKernels.trsmLowerLeft(n, n, l.data(), x.data());
                return x;
            default:
                System.arraycopy(rhs, 0, x.data(), 0, n * n);
                Blas.trsm(backend, Side.LEFT, Triangle.LOWER, Transpose.NO_TRANSPOSE, Diagonal.NON_UNIT, 1.0, l, x);
                return x;
        }
    }

    /**
     * The last solution in column-major order (for tests).
     *
     * @return a new array of \(n^2\) entries
     */
    double[] result() {
        if (implementation == EJML) {
            double[] out = new double[n * n];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    out[i + j * n] = ex.get(i, j);
                }
            }
            return out;
        }
        return x.toColumnMajorArray();
    }
}
