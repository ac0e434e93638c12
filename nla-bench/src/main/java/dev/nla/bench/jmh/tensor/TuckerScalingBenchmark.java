package dev.nla.bench.jmh.tensor;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backends;
import dev.nla.core.random.RngState;
import dev.nla.tensor.decomp.Truncation;
import dev.nla.tensor.sum.SummationResult;
import dev.nla.tensor.sum.SummationStrategy;
import dev.nla.tensor.sum.SyntheticTuckerSums;
import dev.nla.tensor.sum.TuckerSummation;
import dev.nla.tensor.tensor.TuckerSum;
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
 * Scaling of the summation time in the number of summands \(s\) (spec T11): \(d = 3\), \(n\) (200),
 * \(r = 10\), common rank \(t = 15\), \(s \in \{8, 16, 32, 64\}\), for {@code sketched} (B3, rank 15
 * plus a final truncation at \(10^{-8}\)) and {@code formal-qr-rounding} (B2, tolerance
 * \(10^{-8}\)). Pass: time(64)/time(8) at most 12 for {@code sketched}; B2 grows super-linearly until
 * its formal core is capped by \(n^d\) (\(sr \ge n\)).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g", "-Djava.awt.headless=true"})
public class TuckerScalingBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "tucker-scaling",
            TuckerScalingBenchmark.class,
            List.of(NATIVE, VECTOR),
            List.of(NATIVE, VECTOR),
            Map.of("n", "30", "s", "8"));

    /** Mode size \(n\). */
    @Param({"200"})
    public int n;

    /** Number of summands \(s\). */
    @Param({"8", "16", "32", "64"})
    public int s;

    /** The strategy. */
    @Param({"sketched", "formal-qr-rounding"})
    public String strategy;

    /** Threads of the GEMM backend. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the GEMM backend. */
    @Param({"native", "vector"})
    public String impl;

    private TuckerSum sum;
    private TuckerSummation summation;
    private Truncation target;
    private RngState state;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public TuckerScalingBenchmark() {}

    /**
     * Builds the sum, activates the backend and runs one summation.
     *
     * @throws IllegalArgumentException if a parameter is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        int t = Math.min(15, n);
        sum = SyntheticTuckerSums.compressible(
                new int[] {n, n, n},
                s,
                Math.min(10, t),
                t,
                RngState.seed(20_260_401L).split(22));
        SummationStrategy st = SummationStrategy.byName(strategy);
        summation = TuckerSummation.of(st);
        target = TuckerSummationBenchmark.target(st, t);
        state = RngState.seed(20_260_401L).split(23);
        summation.sum(sum, target, state);
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * One summation with fresh sketches.
     *
     * @return the result
     */
    @Benchmark
    public SummationResult sum() {
        SummationResult r = summation.sum(sum, target, state);
        state = r.next();
        return r;
    }
}
