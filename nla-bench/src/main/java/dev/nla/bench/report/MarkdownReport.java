package dev.nla.bench.report;

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

/**
 * Builds a Markdown report: a title, a description, findings, parameters, then sections with
 * paragraphs, tables and images in the order they were added, and notes at the end.
 *
 * <pre>{@code
 * MarkdownReport r = new MarkdownReport("GEMM scaling");
 * r.description("GFLOP/s of C = AB against n.");
 * r.parameter("sizes", "64, 128, 256");
 * r.section("Results").table(table).image("GFLOP/s against n", "gemm.png");
 * r.finding("The vector backend reaches 30 GFLOP/s at n = 1024.");
 * String markdown = r.render();
 * }</pre>
 *
 * <p>Images are referenced by relative links, so the report and its PNG files can be moved
 * together. A report is not thread-safe.
 */
public final class MarkdownReport {
    private final String title;
    private String description = "";
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final List<String> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> body = new ArrayList<>();

    /**
     * Starts a report.
     *
     * @param title the level-1 heading; not blank
     * @throws NullPointerException     if {@code title} is null
     * @throws IllegalArgumentException if {@code title} is blank
     */
    public MarkdownReport(String title) {
        Objects.requireNonNull(title, "title");
        if (title.isBlank()) {
            throw new IllegalArgumentException("report title must not be blank");
        }
        this.title = singleLine(title);
    }

    /**
     * The title.
     *
     * @return the title given to the constructor
     */
    public String title() {
        return title;
    }

    /**
     * Sets the paragraph shown under the title (replacing an earlier one).
     *
     * @param text Markdown text
     * @return this report
     * @throws NullPointerException if {@code text} is null
     */
    public MarkdownReport description(String text) {
        this.description = Objects.requireNonNull(text, "text").strip();
        return this;
    }

    /**
     * Records a parameter of the run, shown in the "Parameters" table (a later value for the same
     * name replaces the earlier one but keeps its position).
     *
     * @param name  the parameter name
     * @param value its value; {@code null} shows as missing
     * @return this report
     * @throws NullPointerException if {@code name} is null
     */
    public MarkdownReport parameter(String name, Object value) {
        Objects.requireNonNull(name, "name");
        parameters.put(name, value == null ? Markdown.MISSING : value.toString());
        return this;
    }

    /**
     * The parameters recorded so far.
     *
     * @return an unmodifiable, insertion-ordered copy
     */
    public Map<String, String> parameters() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /**
     * Adds a finding (a conclusion drawn from the results), listed near the top of the report.
     *
     * @param text Markdown text
     * @return this report
     * @throws NullPointerException if {@code text} is null
     */
    public MarkdownReport finding(String text) {
        findings.add(Objects.requireNonNull(text, "text").strip());
        return this;
    }

    /**
     * Adds a note (a caveat about the method or the machine), listed at the end of the report.
     *
     * @param text Markdown text
     * @return this report
     * @throws NullPointerException if {@code text} is null
     */
    public MarkdownReport note(String text) {
        notes.add(Objects.requireNonNull(text, "text").strip());
        return this;
    }

    /**
     * Starts a level-2 section.
     *
     * @param heading the section heading
     * @return this report
     * @throws NullPointerException if {@code heading} is null
     */
    public MarkdownReport section(String heading) {
        body.add("## " + singleLine(Objects.requireNonNull(heading, "heading")));
        return this;
    }

    /**
     * Adds a paragraph to the body.
     *
     * @param text Markdown text
     * @return this report
     * @throws NullPointerException if {@code text} is null
     */
    public MarkdownReport paragraph(String text) {
        body.add(Objects.requireNonNull(text, "text").strip());
        return this;
    }

    /**
     * Adds a table to the body.
     *
     * @param table the table; rendered now, so later rows are not shown
     * @return this report
     * @throws NullPointerException if {@code table} is null
     */
    public MarkdownReport table(Table table) {
        body.add(Markdown.table(table).stripTrailing());
        return this;
    }

    /**
     * Adds an image to the body, linked relative to the report's directory.
     *
     * @param altText      the alternative text (also the caption)
     * @param relativePath the image path relative to the report, e.g. {@code gemm.png}; forward
     *                     slashes; spaces are percent-encoded in the link
     * @return this report
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the path is absolute, empty or contains a {@code ..}
     *     segment
     */
    public MarkdownReport image(String altText, String relativePath) {
        Objects.requireNonNull(altText, "altText");
        Objects.requireNonNull(relativePath, "relativePath");
        if (relativePath.isEmpty()
                || relativePath.startsWith("/")
                || relativePath.contains("\\")
                || relativePath.contains(":")
                || List.of(relativePath.split("/")).contains("..")) {
            throw new IllegalArgumentException(
                    "image path must be relative, inside the report directory, got '" + relativePath + "'");
        }
        String alt = singleLine(altText).replace("[", "\\[").replace("]", "\\]");
        body.add("![" + alt + "](" + relativePath.replace(" ", "%20") + ")");
        return this;
    }

    /**
     * The Markdown text of the report.
     *
     * @return the report, ending in a single {@code \n}
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        if (!description.isEmpty()) {
            sb.append(description).append("\n\n");
        }
        if (!findings.isEmpty()) {
            sb.append("## Findings\n\n");
            for (String f : findings) {
                sb.append("- ").append(f.replace("\n", "\n  ")).append('\n');
            }
            sb.append('\n');
        }
        if (!parameters.isEmpty()) {
            Table p = Table.builder().text("parameter").text("value").build();
            parameters.forEach(p::addRow);
            sb.append("## Parameters\n\n").append(Markdown.table(p)).append('\n');
        }
        for (String block : body) {
            sb.append(block).append("\n\n");
        }
        if (!notes.isEmpty()) {
            sb.append("## Notes\n\n");
            for (String n : notes) {
                sb.append("- ").append(n.replace("\n", "\n  ")).append('\n');
            }
            sb.append('\n');
        }
        int end = sb.length();
        while (end > 0 && sb.charAt(end - 1) == '\n') {
            end--;
        }
        sb.setLength(end);
        return sb.append('\n').toString();
    }

    /**
     * Writes {@link #render()} to a file (created or replaced), in UTF-8.
     *
     * @param file the destination; its parent directory must exist
     * @throws NullPointerException if {@code file} is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            Files.writeString(file, render(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file, e);
        }
    }

    private static String singleLine(String s) {
        return s.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
