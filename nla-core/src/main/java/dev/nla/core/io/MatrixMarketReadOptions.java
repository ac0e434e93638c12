package dev.nla.core.io;

import dev.nla.core.error.Require;
import dev.nla.core.matrix.SparseMatrix;
import java.util.Objects;

/**
 * Options of {@link MatrixMarket#read(java.nio.file.Path, MatrixMarketReadOptions)}.
 *
 * @param sparseFormat       layout of the {@link SparseMatrix} read from a coordinate file;
 *     default {@link SparseMatrix.Format#CSR}
 * @param duplicates         what to do with an entry \((i, j)\) listed more than once in a
 *     coordinate file; default {@link MatrixMarket.Duplicates#SUM}
 * @param maxSparseDimension largest row or column count accepted for a coordinate file, {@code >=
 *     1}. Compressing a sparse matrix allocates arrays of length \(m + 1\) and \(n + 1\) whatever the
 *     number of entries, so this bound keeps a tiny file that announces a huge shape from
 *     exhausting memory. Default {@value #DEFAULT_MAX_SPARSE_DIMENSION} (\(2^{28}\), above every
 *     matrix of the SuiteSparse collection)
 */
public record MatrixMarketReadOptions(
        SparseMatrix.Format sparseFormat, MatrixMarket.Duplicates duplicates, int maxSparseDimension) {
    /** Default {@link #maxSparseDimension()}: \(2^{28} = 268435456\). */
    public static final int DEFAULT_MAX_SPARSE_DIMENSION = 1 << 28;

    /**
     * Validates the options.
     *
     * @param sparseFormat       layout of the matrix read from a coordinate file
     * @param duplicates         policy for repeated coordinate entries
     * @param maxSparseDimension largest row or column count of a coordinate file, {@code >= 1}
     * @throws NullPointerException     if {@code sparseFormat} or {@code duplicates} is null
     * @throws IllegalArgumentException if {@code maxSparseDimension < 1}
     */
    public MatrixMarketReadOptions {
        Objects.requireNonNull(sparseFormat, "sparseFormat");
        Objects.requireNonNull(duplicates, "duplicates");
        Require.positive("maxSparseDimension", maxSparseDimension);
    }

    /**
     * The defaults: CSR, duplicates summed, dimensions up to \(2^{28}\).
     *
     * @return the default options
     */
    public static MatrixMarketReadOptions defaults() {
        return new MatrixMarketReadOptions(
                SparseMatrix.Format.CSR, MatrixMarket.Duplicates.SUM, DEFAULT_MAX_SPARSE_DIMENSION);
    }

    /**
     * A copy with another sparse layout.
     *
     * @param format the layout; not null
     * @return the new options
     * @throws NullPointerException if {@code format} is null
     */
    public MatrixMarketReadOptions withSparseFormat(SparseMatrix.Format format) {
        return new MatrixMarketReadOptions(format, duplicates, maxSparseDimension);
    }

    /**
     * A copy with another duplicate policy.
     *
     * @param policy the policy; not null
     * @return the new options
     * @throws NullPointerException if {@code policy} is null
     */
    public MatrixMarketReadOptions withDuplicates(MatrixMarket.Duplicates policy) {
        return new MatrixMarketReadOptions(sparseFormat, policy, maxSparseDimension);
    }

    /**
     * A copy with another dimension limit for coordinate files.
     *
     * @param limit the limit, {@code >= 1}
     * @return the new options
     * @throws IllegalArgumentException if {@code limit < 1}
     */
    public MatrixMarketReadOptions withMaxSparseDimension(int limit) {
        return new MatrixMarketReadOptions(sparseFormat, duplicates, limit);
    }
}
