package dev.nla.attention.approx;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.internal.Softmax;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
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

    /**
     * The truncated third-order iteration for the Moore–Penrose pseudo-inverse used by
     * Nyströmformer and Skyformer [Razavi et al. 2014; Xiong et al. 2021]:
     * \[ Z_0 = \alpha A^{\mathsf T},\qquad Z_{k+1} = \tfrac14 Z_k\bigl(13I - AZ_k(15I - AZ_k(7I -
     *    AZ_k))\bigr), \]
     * four \(r \times r\) GEMMs per step (\(8r^3\) flops). Unlike the second-order Newton–Schulz
     * iteration of {@code nla-core} ({@code NewtonSchulzPseudoInverse}, run to convergence), it is
     * stopped after a fixed number of steps; the truncation is part of these methods (it acts as a
     * regulariser on their badly conditioned cores, spec section 2).
     *
     * @param a          \(A\), \(r \times r\); not modified
     * @param alpha      \(\alpha\), the scale of \(Z_0\)
     * @param iterations number of steps, \(\ge 0\)
     * @return \(Z_k\), a new \(r \times r\) matrix
     */
    static DenseMatrix iterativePseudoInverse(DenseMatrix a, double alpha, int iterations) {
        int r = a.rows();
        CostCounter cost = CostCounter.current();
        cost.allocate(4L * r * r);
        DenseMatrix z = DenseMatrix.zeros(r, r);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < r; j++) {
                z.set(i, j, alpha * a.get(j, i));
            }
        }
        DenseMatrix az = DenseMatrix.zeros(r, r);
        DenseMatrix t = DenseMatrix.zeros(r, r);
        DenseMatrix u = DenseMatrix.zeros(r, r);
        for (int it = 0; it < iterations; it++) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, a, z, 0.0, az);
            // t = 7I - AZ
            identityMinus(7.0, az, t);
            // u = 15I - AZ t
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, az, t, 0.0, u);
            addDiagonal(u, 15.0);
            // t = 13I - AZ u
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, -1.0, az, u, 0.0, t);
            addDiagonal(t, 13.0);
            // z = 0.25 Z t
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 0.25, z, t, 0.0, u);
            z.copyFrom(u);
        }
        cost.addFlops((long) iterations * (8L * r * r * r + 3L * r));
        cost.release(3L * r * r);
        return z;
    }

    private static void identityMinus(double c, DenseMatrix x, DenseMatrix out) {
        int r = x.rows();
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                out.set(i, j, -x.get(i, j));
            }
        }
        addDiagonal(out, c);
    }

    private static void addDiagonal(DenseMatrix x, double c) {
        for (int i = 0; i < x.rows(); i++) {
            x.add(i, i, c);
        }
    }

    /**
     * \(\|A\|_1\) (largest absolute column sum) and \(\|A\|_\infty\) (largest absolute row sum).
     *
     * @param a the matrix; not modified
     * @return {@code {norm1, normInf}}
     */
    static double[] norms1Inf(DenseMatrix a) {
        double norm1 = 0;
        double[] rows = new double[a.rows()];
        for (int j = 0; j < a.cols(); j++) {
            double col = 0;
            for (int i = 0; i < a.rows(); i++) {
                double x = Math.abs(a.get(i, j));
                col += x;
                rows[i] += x;
            }
            norm1 = Math.max(norm1, col);
        }
        double normInf = 0;
        for (double x : rows) {
            normInf = Math.max(normInf, x);
        }
        return new double[] {norm1, normInf};
    }
}
