package dev.nla.core.blas;

import dev.nla.core.blas.internal.NetlibBackend;
import dev.nla.core.blas.internal.ScalarBackend;
import java.lang.reflect.InvocationTargetException;
import java.util.Locale;
import java.util.Objects;

/**
 * Creates the kernel backends and holds the process-wide active one.
 *
 * <p>Selection, done once on first use of {@link #active()}, follows the system property {@code
 * nla.backend}:
 *
 * <ul>
 *   <li>{@code auto} (default): the Vector API backend if {@code jdk.incubator.vector} is resolved
 *       (the JVM was started with {@code --add-modules jdk.incubator.vector}) and the hardware has
 *       256-bit double vectors; otherwise native BLAS if a system library loads; otherwise the
 *       scalar backend.
 *   <li>{@code vector}, {@code native}, {@code scalar}: that backend, or an {@link
 *       IllegalStateException} on first use if it is not available here.
 * </ul>
 *
 * <p>The Java backends use {@code nla.threads} threads (default: the number of available
 * processors).
 */
public final class Backends {
    /** System property naming the backend: {@code auto}, {@code vector}, {@code native}, {@code scalar}. */
    public static final String BACKEND_PROPERTY = "nla.backend";

    /** System property with the thread count of the Java backends. */
    public static final String THREADS_PROPERTY = "nla.threads";

    private static final String VECTOR_CLASS = "dev.nla.core.blas.internal.VectorBackend";
    private static final System.Logger LOG = System.getLogger(Backends.class.getName());

    private static volatile Backend active;

    private Backends() {}

    /**
     * The backend used by the {@link Blas} methods that take none, selected on first use as
     * described in the class comment.
     *
     * @return the active backend
     * @throws IllegalStateException if {@code nla.backend} names an unknown or unavailable backend
     */
    public static Backend active() {
        Backend b = active;
        if (b == null) {
            synchronized (Backends.class) {
                b = active;
                if (b == null) {
                    b = select(System.getProperty(BACKEND_PROPERTY, "auto"));
                    LOG.log(System.Logger.Level.DEBUG, "nla kernels: {0}", b.description());
                    active = b;
                }
            }
        }
        return b;
    }

    /**
     * Replaces the process-wide active backend (for example from a command-line option). Affects
     * every later call of the {@link Blas} methods that take no backend, in every thread.
     *
     * @param backend the new active backend
     * @throws NullPointerException if {@code backend} is null
     */
    public static void setActive(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        synchronized (Backends.class) {
            active = backend;
        }
    }

    /**
     * The backend named by {@code name}.
     *
     * @param name {@code auto}, {@code vector}, {@code native} or {@code scalar} (case-insensitive)
     * @return the backend, with {@link #defaultThreads()} threads for the Java ones
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if the name is unknown
     * @throws IllegalStateException    if the named backend is not available here
     */
    public static Backend select(String name) {
        Objects.requireNonNull(name, "name");
        switch (name.trim().toLowerCase(Locale.ROOT)) {
            case "auto":
                if (vectorAvailable()) {
                    return vector(defaultThreads());
                }
                if (nativeAvailable()) {
                    return nativeBlas();
                }
                return scalar(defaultThreads());
            case "vector":
                return vector(defaultThreads());
            case "native":
                return nativeBlas();
            case "scalar":
                return scalar(defaultThreads());
            default:
                throw new IllegalArgumentException(
                        BACKEND_PROPERTY + " must be one of auto, vector, native, scalar; got '" + name + "'");
        }
    }

