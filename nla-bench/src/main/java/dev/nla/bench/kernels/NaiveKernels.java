package dev.nla.bench.kernels;

import java.util.Objects;

/**
 * Textbook triple loops on compact column-major arrays: the "naive" baseline of the GEMM, GEMV
 * and TRSM benchmarks and of the {@code gemm-scaling} experiment.
 *
 * <p>The loops are ordered so that the innermost loop runs down a column (stride 1): for GEMM
 * this is the j-p-i order, the column-major counterpart of the row-major i-k-j loop (the same
 * loop on the transposed problem). It is what a careful programmer writes without blocking,
 * packing or explicit SIMD; the JIT may auto-vectorize its inner loop. The literal i-k-j order on
 * column-major data would stride through memory and make every other implementation look
 * several times better than it is, so it is not used.
 *
 * <p>No argument checks beyond null and length: these are benchmark kernels, called with
 * consistent sizes.
 */
public final class NaiveKernels {
    private NaiveKernels() {}

    /**
     * \(C \leftarrow AB\) with \(A\) of size \(m \times k\), \(B\) of size \(k \times n\), all compact
     * column-major ({@code ld} = rows).
     *
     * <p>\(2mnk\) flops; per entry the sum runs over \(p = 0, \dots, k-1\) in order, so the error
     * obeys the standard bound \(|\hat c_{ij} - c_{ij}| \le \gamma_k (|A||B|)_{ij}\).
     *
     * @param m rows of \(C\) and \(A\)
     * @param n columns of \(C\) and \(B\)
     * @param k columns of \(A\), rows of \(B\)
     * @param a \(A\), length at least \(mk\); not modified
     * @param b \(B\), length at least \(kn\); not modified
     * @param c \(C\), length at least \(mn\); overwritten
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if a size is negative or an array is too short
     */
    public static void gemm(int m, int n, int k, double[] a, double[] b, double[] c) {
        checkLength("a", a, (long) m * k);
        checkLength("b", b, (long) k * n);
        checkLength("c", c, (long) m * n);
        for (int j = 0; j < n; j++) {
            int cj = j * m;
            for (int i = 0; i < m; i++) {
                c[cj + i] = 0.0;
            }
            for (int p = 0; p < k; p++) {
                double bpj = b[p + j * k];
                int ap = p * m;
                for (int i = 0; i < m; i++) {
                    c[cj + i] += a[ap + i] * bpj;
                }
            }
        }
    }

    /**
     * \(y \leftarrow Ax\) with \(A\) of size \(m \times n\), compact column-major, as a sum of
     * scaled columns (axpy form, stride-1 inner loop); \(2mn\) flops.
     *
     * @param m rows of \(A\), length of \(y\)
     * @param n columns of \(A\), length of \(x\)
     * @param a \(A\), length at least \(mn\); not modified
     * @param x \(x\), length at least \(n\); not modified
     * @param y \(y\), length at least \(m\); overwritten
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if a size is negative or an array is too short
     */
    public static void gemv(int m, int n, double[] a, double[] x, double[] y) {
        checkLength("a", a, (long) m * n);
        checkLength("x", x, n);
        checkLength("y", y, m);
        for (int i = 0; i < m; i++) {
            y[i] = 0.0;
        }
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            int aj = j * m;
            for (int i = 0; i < m; i++) {
                y[i] += a[aj + i] * xj;
            }
        }
    }

    /**
     * Solves \(LX = B\) in place for \(X\): \(L\) lower triangular \(m \times m\) with a non-unit
     * diagonal, \(B\) of size \(m \times n\), both compact column-major. Column-oriented forward
     * substitution, one right-hand side at a time; \(m^2 n\) flops. Only the lower triangle of
     * {@code l} is read. A zero on the diagonal gives infinities or NaN, as in BLAS.
     *
     * @param m order of \(L\), rows of \(B\)
     * @param n columns of \(B\)
     * @param l \(L\), length at least \(m^2\); not modified
     * @param b \(B\) on entry, \(X\) on exit; overwritten
     * @throws NullPointerException     if an array is null
     * @throws IllegalArgumentException if a size is negative or an array is too short
     */
    public static void trsmLowerLeft(int m, int n, double[] l, double[] b) {
        checkLength("l", l, (long) m * m);
        checkLength("b", b, (long) m * n);
        for (int j = 0; j < n; j++) {
            int bj = j * m;
            for (int p = 0; p < m; p++) {
                double xp = b[bj + p] / l[p + p * m];
                b[bj + p] = xp;
                int lp = p * m;
                for (int i = p + 1; i < m; i++) {
                    b[bj + i] -= l[lp + i] * xp;
                }
            }
        }
    }

    private static void checkLength(String name, double[] array, long needed) {
        Objects.requireNonNull(array, name);
        if (needed < 0) {
            throw new IllegalArgumentException(
                    "sizes must be non-negative, so " + name + " cannot need " + needed + " entries");
        }
        if (array.length < needed) {
            throw new IllegalArgumentException(name + " has " + array.length + " entries, needs at least " + needed);
        }
    }
}
