package dev.nla.bench.jmh;

import dev.nla.bench.env.Environment;
import dev.nla.bench.report.CsvWriter;
import dev.nla.bench.report.Json;
import dev.nla.bench.report.Markdown;
import dev.nla.bench.report.MarkdownReport;
import dev.nla.bench.report.Table;
import dev.nla.core.error.MalformedInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Runs a {@link BenchSuite} with JMH, one child JVM per (benchmark class, thread count), and merges
 * the results.
 *
 * <p><b>Why child processes.</b> Native BLAS reads its thread count from the environment variable
 * {@code OPENBLAS_NUM_THREADS} once, when the library loads; it cannot be changed from Java. So
 * each thread count gets its own {@code java -cp <jar> org.openjdk.jmh.Main} process with that
 * variable set (JMH's forks inherit it), with {@code -p threads=T} and {@code -p impl=...} listing
 * the implementations available here (see {@link BenchTarget#implementationsFor}).
 *
 * <p><b>Baseline.</b> Native BLAS if it loads, otherwise the naive loop; it is always measured
 * (added to a {@code --impl} selection that omits it, and, for the single-threaded naive loop, on
 * one thread even when only other thread counts were asked for), so every result has a ratio.
 *
 * <p><b>Outputs</b> in {@code DIR/<suite>/}: the raw JMH files {@code jmh-<benchmark>-t<T>.json},
 * their concatenation {@code jmh.json}, {@code results.csv} ({@link BenchResults#table}) and
 * {@code results.md} (the same table with the implementations' descriptions and the run's
 * settings).
 */
public final class BenchRunner {
    /** JMH's command-line entry point. */
    public static final String JMH_MAIN = "org.openjdk.jmh.Main";

    /** Options of a quick smoke run, each dropped when the user passes the same option. */
    private static final List<List<String>> QUICK_OPTIONS = List.of(
            List.of("-f", "0"),
            List.of("-wi", "0"),
            List.of("-i", "1"),
            List.of("-w", "100ms"),
            List.of("-r", "100ms"));

    /** Options that {@code nla bench} sets itself and that the user must not pass. */
    private static final Set<String> RESERVED_OPTIONS = Set.of("-rf", "-rff");

    private static final Pattern PARAM = Pattern.compile("([^=]+)=(.*)", Pattern.DOTALL);

    private final String javaExecutable;
    private final String classPath;
    private final List<String> jvmOptions;

    /**
     * Creates a runner that starts children with the given JVM.
     *
     * @param javaExecutable path of the {@code java} launcher
     * @param classPath      class path holding JMH and the benchmarks (normally the {@code nla.jar})
     * @param jvmOptions     options for the child JVMs, e.g. {@code --add-modules jdk.incubator.vector}
     * @throws NullPointerException if an argument is null
     */
    public BenchRunner(String javaExecutable, String classPath, List<String> jvmOptions) {
        this.javaExecutable = Objects.requireNonNull(javaExecutable, "javaExecutable");
        this.classPath = Objects.requireNonNull(classPath, "classPath");
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    /**
     * A runner whose children use this JVM's {@code java} launcher and class path, with {@code
     * --add-modules jdk.incubator.vector} and {@code -Djava.awt.headless=true}.
     *
     * @return the runner
     */
    public static BenchRunner forCurrentJvm() {
        return new BenchRunner(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                System.getProperty("java.class.path"),
                List.of("--add-modules", "jdk.incubator.vector", "-Djava.awt.headless=true"));
    }

    /**
     * What to run.
     *
     * @param suite      the suite
     * @param quick      a smoke run: no forks, no warm-up, one short iteration, small sizes
     * @param outputRoot results directory {@code DIR}; the suite writes to {@code DIR/<suite>/}
     * @param threads    thread counts, each {@code >= 1}, no duplicates
     * @param selected   implementations the user asked for (the baseline is added if missing)
     * @param jmhArgs    extra JMH options appended to every child's command line
     */
    public record Settings(
            BenchSuite suite,
            boolean quick,
            Path outputRoot,
            List<Integer> threads,
            List<Implementation> selected,
            List<String> jmhArgs) {
        /**
         * Validates and copies the components.
         *
         * @param suite      the suite
         * @param quick      a smoke run: no forks, no warm-up, one short iteration, small sizes
         * @param outputRoot results directory {@code DIR}; the suite writes to {@code DIR/<suite>/}
         * @param threads    thread counts, each {@code >= 1}, no duplicates
         * @param selected   implementations the user asked for (the baseline is added if missing)
         * @param jmhArgs    extra JMH options appended to every child's command line
         * @throws NullPointerException     if a component is null
         * @throws IllegalArgumentException if {@code threads} is empty, has a value below 1 or a
         *     duplicate, or {@code selected} is empty
         */
        public Settings {
            Objects.requireNonNull(suite, "suite");
            Objects.requireNonNull(outputRoot, "outputRoot");
            threads = List.copyOf(threads);
            selected = List.copyOf(selected);
            jmhArgs = List.copyOf(jmhArgs);
            if (threads.isEmpty()
                    || threads.stream().anyMatch(t -> t < 1)
                    || Set.copyOf(threads).size() != threads.size()) {
                throw new IllegalArgumentException("thread counts must be distinct positive integers, got " + threads);
            }
            if (selected.isEmpty()) {
                throw new IllegalArgumentException("select at least one implementation");
            }
        }

        /**
         * The suite's output directory.
         *
         * @return {@code outputRoot/<suite>}
         */
        public Path directory() {
            return outputRoot.resolve(suite.name());
        }
    }

    /**
     * One planned JMH child process.
     *
     * @param target          the benchmark class
     * @param threads         the thread count ({@code OPENBLAS_NUM_THREADS} and {@code -p threads})
     * @param implementations the {@code -p impl} values
     * @param command         the full command line
     * @param environment     variables set for the child (on top of this process's environment)
     * @param resultFile      the JMH JSON file it writes
     */
    public record ChildRun(
            BenchTarget target,
            int threads,
            List<Implementation> implementations,
            List<String> command,
            Map<String, String> environment,
            Path resultFile) {
        /**
         * The command as a shell line, with the environment variables in front.
         *
         * @return e.g. {@code OPENBLAS_NUM_THREADS=2 java ... org.openjdk.jmh.Main ...}
         */
        public String shellLine() {
            StringBuilder sb = new StringBuilder();
            environment.forEach(
                    (k, v) -> sb.append(k).append('=').append(shellQuote(v)).append(' '));
            for (int i = 0; i < command.size(); i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                sb.append(shellQuote(command.get(i)));
            }
            return sb.toString();
        }
    }

    /**
     * The outcome of {@link #run}.
     *
     * @param directory the suite's output directory
     * @param rows      all results read back from JMH
     * @param failures  one message per child that failed or wrote no results; empty on success
     */
    public record Summary(Path directory, List<BenchResults.Row> rows, List<String> failures) {}

    /**
     * The baseline: native BLAS if available, otherwise the naive loop.
     *
     * @param available implementations that can run here
     * @return the baseline implementation
     */
    public static Implementation baseline(List<Implementation> available) {
        return available.contains(Implementation.NATIVE) ? Implementation.NATIVE : Implementation.NAIVE;
    }

    /**
     * Plans the child processes.
     *
     * @param settings  what to run
     * @param available implementations that can run here
     * @return the children, by benchmark class and then thread count
     * @throws IllegalArgumentException if the extra JMH arguments set {@code impl}, {@code threads}
     *     or the result file options, which {@code nla bench} controls
     */
    public List<ChildRun> plan(Settings settings, List<Implementation> available) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(available, "available");
        Map<String, String> userParams = checkJmhArgs(settings.jmhArgs());
        Implementation baseline = baseline(available);
        List<Implementation> selected = new ArrayList<>(settings.selected());
        if (!selected.contains(baseline)) {
            selected.add(baseline);
        }
        List<ChildRun> children = new ArrayList<>();
        for (BenchTarget target : settings.suite().targets()) {
            Map<Integer, List<Implementation>> byThreads = new TreeMap<>();
            for (int t : settings.threads()) {
                List<Implementation> impls = target.implementationsFor(t, available, selected);
                if (!impls.isEmpty()) {
                    byThreads.put(t, new ArrayList<>(impls));
                }
            }
            if (baseline == Implementation.NAIVE && target.implementations().contains(Implementation.NAIVE)) {
                List<Implementation> one = byThreads.computeIfAbsent(1, k -> new ArrayList<>());
                if (!one.contains(Implementation.NAIVE)) {
                    one.add(Implementation.NAIVE);
                }
            }
            for (Map.Entry<Integer, List<Implementation>> e : byThreads.entrySet()) {
                children.add(child(settings, target, e.getKey(), e.getValue(), userParams));
            }
        }
        return children;
    }

    private ChildRun child(
            Settings settings,
            BenchTarget target,
            int threads,
            List<Implementation> impls,
            Map<String, String> userParams) {
        Path resultFile = settings.directory().resolve("jmh-" + target.name() + "-t" + threads + ".json");
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable);
        cmd.addAll(jvmOptions);
        cmd.add("-cp");
        cmd.add(classPath);
        cmd.add(JMH_MAIN);
        cmd.add("^" + Pattern.quote(target.benchmarkClass().getName()) + "\\.");
        cmd.add("-p");
        cmd.add("impl=" + Implementation.ids(impls));
        cmd.add("-p");
        cmd.add("threads=" + threads);
        cmd.add("-foe");
        cmd.add("true");
        cmd.add("-rf");
        cmd.add("json");
        cmd.add("-rff");
        cmd.add(resultFile.toString());
        if (settings.quick()) {
            for (List<String> option : QUICK_OPTIONS) {
                if (!settings.jmhArgs().contains(option.get(0))) {
                    cmd.addAll(option);
                }
            }
            target.quickParams().forEach((k, v) -> {
                if (!userParams.containsKey(k)) {
                    cmd.add("-p");
                    cmd.add(k + "=" + v);
                }
            });
        }
        cmd.addAll(settings.jmhArgs());
        Map<String, String> env = new LinkedHashMap<>();
        env.put("OPENBLAS_NUM_THREADS", Integer.toString(threads));
        return new ChildRun(target, threads, List.copyOf(impls), List.copyOf(cmd), Map.copyOf(env), resultFile);
    }

    /**
     * Runs the planned children one after another (their output goes to this process's standard
     * streams), then reads and merges the results and writes the output files.
     *
     * @param settings  what to run
     * @param available implementations that can run here
     * @param out       where the final table is printed
     * @return the results and failures
     * @throws IllegalArgumentException if the extra JMH arguments are not allowed (see {@link #plan})
     * @throws UncheckedIOException     if the output directory or files cannot be written
     */
    public Summary run(Settings settings, List<Implementation> available, PrintWriter out) {
        List<ChildRun> children = plan(settings, available);
        Path dir = settings.directory();
        try {
            Files.createDirectories(dir);
            for (ChildRun c : children) {
                Files.deleteIfExists(c.resultFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare output directory " + dir, e);
        }
        List<String> failures = new ArrayList<>();
        List<BenchResults.Row> rows = new ArrayList<>();
        List<Object> merged = new ArrayList<>();
        for (ChildRun c : children) {
            out.println("nla bench: " + c.target().name() + ", " + c.threads() + " thread(s), impl="
                    + Implementation.ids(c.implementations()));
            out.flush();
            int exit = execute(c);
            if (exit != 0) {
                failures.add(c.target().name() + " with " + c.threads() + " thread(s): JMH exited with status " + exit);
            }
            if (Files.isRegularFile(c.resultFile())) {
                try {
                    Object json = Json.parse(c.resultFile());
                    rows.addAll(BenchResults.parse(json));
                    if (json instanceof List<?> list) {
                        merged.addAll(list);
                    }
                } catch (MalformedInputException e) {
                    failures.add(c.target().name() + " with " + c.threads() + " thread(s): unreadable results: "
                            + e.getMessage());
                }
            } else if (exit == 0) {
                failures.add(c.target().name() + " with " + c.threads() + " thread(s): JMH wrote no result file "
                        + c.resultFile());
            }
        }
        Implementation baseline = baseline(available);
        Json.write(merged, dir.resolve("jmh.json"));
        Table table = BenchResults.table(rows, baseline);
        CsvWriter.write(table, dir.resolve("results.csv"));
        MarkdownReport report = report(settings, children, baseline, table, failures);
        report.write(dir.resolve("results.md"));
        out.println();
        out.print(Markdown.table(table));
        out.println();
        out.println("nla bench: results in " + dir.resolve("results.md") + " and " + dir.resolve("results.csv"));
        out.flush();
        return new Summary(dir, List.copyOf(rows), List.copyOf(failures));
    }

    private static int execute(ChildRun c) {
        ProcessBuilder pb = new ProcessBuilder(c.command()).inheritIO();
        pb.environment().putAll(c.environment());
        try {
            return pb.start().waitFor();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + c.command().get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for JMH", e);
        }
    }

    private static MarkdownReport report(
            Settings settings, List<ChildRun> children, Implementation baseline, Table table, List<String> failures) {
        MarkdownReport r = new MarkdownReport("nla bench " + settings.suite().name());
        r.description(settings.suite().description() + ". JMH scores with the speed-up over the baseline measured in "
                + "the same run: ratio_to_baseline = t_baseline / t for time modes (above 1 is faster than the "
                + "baseline). Baseline: " + baseline.id()
                + (baseline == Implementation.NAIVE
                        ? " (native BLAS is not available; the naive loop is single-threaded, so every thread count "
                                + "is compared with its one-thread time)"
                        : " at the same thread count")
                + ".");
        for (String f : failures) {
            r.finding("**Failed:** " + f);
        }
        r.parameter("quick", settings.quick());
        r.parameter("threads", settings.threads());
        r.parameter("baseline", baseline.id());
        r.parameter(
                "extra JMH arguments", settings.jmhArgs().isEmpty() ? "none" : String.join(" ", settings.jmhArgs()));
        r.section("Results");
        r.table(table);
        r.section("Implementations");
        Table impls = Table.builder()
                .integer("threads")
                .text("impl")
                .text("description")
                .build();
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (ChildRun c : children) {
            for (Implementation i : c.implementations()) {
                if (seen.putIfAbsent(c.threads() + "/" + i.id(), Boolean.TRUE) == null) {
                    impls.addRow(c.threads(), i.id(), i.describe(c.threads()));
                }
            }
        }
        r.table(impls);
        r.section("Commands");
        StringBuilder sb = new StringBuilder("```\n");
        for (ChildRun c : children) {
            sb.append(c.shellLine()).append('\n');
        }
        r.paragraph(sb.append("```").toString());
        Environment env = Environment.capture();
        r.note("nla " + env.build().summary() + "; " + env.javaVersion() + " (" + env.javaVendor() + "); "
                + env.osName() + " " + env.osArch() + "; " + env.cores() + " cores.");
        if (settings.quick()) {
            r.note("A --quick run (no forks, no warm-up, one 100 ms iteration, small sizes) only checks that the "
                    + "benchmarks run: its numbers are not meaningful.");
        }
        return r;
    }

    /** Rejects options that nla bench controls and returns the user's {@code -p} parameters. */
    private static Map<String, String> checkJmhArgs(List<String> args) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (RESERVED_OPTIONS.contains(a)) {
                throw new IllegalArgumentException("JMH option " + a + " is set by nla bench (results go to --out)");
            }
            if (a.equals("-p")) {
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("JMH option -p needs a value name=v1,v2");
                }
                var m = PARAM.matcher(args.get(++i));
                if (!m.matches()) {
                    throw new IllegalArgumentException("JMH option -p needs name=v1,v2, got '" + args.get(i) + "'");
                }
                String name = m.group(1).strip();
                if (name.equals("impl") || name.equals("threads")) {
                    throw new IllegalArgumentException("set '" + name + "' with nla bench's --"
                            + (name.equals("impl") ? "impl" : "threads") + " option, not with -p");
                }
                params.put(name, m.group(2));
            }
        }
        return params;
    }

    private static String shellQuote(String s) {
        if (!s.isEmpty() && s.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return s;
        }
        return "'" + s.replace("'", "'\"'\"'") + "'";
    }
}
