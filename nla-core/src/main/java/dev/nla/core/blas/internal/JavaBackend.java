package dev.nla.core.blas.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.parallel.Parallel;

/**
 * The pure-Java backends' common part: a multithreaded front end to the blocked {@link GemmDriver},
 * level-3 routines (syrk, trsm, trmm) by recursive splitting into GEMM-rich halves, and portable
 * level-1/2 loops that subclasses may override with vectorized versions.
 *
 * <p>Recursion [Elmroth, Gustavson, Jonsson, Kågström 2004]: halving the triangular or symmetric
 * dimension until a block of at most {@value #RECURSION_CUTOFF} remains puts almost all flops into
 * large GEMM calls, which pack their operands once. The unblocked base cases walk columns so that
 * the column-major storage is read contiguously.
 */
abstract class JavaBackend implements Backend {
    /** Order below which syrk, trsm and trmm use their unblocked base cases. */
    static final int RECURSION_CUTOFF = 64;

    /** Below this many multiply-adds ({@code m*n*k}) GEMM runs on the calling thread only. */
    static final long PARALLEL_THRESHOLD = 1L << 21;

    private final GemmDriver driver;
    private final int threads;

    JavaBackend(GemmDriver driver, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        this.driver = driver;
        this.threads = threads;
    }

    @Override
    public int threads() {
        return threads;
    }

    // ---------------------------------------------------------------- gemm

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
        boolean ta = transA.isTranspose();
        boolean tb = transB.isTranspose();
        long work = (long) m * n * k;
        int parts = threads;
        if (parts > 1 && work >= PARALLEL_THRESHOLD && alpha != 0.0) {
            // Split the larger output dimension so that the operand packed redundantly by every
            // part is the smaller one; boundaries are tile-aligned so tiles match the serial run.
            if (m >= n) {
                parts = Math.min(parts, (m + driver.mr() - 1) / driver.mr());
                int[] bounds = Parallel.split(m, parts, driver.mr());
                Parallel.forEach(parts, part -> {
                    int i0 = bounds[part];
                    int rows = bounds[part + 1] - i0;
                    int aStart = ta ? aOff + i0 * lda : aOff + i0;
                    driver.gemm(ta, tb, rows, n, k, alpha, a, aStart, lda, b, bOff, ldb, beta, c, cOff + i0, ldc);
                });
            } else {
                parts = Math.min(parts, (n + driver.nr() - 1) / driver.nr());
                int[] bounds = Parallel.split(n, parts, driver.nr());
                Parallel.forEach(parts, part -> {
                    int j0 = bounds[part];
                    int cols = bounds[part + 1] - j0;
                    int bStart = tb ? bOff + j0 : bOff + j0 * ldb;
                    driver.gemm(ta, tb, m, cols, k, alpha, a, aOff, lda, b, bStart, ldb, beta, c, cOff + j0 * ldc, ldc);
                });
            }
        } else {
            driver.gemm(ta, tb, m, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        }
    }

    // ---------------------------------------------------------------- syrk

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
        if (alpha == 0.0 || k == 0) {
            scaleTriangle(triangle, n, beta, c, cOff, ldc);
            return;
        }
        syrkRecursive(triangle == Triangle.LOWER, trans.isTranspose(), n, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
    }

    /**
     * With \(P = A\) (no transpose, \(n \times k\)) or \(P = A^{\mathsf T}\) (\(A\) is \(k \times
     * n\)): \(C \leftarrow \alpha PP^{\mathsf T} + \beta C\) on one triangle.
     */
    private void syrkRecursive(
            boolean lower,
            boolean trans,
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
        if (n <= RECURSION_CUTOFF) {
            // Full product of the diagonal block into scratch, then copy one triangle back.
            double[] t = new double[n * n];
            copyBlock(n, n, c, cOff, ldc, t, 0, n, lower);
            Transpose ta = trans ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
            gemm(ta, ta.flip(), n, n, k, alpha, a, aOff, lda, a, aOff, lda, beta, t, 0, n);
            copyTriangle(lower, n, t, 0, n, c, cOff, ldc);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        int p2 = trans ? aOff + n1 * lda : aOff + n1; // P[n1:, :]
        syrkRecursive(lower, trans, n1, k, alpha, a, aOff, lda, beta, c, cOff, ldc);
        Transpose ta = trans ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
        if (lower) {
            // C21 <- alpha P2 P1^T + beta C21
            gemm(ta, ta.flip(), n2, n1, k, alpha, a, p2, lda, a, aOff, lda, beta, c, cOff + n1, ldc);
        } else {
            // C12 <- alpha P1 P2^T + beta C12
            gemm(ta, ta.flip(), n1, n2, k, alpha, a, aOff, lda, a, p2, lda, beta, c, cOff + n1 * ldc, ldc);
        }
        syrkRecursive(lower, trans, n2, k, alpha, a, p2, lda, beta, c, cOff + n1 + n1 * ldc, ldc);
    }

    // ---------------------------------------------------------------- syr2k

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
        if (alpha == 0.0 || k == 0) {
            scaleTriangle(triangle, n, beta, c, cOff, ldc);
            return;
        }
        syr2kRecursive(
                triangle == Triangle.LOWER,
                trans.isTranspose(),
                n,
                k,
                alpha,
                a,
                aOff,
                lda,
                b,
                bOff,
                ldb,
                beta,
                c,
                cOff,
                ldc);
    }

