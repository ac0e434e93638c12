package dev.nla.attention.heads;

import dev.nla.attention.AttentionMask;
import dev.nla.attention.analysis.ErrorMetrics;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * The result of a GQA/MHA to MLA conversion ({@link GqaToMla}): the MLA layer and how far it is
 * from the source.
 *
 * @param method              the conversion ({@code "exact"}, {@code "joint-svd"}, {@code
 *     "split-svd"}, {@code "activation-pca"})
 * @param rank                the latent dimension \(d_c\) = \(r\)
 * @param layer               the MLA layer
 * @param sourceCacheFloats   numbers cached per token by the source, \(2gd_h\)
 * @param stackedSingularValues singular values \(\sigma_1 \ge \dots\) of the stacked
 *     \([W_K \,|\, W_V]\) (the Eckart–Young reference of every weight factorisation)
 * @param weightResidual      \(\|[W_K \,|\, W_V] - W^{DKV}[U_K \,|\, U_V]\|_F\), where \(U_K, U_V\)
 *     are the up-projections before head replication (\(W^{UK} = U_KP\), \(W^{UV} = U_VP\))
 */
public record MlaConversion(
        String method,
        int rank,
        LatentAttention layer,
        long sourceCacheFloats,
        double[] stackedSingularValues,
        double weightResidual) {
    /**
     * Validates the fields.
     *
     * @param method                the method
     * @param rank                  \(r\)
     * @param layer                 the layer
     * @param sourceCacheFloats     the source's cache per token
     * @param stackedSingularValues the singular values; copied
     * @param weightResidual        the residual
     * @throws NullPointerException if an object is null
     */
    public MlaConversion {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(layer, "layer");
        stackedSingularValues = stackedSingularValues.clone();
    }

    /**
     * The singular values of \([W_K \,|\, W_V]\).
     *
     * @return a copy
     */
    @Override
    public double[] stackedSingularValues() {
        return stackedSingularValues.clone();
    }

    /**
     * Numbers the MLA layer caches per token, \(d_c + d^R\).
     *
     * @return the cache size per token
     */
    public long cacheFloatsPerToken() {
        return layer.cacheFloatsPerToken();
    }

    /**
     * The Eckart–Young tail \(\bigl(\sum_{j \gt r}\sigma_j^2 / \sum_j \sigma_j^2\bigr)^{1/2}\) of the
     * stacked weights: the relative weight error of the best rank-\(r\) factorisation.
     *
     * @return the relative tail (0 when \(r\) reaches the rank)
     */
    public double relativeWeightTail() {
        double total = 0;
        double tail = 0;
        for (int j = 0; j < stackedSingularValues.length; j++) {
            double s2 = stackedSingularValues[j] * stackedSingularValues[j];
            total += s2;
            if (j >= rank) {
                tail += s2;
            }
        }
        return total == 0 ? 0 : Math.sqrt(tail / total);
    }

    /**
     * The relative Frobenius error of the layer output against the source, \(\|Y_{MLA} -
     * Y_{src}\|_F / \|Y_{src}\|_F\).
     *
     * @param source   the layer that was converted
     * @param x        tokens, \(n \times D\); not modified; must be finite
     * @param mask     the mask
     * @param absorbed which MLA forward pass to use
     * @return the relative error
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(X\) does not have \(D\) columns
     * @throws NonFiniteValueException    if \(X\) has a NaN or infinite entry
     * @throws IllegalArgumentException   if \(n = 0\) or the mask leaves a query without keys
     */
    public double outputError(GroupedQueryAttention source, Matrix x, AttentionMask mask, boolean absorbed) {
        Objects.requireNonNull(source, "source");
        return ErrorMetrics.relativeFrobenius(layer.forward(x, mask, absorbed), source.forward(x, mask));
    }
}
