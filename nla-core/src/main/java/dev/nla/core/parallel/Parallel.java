package dev.nla.core.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * The deterministic parallel loop: a fixed number of independent parts, each writing its own part of
 * the output, on one daemon {@link ForkJoinPool} sized to the processors and shared by every module.
 *
 * <p>Callers split <em>outputs</em> (columns or rows of a result), never a sum, so every output
 * entry is computed by the same sequence of floating-point operations whatever the number of parts:
 * results are bitwise identical for every thread count. Parts are independent (no barriers), so a
 * busy pool only delays parts and cannot deadlock, and a loop started from inside a pool worker
 * (nested parallelism) helps run the queued parts while it joins.
 */
public final class Parallel {
    /** Work (in multiply-adds or comparable units) below which a loop runs on the calling thread. */
    public static final long MIN_WORK_PER_PART = 1L << 16;

    private static final ForkJoinPool POOL = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("nla-parallel-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            },
            null,
            false);

    private Parallel() {}

    /**
     * The number of parts for a loop over {@code items} independent items of {@code workPerItem}
     * units each: at most {@code threads}, at most {@code items}, and about {@link
     * #MIN_WORK_PER_PART} units per part or more.
     *
     * @param threads     the most parts wanted (usually the thread count of the active backend,
     *     {@code Backends.active().threads()}), {@code >= 1}
     * @param items       number of items, {@code >= 0}
     * @param workPerItem work of one item, {@code >= 0}
     * @return the number of parts, {@code >= 1}
     */
    public static int parts(int threads, int items, long workPerItem) {
        if (items <= 1) {
            return 1;
        }
        long total = (long) items * Math.max(1L, workPerItem);
        long byWork = Math.max(1L, total / MIN_WORK_PER_PART);
        return (int) Math.max(1L, Math.min(Math.min(byWork, Math.max(1, threads)), items));
    }

    /**
     * Runs {@code body.accept(part)} for every part in {@code [0, parts)}: the last one on the calling
     * thread, the others on the pool; returns when all are done.
     *
     * @param parts number of parts; nothing runs if {@code parts <= 0}
     * @param body  the work of one part; must not depend on which thread runs it
     * @throws RuntimeException the first exception thrown by a part (as rethrown by {@link
     *     ForkJoinTask#join()}: same type, possibly wrapping the original), after all parts finished
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
     * Splits {@code [0, n)} into {@code parts} contiguous ranges whose inner boundaries are multiples
     * of {@code align}.
     *
     * @param n     length, {@code >= 0}
     * @param parts number of ranges, {@code >= 1}
     * @param align alignment of the inner boundaries, {@code >= 1}
     * @return {@code parts + 1} boundaries {@code 0 = b[0] <= ... <= b[parts] = n}
     */
    public static int[] split(int n, int parts, int align) {
        int[] bounds = new int[parts + 1];
        long blocks = ((long) n + align - 1) / align;
        for (int p = 1; p < parts; p++) {
            bounds[p] = (int) Math.min(n, blocks * p / parts * align);
        }
        bounds[parts] = n;
        return bounds;
    }

    /**
     * Runs {@code body.accept(from, to)} over a split of {@code [0, n)} into {@code parts} ranges.
     *
     * @param n     length, {@code >= 0}
     * @param parts number of ranges, {@code >= 1}
     * @param align alignment of the inner boundaries, {@code >= 1}
     * @param body  the work on one range
     */
    public static void forRanges(int n, int parts, int align, RangeBody body) {
        if (n == 0) {
            return;
        }
        int p = Math.max(1, Math.min(parts, (n + align - 1) / align));
        int[] b = split(n, p, align);
        forEach(p, part -> body.accept(b[part], b[part + 1]));
    }

    /** The body of a ranged loop. */
    @FunctionalInterface
    public interface RangeBody {
        /**
         * Processes the items {@code [from, to)}.
         *
         * @param from first item
         * @param to   one past the last item
         */
        void accept(int from, int to);
    }
}
