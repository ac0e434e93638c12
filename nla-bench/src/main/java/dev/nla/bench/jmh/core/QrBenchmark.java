package dev.nla.bench.jmh.core;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
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
 * Time of a Householder QR with the thin \(Q\) formed, \(A = QR\) for \(A \in \mathbb{R}^{m
 * \times n}\) (tall-skinny by default, \(m = 20000\), \(n = 200\): the acceptance size;
 * \(4mn^2 - \tfrac43 n^3\) flops): {@code Decompositions.qr(backend)} against LAPACK {@code
 * dgeqrf} + {@code dorgqr}.
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
public class QrBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "qr",
            QrBenchmark.class,
            List.of(NATIVE, VECTOR),
            List.of(NATIVE, VECTOR),
            Map.of("rows", "400", "cols", "40"));

    /** Rows \(m\). */
    @Param({"20000"})
    public int rows;

    /** Columns \(n\). */
    @Param({"200"})
    public int cols;

    /** Threads of the pure-Java backend ({@code OPENBLAS_NUM_THREADS} for native LAPACK). */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id: {@code native} (LAPACK) or {@code vector} (pure Java). */
    @Param({"native", "vector"})
    public String impl;

    private Qr qr;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public QrBenchmark() {}

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
        a = DenseMatrix.wrap(rows, cols, TestData.uniform(rows, cols, BenchInputs.stream(0)));
        qr = implementation == NATIVE ? Decompositions.nativeQr() : Decompositions.qr(implementation.backend(threads));
    }

    /**
     * One factorization with the thin \(Q\).
     *
     * @return \(Q\) and \(R\)
     */
    @Benchmark
    public QrResult thinQr() {
        return qr.decompose(a, QrMode.THIN);
    }
}
