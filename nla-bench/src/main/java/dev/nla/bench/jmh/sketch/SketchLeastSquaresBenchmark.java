package dev.nla.bench.jmh.sketch;

import static dev.nla.bench.jmh.Implementation.NATIVE;
import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.bench.experiments.sketch.SolverInputs;
import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backends;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.LeastSquares;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.solve.SketchAndPrecondition;
import dev.nla.sketch.solve.SketchAndPreconditionResult;
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
 * Time of a tall least-squares solve \(\min_x\|Ax - b\|\), \(A \in \mathbb{R}^{m \times n}\) dense
 * with condition \(\kappa\) (geometric singular values) and a planted solution, by
 * sketch-and-precondition ({@link SketchAndPrecondition} with its defaults: sparse sign, \(d = 4n\),
 * QR preconditioner, LSQR to \(10^{-14}\), warm start) and by a dense Householder QR solve ({@link
 * Decompositions#leastSquares()}, or LAPACK {@code dgels} for {@code impl=native}), per kernel
 * backend.
 *
 * <p>Flops: the QR solve \(2mn^2 - \tfrac23n^3\); sketch-and-precondition \(16mn\) (sketch) \(+
 * 2dn^2\) (QR of \(SA\)) \(+\ k(4mn + 2n^2)\) for \(k \approx 37\) iterations, about \(150mn\): for
 * \(20000 \times 200\) that is 0.6 GFLOP against 1.6, and the gap grows with \(n\). Compare the two
 * methods' scores at the same {@code impl}; the ratio to baseline column compares backends.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx4g", "-Djava.awt.headless=true"})
public class SketchLeastSquaresBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "sketch-least-squares",
            SketchLeastSquaresBenchmark.class,
            List.of(NATIVE, VECTOR, SCALAR),
            List.of(NATIVE, VECTOR, SCALAR),
            Map.of("m", "2000", "n", "50"));

    /** Rows \(m\). */
    @Param({"20000"})
    public int m;

    /** Columns \(n\). */
    @Param({"200"})
    public int n;

    /** Condition number of \(A\). */
    @Param({"1e6"})
    public double kappa;

    /** Threads of the backend and of the sketch loops. */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the GEMM backend. */
    @Param({"native", "vector", "scalar"})
    public String impl;

    private SolverInputs.Problem problem;
    private SketchAndPrecondition solver;
    private LeastSquares qr;
    private RngState state;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public SketchLeastSquaresBenchmark() {}

    /**
     * Activates the backend and generates the problem.
     *
     * @throws IllegalArgumentException if {@code impl} is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Implementation implementation = Implementation.parse(impl);
        Backends.setActive(implementation.backend(threads));
        problem = SolverInputs.leastSquares(
                m, n, kappa, 1e-4, RngState.seed(20_260_401L).split(20));
        solver = SketchAndPrecondition.withDefaults();
        qr = implementation == NATIVE ? Decompositions.nativeLeastSquares() : Decompositions.leastSquares();
        state = RngState.seed(20_260_401L).split(21);
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * Sketch-and-precondition with a fresh sketch per call.
     *
     * @return the result
     */
    @Benchmark
    public SketchAndPreconditionResult sketchAndPrecondition() {
        var r = solver.solve(problem.a(), problem.b(), state);
        state = r.next();
        return r.value();
    }

    /**
     * The dense Householder QR solve.
     *
     * @return the solution
     */
    @Benchmark
    public DenseMatrix householderQr() {
        return qr.solve(problem.a(), problem.b()).solution();
    }

    /**
     * The problem (for tests).
     *
     * @return the planted problem
     */
    SolverInputs.Problem problem() {
        return problem;
    }
}
