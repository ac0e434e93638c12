package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.parallel.Parallel;
import java.util.Objects;

/**
 * Top-\(k\) attention (e.g. [Gupta et al. 2021]): each row keeps its \(k\) largest visible scores and
 * takes the softmax over those, the best \(k\)-sparse approximation of the row of scores:
 * \[ \mathcal T_i = \operatorname{argtop}_k \{S_{ij} : j \text{ visible}\},\qquad o_i = \frac{\sum_{j
 *    \in \mathcal T_i} e^{S_{ij} - \mu_i} v_j}{\sum_{j \in \mathcal T_i} e^{S_{ij} - \mu_i}},\quad \mu_i
 *    = \max_j S_{ij}. \]
 * Ties at the \(k\)-th value are broken by the smaller key index; a row with at most \(k\) visible
 * keys is exact.
 *
 * <p><b>Primitives.</b> Row-wise hard thresholding: per chunk of \(c\) queries one {@link
 * Blas#gemm} forms the \(c \times m_{\text{vis}}\) score tile (stopping at the chunk's last visible
 * key under a causal mask), a quickselect per row finds the \(k\)-th largest score in \(O(m)\), and
 * the \(k\) selected value rows are accumulated. Chunks run in parallel (deterministic).
 *
 * <p><b>Cost.</b> Time \(O(nmd)\) for the exact scores (sub-quadratic time would need approximate
 * nearest-neighbour search) plus \(O(nm + nkd_v)\); memory \(O(nd_v)\) plus a \(c \times m\) tile per
 * thread, independent of \(n\) (the \(k\) selected indices of a row live only while it is
 * processed). <b>Causal:</b> yes (future keys never enter the tile).
 */
public final class TopKAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "top-k";

    /** Registry entry: the size parameter is \(k\). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "softmax over the k largest scores of each row (best k-sparse row approximation)",
            AttentionMethod.Family.SPARSITY_AND_CLUSTERING,
            true,
            false,
            "k",
            (size, state) -> new TopKAttention(TopKOptions.of(size)));

    private final TopKOptions options;

    /**
     * Creates the method.
     *
     * @param options \(k\), chunk and scaling
     * @throws NullPointerException if {@code options} is null
     */
    public TopKAttention(TopKOptions options) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
    }

    /**
     * The options.
     *
     * @return the options
     */
    public TopKOptions options() {
        return options;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int dv = v.cols();
        int top = options.k();
        AttentionChecks.requireAtMost(NAME, "k", top, "the number of keys m", m);
        int c = Math.min(options.queryChunk(), n);
        int chunks = (n + c - 1) / c;
        CostCounter cost = CostCounter.current();
        int parts = (long) n * m * d < SparseSoftmax.PARALLEL_WORK
                ? 1
                : Math.min(Math.max(1, Backends.active().threads()), chunks);
        cost.allocate((long) n * dv);
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        long scratch = (long) parts * ((long) c * m + 2L * m + 2L * top);
        cost.allocate(scratch);
        boolean[] keep = mask.keyFlags();
        Backend backend = Backends.singleThreaded(Backends.active());
        Parallel.forEach(parts, part -> {
            double[] tile = new double[c * m];
            double[] row = new double[m];
            int[] picked = new int[top];
            double[] weight = new double[top];
            long flops = 0;
            long exps = 0;
            for (int t = part; t < chunks; t += parts) {
                int i0 = t * c;
                int rows = Math.min(n, i0 + c) - i0;
                int end = mask.keyEnd(i0 + rows - 1, n, m);
                DenseMatrix s = DenseMatrix.wrap(tile, 0, rows, end, rows);
                Blas.gemm(
                        backend,
                        Transpose.NO_TRANSPOSE,
                        Transpose.TRANSPOSE,
                        scale,
                        q.view(i0, 0, rows, d),
                        k.view(0, 0, end, d),
                        0.0,
                        s);
                flops += 2L * rows * end * d;
                for (int r = 0; r < rows; r++) {
                    int i = i0 + r;
                    int visible = mask.keyEnd(i, n, m);
                    int count = 0;
                    for (int j = 0; j < visible; j++) {
                        if (keep == null || keep[j]) {
                            row[count++] = tile[r + j * rows];
                        }
                    }
                    int chosen = 0;
                    if (count <= top) {
                        for (int j = 0; j < visible; j++) {
                            if (keep == null || keep[j]) {
                                picked[chosen++] = j;
                            }
                        }
                    } else {
                        double threshold = select(row, count, count - top);
                        int above = 0;
                        for (int j = 0; j < visible; j++) {
                            if ((keep == null || keep[j]) && tile[r + j * rows] > threshold) {
                                above++;
                            }
                        }
                        int ties = top - above;
                        for (int j = 0; j < visible && chosen < top; j++) {
                            if (keep != null && !keep[j]) {
                                continue;
                            }
                            double x = tile[r + j * rows];
                            if (x > threshold) {
                                picked[chosen++] = j;
                            } else if (x == threshold && ties > 0) {
                                picked[chosen++] = j;
                                ties--;
                            }
                        }
                        flops += 2L * count;
                    }
                    double mu = Double.NEGATIVE_INFINITY;
                    for (int p = 0; p < chosen; p++) {
                        mu = Math.max(mu, tile[r + picked[p] * rows]);
                    }
                    double sum = 0.0;
                    for (int p = 0; p < chosen; p++) {
                        weight[p] = Math.exp(tile[r + picked[p] * rows] - mu);
                        sum += weight[p];
                    }
                    double inv = 1.0 / sum;
                    for (int col = 0; col < dv; col++) {
                        double acc = 0.0;
                        for (int p = 0; p < chosen; p++) {
                            acc += weight[p] * v.get(picked[p], col);
                        }
                        out.set(i, col, acc * inv);
                    }
                    flops += 3L * chosen + 2L * chosen * dv + dv + (long) visible;
                    exps += chosen;
                }
            }
            cost.addFlops(flops);
            cost.addExps(exps);
        });
        cost.release(scratch);
        return out;
    }

    /**
     * The value of rank {@code rank} (0-based, ascending) among {@code a[0 .. count)}, by
     * quickselect with median-of-three pivots; reorders {@code a}.
     */
    static double select(double[] a, int count, int rank) {
        int lo = 0;
        int hi = count - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            double pivot = median(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double tmp = a[i];
                    a[i] = a[j];
                    a[j] = tmp;
                    i++;
                    j--;
                }
            }
            if (rank <= j) {
                hi = j;
            } else if (rank >= i) {
                lo = i;
            } else {
                return a[rank];
            }
        }
        return a[lo];
    }

    private static double median(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }
}
