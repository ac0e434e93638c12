package dev.nla.attention.approx;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RandomMatrices;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.SketchingDistribution;
import dev.nla.sketch.operator.SketchingOperator;
import java.util.Arrays;

/**
 * Locality-sensitive hashing, sorting and sampling helpers of the bucketed and sampled methods. The
 * random projections are Gaussian matrices from {@link RandomMatrices} and the samples come from the
 * {@code nla-sketch} sampling operators; nothing here draws random numbers on its own.
 */
final class Hashing {
    private Hashing() {}

    /**
     * Gaussian projection \(R \in \mathbb{R}^{d \times c}\) from {@link RandomMatrices#gaussian}.
     *
     * @param d     rows
     * @param c     columns
     * @param state the randomness
     * @return \(R\)
     */
    static DenseMatrix projection(int d, int c, RngState state) {
        return RandomMatrices.gaussian(d, c, state).value();
    }

    /**
     * \(XR\) with one GEMM (flops reported).
     *
     * @param x \(X\), \(n \times d\)
     * @param r \(R\), \(d \times c\)
     * @return \(XR\)
     */
    static DenseMatrix project(DenseMatrix x, DenseMatrix r) {
        CostCounter cost = CostCounter.current();
        cost.allocate((long) x.rows() * r.cols());
        cost.addFlops(2L * x.rows() * x.cols() * r.cols());
        DenseMatrix p = DenseMatrix.zeros(x.rows(), r.cols());
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, x, r, 0.0, p);
        return p;
    }

    /**
     * Angular LSH with Hamming-ordered buckets (sortLSH [Han et al. 2023]; KDEformer [Zandieh et al.
     * 2023]): the sign pattern \(b \in \{0,1\}^c\) of \(x^{\mathsf T}R\) read as a Gray code, returned
     * as its rank in the Gray sequence, so that consecutive buckets differ in one hyperplane.
     *
     * @param x \(X\), \(n \times d\)
     * @param r \(R\), \(d \times c\), \(c \le 30\)
     * @return the bucket rank of every row
     */
    static int[] hammingRanks(DenseMatrix x, DenseMatrix r) {
        DenseMatrix p = project(x, r);
        int n = x.rows();
        int c = r.cols();
        int[] code = new int[n];
        for (int b = 0; b < c; b++) {
            for (int i = 0; i < n; i++) {
                if (p.get(i, b) > 0.0) {
                    code[i] |= 1 << b;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            int g = code[i];
            int bin = g;
            for (int shift = 1; shift < 32; shift <<= 1) {
                bin ^= bin >>> shift;
            }
            code[i] = bin;
        }
        CostCounter.current().release((long) n * c);
        return code;
    }

    /**
     * Reformer's angular LSH [Kitaev et al. 2020]: \(h(x) = \arg\max [x^{\mathsf T}R;\
     * -x^{\mathsf T}R]\) with \(R \in \mathbb{R}^{d \times B/2}\): \(B\) buckets.
     *
     * @param x \(X\), \(n \times d\)
     * @param r \(R\), \(d \times B/2\)
     * @return the bucket of every row, in \([0, B)\)
     */
    static int[] argmaxBuckets(DenseMatrix x, DenseMatrix r) {
        DenseMatrix p = project(x, r);
        int n = x.rows();
        int half = r.cols();
        int[] bucket = new int[n];
        double[] best = new double[n];
        Arrays.fill(best, Double.NEGATIVE_INFINITY);
        for (int b = 0; b < half; b++) {
            for (int i = 0; i < n; i++) {
                double y = p.get(i, b);
                if (y > best[i]) {
                    best[i] = y;
                    bucket[i] = b;
                }
                if (-y > best[i]) {
                    best[i] = -y;
                    bucket[i] = b + half;
                }
            }
        }
        CostCounter.current().release((long) n * half);
        CostCounter.current().addFlops(2L * n * half);
        return bucket;
    }

    /**
     * The permutation sorting indices by (label, index): a stable counting-free sort.
     *
     * @param labels one label per index
     * @return the indices in sorted order
     */
    static int[] sortBy(int[] labels) {
        int n = labels.length;
        long[] keyed = new long[n];
        for (int i = 0; i < n; i++) {
            keyed[i] = ((long) labels[i] << 32) | i;
        }
        Arrays.sort(keyed);
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = (int) keyed[i];
        }
        return order;
    }

    /**
     * Chunk number of every index when the sorted order is cut into {@code chunks} chunks of sizes
     * as equal as possible (chunk \(t\) holds sorted positions \([\lfloor tN/c\rfloor, \lfloor
     * (t+1)N/c\rfloor)\)).
     *
     * @param order  a permutation of \([0, N)\)
     * @param chunks \(c \ge 1\)
     * @return the chunk of every index
     */
    static int[] chunkOf(int[] order, int chunks) {
        int len = order.length;
        int[] chunk = new int[len];
        for (int t = 0; t < chunks; t++) {
            for (int pos = start(len, chunks, t); pos < start(len, chunks, t + 1); pos++) {
                chunk[order[pos]] = t;
            }
        }
        return chunk;
    }

    /**
     * First sorted position of chunk \(t\).
     *
     * @param len    \(N\)
     * @param chunks \(c\)
     * @param t      the chunk, \(0 \le t \le c\)
     * @return \(\lfloor tN/c \rfloor\)
     */
    static int start(int len, int chunks, int t) {
        return (int) ((long) t * len / chunks);
    }

    /**
     * Draws from a sampling sketch \(S\) (one nonzero per row) its row indices and the squared
     * weights \(S[t, j_t]^2\): for the isotropic samplers of {@code nla-sketch} these are the
     * importance weights \(1/(s\,p_{j_t})\). Computed as \(S[\mathbf 1, \iota]\) with \(\iota_j = j\):
     * column 0 gives the weight \(\omega_t\), column 1 gives \(\omega_t j_t\), so \(j_t\) is their
     * ratio (exact: \(j_t \lt 2^{31}\)).
     *
     * @param law   the sampling distribution, \(s \times m\)
     * @param state the randomness
     * @return indices (first) and weights
     */
    static Samples sample(SketchingDistribution law, RngState state) {
        int m = law.cols();
        int s = law.rows();
        DenseMatrix probe = DenseMatrix.zeros(m, 2);
        for (int j = 0; j < m; j++) {
            probe.set(j, 0, 1.0);
            probe.set(j, 1, j);
        }
        SketchingOperator op = law.sample(state).value();
        DenseMatrix y = op.applyLeft(probe);
        int[] index = new int[s];
        double[] weight = new double[s];
        for (int t = 0; t < s; t++) {
            double w = y.get(t, 0);
            index[t] = (int) Math.round(y.get(t, 1) / w);
            weight[t] = w * w;
        }
        CostCounter.current().addFlops(2L * s);
        return new Samples(index, weight);
    }

    /**
     * Sample indices and their importance weights.
     *
     * @param index  sampled key indices (repeats possible)
     * @param weight \(1/(s p_{j_t})\) per sample
     */
    record Samples(int[] index, double[] weight) {
        /**
         * The logarithms of the weights (the tile biases).
         *
         * @return \(\log w_t\)
         */
        double[] logWeights() {
            double[] b = new double[weight.length];
            for (int t = 0; t < b.length; t++) {
                b[t] = Math.log(weight[t]);
            }
            return b;
        }
    }

    /**
     * The kept keys in index order.
     *
     * @param mask the mask
     * @param m    keys
     * @return their indices
     */
    static int[] keptKeys(AttentionMask mask, int m) {
        int count = 0;
        for (int j = 0; j < m; j++) {
            count += mask.keeps(j) ? 1 : 0;
        }
        int[] kept = new int[count];
        int t = 0;
        for (int j = 0; j < m; j++) {
            if (mask.keeps(j)) {
                kept[t++] = j;
            }
        }
        return kept;
    }
}
