package dev.nla.attention.approx;

import dev.nla.attention.AbstractAttention;
import dev.nla.attention.AttentionChecks;
import dev.nla.attention.AttentionMask;
import dev.nla.attention.AttentionMethod;
import dev.nla.attention.analysis.CostCounter;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.random.RngState;
import dev.nla.sketch.operator.LeverageSampling;
import java.util.Objects;

/**
 * KDEformer [Zandieh et al. 2023]: the heavy entries of \(\exp(S)\) exactly, found by angular LSH
 * with Hamming-ordered buckets, plus the residual estimated by importance sampling, with the
 * normaliser estimated in the same pass.
 *
 * <p>With \(V' = [V,\ \mathbf 1]\) (the ones column gives \(\tilde D\)):
 * \[ [\tilde N,\ \tilde D] = \bigl(\exp(S) \odot M_H\bigr)V' + \sum_{t=1}^{s} w_t\,\bigl(\exp(S)\odot
 *    (1 - M_H)\bigr)_{:,j_t}\, v'^{\mathsf T}_{j_t},\qquad \tilde O = \operatorname{diag}(\tilde D)^{-1}
 *    \tilde N. \]
 * \(M_H\) is block-diagonal after sorting: queries and keys are hashed by \(r\) random hyperplanes,
 * the sign patterns ordered as a Gray code (neighbouring buckets differ in one bit), both sorted by
 * bucket rank and cut into \(\lceil n/b\rceil\) blocks, and query block \(t\) meets key block \(t\).
 * The residual keys \(j_t\) are drawn i.i.d. with
 * \[ p_j \propto \frac{\|v_j\|_2}{\|V\|_2} + \frac1m \]
 * (kept keys only), weights \(w_t = 1/(s\,p_{j_t})\); heavy pairs are excluded from the residual so
 * nothing is counted twice. Both parts are merged through their log-sum-exp (row maxima subtracted).
 *
 * <p><b>Primitives.</b> Gaussian hyperplanes ({@link dev.nla.core.random.RandomMatrices}), a
 * permutation, block-diagonal exact blocks (gathered tiles, {@link Blas#gemm}), the importance
 * sampling as a {@link LeverageSampling} sketch of {@code nla-sketch}, and \(\|V\|_2\) from the
 * {@code nla-core} SVD of the \(d_v \times d_v\) Gram matrix \(V^{\mathsf T}V\).
 *
 * <p><b>Cost.</b> Time \(O(n(b + s)(d + d_v) + nrd + md_v^2 + n\log n)\); memory \(O(n(r + d_v) + s(d +
 * d_v))\) plus one tile per thread. <b>Causal:</b> no (the samples and the sorted blocks mix future
 * keys into every row): refused with {@link dev.nla.attention.UnsupportedMaskException}.
 */
public final class KdeformerAttention extends AbstractAttention {
    /** Registry name. */
    public static final String NAME = "kdeformer";

    /** Registry entry: the size parameter is both the block size and the number of samples. */
    public static final AttentionMethod METHOD = new AttentionMethod(
            NAME,
            "LSH heavy blocks (Hamming-ordered buckets) + residual by ||v_j|| importance sampling, ones column for D",
            AttentionMethod.Family.SKETCHING_AND_SAMPLING,
            false,
            true,
            "block size = samples",
            (size, state) -> new KdeformerAttention(KdeformerOptions.of(size), state));

    private final KdeformerOptions options;
    private final RngState state;

    /**
     * Creates the method.
     *
     * @param options block size, samples, hash bits, scaling
     * @param state   the randomness (hyperplanes from {@code split(0)}, samples from {@code
     *     split(1)}); not modified
     * @throws NullPointerException if an argument is null
     */
    public KdeformerAttention(KdeformerOptions options, RngState state) {
        super(METHOD, Objects.requireNonNull(options, "options").scaling());
        this.options = options;
        this.state = Objects.requireNonNull(state, "state");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public KdeformerOptions options() {
        return options;
    }

    /**
     * The sampling scores \(\|v_j\|/\|V\|_2 + 1/m\) (0 for padded keys).
     *
     * @param v    \(V\)
     * @param mask the mask
     * @return the scores
     */
    static double[] scores(DenseMatrix v, AttentionMask mask) {
        int m = v.rows();
        int dv = v.cols();
        DenseMatrix kept = v;
        if (mask.hasKeyPadding()) {
            kept = v.copy();
            for (int j = 0; j < m; j++) {
                if (!mask.keeps(j)) {
                    kept.row(j).fill(0.0);
                }
            }
        }
        CostCounter cost = CostCounter.current();
        cost.allocate((long) dv * dv);
        DenseMatrix gram = Blas.multiply(Transpose.TRANSPOSE, Transpose.NO_TRANSPOSE, kept, kept);
        double top = Decompositions.svd().decompose(gram, SvdVectors.THIN).singularValues()[0];
        cost.addFlops(2L * m * dv * dv + 12L * dv * dv * dv);
        cost.release((long) dv * dv);
        double norm2 = Math.sqrt(top);
        double[] p = new double[m];
        for (int j = 0; j < m; j++) {
            if (!mask.keeps(j)) {
                continue;
            }
            double ss = 0.0;
            for (int c = 0; c < dv; c++) {
                ss += v.get(j, c) * v.get(j, c);
            }
            p[j] = (norm2 > 0.0 ? Math.sqrt(ss) / norm2 : 0.0) + 1.0 / m;
        }
        cost.addFlops(2L * m * dv);
        return p;
    }

    @Override
    protected DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale) {
        int n = q.rows();
        int m = k.rows();
        int b = options.blockSize();
        int s = options.samples();
        AttentionChecks.requireAtMost(NAME, "block size b", b, "n", n);
        AttentionChecks.requireAtMost(NAME, "samples s", s, "the number of keys m", m);
        DenseMatrix proj = Hashing.projection(q.cols(), options.hashBits(), state.split(0));
        int[] qRank = Hashing.hammingRanks(q, proj);
        int[] kRank = Hashing.hammingRanks(k, proj);
        Hashing.Samples samples = Hashing.sample(LeverageSampling.of(s, scores(v, mask)), state.split(1));
        SparseSoftmax.State acc = new SparseSoftmax.State(n, v.cols());
        SortedBlocks.accumulate(
                q,
                k,
                v,
                scale,
                qRank,
                kRank,
                0,
                n,
                0,
                m,
                b,
                samples.index(),
                samples.logWeights(),
                SparseSoftmax.maskBias(mask, n, m),
                acc);
        acc.fillEmpty(q, k, v, scale, mask);
        return acc.finish();
    }
}
