package dev.nla.core.blas.internal;

import dev.nla.core.blas.Transpose;
import dev.nla.core.parallel.Parallel;
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
 * {@code 512}): with 512-bit preferred vectors (AVX-512) the 24 x 4 {@link VectorMicroKernel512}
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
     * @return e.g. {@code "24x4 on 512-bit vectors"}
     */
    public String kernelName() {
        return wide ? "24x4 on 512-bit vectors" : "8x6 on 256-bit vectors";
    }

    @Override
    public String name() {
        return "vector";
    }

    @Override
    public String description() {
        return "pure Java, Vector API, " + kernelName() + " GEMM micro-kernel (preferred species "
                + DoubleVector.SPECIES_PREFERRED + "), " + threads() + " thread(s)";
    }

    /** Species of the level-1/2 loops: the hardware's preferred width (4 or 8 doubles). */
    private static final VectorSpecies<Double> L = DoubleVector.SPECIES_PREFERRED;

    /** Level-2 work ({@code m*n}) from which gemv splits over threads. */
    private static final long GEMV_PARALLEL_THRESHOLD = 1L << 18;

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (alpha == 0.0) {
            return;
        }
        if (incx != 1 || incy != 1) {
            super.axpy(n, alpha, x, xOff, incx, y, yOff, incy);
            return;
        }
        DoubleVector av = DoubleVector.broadcast(L, alpha);
        int i = 0;
        int bound = L.loopBound(n);
        for (; i < bound; i += L.length()) {
            DoubleVector xv = DoubleVector.fromArray(L, x, xOff + i);
            DoubleVector yv = DoubleVector.fromArray(L, y, yOff + i);
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
        int w = L.length();
        DoubleVector s0 = DoubleVector.zero(L);
        DoubleVector s1 = DoubleVector.zero(L);
        int i = 0;
        for (; i + 2 * w <= n; i += 2 * w) {
            s0 = DoubleVector.fromArray(L, x, xOff + i).fma(DoubleVector.fromArray(L, y, yOff + i), s0);
            s1 = DoubleVector.fromArray(L, x, xOff + i + w).fma(DoubleVector.fromArray(L, y, yOff + i + w), s1);
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

    @Override
    public void gemv(
            Transpose transA,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] x,
            int xOff,
            int incx,
            double beta,
            double[] y,
            int yOff,
            int incy) {
        boolean trans = transA.isTranspose();
        if (trans ? incx != 1 : incy != 1) {
            super.gemv(transA, m, n, alpha, a, aOff, lda, x, xOff, incx, beta, y, yOff, incy);
            return;
        }
        int leny = trans ? n : m;
        if (beta != 1.0) {
            scal(leny, beta, y, yOff, incy);
        }
        if (alpha == 0.0 || m == 0 || n == 0) {
            return;
        }
        int parts = (long) m * n >= GEMV_PARALLEL_THRESHOLD ? Math.min(threads(), Math.max(1, leny / 64)) : 1;
        int[] bounds = Parallel.split(leny, parts, L.length());
        if (!trans) {
            // Rows split: each part owns y[i0:i1) and sweeps all columns, four at a time.
            Parallel.forEach(
                    parts, p -> gemvRows(bounds[p], bounds[p + 1], n, alpha, a, aOff, lda, x, xOff, incx, y, yOff));
        } else {
            // Columns split: each part owns y[j0:j1), one dot product per column, four at a time.
            Parallel.forEach(
                    parts, p -> gemvColumns(bounds[p], bounds[p + 1], m, alpha, a, aOff, lda, x, xOff, y, yOff, incy));
        }
    }

    /** \(y[i_0:i_1) \mathrel{+}= \alpha A[i_0:i_1, :]\,x\); each entry is a chain of fused multiply-adds in column order. */
    private static void gemvRows(
            int i0,
            int i1,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] x,
            int xOff,
            int incx,
            double[] y,
            int yOff) {
        int w = L.length();
        int vecEnd = i0 + ((i1 - i0) / w) * w;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            double x0 = alpha * x[xOff + j * incx];
            double x1 = alpha * x[xOff + (j + 1) * incx];
            double x2 = alpha * x[xOff + (j + 2) * incx];
            double x3 = alpha * x[xOff + (j + 3) * incx];
            DoubleVector v0 = DoubleVector.broadcast(L, x0);
            DoubleVector v1 = DoubleVector.broadcast(L, x1);
            DoubleVector v2 = DoubleVector.broadcast(L, x2);
            DoubleVector v3 = DoubleVector.broadcast(L, x3);
            int c0 = aOff + j * lda;
            int c1 = c0 + lda;
            int c2 = c1 + lda;
            int c3 = c2 + lda;
            int i = i0;
            for (; i < vecEnd; i += w) {
                DoubleVector yv = DoubleVector.fromArray(L, y, yOff + i);
                yv = DoubleVector.fromArray(L, a, c0 + i).fma(v0, yv);
                yv = DoubleVector.fromArray(L, a, c1 + i).fma(v1, yv);
                yv = DoubleVector.fromArray(L, a, c2 + i).fma(v2, yv);
                yv = DoubleVector.fromArray(L, a, c3 + i).fma(v3, yv);
                yv.intoArray(y, yOff + i);
            }
            for (; i < i1; i++) {
                double yi = y[yOff + i];
                yi = Math.fma(a[c0 + i], x0, yi);
                yi = Math.fma(a[c1 + i], x1, yi);
                yi = Math.fma(a[c2 + i], x2, yi);
                yi = Math.fma(a[c3 + i], x3, yi);
                y[yOff + i] = yi;
            }
        }
        for (; j < n; j++) {
            double xj = alpha * x[xOff + j * incx];
            DoubleVector v = DoubleVector.broadcast(L, xj);
            int c = aOff + j * lda;
            int i = i0;
            for (; i < vecEnd; i += w) {
                DoubleVector.fromArray(L, a, c + i)
                        .fma(v, DoubleVector.fromArray(L, y, yOff + i))
                        .intoArray(y, yOff + i);
            }
            for (; i < i1; i++) {
                y[yOff + i] = Math.fma(a[c + i], xj, y[yOff + i]);
            }
        }
    }

    /** \(y_j \mathrel{+}= \alpha A[:, j]^{\mathsf T} x\) for \(j \in [j_0, j_1)\), four columns sharing each load of \(x\). */
    private static void gemvColumns(
            int j0,
            int j1,
            int m,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] x,
            int xOff,
            double[] y,
            int yOff,
            int incy) {
        int w = L.length();
        int vecEnd = (m / w) * w;
        int j = j0;
        for (; j + 3 < j1; j += 4) {
            int c0 = aOff + j * lda;
            int c1 = c0 + lda;
            int c2 = c1 + lda;
            int c3 = c2 + lda;
            DoubleVector s0 = DoubleVector.zero(L);
            DoubleVector s1 = DoubleVector.zero(L);
            DoubleVector s2 = DoubleVector.zero(L);
            DoubleVector s3 = DoubleVector.zero(L);
            int i = 0;
            for (; i < vecEnd; i += w) {
                DoubleVector xv = DoubleVector.fromArray(L, x, xOff + i);
                s0 = DoubleVector.fromArray(L, a, c0 + i).fma(xv, s0);
                s1 = DoubleVector.fromArray(L, a, c1 + i).fma(xv, s1);
                s2 = DoubleVector.fromArray(L, a, c2 + i).fma(xv, s2);
                s3 = DoubleVector.fromArray(L, a, c3 + i).fma(xv, s3);
            }
            double d0 = s0.reduceLanes(VectorOperators.ADD);
            double d1 = s1.reduceLanes(VectorOperators.ADD);
            double d2 = s2.reduceLanes(VectorOperators.ADD);
            double d3 = s3.reduceLanes(VectorOperators.ADD);
            for (; i < m; i++) {
                double xi = x[xOff + i];
                d0 = Math.fma(a[c0 + i], xi, d0);
                d1 = Math.fma(a[c1 + i], xi, d1);
                d2 = Math.fma(a[c2 + i], xi, d2);
                d3 = Math.fma(a[c3 + i], xi, d3);
            }
            y[yOff + j * incy] += alpha * d0;
            y[yOff + (j + 1) * incy] += alpha * d1;
            y[yOff + (j + 2) * incy] += alpha * d2;
            y[yOff + (j + 3) * incy] += alpha * d3;
        }
        for (; j < j1; j++) {
            int c = aOff + j * lda;
            DoubleVector s = DoubleVector.zero(L);
            int i = 0;
            for (; i < vecEnd; i += w) {
                s = DoubleVector.fromArray(L, a, c + i).fma(DoubleVector.fromArray(L, x, xOff + i), s);
            }
            double d = s.reduceLanes(VectorOperators.ADD);
            for (; i < m; i++) {
                d = Math.fma(a[c + i], x[xOff + i], d);
            }
            y[yOff + j * incy] += alpha * d;
        }
    }

    @Override
    double axpyDot(
            int len, double s, double[] a, int aOff, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (incx != 1 || incy != 1) {
            return super.axpyDot(len, s, a, aOff, x, xOff, incx, y, yOff, incy);
        }
        int w = L.length();
        int vecEnd = (len / w) * w;
        DoubleVector sv = DoubleVector.broadcast(L, s);
        DoubleVector acc = DoubleVector.zero(L);
        int i = 0;
        for (; i < vecEnd; i += w) {
            DoubleVector av = DoubleVector.fromArray(L, a, aOff + i);
            av.fma(sv, DoubleVector.fromArray(L, y, yOff + i)).intoArray(y, yOff + i);
            acc = av.fma(DoubleVector.fromArray(L, x, xOff + i), acc);
        }
        double dot = acc.reduceLanes(VectorOperators.ADD);
        for (; i < len; i++) {
            double ai = a[aOff + i];
            y[yOff + i] = Math.fma(ai, s, y[yOff + i]);
            dot = Math.fma(ai, x[xOff + i], dot);
        }
        return dot;
    }
}
