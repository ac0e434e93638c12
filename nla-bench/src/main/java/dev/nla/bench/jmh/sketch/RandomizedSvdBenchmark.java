package dev.nla.bench.jmh.sketch;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.core.random.ScalarDistribution;
import dev.nla.sketch.lowrank.LowRankSvd;
import dev.nla.sketch.lowrank.RandomizedSvd;
import dev.nla.sketch.lowrank.RandomizedSvdOptions;
import dev.nla.sketch.rangefinder.Stabiliser;
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
 * End-to-end time of the randomized SVD of a dense \(n \times n\) matrix with entries uniform in
 * \([0, 1)\) (as scikit-learn's benchmark, {@code np.random.uniform(size=(n, n))}), rank \(k\), oversampling \(p\), \(q\) power iterations with LU stabilisation after every
 * pass: the speed acceptance (\(n = 4000\), \(k = 50\), \(p = 10\), \(q = 4\), 2 threads)
 * against scikit-learn's {@code randomized_svd} (script {@code
 * nla-bench/src/main/python/rsvd_sklearn.py}, see docs/lowrank.md).
 *
 * <p>{@code impl} selects the kernel backend: {@code vector} and {@code scalar} run the range
 * finder's passes on nla-sketch's tall-skinny kernels, {@code native} on native BLAS GEMM. Every
 * call includes validating the input (one scan of \(A\)) and drawing the Gaussian test matrix.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class RandomizedSvdBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "randomized-svd",
            RandomizedSvdBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR),
            List.of(NATIVE, VECTOR, SCALAR),
            Map.of("n", "400", "rank", "20"));

    /** Order \(n\) of the square input. */
    @Param({"4000"})
    public int n;

    /** Target rank \(k\). */
    @Param({"50"})
    public int rank;

    /** Oversampling \(p\). */
    @Param({"10"})
    public int oversampling;

    /** Power iterations \(q\). */
    @Param({"4"})
    public int powerIterations;

    /** Threads of the backend and of the kernels. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the backend. */
    @Param({"native", "vector", "scalar"})
    public String impl;

    private DenseMatrix a;
    private RandomizedSvd algorithm;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public RandomizedSvdBenchmark() {}

    /**
     * Generates \(A\), activates the backend and builds the algorithm.
     *
     * @throws IllegalArgumentException if {@code impl} is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        a = RandomMatrices.generate(
                        n,
                        n,
                        ScalarDistribution.UNIFORM_01,
                        RngState.seed(20_260_401L).split(20))
                .value();
        algorithm = new RandomizedSvd(RandomizedSvdOptions.builder(rank)
                .oversampling(oversampling)
                .powerIterations(powerIterations)
                .stabiliser(Stabiliser.LU)
                .build());
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * One randomized SVD, the test matrix drawn from a fixed state.
     *
     * @return the factors
     */
    @Benchmark
    public LowRankSvd randomizedSvd() {
        return algorithm.compute(a, RngState.seed(7)).value();
    }

    /**
     * The input (for tests).
     *
     * @return \(A\)
     */
    DenseMatrix input() {
        return a;
    }
}
