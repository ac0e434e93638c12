package dev.nla.core.decomp.internal;

import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import dev.nla.core.matrix.DenseMatrix;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.netlib.util.intW;

/**
 * Access to native LAPACK (normally OpenBLAS's) through {@code dev.ludovic.netlib}'s JNI binding,
 * and the checks shared by the native implementations.
 *
 * <p>Every native call runs through {@link #run(Runnable)} on a thread with a {@value
 * #STACK_MEGABYTES} MiB stack: OpenBLAS's threaded {@code dgetrf} keeps per-thread job arrays on
 * the caller's stack, which overflows a default Java thread stack (1 MiB) and kills the JVM with
 * SIGSEGV (observed here with OpenBLAS 0.3.21 on 2 threads for a 100 x 100 matrix).
 */
public final class NativeLapack {
    /** Stack size of the threads that call native LAPACK. */
    static final int STACK_MEGABYTES = 64;

    private static final AtomicInteger THREAD_COUNT = new AtomicInteger();

    private static final ExecutorService CALLERS = Executors.newCachedThreadPool(task -> {
        Thread t = new Thread(
                null, task, "nla-native-lapack-" + THREAD_COUNT.incrementAndGet(), STACK_MEGABYTES * 1024L * 1024L);
        t.setDaemon(true);
        return t;
    });

    /** The install hint given when the library is missing. */
    public static final String INSTALL_HINT =
            "native LAPACK is not available: install a system LAPACK (on Debian: apt-get install "
                    + "libopenblas0-pthread) so that dev.ludovic.netlib can load liblapack.so.3";

    private NativeLapack() {}

    /**
     * Whether a native LAPACK loads.
     *
     * @return {@code true} if {@link #load()} succeeds
     */
    public static boolean isAvailable() {
        try {
            load();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * The native LAPACK instance.
     *
     * @return the instance
     * @throws IllegalStateException if no native LAPACK loads; the message says how to install one
     */
    public static LAPACK load() {
        try {
            return NativeLAPACK.getInstance();
        } catch (RuntimeException | LinkageError e) {
            throw new IllegalStateException(INSTALL_HINT + " (" + e + ")", e);
        }
    }

    /**
     * Runs a native call on a large-stack thread and waits for it.
     *
     * @param call the call
     * @throws RuntimeException       whatever the call throws
     * @throws IllegalStateException  if the waiting thread is interrupted (its flag is restored)
     */
    static void run(Runnable call) {
        Future<?> done = CALLERS.submit(call);
        try {
            done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("native LAPACK call failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for native LAPACK", e);
        }
    }

    /**
     * Throws unless a LAPACK routine reported success; a negative {@code info} is a bug here (an
     * illegal argument), a positive one is reported by the caller before this check.
     *
     * @param routine the routine's name
     * @param info    its {@code info} output
     * @throws IllegalStateException if {@code info != 0}
     */
    static void check(String routine, intW info) {
        if (info.val != 0) {
            throw new IllegalStateException(routine + " failed with info = " + info.val);
        }
    }

    /**
     * {@code a} itself if netlib's argument check accepts it, else a compact copy. netlib's {@code
     * AbstractLAPACK} requires {@code offset + cols * ld <= length}, stricter than LAPACK: a view of
     * the bottom rows of a parent's last columns fails it. When the result is an output of the call
     * and differs from {@code a}, the caller copies it back into {@code a}.
     *
     * @param a the matrix
     * @return {@code a} or a compact copy of it
     */
    static DenseMatrix compact(DenseMatrix a) {
        if ((long) a.offset() + (long) a.cols() * a.ld() <= a.data().length) {
            return a;
        }
        return a.copy();
    }

    /**
     * The optimal workspace length reported by a workspace query.
     *
     * @param query the {@code work[0]} of the query
     * @return at least 1
     */
    static int workLength(double query) {
        return Math.max(1, (int) Math.ceil(query));
    }
}
