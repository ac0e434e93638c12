package dev.nla.bench.experiments;

import dev.nla.bench.env.Environment;
import dev.nla.bench.report.Json;
import dev.nla.bench.report.MarkdownReport;
import dev.nla.bench.report.Table;
import dev.nla.core.error.MalformedInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs experiments and writes their standard files.
 *
 * <p>For each experiment the runner creates {@code DIR/<experiment>/}, removes the files a previous
 * run recorded in its manifest there, runs the experiment with a fresh {@link ExperimentContext},
 * and writes {@code report.md} (the context's report) and {@code manifest.json} (experiment,
 * status, scale, seed, options, start time, duration, output files and the {@link Environment}).
 * A failing experiment does not stop the others: its manifest has {@code "status": "failed"} and
 * the error message, and its report says so. {@link #runAll} also writes {@code DIR/README.md},
 * an index linking every report.
 */
public final class ExperimentRunner {
    /** The report each experiment directory gets. */
    public static final String REPORT_FILE = "report.md";

    /** The manifest each experiment directory gets. */
    public static final String MANIFEST_FILE = "manifest.json";

    /** The index written by {@link #runAll}. */
    public static final String INDEX_FILE = "README.md";

    private final Scale scale;
    private final Path outputRoot;
    private final long seed;
    private final Progress progress;
    private final Environment environment;

    /**
     * Creates a runner.
     *
     * @param scale       the scale of every run
     * @param outputRoot  the results directory {@code DIR}; created if missing
     * @param seed        the root seed passed to every experiment
     * @param progress    the progress reporter
     * @param environment the environment recorded in the manifests
     * @throws NullPointerException if an object argument is null
     */
    public ExperimentRunner(Scale scale, Path outputRoot, long seed, Progress progress, Environment environment) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.outputRoot = Objects.requireNonNull(outputRoot, "outputRoot");
        this.seed = seed;
        this.progress = Objects.requireNonNull(progress, "progress");
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    /**
     * The result of one experiment run.
     *
     * @param experiment  the experiment's name
     * @param description its one-line description
     * @param directory   its output directory
     * @param succeeded   whether {@link Experiment#run} returned normally
     * @param duration    wall-clock time of the run
     * @param error       the failure message, or {@code null} on success
     * @param outputs     files written into {@code directory}, including the report and manifest
     */
    public record Outcome(
            String experiment,
            String description,
            Path directory,
            boolean succeeded,
            Duration duration,
            String error,
            List<String> outputs) {}

    /**
     * Runs one experiment and writes its report and manifest.
     *
     * @param experiment the experiment
     * @return the outcome; a failure of the experiment itself is reported there, not thrown
     * @throws NullPointerException if {@code experiment} is null
     * @throws UncheckedIOException if the output directory, report or manifest cannot be written
     */
    public Outcome run(Experiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        Path dir = outputRoot.resolve(experiment.name());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + dir, e);
        }
        removePreviousOutputs(dir);
        MarkdownReport report = new MarkdownReport(experiment.name()).description(experiment.description());
        report.parameter("scale", scale.label());
        report.parameter("seed", seed);
        ExperimentContext context = new ExperimentContext(experiment.name(), scale, seed, dir, progress, report);
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        String error = null;
        try {
            experiment.run(context);
        } catch (RuntimeException | OutOfMemoryError e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            report.finding("**The run failed:** " + error + ". The results above, if any, are incomplete.");
        }
        Duration duration = Duration.ofNanos(System.nanoTime() - t0);
        report.note("Run on " + environment.javaVersion() + " (" + environment.javaVendor() + "), "
                + environment.osName() + " " + environment.osArch() + ", " + environment.cores()
                + " cores; active backend: " + environment.backend() + "; nla "
                + environment.build().summary()
                + ". Started " + start.truncatedTo(ChronoUnit.SECONDS) + ", took " + seconds(duration) + ".");
        List<String> outputs = new ArrayList<>(context.outputs());
        outputs.add(REPORT_FILE);
        outputs.add(MANIFEST_FILE);
        report.write(dir.resolve(REPORT_FILE));

        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("experiment", experiment.name());
        manifest.put("description", experiment.description());
        manifest.put("status", error == null ? "ok" : "failed");
        manifest.put("error", error);
        manifest.put("scale", scale.label());
        manifest.put("seed", seed);
        manifest.put("options", context.options());
        manifest.put("startTime", start.toString());
        manifest.put("durationSeconds", duration.toNanos() / 1e9);
        manifest.put("outputs", outputs);
        manifest.put("environment", environment.toJsonMap());
        Json.write(manifest, dir.resolve(MANIFEST_FILE));
        return new Outcome(
                experiment.name(), experiment.description(), dir, error == null, duration, error, List.copyOf(outputs));
    }

    /**
     * Runs experiments one after another and writes the index {@code DIR/README.md}.
     *
     * @param experiments the experiments, in order
     * @return one outcome per experiment
     * @throws NullPointerException if the list or an element is null
     * @throws UncheckedIOException if an output file cannot be written
     */
    public List<Outcome> runAll(List<Experiment> experiments) {
        Objects.requireNonNull(experiments, "experiments");
        List<Outcome> outcomes = new ArrayList<>();
        for (Experiment e : experiments) {
            outcomes.add(run(e));
        }
        writeIndex(outcomes);
        return outcomes;
    }

    /**
     * Writes {@code DIR/README.md}: one row per outcome with its status, time and a link to its
     * report, and a line describing the environment.
     *
     * @param outcomes the outcomes to list
     * @return the path of the index
     * @throws NullPointerException if {@code outcomes} is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public Path writeIndex(List<Outcome> outcomes) {
        Objects.requireNonNull(outcomes, "outcomes");
        try {
            Files.createDirectories(outputRoot);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create output directory " + outputRoot, e);
        }
        MarkdownReport index = new MarkdownReport("nla reproduction results");
        index.description("Produced by `nla reproduce` at scale `" + scale.label() + "` with seed " + seed
                + ". Each experiment's directory holds its CSV tables, PNG plots, `report.md` and `manifest.json`.");
        Table t = Table.builder()
                .text("experiment")
                .text("description")
                .text("status")
                .real("seconds", 3)
                .text("report")
                .build();
        for (Outcome o : outcomes) {
            t.addRow(
                    o.experiment(),
                    o.description(),
                    o.succeeded() ? "ok" : "failed: " + o.error(),
                    o.duration().toNanos() / 1e9,
                    "[report](" + o.experiment() + "/" + REPORT_FILE + ")");
        }
        index.table(t);
        index.note("nla " + environment.build().summary() + "; " + environment.javaVersion() + " ("
                + environment.javaVendor() + "); " + environment.osName() + " " + environment.osArch() + "; "
                + environment.cores() + " cores; active backend: " + environment.backend() + ".");
        Path file = outputRoot.resolve(INDEX_FILE);
        index.write(file);
        return file;
    }

    /** Deletes the files that the manifest of a previous run in {@code dir} lists, and the manifest. */
    private static void removePreviousOutputs(Path dir) {
        Path manifest = dir.resolve(MANIFEST_FILE);
        if (!Files.isRegularFile(manifest)) {
            return;
        }
        List<String> names = new ArrayList<>();
        try {
            Object parsed = Json.parse(manifest);
            if (parsed instanceof Map<?, ?> map && map.get("outputs") instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof String s && !s.contains("/") && !s.contains("\\") && !s.equals("..")) {
                        names.add(s);
                    }
                }
            }
        } catch (MalformedInputException e) {
            // an unreadable old manifest: leave the old files alone and overwrite what we write
        }
        names.add(MANIFEST_FILE);
        for (String name : names) {
            try {
                Files.deleteIfExists(dir.resolve(name));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove old output " + dir.resolve(name), e);
            }
        }
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }
}
