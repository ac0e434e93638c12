package dev.nla.sketch.operator;

import java.util.Objects;
import java.util.function.BiFunction;

/**
 * A kind of sketch, of any size: a factory \((d, m) \mapsto\) {@link SketchingDistribution}, so that an
 * algorithm's options can name the kind of test matrix while the algorithm picks its size (e.g. a
 * range finder draws a \(\ell \times n\) sketch for \(\ell = k + p\)). Every family of this interface
 * gives the isotropic scaling of its distribution.
 */
public interface SketchFamily {
    /**
     * The distribution of this kind with the given size.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if the size is invalid for this kind (the message names it)
     */
    SketchingDistribution of(int rows, int cols);

    /**
     * A short name for reports, e.g. {@code "gaussian"} or {@code "sparse-sign(8)"}.
     *
     * @return the name
     */
    String name();

    /**
     * A named family from a factory.
     *
     * @param name    the name; not null
     * @param factory \((d, m) \mapsto\) distribution; not null
     * @return the family
     * @throws NullPointerException if an argument is null
     */
    static SketchFamily named(String name, BiFunction<Integer, Integer, SketchingDistribution> factory) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(factory, "factory");
        return new SketchFamily() {
            @Override
            public SketchingDistribution of(int rows, int cols) {
                return factory.apply(rows, cols);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String toString() {
                return "SketchFamily[" + name + "]";
            }
        };
    }

    /**
     * Gaussian dense sketches ({@link DenseSketch#gaussian}).
     *
     * @return the family
     */
    static SketchFamily gaussian() {
        return named("gaussian", DenseSketch::gaussian);
    }

    /**
     * Rademacher dense sketches ({@link DenseSketch#rademacher}).
     *
     * @return the family
     */
    static SketchFamily rademacher() {
        return named("rademacher", DenseSketch::rademacher);
    }

    /**
     * Uniform dense sketches ({@link DenseSketch#uniform}).
     *
     * @return the family
     */
    static SketchFamily uniform() {
        return named("uniform", DenseSketch::uniform);
    }

    /**
     * Sparse sign sketches with \(\zeta = \min(8, d)\) ({@link SparseSignSketch#of(int, int)}).
     *
     * @return the family
     */
    static SketchFamily sparseSign() {
        return named("sparse-sign", SparseSignSketch::of);
    }

    /**
     * Sparse sign sketches with \(\min(\zeta, d)\) nonzeros per column.
     *
     * @param nonzeros \(\zeta \ge 1\)
     * @return the family
     * @throws IllegalArgumentException if {@code nonzeros < 1}
     */
    static SketchFamily sparseSign(int nonzeros) {
        Sketching.positive("nonzeros per column (zeta)", nonzeros);
        return named("sparse-sign(" + nonzeros + ")", (d, m) -> SparseSignSketch.of(d, m, Math.min(nonzeros, d)));
    }

    /**
     * CountSketch ({@link SparseSignSketch#countSketch}).
     *
     * @return the family
     */
    static SketchFamily countSketch() {
        return named("countsketch", SparseSignSketch::countSketch);
    }

    /**
     * SRHT ({@link SrhtSketch#of}); needs \(d \le m' = 2^{\lceil \log_2 m \rceil}\).
     *
     * @return the family
     */
    static SketchFamily srht() {
        return named("srht", SrhtSketch::of);
    }

    /**
     * SRFT with the DCT ({@link SrftSketch#of}); needs \(d \le m'\).
     *
     * @return the family
     */
    static SketchFamily srft() {
        return named("srft", SrftSketch::of);
    }

    /**
     * LESS-uniform with \(\min(s, m)\) nonzeros per row ({@link LessUniformSketch#of}).
     *
     * @param nonzeros \(s \ge 1\)
     * @return the family
     * @throws IllegalArgumentException if {@code nonzeros < 1}
     */
    static SketchFamily lessUniform(int nonzeros) {
        Sketching.positive("nonzeros per row (s)", nonzeros);
        return named("less-uniform(" + nonzeros + ")", (d, m) -> LessUniformSketch.of(d, m, Math.min(nonzeros, m)));
    }

    /**
     * Uniform row sampling ({@link UniformSampling#of}).
     *
     * @param replacement whether rows are drawn with replacement (without: needs \(d \le m\))
     * @return the family
     */
    static SketchFamily uniformSampling(boolean replacement) {
        return named(
                replacement ? "uniform-sampling" : "uniform-sampling-without-replacement",
                (d, m) -> UniformSampling.of(d, m, replacement));
    }
}
