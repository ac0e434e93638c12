package dev.nla.core.io;

import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * The banner and size line of a Matrix Market file.
 *
 * @param format   coordinate (sparse) or array (dense)
 * @param field    the type of the values
 * @param symmetry which part of the matrix the file lists
 * @param rows     number of rows \(m \ge 0\)
 * @param cols     number of columns \(n \ge 0\)
 * @param entries  number of data lines the file lists: the third number of the size line for the
 *     coordinate format; for the array format \(mn\) (general), \(n(n+1)/2\) (symmetric) or
 *     \(n(n-1)/2\) (skew-symmetric)
 */
public record MatrixMarketHeader(
        MatrixMarket.Format format,
        MatrixMarket.Field field,
        MatrixMarket.Symmetry symmetry,
        int rows,
        int cols,
        long entries) {
    /**
     * Validates the components.
     *
     * @param format   coordinate or array
     * @param field    type of the values
     * @param symmetry which part the file lists
     * @param rows     number of rows, {@code >= 0}
     * @param cols     number of columns, {@code >= 0}
     * @param entries  number of data lines, {@code >= 0}
     * @throws NullPointerException     if {@code format}, {@code field} or {@code symmetry} is null
     * @throws IllegalArgumentException if a count is negative
     */
    public MatrixMarketHeader {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(symmetry, "symmetry");
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        Require.nonNegative("entries", entries);
    }

    /**
     * The banner line, e.g. {@code %%MatrixMarket matrix coordinate real general}.
     *
     * @return the banner without a line break
     */
    public String banner() {
        return "%%MatrixMarket matrix " + format.keyword() + " " + field.keyword() + " " + symmetry.keyword();
    }
}
