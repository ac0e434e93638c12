package dev.nla.core.decomp.internal;

import dev.nla.core.blas.internal.Parallel;

/**
 * Applies sequences of plane rotations to the columns of a matrix (LAPACK dlasr, side R, pivot
 * V), blocked over rows so that the touched column segments stay in the L1 cache, and split over
 * the kernel threads when the work is large.
 *
 * <p>The Vector API kernel runs when {@code jdk.incubator.vector} is in the boot layer; otherwise
 * a scalar kernel does. The split into row blocks depends only on the sizes, so results are the
 * same whatever the thread count (each row is updated by exactly one thread, in the same order).
 */
public final class Rotations {
    private static final RotationKernel KERNEL = selectKernel();
    private static final int ROW_BLOCK = 64;
    // below ~6 * 2^18 flops per sequence the fork/join cost (and, on a loaded machine, waiting for a
    // descheduled worker) outweighs the gain: run on the calling thread
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private Rotations() {}

    private static RotationKernel selectKernel() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            try {
                Class<?> k = Class.forName("dev.nla.core.decomp.internal.VectorMicroKernelRotation");
                if ((Boolean) k.getDeclaredMethod("hardwareSupported").invoke(null)) {
                    return (RotationKernel) k.getDeclaredConstructor().newInstance();
                }
            } catch (ReflectiveOperationException | LinkageError e) {
                return new ScalarRotationKernel();
            }
        }
        return new ScalarRotationKernel();
    }

    /**
     * The kernel in use.
     *
     * @return the scalar or Vector API kernel
     */
    static RotationKernel kernel() {
        return KERNEL;
    }

    /**
     * Name of the kernel in use, for diagnostics.
     *
     * @return {@code "vector"} or {@code "scalar"}
     */
    public static String kernelName() {
        return KERNEL instanceof ScalarRotationKernel ? "scalar" : "vector";
    }

    /**
     * Applies {@code count} rotations to columns {@code col0 .. col0 + count} of the {@code rows}-row
     * matrix at {@code a[off]}: rotation \(j\) maps columns \(x = a_{:,k+j}\), \(y = a_{:,k+j+1}\) to
     * \(c_j x + s_j y\) and \(c_j y - s_j x\).
     *
     * @param a       storage; overwritten
     * @param off     index of entry (0, 0)
     * @param ld      leading dimension
     * @param rows    number of rows
     * @param col0    first column
     * @param count   number of rotations
     * @param c       cosines; not modified
     * @param cOff    offset of the first cosine
     * @param s       sines; not modified
     * @param sOff    offset of the first sine
     * @param forward {@code true} to apply rotation 0 first
     */
    public static void applyToColumns(
            double[] a,
            int off,
            int ld,
            int rows,
            int col0,
            int count,
            double[] c,
            int cOff,
            double[] s,
            int sOff,
            boolean forward) {
        if (rows == 0 || count == 0) {
            return;
        }
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        long work = (long) rows * count;
        int parts = work >= PARALLEL_THRESHOLD
                ? Math.min(blocks, Runtime.getRuntime().availableProcessors())
                : 1;
        if (parts <= 1) {
            for (int r = 0; r < rows; r += ROW_BLOCK) {
                KERNEL.apply(a, off, ld, r, Math.min(rows, r + ROW_BLOCK), col0, count, c, cOff, s, sOff, forward);
            }
            return;
        }
        int perPart = (blocks + parts - 1) / parts;
        Parallel.forEach(parts, part -> {
            int first = part * perPart * ROW_BLOCK;
            int last = Math.min(rows, (part + 1) * perPart * ROW_BLOCK);
            for (int r = first; r < last; r += ROW_BLOCK) {
                KERNEL.apply(a, off, ld, r, Math.min(last, r + ROW_BLOCK), col0, count, c, cOff, s, sOff, forward);
            }
        });
    }

    /**
     * Applies one rotation to columns \(p\) and \(q\): \(x \leftarrow c x + s y\), \(y \leftarrow c
     * y - s x\) (BLAS drot on columns).
     *
     * @param a    storage; overwritten
     * @param off  index of entry (0, 0)
     * @param ld   leading dimension
     * @param rows number of rows
     * @param p    column of \(x\)
     * @param q    column of \(y\)
     * @param c    cosine
     * @param s    sine
     */
    public static void rotateColumns(double[] a, int off, int ld, int rows, int p, int q, double c, double s) {
        int xp = off + p * ld;
        int yq = off + q * ld;
        for (int i = 0; i < rows; i++) {
            double x = a[xp + i];
            double y = a[yq + i];
            a[xp + i] = c * x + s * y;
            a[yq + i] = c * y - s * x;
        }
    }
}
