package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.Sketches;
import java.util.Arrays;
import java.util.Objects;

/**
 * Clustered (routing) attention [Roy et al. 2021]: spherical k-means on the queries and keys, then
 * exact attention inside each cluster.
 *
 * <p><b>Clustering.</b> Rows are normalised to unit length and clustered by spherical k-means
 * (Lloyd's algorithm with cosine similarity): \(c\) centroids start as distinct rows drawn uniformly
 * without replacement, then alternate \(a(x) = \arg\max_u \hat x^{\mathsf T}C_u\) (ties to the lower
 * index) and \(C_u \leftarrow \operatorname{normalise}(\sum_{a(x) = u} \hat x)\) (an empty cluster
 * keeps its centroid). Two ways to place the keys ({@link ClusteredOptions.KeyRouting}):
 *
 * <ul>
 *   <li>{@code QUERY_MEANS} (default): k-means on \(\hat Q\); key \(j\) joins the cluster whose mean
 *       query \(\bar q_u\) scores it highest, \(a(k_j) = \arg\max_u \bar q_u^{\mathsf T}k_j\) (since
 *       \(q^{\mathsf T}k \approx \bar q_u^{\mathsf T}k\) for the queries of cluster \(u\)). For
 *       untrained \(Q \ne K\) this is what keeps the large scores inside the clusters.
 *   <li>{@code JOINT_KMEANS}: k-means on the rows of \([\hat Q; \hat K]\) together, the Routing
 *       Transformer's shared clustering (apt when \(Q\) and \(K\) live in the same directions, as in
 *       a trained model or with shared \(Q = K\); for independent random projections queries and keys
 *       tend to fall in different clusters). Under a causal mask the centroids are fitted on
 *       \(\hat Q\) alone and keys are only assigned.
 * </ul>
 *
 * <p>Either way a key's cluster depends on that key and the queries, never on other keys (under a
 * causal mask), so changing keys or values after position \(i\) leaves \(o_i\) unchanged. Query
 * \(i\) attends to the visible keys of its own cluster:
 * \[ o_i = \frac{\sum_{j : a(k_j) = a(q_i)} e^{S_{ij}} v_j}{\sum_{j : a(k_j) = a(q_i)} e^{S_{ij}}}, \]
 * and a query whose cluster holds no visible key attends to its anchor (see {@link
 * SlidingWindowAttention}).
 *
 * <p><b>Primitives.</b> The k-means similarities \([\hat Q; \hat K]C^{\mathsf T}\) are one {@link
 * Blas#gemm} per iteration; the initial centroids come from {@link Sketches#uniformSampling} (without
 * replacement) with the constructor's state, so the clustering is a pure function of the state and
 * the inputs; per cluster, query blocks of {@value #BLOCK} against the cluster's keys are gathered
 * tiles merged by the online-softmax recurrence.
 *
 * <p><b>Cost.</b> k-means \(O(\text{it}\,(n+m)cd)\); attention \(O(\sum_u n_u m_u d)\), i.e.
 * \(O(nmd/c)\) for balanced clusters and \(O(n^{1.5}d)\) with \(c = \sqrt n\); memory \(O((n+m)(d +
 * c))\). <b>Causal:</b> yes (future keys of the cluster are masked).
 */
