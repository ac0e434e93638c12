package dev.nla.attention.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;

/**
 * The single-threaded counterpart of the active backend, for GEMM calls made inside {@link
 * dev.nla.core.parallel.Parallel#forEach}: the parallelism is over query blocks, so the tile products must not fork again.
 *
 * <p>For the pure-Java backends ({@code "vector"}, {@code "scalar"}) this is a one-thread backend of
 * the same kind, whose tile products are bitwise identical to the multithreaded one's (nla-core
 * splits GEMM only over output tiles). Any other backend (native BLAS) is returned as it is: its
 * threading is configured outside Java ({@code OPENBLAS_NUM_THREADS}).
 */
public final class SerialBackend {
    /** The last active backend seen and its one-thread version, published together. */
    private record Entry(Backend active, Backend serial) {}

    private static volatile Entry cache;

    private SerialBackend() {}

    /**
     * The one-thread version of {@link Backends#active()}.
     *
     * @return a backend with one thread, or the active backend if it is not a Java backend
     */
    public static Backend get() {
        Backend active = Backends.active();
        if (active.threads() == 1) {
            return active;
        }
        Entry e = cache;
        if (e != null && e.active() == active) {
            return e.serial();
        }
        Backend serial =
                switch (active.name()) {
                    case "vector" -> Backends.vector(1);
                    case "scalar" -> Backends.scalar(1);
                    default -> active;
                };
        cache = new Entry(active, serial);
        return serial;
    }
}
