package dev.nla.core.matrix;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import java.util.Objects;
import org.eclipse.collections.impl.list.mutable.primitive.DoubleArrayList;
import org.eclipse.collections.impl.list.mutable.primitive.IntArrayList;

/**
 * Accumulates coordinate triplets \((i, j, v)\) and compresses them into a {@link SparseMatrix}.
 *
 * <p>Entries may be added in any order; entries with the same \((i, j)\) are summed, as in finite
 * element assembly. Storage is three primitive lists, so assembly does not box. A builder can be
 * built more than once and keeps its triplets. It is not thread-safe.
 */
public final class CooBuilder {
    private final int rows;
    private final int cols;
    private final IntArrayList rowIndex = new IntArrayList();
    private final IntArrayList colIndex = new IntArrayList();
    private final DoubleArrayList value = new DoubleArrayList();

    CooBuilder(int rows, int cols) {
        Require.nonNegative("rows", rows);
        Require.nonNegative("cols", cols);
        this.rows = rows;
        this.cols = cols;
    }

    /**
     * Adds \(v\) to entry \((i, j)\).
     *
     * @param i row index, {@code 0 <= i < rows}
     * @param j column index, {@code 0 <= j < cols}
     * @param v the value; must be finite
     * @return this builder
     * @throws IndexOutOfBoundsException if {@code (i, j)} is outside the matrix
     * @throws NonFiniteValueException   if {@code v} is NaN or infinite
     */
    public CooBuilder add(int i, int j, double v) {
        if (i < 0 || i >= rows || j < 0 || j >= cols) {
            throw new IndexOutOfBoundsException(
                    "entry (" + i + ", " + j + ") is outside a " + rows + "x" + cols + " matrix");
        }
        if (!Double.isFinite(v)) {
            throw new NonFiniteValueException("entry", i, j, v);
        }
        rowIndex.add(i);
        colIndex.add(j);
        value.add(v);
        return this;
    }

    /**
     * Number of triplets added so far (before duplicates are summed).
     *
     * @return the count
     */
    public int size() {
        return value.size();
    }

    /**
     * Compresses the triplets: sorts by major then minor index and sums duplicates (in the order they
     * were added, so the result is reproducible). Runs in \(O(\mathrm{nnz} + m + n)\) by two
     * counting-sort passes; when the minor dimension is much larger than the number of triplets, the
     * second pass is a comparison sort within each line instead (\(O(\mathrm{nnz} \log
     * \mathrm{nnz})\)), so that no array of the size of the minor dimension is allocated.
     *
     * @param format the layout of the result
     * @return the compressed matrix
     * @throws NullPointerException       if {@code format} is null
     * @throws SizeLimitExceededException if the pointer array (major dimension + 1 entries) would
     *     exceed {@link DenseMatrix#MAX_ELEMENTS} entries
     */
    public SparseMatrix build(SparseMatrix.Format format) {
        Objects.requireNonNull(format, "format");
        int nnz = value.size();
        int[] ri = rowIndex.toArray();
        int[] ci = colIndex.toArray();
        double[] v = value.toArray();
        // Pass 1: bucket by the minor index; pass 2 (stable) by the major index, so within each
        // major line the minor indices come out sorted.
        int[] major = format == SparseMatrix.Format.CSR ? ri : ci;
        int[] minor = format == SparseMatrix.Format.CSR ? ci : ri;
        int majorDim = format == SparseMatrix.Format.CSR ? rows : cols;
        int minorDim = format == SparseMatrix.Format.CSR ? cols : rows;
        SparseMatrix.checkPointerSize(format, rows, cols, majorDim);
        int[] order;
        if (minorDim <= 2L * nnz + 1024) {
            order = countingOrder(minor, minorDim, identityOrder(nnz));
            order = countingOrder(major, majorDim, order);
        } else {
            order = countingOrder(major, majorDim, identityOrder(nnz));
            sortWithinLines(order, major, minor);
        }

        int[] ptr = new int[majorDim + 1];
        int[] idx = new int[nnz];
        double[] val = new double[nnz];
        int count = 0;
        int lastMajor = -1;
        int lastMinor = -1;
        for (int q = 0; q < nnz; q++) {
            int p = order[q];
            if (major[p] == lastMajor && minor[p] == lastMinor) {
                val[count - 1] += v[p];
            } else {
                idx[count] = minor[p];
                val[count] = v[p];
                ptr[major[p] + 1]++;
                count++;
                lastMajor = major[p];
                lastMinor = minor[p];
            }
        }
        for (int r = 0; r < majorDim; r++) {
            ptr[r + 1] += ptr[r];
        }
        if (count < nnz) {
            idx = java.util.Arrays.copyOf(idx, count);
            val = java.util.Arrays.copyOf(val, count);
        }
        return new SparseMatrix(format, rows, cols, ptr, idx, val);
    }

    /**
     * Sorts each run of equal {@code major[order[.]]} by {@code (minor, position)}: {@code order} is
     * already grouped by major index, in insertion order within each group.
     */
    private static void sortWithinLines(int[] order, int[] major, int[] minor) {
        int start = 0;
        while (start < order.length) {
            int line = major[order[start]];
            int end = start + 1;
            while (end < order.length && major[order[end]] == line) {
                end++;
            }
            long[] keys = new long[end - start];
            for (int q = start; q < end; q++) {
                keys[q - start] = ((long) minor[order[q]] << 32) | order[q];
            }
            java.util.Arrays.sort(keys);
            for (int q = start; q < end; q++) {
                order[q] = (int) keys[q - start];
            }
            start = end;
        }
    }

    private static int[] identityOrder(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    /** Stable counting sort of the permutation {@code order} by {@code key[order[.]]}. */
    private static int[] countingOrder(int[] key, int range, int[] order) {
        int[] start = new int[range + 1];
        for (int p : order) {
            start[key[p] + 1]++;
        }
        for (int k = 0; k < range; k++) {
            start[k + 1] += start[k];
        }
        int[] out = new int[order.length];
        for (int p : order) {
            out[start[key[p]]++] = p;
        }
        return out;
    }
}
