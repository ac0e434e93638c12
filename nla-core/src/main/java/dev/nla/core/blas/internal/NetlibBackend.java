package dev.nla.core.blas.internal;

import dev.ludovic.netlib.blas.NativeBLAS;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;

/**
 * Native BLAS (normally OpenBLAS) through {@code dev.ludovic.netlib}'s JNI binding. Optional: it
 * is available only when the system library loads (on Debian, {@code apt-get install
 * libopenblas0-pthread}); {@link #load()} reports whether it did.
 *
 * <p>The native library chooses its own thread count (OpenBLAS: {@code OPENBLAS_NUM_THREADS},
 * default all cores); {@link #threads()} reports that setting. Its results may depend on the
 * thread count.
 */
public final class NetlibBackend implements Backend {
    private final NativeBLAS blas;

    private NetlibBackend(NativeBLAS blas) {
        this.blas = blas;
    }

    /**
     * Loads the native library.
     *
     * @return the backend
     * @throws IllegalStateException if no native BLAS can be loaded; the message gives the reason
     */
    public static NetlibBackend load() {
        try {
            return new NetlibBackend(NativeBLAS.getInstance());
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException("native BLAS is not available: " + e, e);
        }
    }

    @Override
    public String name() {
        return "native";
    }

    @Override
    public String description() {
        return "native BLAS via " + blas.getClass().getName() + ", " + threads() + " thread(s) (OPENBLAS_NUM_THREADS)";
    }

