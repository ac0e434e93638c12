package dev.nla.bench.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders {@link Table}s and values as GitHub-flavoured Markdown.
 *
 * <p>Cells are escaped so that any text stays inside its cell: {@code |} becomes {@code \|}, a
 * backslash is doubled, {@code <} and {@code >} become HTML entities and line breaks become {@code
 * <br>}. Missing values show as an en dash. Numeric columns are right-aligned.
 */
public final class Markdown {
    /** What a missing cell shows. */
    public static final String MISSING = "–";

    private Markdown() {}

    /**
     * Renders a table: a header row, an alignment row and one row per table row, each line
     * ending in {@code \n}.
     *
     * @param table the table; not modified
     * @return the Markdown text
     * @throws NullPointerException if {@code table} is null
     */
    public static String table(Table table) {
        Objects.requireNonNull(table, "table");
        StringBuilder sb = new StringBuilder();
        sb.append('|');
        for (Table.Column c : table.columns()) {
            sb.append(' ').append(escapeCell(c.name())).append(" |");
        }
        sb.append("\n|");
        for (Table.Column c : table.columns()) {
            boolean numeric = c.type() == Table.ColumnType.INTEGER || c.type() == Table.ColumnType.REAL;
            sb.append(numeric ? " ---: |" : " --- |");
        }
        sb.append('\n');
        for (int r = 0; r < table.rowCount(); r++) {
            sb.append('|');
            for (int c = 0; c < table.columns().size(); c++) {
                sb.append(' ')
                        .append(escapeCell(cell(table.columns().get(c), table.get(r, c))))
                        .append(" |");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * Escapes text for a table cell.
     *
     * @param text raw text
     * @return text that renders as itself inside one cell
     * @throws NullPointerException if {@code text} is null
     */
    public static String escapeCell(String text) {
        Objects.requireNonNull(text, "text");
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '|' -> sb.append("\\|");
                case '\\' -> sb.append("\\\\");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\r' -> {
                    if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                        sb.append("<br>");
                    }
                }
                case '\n' -> sb.append("<br>");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * Formats a real number with {@code digits} significant digits (trailing zeros kept, so {@code
     * 30} with 3 digits is {@code 30.0}): plain notation when \(10^{-3}
     * \le |v| \lt 10^{6}\) (or \(v = 0\)), scientific notation otherwise; {@code NaN}, {@code inf}
     * and {@code -inf} for non-finite values.
     *
     * @param value  the number
     * @param digits significant digits, 1 to 17
     * @return the formatted number
     * @throws IllegalArgumentException if {@code digits} is outside {@code [1, 17]}
     */
    public static String formatReal(double value, int digits) {
        if (digits < 1 || digits > 17) {
            throw new IllegalArgumentException("digits must be in [1, 17], got " + digits);
        }
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0.0) {
            return "0";
        }
        double a = Math.abs(value);
        if (a >= 1e-3 && a < 1e6) {
            BigDecimal rounded = new BigDecimal(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.abs().compareTo(BigDecimal.valueOf(1_000_000L)) < 0) {
                if (rounded.precision() < digits) {
                    // keep trailing zeros so that a column shows the same number of significant digits
                    rounded = rounded.setScale(rounded.scale() + digits - rounded.precision());
                }
                return rounded.toPlainString();
            }
        }
        return String.format(Locale.ROOT, "%." + (digits - 1) + "e", value);
    }

    private static String cell(Table.Column column, Object value) {
        if (value == null) {
            return MISSING;
        }
        if (value instanceof Double d) {
            return formatReal(d, column.digits());
        }
        return value.toString();
    }
}
