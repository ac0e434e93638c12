package dev.nla.sketch.operator;

import dev.nla.core.matrix.SparseMatrix;
import java.util.Arrays;

/** Contiguous slices of compressed sparse matrices (copies of the slice's arrays). */
final class SparseSlices {
    private SparseSlices() {}

    /** Rows {@code [r0, r0 + count)} of a CSR matrix, as a CSR matrix. */
    static SparseMatrix rows(SparseMatrix csr, int r0, int count) {
        return slice(csr, r0, count, SparseMatrix.Format.CSR, count, csr.cols());
    }

    /** Columns {@code [c0, c0 + count)} of a CSC matrix, as a CSC matrix. */
    static SparseMatrix columns(SparseMatrix csc, int c0, int count) {
        return slice(csc, c0, count, SparseMatrix.Format.CSC, csc.rows(), count);
    }

    private static SparseMatrix slice(
            SparseMatrix s, int start, int count, SparseMatrix.Format format, int rows, int cols) {
        int[] ptr = s.pointers();
        int from = ptr[start];
        int to = ptr[start + count];
        int[] p = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            p[i] = ptr[start + i] - from;
        }
        return SparseMatrix.of(
                format,
                rows,
                cols,
                p,
                Arrays.copyOfRange(s.indices(), from, to),
                Arrays.copyOfRange(s.values(), from, to));
    }
}
