package dev.nla.bench.jmh.core;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Cholesky;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * Time of a Cholesky factorization \(A = LL^{\mathsf T}\) of a symmetric positive definite \(A \in
 * \mathbb{R}^{n \times n}\) (\(n = 2000\) by default, \(\tfrac13 n^3\) flops; \(A = BB^{\mathsf
 * T}/n + I\) with uniform \(B\)): {@code Decompositions.cholesky(backend)} against LAPACK {@code
 * dpotrf}.
 *
 * <p>{@code vector} runs the pure-Java implementation of {@link Decompositions} on the Vector API
 * backend with {@code threads} threads; {@code native} runs native LAPACK through {@code
 * dev.ludovic.netlib} with {@code OPENBLAS_NUM_THREADS} threads (set by {@code nla bench} per
 * child process). Ratios are native time over Java time (above 1: Java faster). The input comes
 * from the fixed seed of {@link BenchInputs}, uniform entries in \((-1/2, 1/2)\).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class CholeskyBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "cholesky", CholeskyBenchmark.class, List.of(NATIVE, VECTOR), List.of(NATIVE, VECTOR), Map.of("n", "64"));

    /** Order \(n\). */
    @Param({"2000"})
    public int n;

    /** Threads of the pure-Java backend ({@code OPENBLAS_NUM_THREADS} for native LAPACK). */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id: {@code native} (LAPACK) or {@code vector} (pure Java). */
    @Param({"native", "vector"})
    public String impl;

    private Cholesky cholesky;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public CholeskyBenchmark() {}

    /**
     * Generates the input and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM (native
     *     LAPACK not loadable, or no Vector API)
     */
    @Setup(Level.Trial)
    public void setUp() {
        Implementation implementation = Implementation.parse(impl);
        a = spdInput(n);
        cholesky = implementation == NATIVE
                ? Decompositions.nativeCholesky()
                : Decompositions.cholesky(implementation.backend(threads));
    }

    /**
     * The SPD benchmark input of order \(n\): \(BB^{\mathsf T}/n + I\), \(B\) uniform from the
     * benchmark seed (eigenvalues in \([1, n/4 + 1]\) roughly, so well conditioned).
     *
     * @param n the order
     * @return a new symmetric positive definite matrix
     */
    static DenseMatrix spdInput(int n) {
        DenseMatrix b = DenseMatrix.wrap(n, n, TestData.uniform(n, n, BenchInputs.stream(0)));
        DenseMatrix s = DenseMatrix.identity(n);
        Blas.gemm(Backends.scalar(1), Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0 / n, b, b, 1.0, s);
        return s;
    }

    /**
     * One factorization.
     *
     * @return the factor \(L\)
     */
    @Benchmark
    public CholeskyResult cholesky() {
        return cholesky.factor(a);
    }
}
