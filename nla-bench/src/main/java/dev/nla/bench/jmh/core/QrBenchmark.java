package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Qr;
import dev.nla.core.decomp.QrMode;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time of a Householder QR with the thin \(Q\) formed, \(A = QR\) for \(A \in \mathbb{R}^{m
 * \times n}\) (tall-skinny by default, \(m = 20000\), \(n = 200\): the acceptance size;
 * \(4mn^2 - \tfrac43 n^3\) flops): {@code Decompositions.qr(backend)} against LAPACK {@code
 * dgeqrf} + {@code dorgqr}.
 *
 * <p>See {@link DecompBenchmarkBase} for the implementations and the inputs.
 */
public class QrBenchmark extends DecompBenchmarkBase {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = target("qr", QrBenchmark.class, Map.of("rows", "400", "cols", "40"));

    /** Rows \(m\). */
    @Param({"20000"})
    public int rows;

    /** Columns \(n\). */
    @Param({"200"})
    public int cols;

    private Qr qr;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public QrBenchmark() {}

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
        qr = select(Decompositions::nativeQr, Decompositions::qr);
    }

    /**
     * One factorization with the thin \(Q\).
     *
     * @return \(Q\) and \(R\)
     */
    @Benchmark
    public QrResult thinQr() {
        return qr.decompose(a, QrMode.THIN);
    }
}