    /**
     * The thread count for the Java backends: the {@code nla.threads} property, or the number of
     * available processors.
     *
     * @return at least 1
     * @throws IllegalArgumentException if {@code nla.threads} is set but not a positive integer
     */
    public static int defaultThreads() {
        String value = System.getProperty(THREADS_PROPERTY);
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int t = Integer.parseInt(value.trim());
            if (t >= 1) {
                return t;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(THREADS_PROPERTY + " must be a positive integer, got '" + value + "'");
    }

    /** The last backend given to {@link #singleThreaded} and its one-thread twin, published together. */
    private record SerialTwin(Backend backend, Backend serial) {}

    private static volatile SerialTwin serialTwin;

    /**
     * The one-thread counterpart of a backend, for kernel calls made inside a parallel loop ({@link
     * dev.nla.core.parallel.Parallel}) whose parallelism is already over the loop's parts: the calls
     * must not fork again. For the pure-Java backends ({@code "vector"}, {@code "scalar"}) this is a
     * backend of the same kind with one thread, whose results are bitwise identical to the given one's
     * (GEMM splits only over output tiles); a backend with one thread is returned as it is, and so is a
     * native one, whose threading is configured outside Java ({@code OPENBLAS_NUM_THREADS}). The
     * twin of the last backend asked for is cached, so calling this once per operation costs nothing.
     *
     * @param backend the backend
     * @return a backend computing the same results on one thread (or {@code backend} itself)
     * @throws NullPointerException if {@code backend} is null
     */
    public static Backend singleThreaded(Backend backend) {
        Objects.requireNonNull(backend, "backend");
        if (backend.threads() == 1) {
            return backend;
        }
        SerialTwin twin = serialTwin;
        if (twin != null && twin.backend() == backend) {
            return twin.serial();
        }
        Backend serial =
                switch (backend.name()) {
                    case "vector" -> vector(1);
                    case "scalar" -> scalar(1);
                    default -> backend;
                };
        serialTwin = new SerialTwin(backend, serial);
        return serial;
    }

    /**
     * The scalar pure-Java backend.
     *
     * @param threads number of threads, {@code >= 1}
     * @return a new backend
     * @throws IllegalArgumentException if {@code threads < 1}
     */
    public static Backend scalar(int threads) {
        return new ScalarBackend(threads);
    }

    /**
     * Whether the Vector API backend can run here: {@code jdk.incubator.vector} is resolved in the
     * boot layer and the hardware executes 256-bit double vectors.
     *
     * @return {@code true} if {@link #vector(int)} will succeed
     */
    public static boolean vectorAvailable() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            return false;
        }
        try {
            return (Boolean)
                    Class.forName(VECTOR_CLASS).getMethod("hardwareSupported").invoke(null);
        } catch (ReflectiveOperationException | LinkageError e) {
            return false;
        }
    }

    /**
     * The Vector API backend.
     *
     * @param threads number of threads, {@code >= 1}
     * @return a new backend
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException    if {@code jdk.incubator.vector} is not resolved (start the JVM
     *     with {@code --add-modules jdk.incubator.vector}) or the hardware lacks 256-bit vectors
     */
    public static Backend vector(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be positive, got " + threads);
        }
        if (!vectorAvailable()) {
            throw new IllegalStateException("the Vector API backend needs the JVM option --add-modules "
                    + "jdk.incubator.vector and hardware with 256-bit double vectors");
        }
        try {
            return (Backend)
                    Class.forName(VECTOR_CLASS).getConstructor(int.class).newInstance(threads);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot create the Vector API backend: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("cannot create the Vector API backend: " + e, e);
        }
    }

    /**
     * Whether a native BLAS library loads through {@code dev.ludovic.netlib}.
     *
     * @return {@code true} if {@link #nativeBlas()} will succeed
     */
    public static boolean nativeAvailable() {
        try {
            NetlibBackend.load();
            return true;
        } catch (IllegalStateException | LinkageError e) {
            return false;
        }
    }

    /**
     * The native BLAS backend (OpenBLAS or whatever {@code libblas.so.3} resolves to).
     *
     * @return the backend
     * @throws IllegalStateException if no native library loads; install one with {@code apt-get
     *     install libopenblas0-pthread}
     */
    public static Backend nativeBlas() {
        return NetlibBackend.load();
    }
}
