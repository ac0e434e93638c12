package dev.nla.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Writes a {@link Table} as CSV (RFC 4180 quoting, UTF-8, {@code \n} line ends, header row first).
 *
 * <p>A field is quoted when it contains a comma, a double quote, a carriage return or a line
 * feed, or starts or ends with white space; a double quote inside a quoted field is doubled.
 * Missing values are empty fields. Reals are written with {@link Double#toString(double)}, which
 * round-trips exactly ({@code NaN}, {@code Infinity} and {@code -Infinity} for non-finite values);
 * integers and booleans in their usual decimal and {@code true}/{@code false} forms.
 */
public final class CsvWriter {
    private CsvWriter() {}

    /**
     * The CSV text of a table.
     *
     * @param table the table; not modified
     * @return the header line and one line per row, each ending in {@code \n}
     * @throws NullPointerException if {@code table} is null
     */
    public static String toCsv(Table table) {
        Objects.requireNonNull(table, "table");
        StringBuilder sb = new StringBuilder();
        int cols = table.columns().size();
        for (int c = 0; c < cols; c++) {
            if (c > 0) {
                sb.append(',');
            }
            sb.append(escape(table.columns().get(c).name()));
        }
        sb.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append(',');
                }
                sb.append(escape(format(table.get(r, c))));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Writes the CSV text of a table to a file (created or replaced), in UTF-8.
     *
     * @param table the table; not modified
     * @param file  the destination; its parent directory must exist
     * @throws NullPointerException if an argument is null
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void write(Table table, Path file) {
        Objects.requireNonNull(file, "file");
        String text = toCsv(table);
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV file " + file, e);
        }
    }

    /**
     * Quotes one field if needed.
     *
     * @param field the raw field text
     * @return the field as it appears in the file
     * @throws NullPointerException if {@code field} is null
     */
    public static String escape(String field) {
        Objects.requireNonNull(field, "field");
        boolean quote = field.indexOf(',') >= 0
                || field.indexOf('"') >= 0
                || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0
                || (!field.isEmpty()
                        && (Character.isWhitespace(field.charAt(0))
                                || Character.isWhitespace(field.charAt(field.length() - 1))));
        if (!quote) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    private static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return Double.toString(d);
        }
        return value.toString();
    }
}
