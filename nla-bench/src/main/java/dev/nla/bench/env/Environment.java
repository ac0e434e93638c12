package dev.nla.bench.env;

import dev.nla.core.blas.Backends;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the program and machine that produced a result: {@code nla} build, JDK, operating
 * system, processors, heap and the available kernel backends.
 *
 * @param build                  version and git commit of {@code nla}
 * @param javaVendor             {@code java.vendor}
 * @param javaVersion            {@code java.runtime.version} (falls back to {@code java.version})
 * @param vmName                 {@code java.vm.name}
 * @param osName                 {@code os.name}
 * @param osVersion              {@code os.version}
 * @param osArch                 {@code os.arch}
 * @param cores                  {@link Runtime#availableProcessors()}
 * @param maxHeapBytes           {@link Runtime#maxMemory()}
 * @param backend                description of {@link Backends#active()}, or why it is unavailable
 * @param vectorModule           whether {@code jdk.incubator.vector} is resolved in this JVM
 * @param preferredVectorSpecies the preferred {@code double} species if the module is resolved,
 *                               otherwise {@code null}
 * @param nativeBlas             description of the native BLAS if one loads, otherwise {@code null}
 */
public record Environment(
        BuildInfo build,
        String javaVendor,
        String javaVersion,
        String vmName,
        String osName,
        String osVersion,
        String osArch,
        int cores,
        long maxHeapBytes,
        String backend,
        boolean vectorModule,
        String preferredVectorSpecies,
        String nativeBlas) {

    /**
     * Validates the non-null components.
     *
     * @param build                  version and git commit of {@code nla}
     * @param javaVendor             {@code java.vendor}
     * @param javaVersion            {@code java.runtime.version} (falls back to {@code java.version})
     * @param vmName                 {@code java.vm.name}
     * @param osName                 {@code os.name}
     * @param osVersion              {@code os.version}
     * @param osArch                 {@code os.arch}
     * @param cores                  {@link Runtime#availableProcessors()}
     * @param maxHeapBytes           {@link Runtime#maxMemory()}
     * @param backend                description of {@link Backends#active()}, or why it is unavailable
     * @param vectorModule           whether {@code jdk.incubator.vector} is resolved in this JVM
     * @param preferredVectorSpecies the preferred {@code double} species if the module is resolved,
     *                               otherwise {@code null}
     * @param nativeBlas             description of the native BLAS if one loads, otherwise {@code null}
     * @throws NullPointerException if a component other than {@code preferredVectorSpecies} and
     *     {@code nativeBlas} is null
     */
    public Environment {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(javaVendor, "javaVendor");
        Objects.requireNonNull(javaVersion, "javaVersion");
        Objects.requireNonNull(vmName, "vmName");
        Objects.requireNonNull(osName, "osName");
        Objects.requireNonNull(osVersion, "osVersion");
        Objects.requireNonNull(osArch, "osArch");
        Objects.requireNonNull(backend, "backend");
    }

    /**
     * Captures the current environment. Selecting the active backend and probing the native
     * library may load native code, but never fails: problems are reported in the description.
     *
     * @return the snapshot
     */
    public static Environment capture() {
        boolean vector = vectorModulePresent();
        String species = null;
        if (vector) {
            // Reflection, so that nothing in nla-bench links against the incubating module (and its
            // absence can never cause a NoClassDefFoundError); the module exports this package.
            try {
                species = String.valueOf(Class.forName("jdk.incubator.vector.DoubleVector")
                        .getField("SPECIES_PREFERRED")
                        .get(null));
            } catch (ReflectiveOperationException | LinkageError e) {
                species = "unknown (" + e + ")";
            }
        }
        String backend;
        try {
            backend = Backends.active().description();
        } catch (RuntimeException e) {
            backend = "unavailable: " + e.getMessage();
        }
        String nativeBlas = null;
        if (Backends.nativeAvailable()) {
            nativeBlas = Backends.nativeBlas().description();
        }
        return new Environment(
                BuildInfo.current(),
                System.getProperty("java.vendor", "unknown"),
                System.getProperty("java.runtime.version", System.getProperty("java.version", "unknown")),
                System.getProperty("java.vm.name", "unknown"),
                System.getProperty("os.name", "unknown"),
                System.getProperty("os.version", "unknown"),
                System.getProperty("os.arch", "unknown"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory(),
                backend,
                vector,
                species,
                nativeBlas);
    }

    /**
     * Whether {@code jdk.incubator.vector} is resolved in the boot layer (the JVM was started with
     * {@code --add-modules jdk.incubator.vector}). Does not load any class of that module.
     *
     * @return {@code true} if the module is present
     */
    public static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /**
     * The preferred vector species, if the Vector API module is resolved.
     *
     * @return the species description, or empty
     */
    public Optional<String> vectorSpecies() {
        return Optional.ofNullable(preferredVectorSpecies);
    }

    /**
     * The native BLAS description, if a native library loads.
     *
     * @return the description, or empty
     */
    public Optional<String> nativeBlasDescription() {
        return Optional.ofNullable(nativeBlas);
    }

    /**
     * Label/value pairs in display order, as printed by {@code nla info}.
     *
     * @return an insertion-ordered map from label to value
     */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nla", build.summary());
        m.put("Java", javaVersion + " (" + javaVendor + ", " + vmName + ")");
        m.put("OS", osName + " " + osVersion + " " + osArch);
        m.put("Cores", Integer.toString(cores));
        m.put("Max heap", formatBytes(maxHeapBytes));
        m.put(
                "Active backend",
                backend + " [" + Backends.BACKEND_PROPERTY + "=" + System.getProperty(Backends.BACKEND_PROPERTY, "auto")
                        + "]");
        m.put(
                "Vector API",
                vectorModule
                        ? "jdk.incubator.vector present; preferred species " + preferredVectorSpecies
                        : "jdk.incubator.vector absent (start the JVM with --add-modules jdk.incubator.vector)");
        m.put(
                "Native BLAS",
                nativeBlas != null
                        ? "available: " + nativeBlas
                        : "not available (apt-get install libopenblas0-pthread to enable)");
        return m;
    }

    /**
     * The snapshot as a JSON-ready map (strings, numbers, booleans and {@code null}), as recorded
     * in {@code manifest.json}.
     *
     * @return an insertion-ordered map
     */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("nlaVersion", build.version());
        m.put("gitCommit", build.gitCommit());
        m.put("gitDirty", build.gitDirty());
        m.put("javaVendor", javaVendor);
        m.put("javaVersion", javaVersion);
        m.put("vmName", vmName);
        m.put("os", osName + " " + osVersion);
        m.put("arch", osArch);
        m.put("cores", cores);
        m.put("maxHeapBytes", maxHeapBytes);
        m.put("backend", backend);
        m.put("vectorModule", vectorModule);
        m.put("preferredVectorSpecies", preferredVectorSpecies);
        m.put("nativeBlas", nativeBlas);
        return m;
    }

    /**
     * Formats a byte count with a binary unit, e.g. {@code 3.9 GiB}.
     *
     * @param bytes a non-negative count ({@link Long#MAX_VALUE} means "no limit")
     * @return the formatted size
     */
    static String formatBytes(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "no limit";
        }
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
