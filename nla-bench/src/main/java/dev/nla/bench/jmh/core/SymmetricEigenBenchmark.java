package dev.nla.bench.jmh.core;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
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
 * Time of a symmetric eigendecomposition with eigenvectors, \(A = Z\Lambda Z^{\mathsf T}\) for a
 * symmetric \(A \in \mathbb{R}^{n \times n}\) (\(n = 1000\) by default: the acceptance
 * size; \(A = (B + B^{\mathsf T})/2\) with uniform \(B\)): {@code
 * Decompositions.symmetricEigen(backend)} (divide and conquer) against LAPACK {@code dsyevd}.
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
public class SymmetricEigenBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "eigen",
            SymmetricEigenBenchmark.class,
            List.of(NATIVE, VECTOR),
            List.of(NATIVE, VECTOR),
            Map.of("n", "64"));

    /** Order \(n\). */
    @Param({"1000"})
    public int n;

    /** Threads of the pure-Java backend ({@code OPENBLAS_NUM_THREADS} for native LAPACK). */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id: {@code native} (LAPACK) or {@code vector} (pure Java). */
    @Param({"native", "vector"})
    public String impl;

    private SymmetricEigen eigen;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public SymmetricEigenBenchmark() {}

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
        a = symmetricInput(n);
        eigen = implementation == NATIVE
                ? Decompositions.nativeSymmetricEigen()
                : Decompositions.symmetricEigen(implementation.backend(threads));
    }

    /**
     * The symmetric benchmark input of order \(n\): \((B + B^{\mathsf T})/2\), \(B\) uniform from
     * the benchmark seed.
     *
     * @param n the order
     * @return a new symmetric matrix
     */
    static DenseMatrix symmetricInput(int n) {
        DenseMatrix b = DenseMatrix.wrap(n, n, TestData.uniform(n, n, BenchInputs.stream(0)));
        DenseMatrix s = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s.set(i, j, 0.5 * (b.get(i, j) + b.get(j, i)));
            }
        }
        return s;
    }

    /**
     * One eigendecomposition with eigenvectors.
     *
     * @return eigenvalues (ascending) and eigenvectors
     */
    @Benchmark
    public EigenResult eigen() {
        return eigen.decompose(a, EigenOrder.ASCENDING);
    }
}
