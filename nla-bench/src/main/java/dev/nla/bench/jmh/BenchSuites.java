package dev.nla.bench.jmh;

import dev.nla.bench.jmh.attention.AttentionApproxBenchmark;
import dev.nla.bench.jmh.attention.AttentionExactBenchmark;
import dev.nla.bench.jmh.core.CholeskyBenchmark;
import dev.nla.bench.jmh.core.GemmBenchmark;
import dev.nla.bench.jmh.core.GemvBenchmark;
import dev.nla.bench.jmh.core.LuBenchmark;
import dev.nla.bench.jmh.core.QrBenchmark;
import dev.nla.bench.jmh.core.SvdBenchmark;
import dev.nla.bench.jmh.core.SymmetricEigenBenchmark;
import dev.nla.bench.jmh.core.TrsmBenchmark;
import dev.nla.bench.jmh.sketch.RandomizedSvdBenchmark;
import dev.nla.bench.jmh.sketch.SketchApplyBenchmark;
import dev.nla.bench.jmh.sketch.SketchLeastSquaresBenchmark;
import dev.nla.bench.jmh.tensor.TuckerScalingBenchmark;
import dev.nla.bench.jmh.tensor.TuckerSummationBenchmark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of benchmark suites known to {@code nla bench} and {@code nla list}.
 *
 * <p><b>Adding a suite</b> is one entry in {@link #REGISTERED}: a name, a description and the
 * {@link BenchTarget}s (each benchmark class declares its own as a {@code TARGET} constant).
 */
public final class BenchSuites {
    /** Every suite, in the order {@code nla list} shows them. Add new suites here. */
    private static final List<BenchSuite> REGISTERED = List.of(
            BenchSuite.of("gemm", "dense matrix product C = AB, n = 256..2048", GemmBenchmark.TARGET),
            BenchSuite.of("gemv", "matrix-vector product y = Ax, n = 512..4096", GemvBenchmark.TARGET),
            BenchSuite.of(
                    "trsm", "lower-triangular solve with n right-hand sides, n = 256..2048", TrsmBenchmark.TARGET),
            BenchSuite.of(
                    "core",
                    "all nla-core kernel benchmarks (gemm, gemv, trsm)",
                    GemmBenchmark.TARGET,
                    GemvBenchmark.TARGET,
                    TrsmBenchmark.TARGET),
            BenchSuite.of(
                    "decomp",
                    "decompositions, Java vs native LAPACK: QR 20000x200 thin Q + R, SVD 200x2000 with vectors, "
                            + "symmetric eigen 1000 with vectors, LU 2000, Cholesky 2000",
                    QrBenchmark.TARGET,
                    SvdBenchmark.TARGET,
                    SymmetricEigenBenchmark.TARGET,
                    LuBenchmark.TARGET,
                    CholeskyBenchmark.TARGET),
            BenchSuite.of(
                    "sketch",
                    "sketch application S*A per operator (nla-sketch), A dense m x 200, m = 20000 and 100000, d = 800;"
                            + " randomized SVD of a dense 4000 x 4000 matrix, k = 50, p = 10, q = 4, LU;"
                            + " sketch-and-precondition vs dense QR least squares, 20000 x 200",
                    SketchApplyBenchmark.TARGET,
                    RandomizedSvdBenchmark.TARGET,
                    SketchLeastSquaresBenchmark.TARGET),
            BenchSuite.of(
                    "tensor",
                    "Tucker summation strategies at d = 3 (n = 200, s = 20, r = 10, t = 15) and d = 4 (n = 100, s = 10, "
                            + "r = 8, t = 12), and sketched vs formal-QR time against s = 8..64 (nla-tensor)",
                    TuckerSummationBenchmark.TARGET,
                    TuckerScalingBenchmark.TARGET),
            BenchSuite.of(
                    "attention-exact",
                    "exact attention, d = 64, n = 512..16384: dense vs online softmax (plain and causal) vs KV-cache"
                            + " decoding (nla-attention)",
                    AttentionExactBenchmark.TARGET),
            BenchSuite.of(
                    "attention-approx",
                    "time per attention method (every registered one, exact as baseline) vs n = 1024..16384, d = 64, "
                            + "size parameter 64 (nla-attention)",
                    AttentionApproxBenchmark.TARGET));

    static {
        Set<String> names = new HashSet<>();
        for (BenchSuite s : REGISTERED) {
            if (!names.add(s.name())) {
                throw new ExceptionInInitializerError("two benchmark suites are named '" + s.name() + "'");
            }
        }
    }

    private BenchSuites() {}

    /**
     * All registered suites.
     *
     * @return an unmodifiable list
     */
    public static List<BenchSuite> all() {
        return REGISTERED;
    }

    /**
     * The names of all registered suites.
     *
     * @return an unmodifiable list
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (BenchSuite s : REGISTERED) {
            names.add(s.name());
        }
        return List.copyOf(names);
    }

    /**
     * The suite with the given name.
     *
     * @param name a suite name
     * @return the suite, or empty if none has that name
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<BenchSuite> find(String name) {
        Objects.requireNonNull(name, "name");
        return REGISTERED.stream().filter(s -> s.name().equals(name)).findFirst();
    }
}
