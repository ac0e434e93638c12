package dev.nla.bench.jmh.attention;

import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.AttentionMethods;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time of one attention forward pass per registered method against \(n\) (spec E3, wall-clock side):
 * \(Q, K, V\) from {@code LowRankQK(n, d = 64, r = 32, \beta = 1)}, the method created from its
 * registry entry with size parameter {@link #size} (64 by default: rank, features, window, \(k\),
 * samples, ...), no mask. {@code exact} (dense softmax attention) is the baseline measured in the
 * same run; report ratios against it.
 *
 * <p>The {@code method} parameter takes registry names. JMH parameters are compile-time constants,
 * so the default list below names the methods registered when this class was written; the
 * {@code --quick} run of {@code nla bench attention-approx} passes every name of {@link
 * AttentionMethods#names()} instead (see {@link #TARGET}), so methods registered later are picked
 * up there; a full run takes them with {@code -p method=a,b,...}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g", "-Djava.awt.headless=true"})
public class AttentionApproxBenchmark {
    /** How {@code nla bench} runs this class; quick runs cover every registered method at small n. */
    public static final BenchTarget TARGET = new BenchTarget(
            "attention-approx",
            AttentionApproxBenchmark.class,
            List.of(VECTOR),
            List.of(VECTOR),
            Map.of("n", "1024,2048", "method", String.join(",", AttentionMethods.names())));

    /** Sequence length \(n = m\). */
    @Param({"1024", "2048", "4096", "8192", "16384"})
    public int n;

    /** Registry name of the method. */
    @Param({
        "exact",
        "online-softmax",
        "sliding-window",
        "bigbird",
        "top-k",
        "reformer-lsh",
        "clustered",
        "sampling",
        "kdeformer",
        "hyperattention"
    })
    public String method;

    /** The method's size parameter. */
    @Param({"64"})
    public int size;

    /** Threads of the GEMM backend and of the attention loops. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the GEMM backend. */
    @Param({"vector"})
    public String impl;

    private AttentionInput input;
    private Attention attention;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public AttentionApproxBenchmark() {}

    /**
     * Builds the input and the method, and runs it once.
     *
     * @throws IllegalArgumentException if the method name is not registered or rejects the size
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        AttentionMethod entry = AttentionMethods.find(method)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown attention method '" + method + "'; registered: " + AttentionMethods.names()));
        input = AttentionInputs.lowRankQK(n, 64, 32, 1.0, RngState.seed(20_261_123L));
        attention = entry.create(size, RngState.seed(20_261_124L));
        attention.compute(input.q(), input.k(), input.v(), AttentionMask.NONE);
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * One forward pass.
     *
     * @return the output
     */
    @Benchmark
    public DenseMatrix forward() {
        return attention.compute(input.q(), input.k(), input.v(), AttentionMask.NONE);
    }

    /**
     * The input (for tests).
     *
     * @return the input of the last {@link #setUp()}
     */
    public AttentionInput input() {
        return input;
    }
}
