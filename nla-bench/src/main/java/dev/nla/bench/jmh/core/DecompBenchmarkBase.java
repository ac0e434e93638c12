package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backend;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the decomposition benchmarks share: the JMH settings (inherited by the subclasses), the
 * parameters {@code impl} and {@code threads}, and the choice between native LAPACK and the pure-Java
 * implementation.
 *
 * <p>{@code vector} runs the pure-Java implementation of {@link dev.nla.core.decomp.Decompositions}
 * on the Vector API backend with {@code threads} threads; {@code native} runs native LAPACK through
 * {@code dev.ludovic.netlib} with {@code OPENBLAS_NUM_THREADS} threads (set by {@code nla bench} per
 * child process). Ratios are native time over Java time (above 1: Java faster). Inputs come from the
 * fixed seed of {@link BenchInputs}, uniform entries in \((-1/2, 1/2)\).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public abstract class DecompBenchmarkBase {
    /** Threads of the pure-Java backend ({@code OPENBLAS_NUM_THREADS} for native LAPACK). */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id: {@code native} (LAPACK) or {@code vector} (pure Java). */
    @Param({"native", "vector"})
    public String impl;

    /**
     * The {@link BenchTarget} of a decomposition benchmark: native LAPACK and the Java
     * implementation on the Vector API backend, both on 1 and 2 threads.
     *
     * @param name        short name used in result file names
     * @param benchmark   the benchmark class
     * @param quickParams parameter values of a {@code --quick} smoke run
     * @return the target
     */
    static BenchTarget target(String name, Class<?> benchmark, Map<String, String> quickParams) {
        List<Implementation> both = List.of(Implementation.NATIVE, Implementation.VECTOR);
        return new BenchTarget(name, benchmark, both, both, quickParams);
    }

    /** For the subclasses; JMH sets the parameters. */
    protected DecompBenchmarkBase() {}

    /**
     * The implementation selected by {@code impl}: the native one, or the Java one on the backend of
     * {@code impl} with {@code threads} threads.
     *
     * @param <T>           the decomposition interface
     * @param nativeFactory creates the native implementation (e.g. {@code Decompositions::nativeQr})
     * @param javaFactory   creates the Java implementation on a backend (e.g. {@code
     *     Decompositions::qr})
     * @return the implementation
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if it is not available in this JVM (native LAPACK not loadable,
     *     or no Vector API)
     */
    protected <T> T select(Supplier<T> nativeFactory, Function<Backend, T> javaFactory) {
        Implementation implementation = Implementation.parse(impl);
        return implementation == Implementation.NATIVE
                ? nativeFactory.get()
                : javaFactory.apply(implementation.backend(threads));
    }
}
