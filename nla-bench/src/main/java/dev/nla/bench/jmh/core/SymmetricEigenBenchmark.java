package dev.nla.bench.jmh.core;

import dev.nla.bench.jmh.BenchTarget;
import dev.nla.bench.kernels.TestData;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * Time of a symmetric eigendecomposition with eigenvectors, \(A = Z\Lambda Z^{\mathsf T}\) for a
 * symmetric \(A \in \mathbb{R}^{n \times n}\) (\(n = 1000\) by default: the acceptance
 * size; \(A = (B + B^{\mathsf T})/2\) with uniform \(B\)): {@code
 * Decompositions.symmetricEigen(backend)} (divide and conquer) against LAPACK {@code dsyevd}.
 *
 * <p>See {@link DecompBenchmarkBase} for the implementations and the inputs.
 */
public class SymmetricEigenBenchmark extends DecompBenchmarkBase {
    /** How {@code nla bench} runs this class. */
    public static final BenchTarget TARGET = target("eigen", SymmetricEigenBenchmark.class, Map.of("n", "64"));

    /** Order \(n\). */
    @Param({"1000"})
    public int n;

    private SymmetricEigen eigen;
    private DenseMatrix a;

    /** Creates the benchmark state; JMH sets the parameters and calls {@link #setUp()}. */
    public SymmetricEigenBenchmark() {}

    /**
     * Generates the input and creates the implementation.
     *
     * @throws IllegalArgumentException if {@code impl} names no implementation
     * @throws IllegalStateException    if the implementation is not available in this JVM (native
     *     LAPACK not loadable, or no Vector API)
     */
    @Setup(Level.Trial)
    public void setUp() {
        a = symmetricInput(n);
        eigen = select(Decompositions::nativeSymmetricEigen, Decompositions::symmetricEigen);
    }

    /**
     * The symmetric benchmark input of order \(n\): \((B + B^{\mathsf T})/2\), \(B\) uniform from
     * the benchmark seed.
     *
     * @param n the order
     * @return a new symmetric matrix
     */
    static DenseMatrix symmetricInput(int n) {
        DenseMatrix b = DenseMatrix.wrap(n, n, TestData.uniform(n, n, BenchInputs.stream(0)));
        DenseMatrix s = DenseMatrix.zeros(n, n);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                s.set(i, j, 0.5 * (b.get(i, j) + b.get(j, i)));
            }
        }
        return s;
    }

    /**
     * One eigendecomposition with eigenvectors.
     *
     * @return eigenvalues (ascending) and eigenvectors
     */
    @Benchmark
    public EigenResult eigen() {
        return eigen.decompose(a, EigenOrder.ASCENDING);
    }
}
