package dev.nla.core.decomp.internal;

import dev.nla.core.parallel.Parallel;

/**
 * Delays the column-rotation sequences of several QR sweeps and applies them together, row block
 * by row block, so that each block of rows stays in cache across the sweeps (the "delayed
 * update" idea of Van Zee, van de Geijn and Quintana-Ortí 2011, here without wavefront
 * reordering). Every row undergoes exactly the same rotations in the same order as with immediate
 * application, so the result is bitwise identical; only the loop order changes. One fork/join per
 * flush instead of one per sweep also makes the threading worthwhile for smaller matrices.
 */
final class RotationBatch {
    private static final int CAPACITY = 32;
    private static final int ROW_BLOCK = 64;
    private static final long PARALLEL_THRESHOLD = 1L << 18;

    private final double[] a;
    private final int off;
    private final int ld;
    private final int rows;
    private final int threads;
    private final int[] col0 = new int[CAPACITY];
    private final int[] count = new int[CAPACITY];
    private final boolean[] forward = new boolean[CAPACITY];
    private final double[][] cos = new double[CAPACITY][];
    private final double[][] sin = new double[CAPACITY][];
    private int size;
    private long queuedRotations;

    /**
     * A batch for the {@code rows}-row matrix at {@code a[off]} with leading dimension {@code ld}.
     *
     * @param a       storage; overwritten by {@link #flush()}
     * @param off     index of entry (0, 0)
     * @param ld      leading dimension
     * @param rows    number of rows
     * @param threads the most threads a flush may use, {@code >= 1}
     */
    RotationBatch(double[] a, int off, int ld, int rows, int threads) {
        this.a = a;
        this.off = off;
        this.ld = ld;
        this.rows = rows;
        this.threads = threads;
        for (int i = 0; i < CAPACITY; i++) {
            cos[i] = new double[0];
            sin[i] = new double[0];
        }
    }

    /**
     * Queues a sequence (see {@link DecompKernels#applyRotations}); the cosines and sines are copied.
     *
     * @param first   first column
     * @param n       number of rotations
     * @param c       cosines; not modified
     * @param cOff    offset of the first cosine
     * @param s       sines; not modified
     * @param sOff    offset of the first sine
     * @param isForward order of application
     */
    void add(int first, int n, double[] c, int cOff, double[] s, int sOff, boolean isForward) {
        if (rows == 0 || n == 0) {
            return;
        }
        if (size == CAPACITY) {
            flush();
        }
        if (cos[size].length < n) {
            cos[size] = new double[Math.max(n, 2 * cos[size].length)];
            sin[size] = new double[cos[size].length];
        }
        System.arraycopy(c, cOff, cos[size], 0, n);
        System.arraycopy(s, sOff, sin[size], 0, n);
        col0[size] = first;
        count[size] = n;
        forward[size] = isForward;
        size++;
        queuedRotations += n;
    }

    /**
     * Queues one rotation of columns \(p\) and \(p + 1\): \(x \leftarrow c x + s y\), \(y
     * \leftarrow c y - s x\).
     *
     * @param p first column
     * @param c cosine
     * @param s sine
     */
    void addOne(int p, double c, double s) {
        add(p, 1, new double[] {c}, 0, new double[] {s}, 0, true);
    }

    /** Applies every queued sequence, in order, and empties the batch. */
    void flush() {
        if (size == 0) {
            return;
        }
        int blocks = (rows + ROW_BLOCK - 1) / ROW_BLOCK;
        int parts = (long) rows * queuedRotations >= PARALLEL_THRESHOLD ? Math.min(blocks, threads) : 1;
        if (parts <= 1) {
            applyRows(0, rows);
        } else {
            int perPart = (blocks + parts - 1) / parts;
            Parallel.forEach(parts, part -> {
                int firstRow = Math.min(rows, part * perPart * ROW_BLOCK);
                int lastRow = Math.min(rows, (part + 1) * perPart * ROW_BLOCK);
                applyRows(firstRow, lastRow);
            });
        }
        size = 0;
        queuedRotations = 0;
    }

    private void applyRows(int firstRow, int lastRow) {
        DecompKernels kernel = DecompKernels.INSTANCE;
        for (int r = firstRow; r < lastRow; r += ROW_BLOCK) {
            int end = Math.min(lastRow, r + ROW_BLOCK);
            for (int q = 0; q < size; q++) {
                kernel.applyRotations(a, off, ld, r, end, col0[q], count[q], cos[q], 0, sin[q], 0, forward[q]);
            }
        }
    }
}
