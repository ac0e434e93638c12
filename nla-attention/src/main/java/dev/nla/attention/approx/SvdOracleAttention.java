package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.Scaling;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.Svd;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.error.Require;
import dev.nla.core.error.SizeLimitExceededException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.lowrank.LowRankSvd;
import dev.nla.sketch.lowrank.RandomizedSvd;
import dev.nla.sketch.lowrank.RandomizedSvdOptions;
import dev.nla.sketch.rangefinder.Stabiliser;
import java.util.Objects;

/**
 * The low-rank oracle: the best rank-\(r\) approximation of the attention matrix itself,
 * \[ O_r = A_rV,\qquad A_r = U_r\Sigma_rV_r^{\mathsf T} = \operatorname*{arg\,min}_{\operatorname{rank}
 *    X \le r}\|A - X\|_{2,F}\quad\text{(Eckart–Young)}, \]
 * with \(A = \operatorname{softmax}_{\text{row}}(sQK^{\mathsf T})\). It is not a fast method: it
 * <b>materialises the \(n \times m\) matrix \(A\)</b> (checked against {@link
 * SvdOracleOptions#maxElements()} before allocating) and factors it. It exists as the reference curve
 * of the accuracy experiments: \(\|(A - A_r)V\|\) is what an ideal rank-\(r\) method could reach
 * (every low-rank method is at or above \(\|A - A_r\|_2\|V\|_2\) in the normalised spectral error).
 *
 * <p><b>Primitives:</b> {@link DenseAttention#attentionMatrix} for \(A\); the thin SVD of {@code
 * nla-core} (LAPACK {@code dgesdd} through {@link Decompositions#nativeSvd()} when a system library
 * loads, else the pure-Java {@link Decompositions#svd()}) for {@link SvdOracleOptions.Method#EXACT}; for {@link
 * SvdOracleOptions.Method#RANDOMIZED}, the randomized SVD of [HMT 2011] by {@code nla-sketch}'s
 * {@link RandomizedSvd} (Gaussian test matrix, QR after every power-iteration pass). Then \(O_r = U_r(\Sigma_r(V_r^{\mathsf T}V))\) by GEMM.
 *
 * <p><b>Cost:</b> \(O(nmd)\) for \(A\) plus \(O(nm\min(n, m))\) for the exact SVD or \(O(nm(r +
 * p)(2q + 2))\) for the randomized one; memory \(O(nm)\). <b>Causal masking:</b> refused: the
 * truncation mixes all rows of \(A\), so \(o_i\) would depend on future keys.
 */
