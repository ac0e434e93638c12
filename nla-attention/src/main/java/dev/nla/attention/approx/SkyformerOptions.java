package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link SkyformerAttention}.
 *
 * @param landmarks     number \(r \ge 2\) of sampled rows of \([Q; K]\) (\(\lceil r/2\rceil\) queries,
 *     \(\lfloor r/2\rfloor\) keys; default {@value #DEFAULT_LANDMARKS})
 * @param ridge         \(\lambda \gt 0\) added to the diagonal of the landmark kernel (default
 *     {@value #DEFAULT_RIDGE}, the reference's value)
 * @param inverse       how \((S^{\mathsf T}C + \lambda I)^{-1}\) is applied (default {@link
 *     Inverse#ITERATIVE}, the reference)
 * @param normalization whether the output is the kernel sum (the reference) or row-normalised
 * @param scaling       the score scale \(s\) (default \(1/\sqrt d\)): inputs are multiplied by
 *     \(\sqrt s\) (the reference multiplies by \(32^{-1/4}\), i.e. \(d = 32\))
 */
public record SkyformerOptions(
        int landmarks, double ridge, Inverse inverse, Normalization normalization, Scaling scaling) {
    /** Default number of landmarks. */
    public static final int DEFAULT_LANDMARKS = 64;

    /** Default ridge \(\lambda\). */
    public static final double DEFAULT_RIDGE = 0.1;

    /** Iterations of {@link Inverse#ITERATIVE}. */
    public static final int ITERATIONS = 6;

    /** How the regularised landmark kernel is inverted. */
    public enum Inverse {
        /**
         * The reference: symmetric normalisation \(\hat W = D^{-1/2}WD^{-1/2}\) (\(D\) = row sums of
         * \(W\)), 6 steps of the third-order iterative inverse from \(Z_0 = \hat W^{\mathsf T}/\max_j
         * \sum_i \hat W_{ij}\), and \(W^{-1} \approx D^{-1/2}Z D^{-1/2}\).
         */
        ITERATIVE,
        /** Cholesky factorisation of the SPD \(W\) ({@code nla-core}): the exact inverse. */
        CHOLESKY
    }

    /** The output normalisation. */
    public enum Normalization {
        /** \(O = \hat\kappa(Q, K)V\), the kernel-weighted sum of the reference (no softmax-like division). */
        NONE,
        /** \(O = \operatorname{diag}(\hat\kappa(Q, K)\mathbf 1)^{-1}\hat\kappa(Q, K)V\). */
        ROW
    }

    /**
     * Validates the options.
     *
     * @param landmarks     \(r\)
     * @param ridge         \(\lambda\)
     * @param inverse       the inverse
     * @param normalization the normalisation
     * @param scaling       the scaling
     * @throws IllegalArgumentException if {@code landmarks < 2} or {@code ridge} is not positive and
     *     finite
     * @throws NullPointerException     if an enum or the scaling is null
     */
    public SkyformerOptions {
        if (landmarks < 2) {
            throw new IllegalArgumentException("landmarks must be at least 2 (one query, one key), got " + landmarks);
        }
        Require.positive("ridge", ridge);
        Require.finite("ridge", ridge);
        Objects.requireNonNull(inverse, "inverse");
        Objects.requireNonNull(normalization, "normalization");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The reference configuration with \(r\) landmarks: \(\lambda = 0.1\), iterative inverse, no
     * normalisation, scaling \(1/\sqrt d\).
     *
     * @param landmarks \(r \ge 2\)
     * @return the options
     * @throws IllegalArgumentException if {@code landmarks < 2}
     */
    public static SkyformerOptions of(int landmarks) {
        return new SkyformerOptions(
                landmarks, DEFAULT_RIDGE, Inverse.ITERATIVE, Normalization.NONE, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another ridge.
     *
     * @param value \(\lambda \gt 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code value} is not positive and finite
     */
    public SkyformerOptions withRidge(double value) {
        return new SkyformerOptions(landmarks, value, inverse, normalization, scaling);
    }

    /**
     * These options with another inverse.
     *
     * @param value the inverse
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public SkyformerOptions withInverse(Inverse value) {
        return new SkyformerOptions(landmarks, ridge, value, normalization, scaling);
    }

    /**
     * These options with another normalisation.
     *
     * @param value the normalisation
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public SkyformerOptions withNormalization(Normalization value) {
        return new SkyformerOptions(landmarks, ridge, inverse, value, scaling);
    }
}
