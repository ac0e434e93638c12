package dev.nla.attention.approx;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Arrays;

/**
 * Small building blocks of the approximations: the row softmax of a matrix in place (with the
 * vectorised kernels of the exact methods), segment means, and the removal of padded keys.
 */
final class LowRankSupport {
    private static final int ROW_BLOCK = 64;

    private LowRankSupport() {}

    /**
     * Row softmax in place, \(T \leftarrow \operatorname{softmax}_{\text{row}}(T)\), with the row
     * maximum subtracted; reports \(4rc\) flops and \(rc\) exponentials.
     *
     * @param t a compact matrix (leading dimension = rows); overwritten
     */
    static void softmaxRows(DenseMatrix t) {
        int rows = t.rows();
        int cols = t.cols();
        double[] a = t.data();
        int ld = t.ld();
        int off = t.offset();
        double[] max = new double[ROW_BLOCK];
        double[] sum = new double[ROW_BLOCK];
        for (int i0 = 0; i0 < rows; i0 += ROW_BLOCK) {
            int r = Math.min(ROW_BLOCK, rows - i0);
            Arrays.fill(max, Double.NEGATIVE_INFINITY);
            Arrays.fill(sum, 0.0);
            Softmax.rowMax(a, off + i0, ld, r, cols, max);
            Softmax.expShiftSum(a, off + i0, ld, r, cols, max, sum);
            for (int i = 0; i < r; i++) {
                sum[i] = 1.0 / sum[i];
            }
            Softmax.scaleRows(a, off + i0, ld, r, cols, sum);
        }
        CostCounter cost = CostCounter.current();
        cost.addFlops(4L * rows * cols);
        cost.addExps((long) rows * cols);
    }

    /**
     * Start of segment \(s\) when \(n\) rows are cut into \(r\) contiguous segments of sizes
     * \(\lfloor n/r\rfloor\) or \(\lceil n/r\rceil\): \(\lfloor sn/r\rfloor\).
     *
     * @param s segment index, \(0 \le s \le r\)
     * @param n rows
     * @param r segments
     * @return the first row of segment \(s\) (\(n\) for \(s = r\))
     */
    static int segmentStart(int s, int n, int r) {
        return (int) ((long) s * n / r);
    }

    /**
     * Segment means: row \(s\) of the result is the mean of rows \([\lfloor sn/r\rfloor, \lfloor
     * (s+1)n/r\rfloor)\) of \(X\) (equal segments of \(n/r\) rows when \(r\) divides \(n\)).
     *
     * @param x \(X\), \(n \times d\); not modified
     * @param r number of segments, \(1 \le r \le n\)
     * @return a new \(r \times d\) matrix
     */
    static DenseMatrix segmentMeans(DenseMatrix x, int r) {
        int n = x.rows();
        int d = x.cols();
        CostCounter.current().allocate((long) r * d);
        DenseMatrix out = DenseMatrix.zeros(r, d);
        for (int s = 0; s < r; s++) {
            int from = segmentStart(s, n, r);
            int to = segmentStart(s + 1, n, r);
            double inv = 1.0 / (to - from);
            for (int c = 0; c < d; c++) {
                double acc = 0.0;
                for (int i = from; i < to; i++) {
                    acc += x.get(i, c);
                }
                out.set(s, c, acc * inv);
            }
        }
        CostCounter.current().addFlops((long) n * d + (long) r * d);
        return out;
    }

    /**
     * The rows of \(X\) whose keys the mask keeps (all of \(X\), uncopied, without padding).
     *
     * @param x    \(X\), \(m \times c\); not modified
     * @param mask a mask without causal constraint
     * @return \(X\) itself or a new matrix of the kept rows, in order
     */
    static DenseMatrix keptRows(DenseMatrix x, AttentionMask mask) {
        if (!mask.hasKeyPadding()) {
            return x;
        }
        int m = x.rows();
        int kept = 0;
        for (int j = 0; j < m; j++) {
            kept += mask.keeps(j) ? 1 : 0;
        }
        CostCounter.current().allocate((long) kept * x.cols());
        DenseMatrix out = DenseMatrix.zeros(kept, x.cols());
        int row = 0;
        for (int j = 0; j < m; j++) {
            if (mask.keeps(j)) {
                out.row(row++).copyFrom(x.row(j));
            }
        }
        return out;
    }
}
