package dev.nla.bench.jmh;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The implementations a kernel benchmark can measure, named by the JMH parameter {@code impl}.
 *
 * <p>{@link #NATIVE}, {@link #VECTOR} and {@link #SCALAR} are {@code nla-core} backends; {@link
 * #EJML} is the EJML library (a pure-Java peer); {@link #NAIVE} is the textbook loop of {@link
 * dev.nla.bench.kernels.NaiveKernels}. Baselines for ratios are {@link #NATIVE} when a native
 * library loads, otherwise {@link #NAIVE}.
 */
public enum Implementation {
    /** Native BLAS (normally OpenBLAS) through {@code dev.ludovic.netlib}; threads from {@code OPENBLAS_NUM_THREADS}. */
    NATIVE,
    /** The pure-Java Vector API backend of {@code nla-core}. */
    VECTOR,
    /** The pure-Java scalar backend of {@code nla-core}. */
    SCALAR,
    /** EJML 0.46 ({@code CommonOps_DDRM}, and {@code CommonOps_MT_DDRM} for more than one thread). */
    EJML,
    /** The naive loops of {@link dev.nla.bench.kernels.NaiveKernels} (always one thread). */
    NAIVE;

    /**
     * The name used in the {@code impl} parameter and in result tables.
     *
     * @return the lower-case name, e.g. {@code vector}
     */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an implementation name.
     *
     * @param id a name such as {@code vector} (case-insensitive)
     * @return the implementation
     * @throws NullPointerException     if {@code id} is null
     * @throws IllegalArgumentException if no implementation has that name; the message lists the
     *     valid names
     */
    public static Implementation parse(String id) {
        Objects.requireNonNull(id, "id");
        for (Implementation i : values()) {
            if (i.id().equals(id.strip().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown implementation '" + id + "'; valid: " + ids(List.of(values())));
    }

    /**
     * Comma-separated names, as used in {@code -p impl=...}.
     *
     * @param implementations the implementations
     * @return e.g. {@code "vector,scalar"}
     */
    public static String ids(List<Implementation> implementations) {
        List<String> ids = new ArrayList<>();
        for (Implementation i : implementations) {
            ids.add(i.id());
        }
        return String.join(",", ids);
    }

    /**
     * Whether this implementation can run in this JVM: native needs a loadable library, vector
     * needs {@code jdk.incubator.vector} and 256-bit hardware vectors; the others always run.
     *
     * @return {@code true} if it can run here
     */
    public boolean available() {
        return switch (this) {
            case NATIVE -> Backends.nativeAvailable();
            case VECTOR -> Backends.vectorAvailable();
            case SCALAR, EJML, NAIVE -> true;
        };
    }

    /**
     * Whether this is an {@code nla-core} backend (so {@link #backend(int)} works).
     *
     * @return {@code true} for native, vector and scalar
     */
    public boolean isBackend() {
        return this == NATIVE || this == VECTOR || this == SCALAR;
    }

    /**
     * The {@code nla-core} backend for this implementation.
     *
     * @param threads thread count for the Java backends, {@code >= 1} (native BLAS takes its count
     *     from {@code OPENBLAS_NUM_THREADS} instead)
     * @return a new backend
     * @throws IllegalArgumentException if {@code threads < 1}
     * @throws IllegalStateException    if this is not a backend, or it is not available here (the
     *     message says how to make it available)
     */
    public Backend backend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        return switch (this) {
            case NATIVE -> Backends.nativeBlas();
            case VECTOR -> Backends.vector(threads);
            case SCALAR -> Backends.scalar(threads);
            case EJML, NAIVE -> throw new IllegalStateException(id() + " is not an nla-core backend");
        };
    }

    /**
     * A one-line description for result tables.
     *
     * @param threads the thread count the benchmark uses
     * @return the backend's own description, or a description of EJML or the naive loop
     */
    public String describe(int threads) {
        return switch (this) {
            case NATIVE -> available()
                    ? "native BLAS through dev.ludovic.netlib (JNI), OPENBLAS_NUM_THREADS=" + threads
                    : "native BLAS: not available in this JVM";
            case VECTOR -> available() ? backend(threads).description() : "vector: not available in this JVM";
            case SCALAR -> backend(threads).description();
            case EJML -> "EJML 0.46.1 on row-major DMatrixRMaj, " + threads + " thread(s) (CommonOps_MT_DDRM where "
                    + "EJML has a multithreaded kernel, otherwise single-threaded)";
            case NAIVE -> "naive loops of dev.nla.bench.kernels.NaiveKernels, 1 thread";
        };
    }
}
