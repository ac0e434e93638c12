package dev.nla.sketch.solve;

import dev.nla.sketch.operator.SketchFamily;
import java.util.Objects;

/**
 * Options of {@link SketchAndSolve}.
 *
 * @param sketch        the kind of sketch \(S\); default {@link SketchFamily#sparseSign()} (\(\zeta
 *     = \min(8, d)\) nonzeros per column: \(2\zeta\) flops per entry of \(A\), whatever \(d\))
 * @param sketchFactor  \(\gamma \ge 1\): the sketch has \(d = \min(m, \lceil\gamma n\rceil)\) rows;
 *     default 4. For a Gaussian sketch the expected squared residual is \(1 + n/(d - n - 1)\) times
 *     the optimal one (about \(1 + 1/(\gamma - 1)\)), so the residual is within a factor about
 *     \(1.15\) of optimal at \(\gamma = 4\); raise \(\gamma\) for a tighter solution
 * @param factorization how \(SA\) is factored; default {@link Factorization#QR}
 * @param rankTolerance for {@link Factorization#SVD}: singular values \(\sigma_i \le
 *     \mathrm{rankTolerance}\cdot\sigma_1\) of \(SA\) are treated as zero; in \([0, 1)\); default
 *     \(10^{-12}\). Ignored by the QR, which instead refuses an \(SA\) singular to working precision
 */
public record SketchAndSolveOptions(
        SketchFamily sketch, double sketchFactor, Factorization factorization, double rankTolerance) {
    /** Default {@link #sketchFactor()}. */
    public static final double DEFAULT_SKETCH_FACTOR = 4.0;

    /** Default {@link #rankTolerance()}. */
    public static final double DEFAULT_RANK_TOLERANCE = 1e-12;

    /**
     * Validates the options.
     *
     * @param sketch        the kind of sketch
     * @param sketchFactor  \(\gamma \ge 1\), finite
     * @param factorization QR or SVD
     * @param rankTolerance in \([0, 1)\)
     * @throws NullPointerException     if {@code sketch} or {@code factorization} is null
     * @throws IllegalArgumentException if {@code sketchFactor} is below 1, NaN or infinite, or
     *     {@code rankTolerance} is outside \([0, 1)\); the message names the value
     */
    public SketchAndSolveOptions {
        SketchedLeastSquares.sketch(sketch);
        SketchedLeastSquares.sketchFactor(sketchFactor);
        Objects.requireNonNull(factorization, "factorization");
        SketchedLeastSquares.rankTolerance(rankTolerance);
    }

    /**
     * The defaults: sparse sign sketch, \(\gamma = 4\), QR, rank tolerance \(10^{-12}\).
     *
     * @return the options
     */
    public static SketchAndSolveOptions defaults() {
        return new SketchAndSolveOptions(
                SketchFamily.sparseSign(), DEFAULT_SKETCH_FACTOR, Factorization.QR, DEFAULT_RANK_TOLERANCE);
    }

    /**
     * A copy with another sketch.
     *
     * @param family the kind of sketch
     * @return the new options
     * @throws NullPointerException if {@code family} is null
     */
    public SketchAndSolveOptions withSketch(SketchFamily family) {
        return new SketchAndSolveOptions(family, sketchFactor, factorization, rankTolerance);
    }

    /**
     * A copy with another sketch factor.
     *
     * @param gamma \(\gamma \ge 1\)
     * @return the new options
     * @throws IllegalArgumentException if {@code gamma} is below 1, NaN or infinite
     */
    public SketchAndSolveOptions withSketchFactor(double gamma) {
        return new SketchAndSolveOptions(sketch, gamma, factorization, rankTolerance);
    }

    /**
     * A copy with another factorization.
     *
     * @param f QR or SVD
     * @return the new options
     * @throws NullPointerException if {@code f} is null
     */
    public SketchAndSolveOptions withFactorization(Factorization f) {
        return new SketchAndSolveOptions(sketch, sketchFactor, f, rankTolerance);
    }
}
