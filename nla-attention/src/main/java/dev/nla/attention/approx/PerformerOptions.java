package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link PerformerAttention}.
 *
 * @param features   number of random features \(r \ge 1\) (default {@value #DEFAULT_FEATURES}, the
 *     spec's accuracy setting for \(d = 64\)); at most the number of keys at compute time
 * @param orthogonal whether the projection rows are orthogonal within blocks of \(d\) (ORF, the
 *     default, lower variance [Choromanski et al. 2021, §2.4]) or independent Gaussian
 * @param scaling    the score scale \(s\) (default \(1/\sqrt d\)); inputs are multiplied by
 *     \(\sqrt s\) before the features
 */
public record PerformerOptions(int features, boolean orthogonal, Scaling scaling) {
    /** Default number of features. */
    public static final int DEFAULT_FEATURES = 256;

    /**
     * Validates the options.
     *
     * @param features   \(r\)
     * @param orthogonal ORF or i.i.d.
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code features < 1}
     * @throws NullPointerException     if {@code scaling} is null
     */
    public PerformerOptions {
        Require.positive("features", features);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The defaults with \(r\) features: orthogonal, scaling \(1/\sqrt d\).
     *
     * @param features \(r \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code features < 1}
     */
    public static PerformerOptions of(int features) {
        return new PerformerOptions(features, true, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with orthogonal or independent rows.
     *
     * @param value {@code true} for orthogonal random features
     * @return new options
     */
    public PerformerOptions withOrthogonal(boolean value) {
        return new PerformerOptions(features, value, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param value the scaling
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public PerformerOptions withScaling(Scaling value) {
        return new PerformerOptions(features, orthogonal, value);
    }
}
