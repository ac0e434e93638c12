package dev.nla.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A rectangular table of results with named, typed columns: the in-memory form of every CSV file
 * and Markdown table an experiment writes.
 *
 * <p>Cells hold {@link String} ({@link ColumnType#TEXT}), {@link Long} ({@link
 * ColumnType#INTEGER}), {@link Double} ({@link ColumnType#REAL}; NaN and infinities allowed) or
 * {@link Boolean} ({@link ColumnType#BOOLEAN}), or {@code null} for a missing value. Rows are
 * appended with {@link #addRow(Object...)}, which checks the arity and the type of every cell. A
 * table is not thread-safe.
 *
 * <pre>{@code
 * Table t = Table.builder().text("backend").integer("n").real("gflops", 4).build();
 * t.addRow("vector", 1024, 31.2);
 * }</pre>
 */
public final class Table {
    /** The type of a column's cells. */
    public enum ColumnType {
        /** Free text ({@link String}). */
        TEXT,
        /** Whole numbers ({@link Long}; {@link Integer}, {@link Short} and {@link Byte} are widened). */
        INTEGER,
        /** Floating-point numbers ({@link Double}; any {@link Number} is converted). */
        REAL,
        /** Booleans ({@link Boolean}). */
        BOOLEAN
    }

    /**
     * A column: its name, type, and the number of significant digits used when its real values
     * are displayed (Markdown); CSV files always get the full precision.
     *
     * @param name   the header, non-empty
     * @param type   the cell type
     * @param digits significant digits for display, 1 to 17 (ignored for non-{@link ColumnType#REAL}
     *               columns)
     */
    public record Column(String name, ColumnType type, int digits) {
        /**
         * Validates the column.
         *
         * @param name   the header, non-empty
         * @param type   the cell type
         * @param digits significant digits for display, 1 to 17 (ignored for non-{@link ColumnType#REAL}
         *               columns)
         * @throws NullPointerException     if {@code name} or {@code type} is null
         * @throws IllegalArgumentException if {@code name} is blank or {@code digits} is outside
         *     {@code [1, 17]}
         */
        public Column {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            if (name.isBlank()) {
                throw new IllegalArgumentException("column name must not be blank");
            }
            if (digits < 1 || digits > 17) {
                throw new IllegalArgumentException(
                        "digits must be in [1, 17], got " + digits + " for column '" + name + "'");
            }
        }
    }

    private final List<Column> columns;
    private final List<Object[]> rows = new ArrayList<>();

    private Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /**
     * Starts a table definition.
     *
     * @return a builder with no columns
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The columns, in order.
     *
     * @return an unmodifiable list
     */
    public List<Column> columns() {
        return columns;
    }

    /**
     * The number of rows.
     *
     * @return at least 0
     */
    public int rowCount() {
        return rows.size();
    }

    /**
     * The index of the column named {@code name}.
     *
     * @param name a column name
     * @return its index
     * @throws IllegalArgumentException if there is no such column; the message lists the columns
     */
    public int columnIndex(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(name)) {
                return c;
            }
        }
        List<String> names = new ArrayList<>();
        for (Column c : columns) {
            names.add(c.name());
        }
        throw new IllegalArgumentException("no column '" + name + "'; columns are " + names);
    }

    /**
     * Appends a row.
     *
     * @param values one value per column, of the column's type or {@code null}; not retained
     * @return this table
     * @throws NullPointerException     if {@code values} is null
     * @throws IllegalArgumentException if the number of values differs from the number of columns,
     *     or a value does not match its column's type (the message names the column)
     */
    public Table addRow(Object... values) {
        Objects.requireNonNull(values, "values");
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.length + " values but the table has " + columns.size() + " columns");
        }
        Object[] row = new Object[values.length];
        for (int c = 0; c < values.length; c++) {
            row[c] = coerce(columns.get(c), values[c]);
        }
        rows.add(row);
        return this;
    }

    /**
     * The cell at {@code (row, column)}.
     *
     * @param row    row index in {@code [0, rowCount())}
     * @param column column index in {@code [0, columns().size())}
     * @return the value ({@link String}, {@link Long}, {@link Double} or {@link Boolean}), or
     *     {@code null} if missing
     * @throws IndexOutOfBoundsException if an index is out of range
     */
    public Object get(int row, int column) {
        Objects.checkIndex(column, columns.size());
        return rows.get(row)[column];
    }

    /**
     * The cell in the column named {@code column}.
     *
     * @param row    row index in {@code [0, rowCount())}
     * @param column a column name
     * @return the value, or {@code null} if missing
     * @throws IndexOutOfBoundsException if {@code row} is out of range
     * @throws IllegalArgumentException  if there is no such column
     */
    public Object get(int row, String column) {
        return get(row, columnIndex(column));
    }

    /**
     * All values of one column, in row order.
     *
     * @param column a column name
     * @return an unmodifiable list (elements may be {@code null})
     * @throws IllegalArgumentException if there is no such column
     */
    public List<Object> column(String column) {
        int c = columnIndex(column);
        List<Object> values = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            values.add(row[c]);
        }
        return Collections.unmodifiableList(values);
    }

    private static Object coerce(Column column, Object value) {
        if (value == null) {
            return null;
        }
        switch (column.type()) {
            case TEXT:
                if (value instanceof String) {
                    return value;
                }
                break;
            case INTEGER:
                if (value instanceof Long
                        || value instanceof Integer
                        || value instanceof Short
                        || value instanceof Byte) {
                    return ((Number) value).longValue();
                }
                break;
            case REAL:
                if (value instanceof Number) {
                    return ((Number) value).doubleValue();
                }
                break;
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                break;
            default:
                throw new AssertionError(column.type());
        }
        throw new IllegalArgumentException("column '" + column.name() + "' holds " + column.type() + " values, got "
                + value.getClass().getSimpleName() + " '" + value + "'");
    }

    /** Defines the columns of a new {@link Table}. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {}

        /**
         * Adds a column.
         *
         * @param column the column; its name must differ from the earlier ones
         * @return this builder
         * @throws NullPointerException     if {@code column} is null
         * @throws IllegalArgumentException if a column with the same name exists
         */
        public Builder column(Column column) {
            Objects.requireNonNull(column, "column");
            for (Column c : columns) {
                if (c.name().equals(column.name())) {
                    throw new IllegalArgumentException("duplicate column name '" + column.name() + "'");
                }
            }
            columns.add(column);
            return this;
        }

        /**
         * Adds a text column.
         *
         * @param name the header
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder text(String name) {
            return column(new Column(name, ColumnType.TEXT, 6));
        }

        /**
         * Adds an integer column.
         *
         * @param name the header
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder integer(String name) {
            return column(new Column(name, ColumnType.INTEGER, 6));
        }

        /**
         * Adds a real column shown with {@code digits} significant digits.
         *
         * @param name   the header
         * @param digits significant digits for display, 1 to 17
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used, or {@code digits}
         *     is out of range
         */
        public Builder real(String name, int digits) {
            return column(new Column(name, ColumnType.REAL, digits));
        }

        /**
         * Adds a boolean column.
         *
         * @param name the header
         * @return this builder
         * @throws IllegalArgumentException if the name is blank or already used
         */
        public Builder bool(String name) {
            return column(new Column(name, ColumnType.BOOLEAN, 6));
        }

        /**
         * Creates the empty table.
         *
         * @return a table with the columns defined so far and no rows
         * @throws IllegalStateException if no column was defined
         */
        public Table build() {
            if (columns.isEmpty()) {
                throw new IllegalStateException("a table needs at least one column");
            }
            return new Table(columns);
        }
    }
}