    /** With \(P = \operatorname{op}(A)\), \(Q = \operatorname{op}(B)\): \(C \leftarrow \alpha(PQ^{\mathsf T} + QP^{\mathsf T}) + \beta C\). */
    private void syr2kRecursive(
            boolean lower,
            boolean trans,
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
        Transpose ta = trans ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
        if (n <= RECURSION_CUTOFF) {
            double[] t = new double[n * n];
            copyBlock(n, n, c, cOff, ldc, t, 0, n, lower);
            gemm(ta, ta.flip(), n, n, k, alpha, a, aOff, lda, b, bOff, ldb, beta, t, 0, n);
            gemm(ta, ta.flip(), n, n, k, alpha, b, bOff, ldb, a, aOff, lda, 1.0, t, 0, n);
            copyTriangle(lower, n, t, 0, n, c, cOff, ldc);
            return;
        }
        int n1 = n / 2;
        int n2 = n - n1;
        int a2 = trans ? aOff + n1 * lda : aOff + n1;
        int b2 = trans ? bOff + n1 * ldb : bOff + n1;
        syr2kRecursive(lower, trans, n1, k, alpha, a, aOff, lda, b, bOff, ldb, beta, c, cOff, ldc);
        if (lower) {
            // C21 <- alpha (P2 Q1^T + Q2 P1^T) + beta C21
            gemm(ta, ta.flip(), n2, n1, k, alpha, a, a2, lda, b, bOff, ldb, beta, c, cOff + n1, ldc);
            gemm(ta, ta.flip(), n2, n1, k, alpha, b, b2, ldb, a, aOff, lda, 1.0, c, cOff + n1, ldc);
        } else {
            // C12 <- alpha (P1 Q2^T + Q1 P2^T) + beta C12
            gemm(ta, ta.flip(), n1, n2, k, alpha, a, aOff, lda, b, b2, ldb, beta, c, cOff + n1 * ldc, ldc);
            gemm(ta, ta.flip(), n1, n2, k, alpha, b, bOff, ldb, a, a2, lda, 1.0, c, cOff + n1 * ldc, ldc);
        }
        syr2kRecursive(lower, trans, n2, k, alpha, a, a2, lda, b, b2, ldb, beta, c, cOff + n1 + n1 * ldc, ldc);
    }

