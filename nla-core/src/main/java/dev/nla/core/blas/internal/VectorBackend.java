package dev.nla.core.blas.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Pure-Java kernels on the incubating Vector API: the blocked GEMM driver with a generated
 * micro-kernel matched to the hardware's vector width, and vectorized axpy, dot and sum of squares.
 *
 * <p>Load this class only when {@code jdk.incubator.vector} is resolved (see {@code Backends}).
 *
 * <p>Kernel choice (system property {@code nla.gemm.kernel}: {@code auto} (default), {@code 256} or
 * {@code 512}): with 512-bit preferred vectors (AVX-512) the 24 x 8 {@link VectorMicroKernel512}
 * with blocking \(m_c = 192, k_c = 512, n_c = 4096\); otherwise the 8 x 6 {@link
 * VectorMicroKernel256} with \(m_c = 144, k_c = 256, n_c = 3072\), sized so that an \(m_c \times
 * k_c\) block of packed \(A\) sits in L2 (1 MiB on Zen 5, 512 KiB on Zen 3) and a \(k_c \times
 * n_r\) sliver of packed \(B\) in L1. The system properties {@code nla.gemm.mc}, {@code
 * nla.gemm.kc} and {@code nla.gemm.nc} override the blocking (measurements in
 * docs/decisions/0007-gemm-kernels.md).
 */
public final class VectorBackend extends JavaBackend {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;

    private final boolean wide;

    /**
     * Creates the backend.
     *
     * @param threads number of threads for GEMM and the routines built on it, {@code >= 1}
     * @throws IllegalArgumentException if {@code threads < 1} or {@code nla.gemm.kernel} is invalid
     */
    public VectorBackend(int threads) {
        this(threads, use512() ? 512 : 256);
    }

    /**
     * Creates the backend with a given micro-kernel width, whatever the hardware prefers (a kernel
     * wider than the hardware runs correctly but slowly, through emulation: useful for tests).
     *
     * @param threads    number of threads, {@code >= 1}
     * @param vectorBits 256 or 512
     * @throws IllegalArgumentException if {@code threads < 1} or {@code vectorBits} is not 256 or 512
     */
    public VectorBackend(int threads, int vectorBits) {
        super(driver(vectorBits), threads);
        this.wide = vectorBits == 512;
    }

    private static GemmDriver driver(int vectorBits) {
        if (vectorBits != 256 && vectorBits != 512) {
            throw new IllegalArgumentException("vectorBits must be 256 or 512, got " + vectorBits);
        }
        boolean wide = vectorBits == 512;
        MicroKernel kernel = wide ? new VectorMicroKernel512() : new VectorMicroKernel256();
        return new GemmDriver(
                kernel,
                Integer.getInteger("nla.gemm.mc", wide ? 192 : 144),
                Integer.getInteger("nla.gemm.kc", wide ? 512 : 256),
                Integer.getInteger("nla.gemm.nc", wide ? 4096 : 3072));
    }

    private static boolean use512() {
        String choice = System.getProperty("nla.gemm.kernel", "auto").trim();
        switch (choice) {
            case "auto":
                return DoubleVector.SPECIES_PREFERRED.length() >= 8;
            case "256":
                return false;
            case "512":
                return true;
            default:
                throw new IllegalArgumentException("nla.gemm.kernel must be auto, 256 or 512, got '" + choice + "'");
        }
    }

    /**
     * Whether the hardware executes 256-bit double vectors natively (the preferred species is at
     * least that wide); without it the Vector API falls back to slow emulation.
     *
     * @return {@code true} if this backend will be fast here
     */
    public static boolean hardwareSupported() {
        return DoubleVector.SPECIES_PREFERRED.length() >= S.length();
    }

    /**
     * The micro-kernel in use.
     *
     * @return e.g. {@code "24x8 on 512-bit vectors"}
     */
    public String kernelName() {
        return wide ? "24x8 on 512-bit vectors" : "8x6 on 256-bit vectors";
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String description() {
        return "pure Java, Vector API " + S + " 8x6 micro-kernel (preferred species " + DoubleVector.SPECIES_PREFERRED
                + "), " + threads() + " thread(s)";
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (alpha == 0.0) {
            return;
        }
        if (incx != 1 || incy != 1) {
            super.axpy(n, alpha, x, xOff, incx, y, yOff, incy);
            return;
        }
        DoubleVector av = DoubleVector.broadcast(S, alpha);
        int i = 0;
        int bound = S.loopBound(n);
        for (; i < bound; i += S.length()) {
            DoubleVector xv = DoubleVector.fromArray(S, x, xOff + i);
            DoubleVector yv = DoubleVector.fromArray(S, y, yOff + i);
            xv.fma(av, yv).intoArray(y, yOff + i);
        }
        for (; i < n; i++) {
            y[yOff + i] = Math.fma(x[xOff + i], alpha, y[yOff + i]);
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (incx != 1 || incy != 1) {
            return super.dot(n, x, xOff, incx, y, yOff, incy);
        }
        DoubleVector s0 = DoubleVector.zero(S);
        DoubleVector s1 = DoubleVector.zero(S);
        int step = 2 * S.length();
        int i = 0;
        for (; i + step <= n; i += step) {
            s0 = DoubleVector.fromArray(S, x, xOff + i).fma(DoubleVector.fromArray(S, y, yOff + i), s0);
            s1 = DoubleVector.fromArray(S, x, xOff + i + 4).fma(DoubleVector.fromArray(S, y, yOff + i + 4), s1);
        }
        double sum = s0.add(s1).reduceLanes(VectorOperators.ADD);
        for (; i < n; i++) {
            sum = Math.fma(x[xOff + i], y[yOff + i], sum);
        }
        return sum;
    }

    @Override
    public double nrm2(int n, double[] x, int xOff, int incx) {
        if (incx != 1) {
            return super.nrm2(n, x, xOff, incx);
        }
        double s = dot(n, x, xOff, 1, x, xOff, 1);
        return Nrm2.fastPathValid(s, n) ? Math.sqrt(s) : Nrm2.blue(n, x, xOff, 1);
    }
}
