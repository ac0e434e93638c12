package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Cholesky;
import dev.nla.core.decomp.CholeskyResult;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time of a Cholesky factorization \(A = LL^{\mathsf T}\) of a symmetric positive definite \(A \in
 * \mathbb{R}^{n \times n}\) (\(n = 2000\) by default, \(\tfrac13 n^3\) flops; \(A = BB^{\mathsf
 * T}/n + I\) with uniform \(B\)): {@code Decompositions.cholesky(backend)} against LAPACK {@code
 * dpotrf}.
 *
 * <p>See {@link DecompBenchmarkBase} for the implementations and the inputs.
 */
public class CholeskyBenchmark extends DecompBenchmarkBase {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = target("cholesky", CholeskyBenchmark.class, Map.of("n", "64"));

    /** Order \(n\). */
    @Param({"2000"})
    public int n;

    private Cholesky cholesky;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public CholeskyBenchmark() {}

    /**
     * Generates the input and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM (native
     *     LAPACK not loadable, or no Vector API)
     */
    @Setup(Level.Trial)
    public void setUp() {
        a = spdInput(n);
        cholesky = select(Decompositions::nativeCholesky, Decompositions::cholesky);
    }

    /**
     * The SPD benchmark input of order \(n\): \(BB^{\mathsf T}/n + I\), \(B\) uniform from the
     * benchmark seed (eigenvalues in \([1, n/4 + 1]\) roughly, so well conditioned).
     *
     * @param n the order
     * @return a new symmetric positive definite matrix
     */
    static DenseMatrix spdInput(int n) {
        DenseMatrix b = DenseMatrix.wrap(n, n, TestData.uniform(n, n, BenchInputs.stream(0)));
        DenseMatrix s = DenseMatrix.identity(n);
        Blas.gemm(Backends.scalar(1), Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0 / n, b, b, 1.0, s);
        return s;
    }

    /**
     * One factorization.
     *
     * @return the factor \(L\)
     */
    @Benchmark
    public CholeskyResult cholesky() {
        return cholesky.factor(a);
    }
}
