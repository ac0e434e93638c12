package dev.nla.bench.experiments;

import dev.nla.bench.report.CsvWriter;
import dev.nla.bench.report.Json;
import dev.nla.bench.report.LinePlot;
import dev.nla.bench.report.MarkdownReport;
import dev.nla.bench.report.Table;
import dev.nla.core.random.RngState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What an {@link Experiment} gets from the runner: the scale, the seed, its own output directory,
 * a progress reporter and the report it fills in, plus methods that write tables and plots into
 * the directory and remember them for the manifest.
 *
 * <p>The runner writes {@code report.md} and {@code manifest.json} after the experiment returns,
 * so those two names are reserved. Options recorded with {@link #option(String, Object)} go both
 * into the report's parameter table and into the manifest.
 */
public final class ExperimentContext {
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final String experiment;
    private final Scale scale;
    private final long seed;
    private final Path directory;
    private final Progress progress;
    private final MarkdownReport report;
    private final Map<String, Object> options = new LinkedHashMap<>();
    private final List<String> outputs = new ArrayList<>();

    /**
     * Creates a context; normally done by {@link ExperimentRunner}.
     *
     * @param experiment the experiment's name
     * @param scale      the scale
     * @param seed       the root seed of all randomness in the run
     * @param directory  the experiment's output directory; must exist
     * @param progress   the progress reporter
     * @param report     the report to fill in
     * @throws NullPointerException     if an object argument is null
     * @throws IllegalArgumentException if {@code directory} is not a directory
     */
    public ExperimentContext(
            String experiment, Scale scale, long seed, Path directory, Progress progress, MarkdownReport report) {
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.scale = Objects.requireNonNull(scale, "scale");
        this.seed = seed;
        this.directory = Objects.requireNonNull(directory, "directory");
        this.progress = Objects.requireNonNull(progress, "progress");
        this.report = Objects.requireNonNull(report, "report");
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("output directory " + directory + " does not exist");
        }
    }

    /**
     * The experiment's name.
     *
     * @return the name
     */
    public String experiment() {
        return experiment;
    }

    /**
     * The requested scale.
     *
     * @return the scale
     */
    public Scale scale() {
        return scale;
    }

    /**
     * The root seed: every random input of the run must be derived from it (e.g. as separate
     * streams of a counter-based generator), so that the run is reproducible.
     *
     * @return the seed given on the command line ({@code --seed})
     */
    public long seed() {
        return seed;
    }

    /**
     * The root random state, {@code RngState.seed(seed())}. Derive independent inputs from it with
     * {@link RngState#split(long)} (e.g. {@code rng().split(0)} for \(A\), {@code rng().split(1)}
     * for \(B\)), never by reusing one state for two inputs.
     *
     * @return the root state
     */
    public RngState rng() {
        return RngState.seed(seed);
    }

    /**
     * The experiment's own output directory, {@code DIR/<experiment>/}.
     *
     * @return an existing directory
     */
    public Path outputDirectory() {
        return directory;
    }

    /**
     * The progress reporter (silent in tests).
     *
     * @return the reporter
     */
    public Progress progress() {
        return progress;
    }

    /**
     * The report, pre-filled with the experiment's title and description; the experiment adds
     * tables, images and findings.
     *
     * @return the report builder
     */
    public MarkdownReport report() {
        return report;
    }

    /**
     * Records a parameter of the run (problem sizes, repetition counts, implementations): it is
     * listed in the report and in the manifest's {@code options}.
     *
     * @param name  the parameter name
     * @param value a JSON-writable value (string, number, boolean, list of those), or {@code null}
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if {@code value} cannot be written as JSON
     */
    public void option(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Json.write(value); // fails now, naming the value, rather than when the manifest is written
        options.put(name, value);
        report.parameter(name, value instanceof List<?> list ? joined(list) : value);
    }

    /**
     * The options recorded so far.
     *
     * @return an unmodifiable, insertion-ordered view
     */
    public Map<String, Object> options() {
        return Collections.unmodifiableMap(options);
    }

    /**
     * The files written so far through this context, relative to the output directory.
     *
     * @return an unmodifiable list of file names, in the order written
     */
    public List<String> outputs() {
        return Collections.unmodifiableList(outputs);
    }

    /**
     * Writes a table as CSV into the output directory.
     *
     * @param fileName a plain file name ending in {@code .csv}
     * @param table    the table; not modified
     * @return the path of the written file
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the file name is not a plain {@code .csv} name
     * @throws UncheckedIOException     if the file cannot be written
     */
    public Path writeTable(String fileName, Table table) {
        Path file = resolve(fileName, ".csv");
        CsvWriter.write(table, file);
        record(fileName);
        return file;
    }

    /**
     * Saves a plot as PNG into the output directory.
     *
     * @param fileName a plain file name ending in {@code .png}
     * @param plot     the plot
     * @return the path of the written file
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the file name is not a plain {@code .png} name
     * @throws IllegalStateException    if the plot has no series
     * @throws UncheckedIOException     if the file cannot be written
     */
    public Path savePlot(String fileName, LinePlot plot) {
        Objects.requireNonNull(plot, "plot");
        Path file = resolve(fileName, ".png");
        plot.savePng(file);
        record(fileName);
        return file;
    }

    /**
     * Writes a UTF-8 text file (for example a log of a peer computation) into the output directory.
     *
     * @param fileName a plain file name, not {@code report.md} or {@code manifest.json}
     * @param text     the content
     * @return the path of the written file
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the file name is not a plain name or is reserved
     * @throws UncheckedIOException     if the file cannot be written
     */
    public Path writeText(String fileName, String text) {
        Objects.requireNonNull(text, "text");
        Path file = resolve(fileName, "");
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        record(fileName);
        return file;
    }

    private Path resolve(String fileName, String extension) {
        Objects.requireNonNull(fileName, "fileName");
        if (!FILE_NAME.matcher(fileName).matches() || !fileName.endsWith(extension) || fileName.contains("..")) {
            throw new IllegalArgumentException("output file name must be a plain name (letters, digits, '.', '_', '-')"
                    + (extension.isEmpty() ? "" : " ending in " + extension) + ", got '" + fileName + "'");
        }
        if (fileName.equals(ExperimentRunner.REPORT_FILE) || fileName.equals(ExperimentRunner.MANIFEST_FILE)) {
            throw new IllegalArgumentException("'" + fileName + "' is written by the runner and reserved");
        }
        return directory.resolve(fileName);
    }

    private void record(String fileName) {
        if (!outputs.contains(fileName)) {
            outputs.add(fileName);
        }
    }

    private static String joined(List<?> list) {
        StringBuilder sb = new StringBuilder();
        for (Object o : list) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(o);
        }
        return sb.toString();
    }
}
