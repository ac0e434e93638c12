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
import java.util.Arrays;
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
 * Time of one Tucker summation (rounding of a sum of \(s\) Tucker tensors) per strategy, at the two
 * cases of the spec (T9, T10): {@code d3}: \(d = 3\), \(n = 200\), \(s = 20\), \(r = 10\), \(t = 15\);
 * {@code d4}: \(d = 4\), \(n = 100\), \(s = 10\), \(r = 8\), \(t = 12\) (formal core \(80^4\)); and
 * {@code tiny} (\(d = 3\), \(n = 30\), \(s = 4\), \(r = 3\), \(t = 5\)) for smoke runs.
 *
 * <p>Inputs: {@link SyntheticTuckerSums#compressible} (factors in a common \(t\)-dimensional subspace
 * per mode). Targets as in the spec: {@code formal-qr-rounding} and {@code adaptive} at tolerance
 * \(10^{-8}\); the fixed-rank strategies at rank \(t\) with a final truncation at \(10^{-8}\) and
 * \(p = 10\). Every call draws fresh sketches (the state advances), as in an iterative solver. The
 * acceptance ratios (sketched at least 10 times faster than formal-qr-rounding) compare rows with
 * the same {@code case}, {@code impl} and {@code threads}. Allocation per call: run with {@code -prof
 * gc} and read {@code gc.alloc.rate.norm} (spec T10: at most 50 MB for {@code sketched} at {@code
 * d4}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g", "-Djava.awt.headless=true"})
public class TuckerSummationBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "tucker-summation",
            TuckerSummationBenchmark.class,
            List.of(NATIVE, VECTOR),
            List.of(NATIVE, VECTOR),
            Map.of("shape", "tiny"));

    /** The case: {@code d3}, {@code d4} or {@code tiny}. */
    @Param({"d3", "d4"})
    public String shape;

    /** The strategy, by {@link SummationStrategy#byName} name. */
    @Param({"formal-qr-rounding", "sketched", "sketched-sequential", "one-pass", "adaptive"})
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
    public TuckerSummationBenchmark() {}

    /**
     * The sizes \((d, n, s, r, t)\) of a case.
     *
     * @param shape {@code d3}, {@code d4} or {@code tiny}
     * @return the sizes
     * @throws IllegalArgumentException if the case is unknown
     */
    static int[] sizes(String shape) {
        return switch (shape) {
            case "d3" -> new int[] {3, 200, 20, 10, 15};
            case "d4" -> new int[] {4, 100, 10, 8, 12};
            case "tiny" -> new int[] {3, 30, 4, 3, 5};
            default -> throw new IllegalArgumentException("unknown case '" + shape + "'; use d3, d4 or tiny");
        };
    }

    /**
     * The input sum of a case.
     *
     * @param size \((d, n, s, r, t)\)
     * @return the compressible sum
     */
    static TuckerSum input(int[] size) {
        int[] n = new int[size[0]];
        Arrays.fill(n, size[1]);
        return SyntheticTuckerSums.compressible(
                n, size[2], size[3], size[4], RngState.seed(20_260_401L).split(20));
    }

    /**
     * The target of a strategy: a tolerance of 1e-8, plus the rank \(t\) for the fixed-rank ones.
     *
     * @param s the strategy
     * @param t the rank
     * @return the truncation
     */
    static Truncation target(SummationStrategy s, int t) {
        return s.needsRanks() ? Truncation.rank(t).withTolerance(1e-8) : Truncation.tolerance(1e-8);
    }

    /**
     * Builds the sum, activates the backend and runs one summation.
     *
     * @throws IllegalArgumentException if a parameter is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        int[] size = sizes(shape);
        sum = input(size);
        SummationStrategy s = SummationStrategy.byName(strategy);
        summation = TuckerSummation.of(s);
        target = target(s, size[4]);
        state = RngState.seed(20_260_401L).split(21);
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

    /**
     * The input (for tests).
     *
     * @return the sum
     */
    TuckerSum input() {
        return sum;
    }
}
