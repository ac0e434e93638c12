package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Lu;
import dev.nla.core.decomp.LuResult;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time of an LU factorization with partial pivoting, \(PA = LU\) for \(A \in \mathbb{R}^{n \times
 * n}\) (\(n = 2000\) by default, \(\tfrac23 n^3\) flops): {@code Decompositions.lu(backend)}
 * against LAPACK {@code dgetrf}.
 *
 * <p>See {@link DecompBenchmarkBase} for the implementations and the inputs.
 */
public class LuBenchmark extends DecompBenchmarkBase {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = target("lu", LuBenchmark.class, Map.of("n", "64"));

    /** Order \(n\). */
    @Param({"2000"})
    public int n;

    private Lu lu;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public LuBenchmark() {}

    /**
     * Generates the input and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM (native
     *     LAPACK not loadable, or no Vector API)
     */
    @Setup(Level.Trial)
    public void setUp() {
        a = DenseMatrix.wrap(n, n, TestData.uniform(n, n, BenchInputs.stream(0)));
        lu = select(Decompositions::nativeLu, Decompositions::lu);
    }

    /**
     * One factorization.
     *
     * @return the packed factors and pivots
     */
    @Benchmark
    public LuResult lu() {
        return lu.factor(a);
    }
}
