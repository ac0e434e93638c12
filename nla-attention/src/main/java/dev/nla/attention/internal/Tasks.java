package dev.nla.attention.internal;

import dev.nla.core.blas.Backends;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

/**
 * The parallel loop of {@code nla-attention}: a fixed number of independent parts on a daemon
 * {@link ForkJoinPool} sized to the processors.
 *
 * <p>Callers split <em>outputs</em> (blocks of query rows), never a sum, and every block is computed
 * by the same operations whichever part runs it, so results are bitwise identical for every thread
 * count. The number of parts follows the thread count of the active backend ({@link
 * Backends#active()}, i.e. the {@code nla.threads} property).
 */
public final class Tasks {
    private static final ForkJoinPool POOL = new ForkJoinPool(
            Runtime.getRuntime().availableProcessors(),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("nla-attention-" + t.getPoolIndex());
                t.setDaemon(true);
                return t;
            },
            null,
            false);

    private Tasks() {}

    /**
     * The thread count to use: that of the active backend.
     *
     * @return at least 1
     */
    public static int threads() {
        return Math.max(1, Backends.active().threads());
    }

    /**
     * Runs {@code body.accept(part)} for every part in {@code [0, parts)}: the last one on the calling
     * thread, the others on the pool; returns when all are done.
     *
     * @param parts number of parts; nothing runs if {@code parts <= 0}
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
}
