package dev.nla.core.io;

import java.util.Objects;

/**
 * Options of {@link MatrixMarket#write(dev.nla.core.matrix.Matrix, java.nio.file.Path,
 * MatrixMarketWriteOptions)}. The format follows the matrix: a {@link
 * dev.nla.core.matrix.SparseMatrix} is written in coordinate format, a {@link
 * dev.nla.core.matrix.DenseMatrix} in array format.
 *
 * @param field    type of the values written; default {@link MatrixMarket.Field#REAL}. {@link
 *     MatrixMarket.Field#INTEGER} requires every entry to be an integer in the range of a {@code
 *     long} ({@code -0.0} is written as {@code 0}); {@link MatrixMarket.Field#PATTERN} (coordinate format only) writes positions without
 *     values
 * @param symmetry which part is written; default {@link MatrixMarket.Symmetry#GENERAL}. {@link
 *     MatrixMarket.Symmetry#SYMMETRIC} writes the lower triangle and requires \(a_{ij} = a_{ji}\)
 *     exactly (for {@code PATTERN}: a symmetric set of stored positions); {@link
 *     MatrixMarket.Symmetry#SKEW_SYMMETRIC} writes the strict lower triangle and requires \(a_{ij} =
 *     -a_{ji}\) and a zero diagonal
 * @param comment  text written after the banner as comment lines, each line of it prefixed with
 *     {@code %}; empty (the default) for none
 */
public record MatrixMarketWriteOptions(MatrixMarket.Field field, MatrixMarket.Symmetry symmetry, String comment) {
    /**
     * Validates the options.
     *
     * @param field    type of the values written
     * @param symmetry which part is written
     * @param comment  comment text, empty for none
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code field} is {@code PATTERN} and {@code symmetry} is
     *     {@code SKEW_SYMMETRIC} (the Matrix Market format does not allow it)
     */
    public MatrixMarketWriteOptions {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(symmetry, "symmetry");
        Objects.requireNonNull(comment, "comment");
        if (field == MatrixMarket.Field.PATTERN && symmetry == MatrixMarket.Symmetry.SKEW_SYMMETRIC) {
            throw new IllegalArgumentException("the pattern field cannot be skew-symmetric");
        }
    }

    /**
     * The defaults: real values, general symmetry, no comment.
     *
     * @return the default options
     */
    public static MatrixMarketWriteOptions defaults() {
        return new MatrixMarketWriteOptions(MatrixMarket.Field.REAL, MatrixMarket.Symmetry.GENERAL, "");
    }

    /**
     * A copy with another field.
     *
     * @param newField the field; not null
     * @return the new options
     * @throws NullPointerException     if {@code newField} is null
     * @throws IllegalArgumentException if the combination with the symmetry is invalid
     */
    public MatrixMarketWriteOptions withField(MatrixMarket.Field newField) {
        return new MatrixMarketWriteOptions(newField, symmetry, comment);
    }

    /**
     * A copy with another symmetry.
     *
     * @param newSymmetry the symmetry; not null
     * @return the new options
     * @throws NullPointerException     if {@code newSymmetry} is null
     * @throws IllegalArgumentException if the combination with the field is invalid
     */
    public MatrixMarketWriteOptions withSymmetry(MatrixMarket.Symmetry newSymmetry) {
        return new MatrixMarketWriteOptions(field, newSymmetry, comment);
    }

    /**
     * A copy with another comment.
     *
     * @param newComment the comment text; empty for none; not null
     * @return the new options
     * @throws NullPointerException if {@code newComment} is null
     */
    public MatrixMarketWriteOptions withComment(String newComment) {
        return new MatrixMarketWriteOptions(field, symmetry, newComment);
    }
}