    // ---------------------------------------------------------------- trsm

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
        if (alpha != 1.0) {
            GemmDriver.scale(m, n, alpha, b, bOff, ldb);
        }
        if (alpha == 0.0) {
            return;
        }
        boolean effLower = (triangle == Triangle.LOWER) != transA.isTranspose();
        trsmRecursive(
                side == Side.LEFT,
                effLower,
                transA.isTranspose(),
                diag == Diagonal.UNIT,
                m,
                n,
                a,
                aOff,
                lda,
                b,
                bOff,
                ldb);
    }

    /** Solves op(A) X = B (left) or X op(A) = B (right) in place, op(A) effectively lower/upper. */
    private void trsmRecursive(
            boolean left,
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        int order = left ? m : n;
        if (order <= RECURSION_CUTOFF) {
            if (left) {
                trsmLeftUnblocked(effLower, trans, unit, m, n, a, aOff, lda, b, bOff, ldb);
            } else {
                trsmRightUnblocked(effLower, trans, unit, m, n, a, aOff, lda, b, bOff, ldb);
            }
            return;
        }
        int h1 = order / 2;
        int h2 = order - h1;
        int a11 = aOff;
        int a22 = aOff + h1 + h1 * lda;
        // op(A)_{21} (rows h1.., cols ..h1) is A21 or (A12)^T; op(A)_{12} is A12 or (A21)^T.
        int opA21 = trans ? aOff + h1 * lda : aOff + h1;
        int opA12 = trans ? aOff + h1 : aOff + h1 * lda;
        Transpose ta = trans ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
        Transpose nt = Transpose.NO_TRANSPOSE;
        if (left) {
            int b1 = bOff;
            int b2 = bOff + h1;
            if (effLower) {
                trsmRecursive(true, true, trans, unit, h1, n, a, a11, lda, b, b1, ldb);
                gemm(ta, nt, h2, n, h1, -1.0, a, opA21, lda, b, b1, ldb, 1.0, b, b2, ldb);
                trsmRecursive(true, true, trans, unit, h2, n, a, a22, lda, b, b2, ldb);
            } else {
                trsmRecursive(true, false, trans, unit, h2, n, a, a22, lda, b, b2, ldb);
                gemm(ta, nt, h1, n, h2, -1.0, a, opA12, lda, b, b2, ldb, 1.0, b, b1, ldb);
                trsmRecursive(true, false, trans, unit, h1, n, a, a11, lda, b, b1, ldb);
            }
        } else {
            int b1 = bOff;
            int b2 = bOff + h1 * ldb;
            if (effLower) {
                // X2 L22 = B2; B1 -= X2 L21; X1 L11 = B1
                trsmRecursive(false, true, trans, unit, m, h2, a, a22, lda, b, b2, ldb);
                gemm(nt, ta, m, h1, h2, -1.0, b, b2, ldb, a, opA21, lda, 1.0, b, b1, ldb);
                trsmRecursive(false, true, trans, unit, m, h1, a, a11, lda, b, b1, ldb);
            } else {
                // X1 U11 = B1; B2 -= X1 U12; X2 U22 = B2
                trsmRecursive(false, false, trans, unit, m, h1, a, a11, lda, b, b1, ldb);
                gemm(nt, ta, m, h2, h1, -1.0, b, b1, ldb, a, opA12, lda, 1.0, b, b2, ldb);
                trsmRecursive(false, false, trans, unit, m, h2, a, a22, lda, b, b2, ldb);
            }
        }
    }

    private static void trsmLeftUnblocked(
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        for (int j = 0; j < n; j++) {
            int bj = bOff + j * ldb;
            if (!trans) {
                // Column (axpy) form: A's columns are contiguous.
                if (effLower) {
                    for (int l = 0; l < m; l++) {
                        int al = aOff + l * lda;
                        double x = unit ? b[bj + l] : b[bj + l] / a[al + l];
                        b[bj + l] = x;
                        for (int i = l + 1; i < m; i++) {
                            b[bj + i] -= a[al + i] * x;
                        }
                    }
                } else {
                    for (int l = m - 1; l >= 0; l--) {
                        int al = aOff + l * lda;
                        double x = unit ? b[bj + l] : b[bj + l] / a[al + l];
                        b[bj + l] = x;
                        for (int i = 0; i < l; i++) {
                            b[bj + i] -= a[al + i] * x;
                        }
                    }
                }
            } else {
                // Dot form: op(A)[i, l] = A[l, i], so row i of op(A) is column i of A.
                if (effLower) {
                    for (int i = 0; i < m; i++) {
                        int ai = aOff + i * lda;
                        double s = b[bj + i];
                        for (int l = 0; l < i; l++) {
                            s -= a[ai + l] * b[bj + l];
                        }
                        b[bj + i] = unit ? s : s / a[ai + i];
                    }
                } else {
                    for (int i = m - 1; i >= 0; i--) {
                        int ai = aOff + i * lda;
                        double s = b[bj + i];
                        for (int l = i + 1; l < m; l++) {
                            s -= a[ai + l] * b[bj + l];
                        }
                        b[bj + i] = unit ? s : s / a[ai + i];
                    }
                }
            }
        }
    }

    private static void trsmRightUnblocked(
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        // X op(A) = B column by column: B[:, l] = sum_j X[:, j] op(A)[j, l].
        if (effLower) {
            for (int l = n - 1; l >= 0; l--) {
                int bl = bOff + l * ldb;
                for (int j = l + 1; j < n; j++) {
                    double t = opEntry(trans, a, aOff, lda, j, l);
                    int bjx = bOff + j * ldb;
                    for (int i = 0; i < m; i++) {
                        b[bl + i] -= b[bjx + i] * t;
                    }
                }
                if (!unit) {
                    double d = opEntry(trans, a, aOff, lda, l, l);
                    for (int i = 0; i < m; i++) {
                        b[bl + i] /= d;
                    }
                }
            }
        } else {
            for (int l = 0; l < n; l++) {
                int bl = bOff + l * ldb;
                for (int j = 0; j < l; j++) {
                    double t = opEntry(trans, a, aOff, lda, j, l);
                    int bjx = bOff + j * ldb;
                    for (int i = 0; i < m; i++) {
                        b[bl + i] -= b[bjx + i] * t;
                    }
                }
                if (!unit) {
                    double d = opEntry(trans, a, aOff, lda, l, l);
                    for (int i = 0; i < m; i++) {
                        b[bl + i] /= d;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- trmm

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
        if (alpha == 0.0) {
            GemmDriver.scale(m, n, 0.0, b, bOff, ldb);
            return;
        }
        boolean effLower = (triangle == Triangle.LOWER) != transA.isTranspose();
        trmmRecursive(
                side == Side.LEFT,
                effLower,
                transA.isTranspose(),
                diag == Diagonal.UNIT,
                m,
                n,
                a,
                aOff,
                lda,
                b,
                bOff,
                ldb);
        if (alpha != 1.0) {
            GemmDriver.scale(m, n, alpha, b, bOff, ldb);
        }
    }

    /** B <- op(A) B (left) or B op(A) (right) in place. */
    private void trmmRecursive(
            boolean left,
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        int order = left ? m : n;
        if (order <= RECURSION_CUTOFF) {
            if (left) {
                trmmLeftUnblocked(effLower, trans, unit, m, n, a, aOff, lda, b, bOff, ldb);
            } else {
                trmmRightUnblocked(effLower, trans, unit, m, n, a, aOff, lda, b, bOff, ldb);
            }
            return;
        }
        int h1 = order / 2;
        int h2 = order - h1;
        int a11 = aOff;
        int a22 = aOff + h1 + h1 * lda;
        int opA21 = trans ? aOff + h1 * lda : aOff + h1;
        int opA12 = trans ? aOff + h1 : aOff + h1 * lda;
        Transpose ta = trans ? Transpose.TRANSPOSE : Transpose.NO_TRANSPOSE;
        Transpose nt = Transpose.NO_TRANSPOSE;
        if (left) {
            int b1 = bOff;
            int b2 = bOff + h1;
            if (effLower) {
                // B2 <- L22 B2 + L21 B1 (B1 still original), then B1 <- L11 B1
                trmmRecursive(true, true, trans, unit, h2, n, a, a22, lda, b, b2, ldb);
                gemm(ta, nt, h2, n, h1, 1.0, a, opA21, lda, b, b1, ldb, 1.0, b, b2, ldb);
                trmmRecursive(true, true, trans, unit, h1, n, a, a11, lda, b, b1, ldb);
            } else {
                // B1 <- U11 B1 + U12 B2 (B2 still original), then B2 <- U22 B2
                trmmRecursive(true, false, trans, unit, h1, n, a, a11, lda, b, b1, ldb);
                gemm(ta, nt, h1, n, h2, 1.0, a, opA12, lda, b, b2, ldb, 1.0, b, b1, ldb);
                trmmRecursive(true, false, trans, unit, h2, n, a, a22, lda, b, b2, ldb);
            }
        } else {
            int b1 = bOff;
            int b2 = bOff + h1 * ldb;
            if (effLower) {
                // X1 = B1 L11 + B2 L21 (B2 original), X2 = B2 L22
                trmmRecursive(false, true, trans, unit, m, h1, a, a11, lda, b, b1, ldb);
                gemm(nt, ta, m, h1, h2, 1.0, b, b2, ldb, a, opA21, lda, 1.0, b, b1, ldb);
                trmmRecursive(false, true, trans, unit, m, h2, a, a22, lda, b, b2, ldb);
            } else {
                // X2 = B1 U12 + B2 U22 (B1 original), X1 = B1 U11
                trmmRecursive(false, false, trans, unit, m, h2, a, a22, lda, b, b2, ldb);
                gemm(nt, ta, m, h2, h1, 1.0, b, b1, ldb, a, opA12, lda, 1.0, b, b2, ldb);
                trmmRecursive(false, false, trans, unit, m, h1, a, a11, lda, b, b1, ldb);
            }
        }
    }

    private static void trmmLeftUnblocked(
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        for (int j = 0; j < n; j++) {
            int bj = bOff + j * ldb;
            if (!trans) {
                // Column form: b <- sum_l b_l A[:, l], visiting l so that b_l is read before it changes.
                if (effLower) {
                    for (int l = m - 1; l >= 0; l--) {
                        int al = aOff + l * lda;
                        double x = b[bj + l];
                        b[bj + l] = unit ? x : x * a[al + l];
                        for (int i = l + 1; i < m; i++) {
                            b[bj + i] += a[al + i] * x;
                        }
                    }
                } else {
                    for (int l = 0; l < m; l++) {
                        int al = aOff + l * lda;
                        double x = b[bj + l];
                        for (int i = 0; i < l; i++) {
                            b[bj + i] += a[al + i] * x;
                        }
                        b[bj + l] = unit ? x : x * a[al + l];
                    }
                }
            } else {
                // Dot form with op(A)[i, l] = A[l, i].
                if (effLower) {
                    for (int i = m - 1; i >= 0; i--) {
                        int ai = aOff + i * lda;
                        double s = unit ? b[bj + i] : b[bj + i] * a[ai + i];
                        for (int l = 0; l < i; l++) {
                            s += a[ai + l] * b[bj + l];
                        }
                        b[bj + i] = s;
                    }
                } else {
                    for (int i = 0; i < m; i++) {
                        int ai = aOff + i * lda;
                        double s = unit ? b[bj + i] : b[bj + i] * a[ai + i];
                        for (int l = i + 1; l < m; l++) {
                            s += a[ai + l] * b[bj + l];
                        }
                        b[bj + i] = s;
                    }
                }
            }
        }
    }

    private static void trmmRightUnblocked(
            boolean effLower,
            boolean trans,
            boolean unit,
            int m,
            int n,
            double[] a,
            int aOff,
            int lda,
            double[] b,
            int bOff,
            int ldb) {
        // New column l = sum_j B[:, j] op(A)[j, l], visiting l so that the columns read are original.
        if (effLower) {
            for (int l = 0; l < n; l++) {
                int bl = bOff + l * ldb;
                if (!unit) {
                    double d = opEntry(trans, a, aOff, lda, l, l);
                    for (int i = 0; i < m; i++) {
                        b[bl + i] *= d;
                    }
                }
                for (int j = l + 1; j < n; j++) {
                    double t = opEntry(trans, a, aOff, lda, j, l);
                    int bjx = bOff + j * ldb;
                    for (int i = 0; i < m; i++) {
                        b[bl + i] += b[bjx + i] * t;
                    }
                }
            }
        } else {
            for (int l = n - 1; l >= 0; l--) {
                int bl = bOff + l * ldb;
                if (!unit) {
                    double d = opEntry(trans, a, aOff, lda, l, l);
                    for (int i = 0; i < m; i++) {
                        b[bl + i] *= d;
                    }
                }
                for (int j = 0; j < l; j++) {
                    double t = opEntry(trans, a, aOff, lda, j, l);
                    int bjx = bOff + j * ldb;
                    for (int i = 0; i < m; i++) {
                        b[bl + i] += b[bjx + i] * t;
                    }
                }
            }
        }
    }

    // ---------------------------------------------------------------- level 2

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
        if (beta != 1.0) {
            scal(leny, beta, y, yOff, incy);
        }
        if (alpha == 0.0 || m == 0 || n == 0) {
            return;
        }
        if (!transA.isTranspose()) {
            for (int j = 0; j < n; j++) {
                axpy(m, alpha * x[xOff + j * incx], a, aOff + j * lda, 1, y, yOff, incy);
            }
        } else {
            for (int j = 0; j < n; j++) {
                y[yOff + j * incy] += alpha * dot(m, a, aOff + j * lda, 1, x, xOff, incx);
            }
        }
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
        if (alpha == 0.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            axpy(m, alpha * y[yOff + j * incy], x, xOff, incx, a, aOff + j * lda, 1);
        }
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
        if (beta != 1.0) {
            scal(n, beta, y, yOff, incy);
        }
        if (alpha == 0.0 || n == 0) {
            return;
        }
        // Column j of the stored triangle serves twice: y[rest] += alpha x_j A[rest, j] and
        // y_j += alpha A[rest, j]^T x[rest] (the reference dsymv column sweep).
        boolean lower = triangle == Triangle.LOWER;
        for (int j = 0; j < n; j++) {
            int col = aOff + j * lda;
            int from = lower ? j + 1 : 0;
            int len = lower ? n - j - 1 : j;
            double t1 = alpha * x[xOff + j * incx];
            double t2 = axpyDot(len, t1, a, col + from, x, xOff + from * incx, incx, y, yOff + from * incy, incy);
            y[yOff + j * incy] += t1 * a[col + j] + alpha * t2;
        }
    }

    /**
     * Fused column step: \(y \leftarrow y + s\,a\) and returns \(a^{\mathsf T}x\), over {@code len}
     * entries ({@code a} contiguous). Subclasses vectorize it.
     */
    double axpyDot(
            int len, double s, double[] a, int aOff, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        double dot = 0.0;
        for (int i = 0; i < len; i++) {
            double ai = a[aOff + i];
            y[yOff + i * incy] += s * ai;
            dot += ai * x[xOff + i * incx];
        }
        return dot;
    }

    // ---------------------------------------------------------------- level 1

    @Override
    public void axpy(int n, double alpha, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        if (alpha == 0.0) {
            return;
        }
        if (incx == 1 && incy == 1) {
            for (int i = 0; i < n; i++) {
                y[yOff + i] += alpha * x[xOff + i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                y[yOff + i * incy] += alpha * x[xOff + i * incx];
            }
        }
    }

    @Override
    public double dot(int n, double[] x, int xOff, int incx, double[] y, int yOff, int incy) {
        double s0 = 0.0;
        double s1 = 0.0;
        double s2 = 0.0;
        double s3 = 0.0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += x[xOff + i * incx] * y[yOff + i * incy];
            s1 += x[xOff + (i + 1) * incx] * y[yOff + (i + 1) * incy];
            s2 += x[xOff + (i + 2) * incx] * y[yOff + (i + 2) * incy];
            s3 += x[xOff + (i + 3) * incx] * y[yOff + (i + 3) * incy];
        }
        for (; i < n; i++) {
            s0 += x[xOff + i * incx] * y[yOff + i * incy];
        }
        return (s0 + s1) + (s2 + s3);
    }

    @Override
    public double nrm2(int n, double[] x, int xOff, int incx) {
        return Nrm2.of(n, x, xOff, incx);
    }

    @Override
    public void scal(int n, double alpha, double[] x, int xOff, int incx) {
        if (alpha == 1.0) {
            return;
        }
        if (alpha == 0.0) {
            for (int i = 0; i < n; i++) {
                x[xOff + i * incx] = 0.0;
            }
            return;
        }
        for (int i = 0; i < n; i++) {
            x[xOff + i * incx] *= alpha;
        }
    }

    // ---------------------------------------------------------------- helpers

    private static double opEntry(boolean trans, double[] a, int aOff, int lda, int i, int j) {
        return trans ? a[aOff + j + i * lda] : a[aOff + i + j * lda];
    }

    static void scaleTriangle(Triangle triangle, int n, double beta, double[] c, int cOff, int ldc) {
        if (beta == 1.0) {
            return;
        }
        for (int j = 0; j < n; j++) {
            int from = triangle == Triangle.LOWER ? j : 0;
            int to = triangle == Triangle.LOWER ? n : j + 1;
            int cj = cOff + j * ldc;
            for (int i = from; i < to; i++) {
                c[cj + i] = beta == 0.0 ? 0.0 : beta * c[cj + i];
            }
        }
    }

    /** Copies the {@code lower} (or upper) triangle of an n x n block; the rest of dst is unspecified. */
    private static void copyBlock(
            int m, int n, double[] src, int sOff, int lds, double[] dst, int dOff, int ldd, boolean lower) {
        for (int j = 0; j < n; j++) {
            int from = lower ? j : 0;
            int to = lower ? m : Math.min(j + 1, m);
            System.arraycopy(src, sOff + from + j * lds, dst, dOff + from + j * ldd, to - from);
        }
    }

    private static void copyTriangle(
            boolean lower, int n, double[] src, int sOff, int lds, double[] dst, int dOff, int ldd) {
        copyBlock(n, n, src, sOff, lds, dst, dOff, ldd, lower);
    }
}
