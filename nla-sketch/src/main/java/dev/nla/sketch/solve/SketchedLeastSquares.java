package dev.nla.sketch.solve;

import dev.nla.core.error.Require;
import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/** Validation and defaults shared by the options of the sketched least-squares solvers. */
final class SketchedLeastSquares {
    private SketchedLeastSquares() {}

    static void sketch(SketchFamily sketch) {
        Objects.requireNonNull(sketch, "sketch");
    }

    static void sketchFactor(double sketchFactor) {
        if (!(sketchFactor >= 1.0) || sketchFactor == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException(
                    "sketchFactor must be finite and at least 1 (the sketch needs d >= n rows), got " + sketchFactor);
        }
    }

    static void rankTolerance(double rankTolerance) {
        Require.nonNegative("rankTolerance", rankTolerance);
        if (rankTolerance >= 1.0) {
            throw new IllegalArgumentException("rankTolerance must be below 1, got " + rankTolerance);
        }
    }
}
