package dev.nla.attention.heads;

import dev.nla.attention.Scaling;
import dev.nla.core.blas.Blas;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.SvdResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Conversions of a GQA/MHA/MQA layer (without RoPE) into multi-head latent attention (attention spec
 * §4.3–4.4; TransMLA [Meng et al. 2025], MHA2MLA [Ji et al. 2025]). Notation: \(W = [W_K \,|\, W_V]
 * \in \mathbb{R}^{D \times 2gd_h}\); \(P \in \mathbb{R}^{gd_h \times hd_h}\) replicates key-value head
 * \(\gamma(i)\) into query head \(i\) (\(P = (I_g \otimes \mathbf 1^{\mathsf T}_{h/g}) \otimes
 * I_{d_h}\)). Every conversion produces \(W^{DKV} \in \mathbb{R}^{D \times r}\) and \(U = [U_K \,|\,
 * U_V] \in \mathbb{R}^{r \times 2gd_h}\) with \(W \approx W^{DKV}U\), then sets \(W^{UK} = U_KP\),
 * \(W^{UV} = U_VP\); \(W^Q\), \(W_O\) and the scale \(1/\sqrt{d_h}\) are kept.
 *
 * <ul>
 *   <li>{@link #exact}: \(W^{DKV} = W\), \(U = I\) (\(r = 2gd_h\), same cache as the source): the MLA
 *       layer computes the same keys and values, so its output equals the source's to rounding.
 *   <li>{@link #jointSvd}: the truncated SVD \(W \approx U_r\Sigma_rV_r^{\mathsf T}\), \(W^{DKV} =
 *       U_r\Sigma_r\), \(U = V_r^{\mathsf T}\); \(\|W - W^{DKV}U\|_F^2 = \sum_{j \gt r}\sigma_j^2\)
 *       (Eckart–Young on the weights).
 *   <li>{@link #splitSvd}: separate rank-\(r/2\) truncated SVDs of \(W_K\) and \(W_V\), the two latents
 *       side by side.
 *   <li>{@link #activationPca}: the top-\(r\) right singular vectors \(R_r\) of the calibration
 *       activations \(Y = X_{cal}[W_K/\rho \,|\, W_V]\) (\(\rho = \|X_{cal}W_K\|_F / \|X_{cal}W_V\|_F\)
 *       when balancing, TransMLA's {@code balance_kv_ratio}, else 1): \(W^{DKV} = [W_K/\rho \,|\,
 *       W_V]R_r\), \(U = R_r^{\mathsf T}\operatorname{diag}(\rho I, I)\). This minimises \(\|Y -
 *       YR_rR_r^{\mathsf T}\|_F\), the error on the activations rather than on the weights.
 * </ul>
 *
 * <p>SVDs are the exact thin SVD of nla-core ({@link Decompositions#svd()}); the matrices are at most
 * \(\max(D, N_{cal}) \times 2gd_h\). (A randomized SVD would suffice for the PCA step, as in
 * MHA2MLA's code; nla-sketch's low-rank drivers are not available to this module yet.)
 *
 * <p>RoPE: only layers without RoPE are converted. RoPE between \(W^{UK}\) and the query would make
 * absorption impossible (attention spec §4.2); DeepSeek's decoupled key is supported by {@link
 * LatentAttention} itself, but producing it from a RoPE source needs the partial-RoPE or RoRoPE
 * re-parameterisations (§4.5), which change the function and need fine-tuning.
 */
public final class GqaToMla {
    private GqaToMla() {}

    /**
     * The exact conversion, \(W^{DKV} = [W_K \,|\, W_V]\), \(W^{UK} = [P; 0]\), \(W^{UV} = [0; P]\).
     *
     * @param source the layer; no RoPE
     * @return the conversion, rank \(2gd_h\)
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if the source uses RoPE
     */
    public static MlaConversion exact(GroupedQueryAttention source) {
        requireConvertible(source);
        int w = 2 * source.config().kvWidth();
        return build("exact", source, stacked(source), DenseMatrix.identity(w), 1.0);
    }

    /**
     * The truncated joint SVD of \([W_K \,|\, W_V]\).
     *
     * @param source the layer; no RoPE
     * @param rank   \(1 \le r \le \min(D, 2gd_h)\)
     * @return the conversion
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if the source uses RoPE or the rank is out of range
     */
    public static MlaConversion jointSvd(GroupedQueryAttention source, int rank) {
        requireConvertible(source);
        DenseMatrix w = stacked(source);
        requireRank("joint-svd", rank, 1, Math.min(w.rows(), w.cols()));
        SvdResult svd = Decompositions.svd().decompose(w);
        DenseMatrix down = scaledColumns(svd.u().columns(0, rank), svd.singularValues());
        return build("joint-svd", source, down, svd.vt().rowBlock(0, rank).copy(), 1.0);
    }

    /**
     * Separate truncated SVDs of \(W_K\) and \(W_V\), rank \(r/2\) each.
     *
     * @param source the layer; no RoPE
     * @param rank   \(r\), even, \(2 \le r \le 2\min(D, gd_h)\)
     * @return the conversion
     * @throws NullPointerException     if {@code source} is null
     * @throws IllegalArgumentException if the source uses RoPE, or the rank is odd or out of range
     */
    public static MlaConversion splitSvd(GroupedQueryAttention source, int rank) {
        requireConvertible(source);
        int kv = source.config().kvWidth();
        int d = source.modelDim();
        requireRank("split-svd", rank, 2, 2 * Math.min(d, kv));
        if (rank % 2 != 0) {
            throw new IllegalArgumentException(
                    "split-svd: the latent rank r = " + rank + " must be even (r/2 for the keys, r/2 for the values)");
        }
        int half = rank / 2;
        SvdResult k = Decompositions.svd().decompose(source.wk());
        SvdResult v = Decompositions.svd().decompose(source.wv());
        DenseMatrix down = DenseMatrix.zeros(d, rank);
        down.columns(0, half).copyFrom(scaledColumns(k.u().columns(0, half), k.singularValues()));
        down.columns(half, half).copyFrom(scaledColumns(v.u().columns(0, half), v.singularValues()));
        DenseMatrix up = DenseMatrix.zeros(rank, 2 * kv);
        up.view(0, 0, half, kv).copyFrom(k.vt().rowBlock(0, half));
        up.view(half, kv, half, kv).copyFrom(v.vt().rowBlock(0, half));
        return build("split-svd", source, down, up, 1.0);
    }

    /**
     * Activation-aware PCA on calibration tokens.
     *
     * @param source      the layer; no RoPE
     * @param calibration calibration tokens \(X_{cal}\), \(N \times D\); not modified; must be finite
     * @param rank        \(1 \le r \le \min(N, 2gd_h)\)
     * @param balanceKv   whether to rescale the keys against the values first (\(\rho\) above)
     * @return the conversion
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if the source uses RoPE, the rank is out of range, or the
     *     calibration keys or values are all zero while balancing
     * @throws DimensionMismatchException if \(X_{cal}\) does not have \(D\) columns
     * @throws NonFiniteValueException    if \(X_{cal}\) has a NaN or infinite entry
     */
    public static MlaConversion activationPca(
            GroupedQueryAttention source, Matrix calibration, int rank, boolean balanceKv) {
        requireConvertible(source);
        GroupedQueryAttention.requireTokens(calibration, source.modelDim());
        int kv = source.config().kvWidth();
        requireRank("activation-pca", rank, 1, Math.min(calibration.rows(), 2 * kv));
        DenseMatrix w = stacked(source);
        DenseMatrix y = Blas.multiply(calibration, w);
        double rho = 1.0;
        if (balanceKv) {
            double nk = frobenius(y.columns(0, kv));
            double nv = frobenius(y.columns(kv, kv));
            if (nk == 0 || nv == 0) {
                throw new IllegalArgumentException(
                        "activation-pca: cannot balance K against V, ||X W_K||_F = " + nk + ", ||X W_V||_F = " + nv);
            }
            rho = nk / nv;
            Blas.scal(1.0 / rho, w.columns(0, kv));
            Blas.scal(1.0 / rho, y.columns(0, kv));
        }
        SvdResult svd = Decompositions.svd().decompose(y);
        DenseMatrix up = svd.vt().rowBlock(0, rank).copy(); // R_r^T
        DenseMatrix down =
                Blas.multiply(dev.nla.core.blas.Transpose.NO_TRANSPOSE, dev.nla.core.blas.Transpose.TRANSPOSE, w, up);
        return build("activation-pca", source, down, up, rho);
    }

    private static void requireConvertible(GroupedQueryAttention source) {
        Objects.requireNonNull(source, "source");
        if (source.rope().isPresent()) {
            throw new IllegalArgumentException("cannot convert " + source
                    + ": RoPE between the up-projection and the query breaks the conversion; convert a"
                    + " layer without RoPE");
        }
    }

    private static void requireRank(String method, int rank, int low, int high) {
        if (rank < low || rank > high) {
            throw new IllegalArgumentException(
                    method + ": latent rank r = " + rank + " out of range [" + low + ", " + high + "]");
        }
    }

    private static DenseMatrix stacked(GroupedQueryAttention source) {
        int kv = source.config().kvWidth();
        DenseMatrix w = DenseMatrix.zeros(source.modelDim(), 2 * kv);
        w.columns(0, kv).copyFrom(source.wk());
        w.columns(kv, kv).copyFrom(source.wv());
        return w;
    }

    private static DenseMatrix scaledColumns(DenseMatrix u, double[] sigma) {
        DenseMatrix out = u.copy();
        for (int j = 0; j < out.cols(); j++) {
            Blas.scal(sigma[j], out.column(j));
        }
        return out;
    }

    private static double frobenius(DenseMatrix a) {
        double s = 0;
        for (int j = 0; j < a.cols(); j++) {
            for (int i = 0; i < a.rows(); i++) {
                s += a.get(i, j) * a.get(i, j);
            }
        }
        return Math.sqrt(s);
    }

    /**
     * Assembles the MLA layer from \(W^{DKV}\) and \(U = [U_K | U_V]\) (the key part of \(U\) is
     * multiplied by {@code keyScale}), and measures the weight residual.
     */
    private static MlaConversion build(
            String method, GroupedQueryAttention source, DenseMatrix down, DenseMatrix up, double keyScale) {
        HeadConfig c = source.config();
        int kv = c.kvWidth();
        int r = down.cols();
        DenseMatrix upK = up.columns(0, kv).copy();
        Blas.scal(keyScale, upK);
        DenseMatrix upV = up.columns(kv, kv);
        DenseMatrix w = stacked(source);
        DenseMatrix fullUp = DenseMatrix.zeros(r, 2 * kv);
        fullUp.columns(0, kv).copyFrom(upK);
        fullUp.columns(kv, kv).copyFrom(upV);
        // Residual W - W^DKV U, computed explicitly (not from the singular values).
        Blas.gemm(
                dev.nla.core.blas.Transpose.NO_TRANSPOSE,
                dev.nla.core.blas.Transpose.NO_TRANSPOSE,
                -1.0,
                down,
                fullUp,
                1.0,
                w);
        double residual = frobenius(w);
        LatentAttention layer = LatentAttention.withoutRope(
                c.heads(),
                source.wq(),
                down,
                replicate(upK, c),
                replicate(upV, c),
                source.wo(),
                Scaling.fixed(1.0 / Math.sqrt(c.headDim())));
        double[] sigma = Decompositions.svd().singularValues(stacked(source));
        return new MlaConversion(method, r, layer, c.cacheFloatsPerToken(), sigma, residual);
    }

    /** \(UP\): column block \(i\) of the result is column block \(\gamma(i)\) of {@code up}. */
    private static DenseMatrix replicate(DenseMatrix up, HeadConfig c) {
        int dh = c.headDim();
        DenseMatrix out = DenseMatrix.zeros(up.rows(), c.queryWidth());
        for (int i = 0; i < c.heads(); i++) {
            out.columns(i * dh, dh).copyFrom(up.columns(c.groupOf(i) * dh, dh));
        }
        return out;
    }
}
