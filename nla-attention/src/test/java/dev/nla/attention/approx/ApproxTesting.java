package dev.nla.attention.approx;

import dev.nla.attention.Attention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.ReferenceAttention;
import dev.nla.attention.analysis.AttentionInput;
import dev.nla.attention.analysis.AttentionInputs;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import java.util.Arrays;
import java.util.function.Supplier;

/** Shared fixtures of the approximation tests: naive twins, causality probes, error medians. */
final class ApproxTesting {
    private ApproxTesting() {}

    /** A weight per pair: 0 excludes the pair, \(w \gt 0\) multiplies its exponential. */
    @FunctionalInterface
    interface PairWeight {
        double weight(int i, int j);
    }

    /**
     * The naive twin of a weighted sparse softmax: \(o_i = \sum_j w_{ij}e^{S_{ij}}v_j / \sum_j
     * w_{ij}e^{S_{ij}}\), scores by explicit dot products, {@code Math.exp}, no blocking.
     */
    static DenseMatrix weighted(DenseMatrix q, DenseMatrix k, DenseMatrix v, double scale, PairWeight w) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        double[] s = new double[m];
        double[] wt = new double[m];
        for (int i = 0; i < n; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                wt[j] = w.weight(i, j);
                double dot = 0;
                for (int l = 0; l < d; l++) {
                    dot += q.get(i, l) * k.get(j, l);
                }
                s[j] = scale * dot;
                if (wt[j] > 0) {
                    max = Math.max(max, s[j]);
                }
            }
            double sum = 0;
            double[] acc = new double[dv];
            for (int j = 0; j < m; j++) {
                if (wt[j] > 0) {
                    double e = wt[j] * Math.exp(s[j] - max);
                    sum += e;
                    for (int c = 0; c < dv; c++) {
                        acc[c] += e * v.get(j, c);
                    }
                }
            }
            for (int c = 0; c < dv; c++) {
                out.set(i, c, acc[c] / sum);
            }
        }
        return out;
    }

    /** A LowRankQK problem (r = 32, noise 0.05) with values N(0,1) + 1. */
    static AttentionInput lowRank(int n, int d, double beta, long seed) {
        return AttentionInputs.lowRankQK(n, d, 32, beta, RngState.seed(seed));
    }

    /**
     * Test 9's probe: the largest change of \(o_i\), \(i \le p\), when the keys and values after
     * position \(p\) are replaced by fresh Gaussian rows, maximised over a few cut points \(p\).
     */
    static double causalLeak(Attention method, AttentionInput in, long seed) {
        DenseMatrix base = method.compute(in.q(), in.k(), in.v(), AttentionMask.causal());
        int n = in.n();
        double worst = 0;
        int[] cuts = {n / 5, n / 2, n - 3};
        for (int c = 0; c < cuts.length; c++) {
            int p = cuts[c];
            DenseMatrix k = in.k().copy();
            DenseMatrix v = in.v().copy();
            DenseMatrix noiseK = RandomMatrices.gaussian(
                            n, k.cols(), RngState.seed(seed).split(2 * c))
                    .value();
            DenseMatrix noiseV = RandomMatrices.gaussian(
                            n, v.cols(), RngState.seed(seed).split(2 * c + 1))
                    .value();
            for (int j = p + 1; j < n; j++) {
                for (int l = 0; l < k.cols(); l++) {
                    k.set(j, l, 3 * noiseK.get(j, l));
                }
                for (int l = 0; l < v.cols(); l++) {
                    v.set(j, l, 5 * noiseV.get(j, l));
                }
            }
            DenseMatrix changed = method.compute(in.q(), k, v, AttentionMask.causal());
            for (int i = 0; i <= p; i++) {
                for (int l = 0; l < v.cols(); l++) {
                    worst = Math.max(worst, Math.abs(changed.get(i, l) - base.get(i, l)));
                }
            }
        }
        return worst;
    }

    /** \(\|\tilde O - O\|_F/\|O\|_F\) against exact attention, no mask. */
    static double error(Attention method, AttentionInput in) {
        DenseMatrix exact = DenseAttention.withDefaults().compute(in.q(), in.k(), in.v());
        return ReferenceAttention.relativeError(method.compute(in.q(), in.k(), in.v()), exact);
    }

    /** The median of the values. */
    static double median(double[] x) {
        double[] y = x.clone();
        Arrays.sort(y);
        int h = y.length / 2;
        return y.length % 2 == 1 ? y[h] : 0.5 * (y[h - 1] + y[h]);
    }

    /** Runs {@code body} with the given number of backend threads. */
    static <T> T withThreads(int threads, Supplier<T> body) {
        Backend previous = Backends.active();
        Backends.setActive(Backends.vectorAvailable() ? Backends.vector(threads) : Backends.scalar(threads));
        try {
            return body.get();
        } finally {
            Backends.setActive(previous);
        }
    }

    /** Bitwise equality of two matrices. */
    static boolean sameBits(DenseMatrix a, DenseMatrix b) {
        if (a.rows() != b.rows() || a.cols() != b.cols()) {
            return false;
        }
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                if (Double.doubleToRawLongBits(a.get(i, j)) != Double.doubleToRawLongBits(b.get(i, j))) {
                    return false;
                }
            }
        }
        return true;
    }
}