public final class ClusteredAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "clustered";

    /** Query rows per tile. */
    static final int BLOCK = 64;

    /** Keys per tile. */
    static final int KEY_TILE = 512;

    /** Registry entry: the size parameter is the number of clusters \(c\). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "spherical k-means (c centroids) on Q, keys routed to the best-scoring cluster; exact attention inside each cluster",
            AttentionMethod.Family.SPARSITY_AND_CLUSTERING,
            true,
            true,
            "clusters",
            (size, state) -> new ClusteredAttention(ClusteredOptions.of(size), state));

    private final ClusteredOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options clusters, iterations, scaling
     * @param state   the randomness of the k-means initialisation; not modified
     * @throws NullPointerException if an argument is null
     */
    public ClusteredAttention(ClusteredOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public ClusteredOptions options() {
        return options;
    }

    /**
     * The cluster of every row of \([Q; K]\) (queries first).
     *
     * @param q      \(Q\)
     * @param k      \(K\)
     * @param causal fit the centroids on the queries only
     * @return assignments, length \(n + m\)
     */
    int[] assign(DenseMatrix q, DenseMatrix k, boolean causal) {
        int n = q.rows();
        int m = k.rows();
        int d = q.cols();
        int total = n + m;
        int c = options.clusters();
        CostCounter cost = CostCounter.current();
        long memory = (long) total * d + (long) total * c + (long) c * d;
        cost.allocate(memory);
        DenseMatrix x = DenseMatrix.zeros(total, d);
        x.view(0, 0, n, d).copyFrom(q);
        x.view(n, 0, m, d).copyFrom(k);
        for (int i = 0; i < total; i++) {
            double norm = 0.0;
            for (int l = 0; l < d; l++) {
                norm += x.get(i, l) * x.get(i, l);
            }
            double inv = norm > 0.0 ? 1.0 / Math.sqrt(norm) : 0.0;
            for (int l = 0; l < d; l++) {
                x.set(i, l, x.get(i, l) * inv);
            }
        }
        int fit = causal || options.keys() == ClusteredOptions.KeyRouting.QUERY_MEANS ? n : total;
        int[] init =
                Hashing.sample(Sketches.uniformSampling(c, fit, false), state).index();
        DenseMatrix centroids = DenseMatrix.zeros(c, d);
        for (int u = 0; u < c; u++) {
            for (int l = 0; l < d; l++) {
                centroids.set(u, l, x.get(init[u], l));
            }
        }
        DenseMatrix sim = DenseMatrix.zeros(total, c);
        int[] label = new int[total];
        for (int it = 0; it <= options.iterations(); it++) {
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, x, centroids, 0.0, sim);
            for (int i = 0; i < total; i++) {
                int best = 0;
                double value = sim.get(i, 0);
                for (int u = 1; u < c; u++) {
                    if (sim.get(i, u) > value) {
                        value = sim.get(i, u);
                        best = u;
                    }
                }
                label[i] = best;
            }
            cost.addFlops(2L * total * c * d + (long) total * c);
            if (it == options.iterations()) {
                break;
            }
            DenseMatrix next = DenseMatrix.zeros(c, d);
            int[] size = new int[c];
            for (int i = 0; i < fit; i++) {
                size[label[i]]++;
                for (int l = 0; l < d; l++) {
                    next.add(label[i], l, x.get(i, l));
                }
            }
            for (int u = 0; u < c; u++) {
                double norm = 0.0;
                for (int l = 0; l < d; l++) {
                    norm += next.get(u, l) * next.get(u, l);
                }
                if (size[u] == 0 || norm == 0.0) {
                    continue;
                }
                double inv = 1.0 / Math.sqrt(norm);
                for (int l = 0; l < d; l++) {
                    centroids.set(u, l, next.get(u, l) * inv);
                }
            }
            cost.addFlops((long) total * d + 3L * c * d);
        }
        if (options.keys() == ClusteredOptions.KeyRouting.QUERY_MEANS) {
            // Route each key to the cluster whose mean query scores it highest: q . k ~ mean_u . k.
            DenseMatrix means = DenseMatrix.zeros(c, d);
            int[] size = new int[c];
            for (int i = 0; i < n; i++) {
                size[label[i]]++;
                for (int l = 0; l < d; l++) {
                    means.add(label[i], l, q.get(i, l));
                }
            }
            for (int u = 0; u < c; u++) {
                double inv = size[u] == 0 ? 0.0 : 1.0 / size[u];
                for (int l = 0; l < d; l++) {
                    means.set(u, l, means.get(u, l) * inv);
                }
            }
            DenseMatrix score = sim.view(n, 0, m, c);
            Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.TRANSPOSE, 1.0, k, means, 0.0, score);
            for (int j = 0; j < m; j++) {
                int best = -1;
                double value = Double.NEGATIVE_INFINITY;
                for (int u = 0; u < c; u++) {
                    if (size[u] > 0 && score.get(j, u) > value) {
                        value = score.get(j, u);
                        best = u;
                    }
                }
                label[n + j] = best;
            }
            cost.addFlops(2L * m * c * d + (long) n * d + (long) m * c);
        }
        cost.release(memory);
        return label;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int c = options.clusters();
        if (c > n) {
            throw new IllegalArgumentException(
                    NAME + ": clusters c = " + c + " exceeds the number of queries n = " + n);
        }
        int[] label = assign(q, k, mask.isCausal());
        int[] qOrder = Hashing.sortBy(Arrays.copyOfRange(label, 0, n));
        int[] kOrder = Hashing.sortBy(Arrays.copyOfRange(label, n, n + m));
        int[] qStart = new int[c + 1];
        int[] kStart = new int[c + 1];
        for (int i = 0; i < n; i++) {
            qStart[label[i] + 1]++;
        }
        for (int j = 0; j < m; j++) {
            kStart[label[n + j] + 1]++;
        }
        int groups = 0;
        long work = 0;
        for (int u = 0; u < c; u++) {
            groups += (qStart[u + 1] + BLOCK - 1) / BLOCK;
            work += (long) qStart[u + 1] * kStart[u + 1] * (q.cols() + v.cols());
            qStart[u + 1] += qStart[u];
            kStart[u + 1] += kStart[u];
        }
        int[] groupCluster = new int[groups];
        int[] groupStart = new int[groups];
        int g = 0;
        for (int u = 0; u < c; u++) {
            for (int s = qStart[u]; s < qStart[u + 1]; s += BLOCK) {
                groupCluster[g] = u;
                groupStart[g++] = s;
            }
        }
        SparseSoftmax.PairBias bias = SparseSoftmax.maskBias(mask, n, m);
        SparseSoftmax.State acc = new SparseSoftmax.State(n, v.cols());
        SparseSoftmax.run(
                q,
                k,
                v,
                scale,
                groups,
                BLOCK,
                KEY_TILE,
                work,
                (t, tiles) -> {
                    int u = groupCluster[t];
                    int s0 = groupStart[t];
                    int[] rows = Arrays.copyOfRange(qOrder, s0, Math.min(qStart[u + 1], s0 + BLOCK));
                    for (int k0 = kStart[u]; k0 < kStart[u + 1]; k0 += KEY_TILE) {
                        int[] keys = Arrays.copyOfRange(kOrder, k0, Math.min(kStart[u + 1], k0 + KEY_TILE));
                        tiles.tile(rows, rows.length, keys, keys.length, null, bias);
                    }
                },
                acc);
        acc.fillEmpty(q, k, v, scale, mask);
        return acc.finish();
    }
}
