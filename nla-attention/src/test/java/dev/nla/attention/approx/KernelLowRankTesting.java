package dev.nla.attention.approx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.function.BiFunction;

/** Shared helpers of the approximation tests: inputs, naive twins, norms, the causality check. */
final class KernelLowRankTesting {
    private KernelLowRankTesting() {}

    /** Gaussian \(n \times c\) matrix scaled by {@code scale}, plus {@code shift}. */
    static DenseMatrix gaussian(int n, int c, double scale, double shift, RngState state) {
        DenseMatrix x = RandomMatrices.gaussian(n, c, state).value();
        for (int j = 0; j < c; j++) {
            for (int i = 0; i < n; i++) {
                x.set(i, j, scale * x.get(i, j) + shift);
            }
        }
        return x;
    }

    /** \(\|X - Y\|_F / \|Y\|_F\). */
    static double relativeError(Matrix x, Matrix y) {
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

    /** \(\max |X - Y|\). */
    static double maxAbsDiff(Matrix x, Matrix y) {
        double max = 0;
        for (int j = 0; j < y.cols(); j++) {
            for (int i = 0; i < y.rows(); i++) {
                max = Math.max(max, Math.abs(x.get(i, j) - y.get(i, j)));
            }
        }
        return max;
    }

    /**
     * The naive left product of a similarity method: the explicit \(n \times m\) matrix \(s_{ij} =
     * \text{sim}(i, j)\), masked, each row divided by \(\max(\sum_j s_{ij} + \epsilon_a, \epsilon_m)\),
     * times \(V\), in plain loops.
     */
    static DenseMatrix leftProduct(
            int n,
            int m,
            BiFunction<Integer, Integer, Double> sim,
            Matrix v,
            AttentionMask mask,
            double epsAdd,
            double epsMin) {
        int dv = v.cols();
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        double[] s = new double[m];
        for (int i = 0; i < n; i++) {
            double den = 0;
            for (int j = 0; j < m; j++) {
                s[j] = mask.allows(i, j, n, m) ? sim.apply(i, j) : 0.0;
                den += s[j];
            }
            den = Math.max(den + epsAdd, epsMin);
            for (int c = 0; c < dv; c++) {
                double acc = 0;
                for (int j = 0; j < m; j++) {
                    acc += s[j] * v.get(j, c);
                }
                out.set(i, c, acc / den);
            }
        }
        return out;
    }

    /** Row dot product \(x_i^{\mathsf T}y_j\) of two explicit feature arrays. */
    static double dot(double[][] x, int i, double[][] y, int j) {
        double acc = 0;
        for (int l = 0; l < x[i].length; l++) {
            acc += x[i][l] * y[j][l];
        }
        return acc;
    }

    /**
     * Causality (spec test 9): for cuts \(t\), replacing the rows \(j \gt t\) of \(K\) and \(V\) by
     * other values must leave the outputs \(o_0, \dots, o_t\) unchanged (the method's causal output on
     * \(n = m\)), to \(10^{-12}\) relative to the largest output entry.
     */
    static void assertCausal(Attention method, DenseMatrix q, DenseMatrix k, DenseMatrix v, long seed) {
        int n = q.rows();
        DenseMatrix base = method.compute(q, k, v, AttentionMask.causal());
        double scale = 0;
        for (int j = 0; j < base.cols(); j++) {
            for (int i = 0; i < n; i++) {
                scale = Math.max(scale, Math.abs(base.get(i, j)));
            }
        }
        int[] cuts = {0, n / 3, n / 2 + 1, n - 2};
        double reached = 0.0;
        for (int c = 0; c < cuts.length; c++) {
            int t = cuts[c];
            DenseMatrix k2 = k.copy();
            DenseMatrix v2 = v.copy();
            DenseMatrix noiseK =
                    gaussian(n, k.cols(), 3.0, 0.5, RngState.seed(seed).split(2 * c));
            DenseMatrix noiseV =
                    gaussian(n, v.cols(), 3.0, -1.0, RngState.seed(seed).split(2 * c + 1));
            for (int j = t + 1; j < n; j++) {
                k2.row(j).copyFrom(noiseK.row(j));
                v2.row(j).copyFrom(noiseV.row(j));
            }
            DenseMatrix other = method.compute(q, k2, v2, AttentionMask.causal());
            double diff = maxAbsDiff(other.rowBlock(0, t + 1), base.rowBlock(0, t + 1));
            assertThat(diff).as("cut t = %d", t).isLessThanOrEqualTo(1e-12 * scale);
            reached = Math.max(reached, maxAbsDiff(other.rowBlock(t + 1, n - t - 1), base.rowBlock(t + 1, n - t - 1)));
        }
        // The perturbation must reach later rows after some cut, or the check proves nothing. (Not
        // after every cut: a sparse method such as top-k may ignore the one new key the last row sees.)
        assertThat(reached).as("largest change of the later rows").isGreaterThan(1e-6 * scale);
    }

    /** A key-padding mask that drops every third key. */
    static AttentionMask everyThirdPadded(int m) {
        boolean[] keep = new boolean[m];
        for (int j = 0; j < m; j++) {
            keep[j] = j % 3 != 1;
        }
        return AttentionMask.keyPadding(keep);
    }
}