    @Override
    public int threads() {
        String env = System.getenv("OPENBLAS_NUM_THREADS");
        if (env != null) {
            try {
                return Math.max(1, Integer.parseInt(env.trim()));
            } catch (NumberFormatException e) {
                // fall through to the library default
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * A matrix operand as netlib accepts it. netlib's {@code AbstractBLAS} checks {@code offset + cols
     * * ld - 1 < length} for every matrix argument, which is stricter than BLAS (the last entry is at
     * {@code offset + (cols - 1) * ld + rows - 1}): a valid view of the bottom rows of a parent's last
     * columns fails it. Such an operand is copied into compact scratch (and an output copied back
     * with {@link #writeBack()}); every other operand is passed as it is.
     */
    private static final class Operand {
        final double[] data;
        final int offset;
        final int ld;
        private final double[] source;
        private final int sourceOffset;
        private final int sourceLd;
        private final int rows;
        private final int cols;

        private Operand(double[] source, int sourceOffset, int sourceLd, int rows, int cols) {
            this.source = source;
            this.sourceOffset = sourceOffset;
            this.sourceLd = sourceLd;
            this.rows = rows;
            this.cols = cols;
            if ((long) sourceOffset + (long) cols * sourceLd <= source.length) {
                this.data = source;
                this.offset = sourceOffset;
                this.ld = sourceLd;
            } else {
                this.ld = Math.max(1, rows);
                this.data = new double[ld * cols];
                this.offset = 0;
                for (int j = 0; j < cols; j++) {
                    System.arraycopy(source, sourceOffset + j * sourceLd, data, j * ld, rows);
                }
            }
        }

        static Operand of(double[] a, int offset, int ld, int rows, int cols) {
            return new Operand(a, offset, ld, rows, cols);
        }

        /** Copies a scratch copy back into the caller's storage (nothing if none was made). */
        void writeBack() {
            if (data != source) {
                for (int j = 0; j < cols; j++) {
                    System.arraycopy(data, j * ld, source, sourceOffset + j * sourceLd, rows);
                }
            }
        }
    }

    private static String t(Transpose t) {
        return t.isTranspose() ? "T" : "N";
    }

    private static String uplo(Triangle t) {
        return t == Triangle.LOWER ? "L" : "U";
    }

    private static String side(Side s) {
        return s == Side.LEFT ? "L" : "R";
    }

    private static String diag(Diagonal d) {
        return d == Diagonal.UNIT ? "U" : "N";
    }

    @Override
    public void gemm(
            Transpose transA,
            Transpose transB,
            int m,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            // netlib's argument check rejects k = 0 with an empty A; BLAS defines the result as beta C.
            GemmDriver.scale(m, n, beta, c, cOff, ldc);
            return;
        }
        Operand oa = transA.isTranspose() ? Operand.of(a, aOff, lda, k, m) : Operand.of(a, aOff, lda, m, k);
        Operand ob = transB.isTranspose() ? Operand.of(b, bOff, ldb, n, k) : Operand.of(b, bOff, ldb, k, n);
        Operand oc = Operand.of(c, cOff, ldc, m, n);
        blas.dgemm(
                t(transA), t(transB), m, n, k, alpha, oa.data, oa.offset, oa.ld, ob.data, ob.offset, ob.ld, beta,
                oc.data, oc.offset, oc.ld);
        oc.writeBack();
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
        int leny = transA.isTranspose() ? n : m;
        if (leny == 0) {
            return;
        }
        if (m == 0 || n == 0) {
            scal(leny, beta, y, yOff, incy);
            return;
        }
        Operand oa = Operand.of(a, aOff, lda, m, n);
        blas.dgemv(t(transA), m, n, alpha, oa.data, oa.offset, oa.ld, x, xOff, incx, beta, y, yOff, incy);
    }

    @Override
    public void syrk(
            Triangle triangle,
            Transpose trans,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        if (n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            JavaBackend.scaleTriangle(triangle, n, beta, c, cOff, ldc);
            return;
        }
        Operand oa = trans.isTranspose() ? Operand.of(a, aOff, lda, k, n) : Operand.of(a, aOff, lda, n, k);
        Operand oc = Operand.of(c, cOff, ldc, n, n);
        blas.dsyrk(uplo(triangle), t(trans), n, k, alpha, oa.data, oa.offset, oa.ld, beta, oc.data, oc.offset, oc.ld);
        oc.writeBack();
    }

    @Override
    public void ger(
            int m,
            int n,
            double alpha,
            double[] x,
            int xOff,
            int incx,
            double[] y,
            int yOff,
            int incy,
            double[] a,
            int aOff,
            int lda) {
        if (m == 0 || n == 0) {
            return;
        }
        Operand oa = Operand.of(a, aOff, lda, m, n);
        blas.dger(m, n, alpha, x, xOff, incx, y, yOff, incy, oa.data, oa.offset, oa.ld);
        oa.writeBack();
    }

    @Override
    public void symv(
            Triangle triangle,
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
        if (n == 0) {
            return;
        }
        Operand oa = Operand.of(a, aOff, lda, n, n);
        blas.dsymv(uplo(triangle), n, alpha, oa.data, oa.offset, oa.ld, x, xOff, incx, beta, y, yOff, incy);
    }

    @Override
    public void syr2k(
            Triangle triangle,
            Transpose trans,
            int n,
            int k,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb,
            double beta,
            double[] c,
            int cOff,
            int ldc) {
        if (n == 0) {
            return;
        }
        if (k == 0 || alpha == 0.0) {
            JavaBackend.scaleTriangle(triangle, n, beta, c, cOff, ldc);
            return;
        }
        Operand oa = trans.isTranspose() ? Operand.of(a, aOff, lda, k, n) : Operand.of(a, aOff, lda, n, k);
        Operand ob = trans.isTranspose() ? Operand.of(b, bOff, ldb, k, n) : Operand.of(b, bOff, ldb, n, k);
        Operand oc = Operand.of(c, cOff, ldc, n, n);
        blas.dsyr2k(
                uplo(triangle),
                t(trans),
                n,
                k,
                alpha,
                oa.data,
                oa.offset,
                oa.ld,
                ob.data,
                ob.offset,
                ob.ld,
                beta,
                oc.data,
                oc.offset,
                oc.ld);
        oc.writeBack();
    }

    @Override
    public void trsm(
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        if (m == 0 || n == 0) {
            return;
        }
        int order = side == Side.LEFT ? m : n;
        Operand oa = Operand.of(a, aOff, lda, order, order);
        Operand ob = Operand.of(b, bOff, ldb, m, n);
        blas.dtrsm(
                side(side),
                uplo(triangle),
                t(transA),
                diag(diag),
                m,
                n,
                alpha,
                oa.data,
                oa.offset,
                oa.ld,
                ob.data,
                ob.offset,
                ob.ld);
        ob.writeBack();
    }

    @Override
    public void trmm(
            Side side,
            Triangle triangle,
            Transpose transA,
            Diagonal diag,
            int m,
            int n,
            double alpha,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        if (m == 0 || n == 0) {
            return;
        }
        int order = side == Side.LEFT ? m : n;
        Operand oa = Operand.of(a, aOff, lda, order, order);
        Operand ob = Operand.of(b, bOff, ldb, m, n);
        blas.dtrmm(
                side(side),
                uplo(triangle),
                t(transA),
                diag(diag),
                m,
                n,
                alpha,
                oa.data,
                oa.offset,
                oa.ld,
                ob.data,
                ob.offset,
                ob.ld);
        ob.writeBack();
    }

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (n == 0) {
            return;
        }
        blas.daxpy(n, alpha, x, xOff, incx, y, yOff, incy);
    }

    @Override
    public double dot(int n, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        return n == 0 ? 0.0 : blas.ddot(n, x, xOff, incx, y, yOff, incy);
    }

    @Override
    public double nrm2(int n, double[] x, int xOff, int incx) {
        return n == 0 ? 0.0 : blas.dnrm2(n, x, xOff, incx);
    }

    @Override
    public void scal(int n, double alpha, double[] x, int xOff, int incx) {
        if (n == 0 || alpha == 1.0) {
            return;
        }
        if (alpha == 0.0) {
            for (int i = 0; i < n; i++) {
                x[xOff + i * incx] = 0.0;
            }
            return;
        }
        blas.dscal(n, alpha, x, xOff, incx);
    }
}
