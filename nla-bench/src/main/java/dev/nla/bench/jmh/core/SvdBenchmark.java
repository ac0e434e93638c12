package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time of a thin SVD with singular values and vectors, \(A = U\Sigma V^{\mathsf T}\) for \(A \in
 * \mathbb{R}^{m \times n}\) (wide by default, \(200 \times 2000\): the acceptance size):
 * {@code Decompositions.svd(backend)} against LAPACK {@code dgesdd}.
 *
 * <p>See {@link DecompBenchmarkBase} for the implementations and the inputs.
 */
public class SvdBenchmark extends DecompBenchmarkBase {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = target("svd", SvdBenchmark.class, Map.of("rows", "40", "cols", "400"));

    /** Rows \(m\). */
    @Param({"200"})
    public int rows;

    /** Columns \(n\). */
    @Param({"2000"})
    public int cols;

    private Svd svd;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public SvdBenchmark() {}

    /**
     * Generates the input and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM (native
     *     LAPACK not loadable, or no Vector API)
     */
    @Setup(Level.Trial)
    public void setUp() {
        a = DenseMatrix.wrap(rows, cols, TestData.uniform(rows, cols, BenchInputs.stream(0)));
        svd = select(Decompositions::nativeSvd, Decompositions::svd);
    }

    /**
     * One thin SVD with vectors.
     *
     * @return \(U\), \(\sigma\), \(V^{\mathsf T}\)
     */
    @Benchmark
    public SvdResult thinSvd() {
        return svd.decompose(a, SvdVectors.THIN);
    }
}
