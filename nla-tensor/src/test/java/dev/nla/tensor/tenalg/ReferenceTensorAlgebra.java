package dev.nla.tensor.tenalg;

import dev.nla.core.matrix.DenseMatrix;
import dev.nla.tensor.tensor.DenseTensor;
import dev.nla.tensor.tensor.TuckerTensor;
import java.util.List;

/**
 * Naive reference twins of the {@code tenalg} kernels: elementwise loops over multi-indices
 * straight from the definitions (Kolda and Bader 2009), no GEMM, no reshaping tricks. Each
 * "abs" variant returns the same sum with every term replaced by its absolute value, the
 * quantity the componentwise rounding-error bounds are stated in.
 */
final class ReferenceTensorAlgebra {
    private ReferenceTensorAlgebra() {}

    /** Column index of the mode-k unfolding: sum over l != k of i_l times prod_{m < l, m != k} n_m. */
    static int unfoldingColumn(int[] shape, int[] idx, int k) {
        int col = 0;
        int stride = 1;
        for (int l = 0; l < shape.length; l++) {
            if (l != k) {
                col += idx[l] * stride;
                stride *= shape[l];
            }
        }
        return col;
    }

    static DenseMatrix unfold(DenseTensor x, int k) {
        int[] shape = x.shape();
        DenseMatrix a = DenseMatrix.zeros(shape[k], x.elementCount() / shape[k]);
        MultiIndex.forEach(shape, idx -> a.set(idx[k], unfoldingColumn(shape, idx, k), x.get(idx)));
        return a;
    }

    /** y = x times_k a (a is m x n_k), or the absolute-value version. */
    static DenseTensor modeProduct(DenseTensor x, DenseMatrix a, int k, boolean abs) {
        int[] shape = x.shape();
        int[] out = shape.clone();
        out[k] = a.rows();
        DenseTensor y = DenseTensor.zeros(out);
        MultiIndex.forEach(out, idx -> {
            int[] src = idx.clone();
            double s = 0;
            for (int j = 0; j < shape[k]; j++) {
                src[k] = j;
                double t = a.get(idx[k], j) * x.get(src);
                s += abs ? Math.abs(t) : t;
            }
            y.set(s, idx);
        });
        return y;
    }

    /** A_1 (.) ... (.) A_q, standard order (last factor's row index fastest). */
    static DenseMatrix khatriRao(List<DenseMatrix> factors) {
        int q = factors.size();
        int l = factors.get(0).cols();
        int rows = 1;
        for (DenseMatrix f : factors) {
            rows *= f.rows();
        }
        DenseMatrix k = DenseMatrix.zeros(rows, l);
        for (int r = 0; r < rows; r++) {
            int rest = r;
            int[] idx = new int[q];
            for (int f = q - 1; f >= 0; f--) {
                idx[f] = rest % factors.get(f).rows();
                rest /= factors.get(f).rows();
            }
            for (int c = 0; c < l; c++) {
                double v = 1;
                for (int f = 0; f < q; f++) {
                    v *= factors.get(f).get(idx[f], c);
                }
                k.set(r, c, v);
            }
        }
        return k;
    }

    /** A_1 (x) ... (x) A_q, standard order. */
    static DenseMatrix kronecker(List<DenseMatrix> factors) {
        int q = factors.size();
        int rows = 1;
        int cols = 1;
        for (DenseMatrix f : factors) {
            rows *= f.rows();
            cols *= f.cols();
        }
        DenseMatrix k = DenseMatrix.zeros(rows, cols);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int rr = r;
                int cc = c;
                double v = 1;
                for (int f = q - 1; f >= 0; f--) {
                    DenseMatrix a = factors.get(f);
                    v *= a.get(rr % a.rows(), cc % a.cols());
                    rr /= a.rows();
                    cc /= a.cols();
                }
                k.set(r, c, v);
            }
        }
        return k;
    }

    /** Y[a, c] = sum over multi-indices with i_k = a of x * prod_{l != k} w_l[i_l, c] (or abs). */
    static DenseMatrix mttkrp(DenseTensor x, List<DenseMatrix> w, int k, int l, boolean abs) {
        int[] shape = x.shape();
        DenseMatrix y = DenseMatrix.zeros(shape[k], l);
        MultiIndex.forEach(shape, idx -> {
            for (int c = 0; c < l; c++) {
                double t = x.get(idx);
                for (int m = 0; m < shape.length; m++) {
                    if (m != k) {
                        t *= w.get(m).get(idx[m], c);
                    }
                }
                y.add(idx[k], c, abs ? Math.abs(t) : t);
            }
        });
        return y;
    }

    /** full([[G; U_1..U_d]]) by the defining sum over core multi-indices (or abs). */
    static DenseTensor full(TuckerTensor t, boolean abs) {
        int[] n = t.modeSizes();
        int[] r = t.ranks();
        DenseTensor y = DenseTensor.zeros(n);
        MultiIndex.forEach(n, i -> {
            double[] s = {0};
            MultiIndex.forEach(r, j -> {
                double v = t.core().get(j);
                for (int k = 0; k < n.length; k++) {
                    v *= t.factor(k).get(i[k], j[k]);
                }
                s[0] += abs ? Math.abs(v) : v;
            });
            y.set(s[0], i);
        });
        return y;
    }

    /** Sum over all entries of a * b. */
    static double inner(DenseTensor a, DenseTensor b) {
        double s = 0;
        for (int p = 0; p < a.elementCount(); p++) {
            s += a.data()[p] * b.data()[p];
        }
        return s;
    }
}
