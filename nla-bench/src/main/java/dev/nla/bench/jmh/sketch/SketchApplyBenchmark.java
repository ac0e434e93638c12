package dev.nla.bench.jmh.sketch;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchFamily;
import dev.nla.sketch.operator.SketchingDistribution;
import dev.nla.sketch.operator.SketchingOperator;
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
 * Time of the sketch \(SA\) of a dense \(A \in \mathbb{R}^{m \times n}\) with a \(d \times m\)
 * operator, per operator ({@code operator}: a {@link SketchFamily} name) and per kernel backend
 * ({@code impl}: the backend of the GEMMs and the thread count of the sketch's own loops).
 *
 * <p>Two measurements: {@link #applyLeft()} applies an operator sampled once at set-up (sparse
 * operators then keep their nonzeros, dense ones regenerate their entries on every call: that is
 * their design), and {@link #sampleAndApplyLeft()} samples a fresh operator (new state) and applies
 * it, so every call pays for drawing the sketch. The acceptance compares {@code
 * sparse-sign} with {@code gaussian} at \(m = 100000\), \(n = 200\), \(d = 800\).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class SketchApplyBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "sketch-apply",
            SketchApplyBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR),
            List.of(NATIVE, VECTOR, SCALAR),
            Map.of("m", "2000", "n", "20", "d", "80"));

    /** The operators measured, by {@link SketchFamily} name. */
    static final List<SketchFamily> FAMILIES = List.of(
            SketchFamily.gaussian(),
            SketchFamily.rademacher(),
            SketchFamily.uniform(),
            SketchFamily.sparseSign(),
            SketchFamily.countSketch(),
            SketchFamily.srht(),
            SketchFamily.srft(),
            SketchFamily.lessUniform(200),
            SketchFamily.uniformSampling(true));

    /** Rows \(m\) of \(A\) (the compressed dimension). */
    @Param({"100000", "20000"})
    public int m;

    /** Columns \(n\) of \(A\). */
    @Param({"200"})
    public int n;

    /** Sketch size \(d\). */
    @Param({"800"})
    public int d;

    /** The operator, a {@link SketchFamily} name. */
    @Param({
        "gaussian",
        "rademacher",
        "uniform",
        "sparse-sign",
        "countsketch",
        "srht",
        "srft",
        "less-uniform(200)",
        "uniform-sampling"
    })
    public String operator;

    /** Threads of the backend and of the sketch loops. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the GEMM backend. */
    @Param({"native", "vector", "scalar"})
    public String impl;

    private DenseMatrix a;
    private SketchingDistribution law;
    private SketchingOperator sketch;
    private RngState state;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public SketchApplyBenchmark() {}

    /**
     * The family with the given name.
     *
     * @param name a name from {@link #FAMILIES}
     * @return the family
     * @throws IllegalArgumentException if no family has that name
     */
    static SketchFamily family(String name) {
        for (SketchFamily f : FAMILIES) {
            if (f.name().equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown operator '" + name + "'");
    }

    /**
     * Generates \(A\), activates the backend and samples the operator.
     *
     * @throws IllegalArgumentException if {@code impl} or {@code operator} is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        a = DenseMatrix.wrap(
                m, n, TestData.uniform(m, n, RngState.seed(20_260_401L).split(10)));
        law = family(operator).of(d, m);
        state = RngState.seed(20_260_401L).split(11);
        sketch = law.sample(state).value();
        sketch.applyLeft(a);
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * \(SA\) with the operator sampled at set-up.
     *
     * @return \(SA\)
     */
    @Benchmark
    public DenseMatrix applyLeft() {
        return sketch.applyLeft(a);
    }

    /**
     * Samples a fresh operator and applies it: \(SA\) including the cost of drawing \(S\).
     *
     * @return \(SA\)
     */
    @Benchmark
    public DenseMatrix sampleAndApplyLeft() {
        var sampled = law.sample(state);
        state = sampled.next();
        return sampled.value().applyLeft(a);
    }

    /**
     * The input (for tests).
     *
     * @return \(A\)
     */
    DenseMatrix input() {
        return a;
    }

    /**
     * The operator sampled at set-up (for tests).
     *
     * @return the operator
     */
    SketchingOperator sketch() {
        return sketch;
    }
}
