package dev.nla.core.blas.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * The kernel thread pool: one daemon {@link ForkJoinPool} sized to the number of available
 * processors, shared by every Java backend.
 *
 * <p>Work is split into a fixed number of independent parts decided by the caller from the
 * problem size (never by scheduling order), so results are reproducible. Parts are independent:
 * there is no barrier, so a busy pool only delays parts and cannot deadlock, and a kernel called
 * from inside a pool worker (nested parallelism) helps run the queued parts while it joins.
 */
public final class Parallel {
    private static final ForkJoinPool POOL = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("nla-kernel-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            },
            null,
            false);

    private Parallel() {}

    /**
     * Runs {@code body.accept(part)} for every {@code part} in {@code [0, parts)}: the last part on
     * the calling thread, the others on the pool, and returns when all are done.
     *
     * @param parts number of independent parts, {@code >= 1}
     * @param body  the work of one part; must not depend on which thread runs it
     * @throws RuntimeException the first exception thrown by a part, after all parts finished
     */
    public static void forEach(int parts, IntConsumer body) {
        if (parts <= 1) {
            if (parts == 1) {
                body.accept(0);
            }
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[parts - 1];
        for (int i = 0; i < parts - 1; i++) {
            int part = i;
            tasks[i] = POOL.submit(() -> body.accept(part));
        }
        RuntimeException failure = null;
        try {
            body.accept(parts - 1);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> task : tasks) {
            try {
                task.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /**
     * Splits {@code [0, n)} into {@code parts} contiguous ranges whose inner boundaries are
     * multiples of {@code align} (the last range takes the remainder).
     *
     * @param n     length of the range
     * @param parts number of ranges wanted
     * @param align alignment of the boundaries
     * @return {@code parts + 1} boundaries {@code b[0] = 0 <= b[1] <= ... <= b[parts] = n}
     */
    public static int[] split(int n, int parts, int align) {
        int[] bounds = new int[parts + 1];
        int blocks = (n + align - 1) / align;
        for (int p = 1; p < parts; p++) {
            bounds[p] = Math.min(n, (int) ((long) blocks * p / parts) * align);
        }
        bounds[parts] = n;
        return bounds;
    }
}