public final class SvdOracleAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "svd-oracle";

    /** Registry entry (parameter: rank; exact SVD, deterministic; not causal). */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "truncated-SVD oracle A_r V of the materialised attention matrix (Eckart-Young optimum)",
            AttentionMethod.Family.LOW_RANK,
            false,
            false,
            "rank",
            (size, state) -> new SvdOracleAttention(SvdOracleOptions.of(size), state));

    private final SvdOracleOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options rank, SVD method, size limit, scaling
     * @param state   the randomness of the randomized SVD (not used by the exact one)
     * @throws NullPointerException if an argument is null
     */
    public SvdOracleAttention(SvdOracleOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public SvdOracleOptions options() {
        return options;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int r = options.rank();
        if (r > Math.min(n, m)) {
            throw new IllegalArgumentException(NAME + ": rank r = " + r + " exceeds min(n, m) = " + Math.min(n, m)
                    + " (n = " + n + ", m = " + m + ")");
        }
        Truncated svd = truncatedSvd(q, k, mask, scale);
        CostCounter cost = CostCounter.current();
        int dv = v.cols();
        cost.allocate((long) r * dv + (long) n * dv);
        DenseMatrix t = DenseMatrix.zeros(r, dv);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, svd.vt(), v, 0.0, t);
        double[] sigma = svd.sigma();
        for (int c = 0; c < dv; c++) {
            for (int i = 0; i < r; i++) {
                t.set(i, c, t.get(i, c) * sigma[i]);
            }
        }
        DenseMatrix out = DenseMatrix.zeros(n, dv);
        Blas.gemm(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, 1.0, svd.u(), t, 0.0, out);
        cost.addFlops(2L * r * m * dv + (long) r * dv + 2L * n * r * dv);
        cost.release((long) r * dv + (long) r * (n + m + 1));
        return out;
    }

    /**
     * The rank-\(r\) truncated SVD of the (masked) attention matrix, \(A_r = U_r\Sigma_rV_r^{\mathsf
     * T}\).
     *
     * @param q     \(Q\), \(n \times d\); not modified
     * @param k     \(K\), \(m \times d\); not modified
     * @param mask  the mask (key padding only)
     * @param scale \(s\)
     * @return \(U_r\) (\(n \times r\)), \(\sigma_1 \ge \dots \ge \sigma_r\), \(V_r^{\mathsf T}\) (\(r
     *     \times m\))
     * @throws SizeLimitExceededException if \(nm\) exceeds the size limit
     */
    Truncated truncatedSvd(DenseMatrix q, DenseMatrix k, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int r = options.rank();
        Require.sizeWithin(NAME + " attention matrix entries (n*m)", (long) n * m, options.maxElements());
        CostCounter cost = CostCounter.current();
        DenseMatrix a = DenseAttention.attentionMatrix(q, k, mask, Scaling.fixed(scale));
        Truncated full;
        if (options.method() == SvdOracleOptions.Method.EXACT) {
            cost.allocate((long) Math.min(n, m) * (n + m + 1));
            cost.addFlops(22L * n * m * Math.min(n, m));
            SvdResult f = exactSvd().decompose(a);
            full = new Truncated(f.u(), f.singularValues(), f.vt());
        } else {
            full = randomizedSvd(a);
        }
        DenseMatrix u = full.u().columns(0, r).copy();
        DenseMatrix vt = full.vt().rowBlock(0, r).copy();
        double[] sigma = java.util.Arrays.copyOf(full.sigma(), r);
        cost.allocate((long) r * (n + m + 1));
        cost.release((long) n * m + (long) full.sigma().length * (n + m + 1));
        return new Truncated(u, sigma, vt);
    }

    /**
     * The SVD of the exact variant: LAPACK {@code dgesdd} through {@link Decompositions#nativeSvd()}
     * when a system library loads (an order of magnitude faster on the \(n \times n\) matrix), else
     * the pure-Java {@link Decompositions#svd()}.
     */
    private static Svd exactSvd() {
        return Decompositions.nativeAvailable() ? Decompositions.nativeSvd() : Decompositions.svd();
    }

    /**
     * Randomized SVD of \(A\) (\(n \times m\)) by nla-sketch's {@link RandomizedSvd}: Gaussian test
     * matrix with \(\ell = \min(r + p, n, m)\) columns, \(q\) power iterations with a QR after every
     * pass, then the small SVD of \(Q^{\mathsf T}A\) [HMT 2011].
     */
    private Truncated randomizedSvd(DenseMatrix a) {
        int n = a.rows();
        int m = a.cols();
        int l = Math.min(options.rank() + options.oversampling(), Math.min(n, m));
        CostCounter cost = CostCounter.current();
        long scratch = (long) m * l + 2L * n * l + 2L * m * l + (long) l * (m + l + 1);
        cost.allocate(scratch);
        RandomizedSvdOptions rsvd = RandomizedSvdOptions.builder(options.rank())
                .oversampling(l - options.rank())
                .powerIterations(options.powerIterations())
                .stabiliser(Stabiliser.QR)
                .build();
        LowRankSvd f = new RandomizedSvd(rsvd).compute(a, state).value();
        long passes = 2L + 2L * options.powerIterations();
        cost.addFlops(passes * 2L * n * m * l + (passes / 2 + 1) * 4L * (n + m) * l * l + 22L * m * l * l);
        int r = f.rank();
        cost.release(scratch - (long) r * (n + m + 1));
        return new Truncated(f.u(), f.singularValues(), f.vt());
    }

    /**
     * A truncated SVD \(U_r\Sigma_rV_r^{\mathsf T}\).
     *
     * @param u     \(U_r\), \(n \times r\)
     * @param sigma \(\sigma_1 \ge \dots \ge \sigma_r\)
     * @param vt    \(V_r^{\mathsf T}\), \(r \times m\)
     */
    record Truncated(DenseMatrix u, double[] sigma, DenseMatrix vt) {}
}
