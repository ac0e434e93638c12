package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link LinformerAttention}.
 *
 * @param projectedLength sketch size \(r \ge 1\), the number of projected keys and values (default
 *     {@value #DEFAULT_LENGTH}); at most the number of unmasked keys at compute time
 * @param sketch          the distribution of \(E\) and \(F\) (default {@link SketchFamily#gaussian()};
 *     {@link SketchFamily#sparseSign()} and {@link SketchFamily#srht()} are the other choices of the
 *     issue, any {@code nla-sketch} family works)
 * @param shareProjection whether \(F = E\) (Linformer's "key-value sharing"; default {@code false}:
 *     independent draws)
 * @param scaling         the score scale (default \(1/\sqrt d\))
 */
public record LinformerOptions(int projectedLength, SketchFamily sketch, boolean shareProjection, Scaling scaling) {
    /** Default sketch size. */
    public static final int DEFAULT_LENGTH = 256;

    /**
     * Validates the options.
     *
     * @param projectedLength \(r\)
     * @param sketch          the sketch family
     * @param shareProjection whether \(F = E\)
     * @param scaling         the scaling
     * @throws IllegalArgumentException if {@code projectedLength < 1}
     * @throws NullPointerException     if {@code sketch} or {@code scaling} is null
     */
    public LinformerOptions {
        Require.positive("projectedLength", projectedLength);
        Objects.requireNonNull(sketch, "sketch");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * Gaussian sketches of size \(r\), independent \(E\) and \(F\), scaling \(1/\sqrt d\).
     *
     * @param projectedLength \(r \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code projectedLength < 1}
     */
    public static LinformerOptions of(int projectedLength) {
        return new LinformerOptions(projectedLength, SketchFamily.gaussian(), false, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another sketch family.
     *
     * @param value the family
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public LinformerOptions withSketch(SketchFamily value) {
        return new LinformerOptions(projectedLength, value, shareProjection, scaling);
    }

    /**
     * These options with shared or independent projections.
     *
     * @param value {@code true} for \(F = E\)
     * @return new options
     */
    public LinformerOptions withSharedProjection(boolean value) {
        return new LinformerOptions(projectedLength, sketch, value, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param value the scaling
     * @return new options
     * @throws NullPointerException if {@code value} is null
     */
    public LinformerOptions withScaling(Scaling value) {
        return new LinformerOptions(projectedLength, sketch, shareProjection, value);
    }
}
