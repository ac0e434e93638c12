package dev.nla.sketch.operator;

/**
 * The nonzeros of a sparse sketch \(S \in \mathbb{R}^{d \times m}\) in compressed sparse column
 * form: column \(j\) holds rows {@code idx[ptr[j] : ptr[j+1]]}, strictly increasing, with values
 * {@code val[...]}. Immutable after construction (the arrays are never handed out).
 */
final class Csc {
    final int d;
    final int m;
    final int[] ptr;
    final int[] idx;
    final double[] val;

    Csc(int d, int m, int[] ptr, int[] idx, double[] val) {
        this.d = d;
        this.m = m;
        this.ptr = ptr;
        this.idx = idx;
        this.val = val;
    }

    /** Number of stored entries. */
    int nonZeros() {
        return ptr[m];
    }

    /**
     * From row lists (CSR form, columns not necessarily sorted, duplicates allowed): duplicates are
     * summed in the order of the row lists; zeros that arise from cancellation are kept.
     */
    static Csc fromRows(int d, int m, int[] rowPtr, int[] cols, double[] vals) {
        int nnz = rowPtr[d];
        int[] count = new int[m + 1];
        for (int p = 0; p < nnz; p++) {
            count[cols[p] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            count[j + 1] += count[j];
        }
        int[] next = count.clone();
        int[] rowOf = new int[nnz];
        double[] valOf = new double[nnz];
        // Rows are visited in increasing order, so each column comes out sorted by row.
        for (int i = 0; i < d; i++) {
            for (int p = rowPtr[i]; p < rowPtr[i + 1]; p++) {
                int j = cols[p];
                int q = next[j]++;
                rowOf[q] = i;
                valOf[q] = vals[p];
            }
        }
        // Merge equal rows within a column (duplicates of a row list), summing in list order.
        int[] ptr = new int[m + 1];
        int w = 0;
        for (int j = 0; j < m; j++) {
            ptr[j] = w;
            for (int q = count[j]; q < count[j + 1]; q++) {
                if (w > ptr[j] && rowOf[w - 1] == rowOf[q]) {
                    valOf[w - 1] += valOf[q];
                } else {
                    rowOf[w] = rowOf[q];
                    valOf[w] = valOf[q];
                    w++;
                }
            }
        }
        ptr[m] = w;
        return new Csc(d, m, ptr, java.util.Arrays.copyOf(rowOf, w), java.util.Arrays.copyOf(valOf, w));
    }

    /** The entries of the block {@code [r0, r0 + p) x [c0, c0 + q)}, re-indexed from (0, 0). */
    Csc block(int r0, int c0, int p, int q) {
        int[] bp = new int[q + 1];
        int count = 0;
        for (int j = 0; j < q; j++) {
            for (int t = ptr[c0 + j]; t < ptr[c0 + j + 1]; t++) {
                int r = idx[t];
                if (r >= r0 && r < r0 + p) {
                    count++;
                }
            }
            bp[j + 1] = count;
        }
        int[] bi = new int[count];
        double[] bv = new double[count];
        int w = 0;
        for (int j = 0; j < q; j++) {
            for (int t = ptr[c0 + j]; t < ptr[c0 + j + 1]; t++) {
                int r = idx[t];
                if (r >= r0 && r < r0 + p) {
                    bi[w] = r - r0;
                    bv[w] = val[t];
                    w++;
                }
            }
        }
        return new Csc(p, q, bp, bi, bv);
    }
}
