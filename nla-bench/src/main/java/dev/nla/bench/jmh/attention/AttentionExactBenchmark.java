package dev.nla.bench.jmh.attention;

import static dev.nla.bench.jmh.Implementation.SCALAR;
import static dev.nla.bench.jmh.Implementation.VECTOR;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.Scaling;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.attention.exact.KvCache;
import dev.nla.attention.exact.OnlineSoftmaxAttention;
import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.jmh.Implementation;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
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
 * Exact attention \(O = \operatorname{softmax}(QK^{\mathsf T}/\sqrt d)V\), \(d = d_v = 64\), float64,
 * for \(n = m \in \{512, \dots, 16384\}\): {@code dense} ({@link DenseAttention}, one \(64 \times n\)
 * score tile per query block), {@code online-softmax} ({@link OnlineSoftmaxAttention}, \(128 \times
 * 256\) tiles), their causal versions, and {@code kv-cache} ({@link KvCache#decode}: \(n\) decoding
 * steps of one query each, equal to causal attention). The speed gate of issue 7 compares {@code
 * dense} at \(n = 4096\) on 2 threads with NumPy's {@code softmax(Q K^T / sqrt(d)) V}
 * ({@code src/main/python/attention_numpy.py}). Inputs: i.i.d. standard normal \(Q, K\), \(V + 1\),
 * fixed seed (timings do not depend on the values).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"--add-modules", "jdk.incubator.vector", "-Xmx6g", "-Djava.awt.headless=true"})
public class AttentionExactBenchmark {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = new BenchTarget(
            "attention-exact",
            AttentionExactBenchmark.class,
            List.of(VECTOR, SCALAR),
            List.of(VECTOR, SCALAR),
            Map.of("n", "512", "method", "dense,online-softmax,kv-cache"));

    /** Sequence length \(n = m\). */
    @Param({"512", "1024", "2048", "4096", "8192", "16384"})
    public int n;

    /** The method. */
    @Param({"dense", "online-softmax", "dense-causal", "online-softmax-causal", "kv-cache"})
    public String method;

    /** Threads of the backend (query blocks run in parallel). */
    @Param({"1", "2"})
    public int threads;

    /** The {@link Implementation} id of the GEMM backend. */
    @Param({"vector"})
    public String impl;

    private static final int D = 64;

    private DenseMatrix q;
    private DenseMatrix k;
    private DenseMatrix v;
    private DenseAttention dense;
    private OnlineSoftmaxAttention online;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public AttentionExactBenchmark() {}

    /**
     * Draws the inputs and activates the backend.
     *
     * @throws IllegalArgumentException if a parameter is unknown
     * @throws IllegalStateException    if the backend is not available in this JVM
     */
    @Setup(Level.Trial)
    public void setUp() {
        Backends.setActive(Implementation.parse(impl).backend(threads));
        RngState state = RngState.seed(20_260_401L).split(70);
        q = RandomMatrices.gaussian(n, D, state.split(0)).value();
        k = RandomMatrices.gaussian(n, D, state.split(1)).value();
        v = RandomMatrices.gaussian(n, D, state.split(2)).value();
        double[] a = v.data();
        for (int i = 0; i < a.length; i++) {
            a[i] += 1.0;
        }
        dense = DenseAttention.withDefaults();
        online = OnlineSoftmaxAttention.withDefaults();
        if (!List.of("dense", "online-softmax", "dense-causal", "online-softmax-causal", "kv-cache")
                .contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'");
        }
    }

    /**
     * The inputs, for tests.
     *
     * @return \(\{Q, K, V\}\) (not copies)
     */
    DenseMatrix[] inputs() {
        return new DenseMatrix[] {q, k, v};
    }

    /** Restores the default backend for whatever runs next in this JVM. */
    @TearDown(Level.Trial)
    public void tearDown() {
        Backends.setActive(Backends.select(System.getProperty(Backends.BACKEND_PROPERTY, "auto")));
    }

    /**
     * One attention evaluation.
     *
     * @return the output
     */
    @Benchmark
    public DenseMatrix attention() {
        return switch (method) {
            case "dense" -> dense.compute(q, k, v, AttentionMask.NONE);
            case "online-softmax" -> online.compute(q, k, v, AttentionMask.NONE);
            case "dense-causal" -> dense.compute(q, k, v, AttentionMask.causal());
            case "online-softmax-causal" -> online.compute(q, k, v, AttentionMask.causal());
            default -> KvCache.decode(q, k, v, Scaling.inverseSqrtDimension());
        };
    }
}
