package dev.nla.core.blas.internal;

/**
 * Pure-Java kernels without the Vector API: the blocked GEMM driver with a 4 x 4 scalar
 * micro-kernel, and portable level-1/2 loops. Used when {@code jdk.incubator.vector} is not
 * resolved, and as a baseline.
 */
public final class ScalarBackend extends JavaBackend {
    /**
     * Creates the backend.
     *
     * @param threads number of threads for GEMM and the routines built on it, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public ScalarBackend(int threads) {
        super(new GemmDriver(new ScalarMicroKernel(), 128, 256, 2048), threads);
    }

    @Override
    public String name() {
        return "scalar";
    }

    @Override
    public String description() {
        return "pure Java, scalar 4x4 micro-kernel, " + threads() + " thread(s)";
    }
}
