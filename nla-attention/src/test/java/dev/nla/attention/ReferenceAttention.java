package dev.nla.attention;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * The naive reference twin of exact attention: for each query row, scores by explicit dot products,
 * the row maximum, {@code Math.exp}, the weighted sum of value rows, one division. No blocking, no
 * GEMM, no vectorisation.
 */
public final class ReferenceAttention {
    private ReferenceAttention() {}

    /**
     * \(\operatorname{softmax}(sQK^{\mathsf T} + M)V\) row by row.
     *
     * @param q     \(Q\)
     * @param k     \(K\)
     * @param v     \(V\)
     * @param mask  the mask
     * @param scale \(s\)
     * @return the output
     */
    public static DenseMatrix compute(Matrix q, Matrix k, Matrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        double[] s = new double[m];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (!mask.allows(i, j, n, m)) {
                    s[j] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                double dot = 0;
                for (int l = 0; l < d; l++) {
                    dot += q.get(i, l) * k.get(j, l);
                }
                s[j] = scale * dot;
                max = Math.max(max, s[j]);
            }
            double sum = 0;
            for (int j = 0; j < m; j++) {
                s[j] = Math.exp(s[j] - max);
                sum += s[j];
            }
            for (int c = 0; c < dv; c++) {
                double acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += s[j] * v.get(j, c);
                }
                out.set(i, c, acc / sum);
            }
        }
        return out;
    }

    /**
     * \(\|X - Y\|_F / \|Y\|_F\).
     *
     * @param x the approximation
     * @param y the reference
     * @return the relative Frobenius difference
     */
    public static double relativeError(Matrix x, Matrix y) {
        double num = 0;
        double den = 0;
        for (int j = 0; j < y.cols(); j++) {
            for (int i = 0; i < y.rows(); i++) {
                double diff = x.get(i, j) - y.get(i, j);
                num += diff * diff;
                den += y.get(i, j) * y.get(i, j);
            }
        }
        return Math.sqrt(num / den);
    }
}
