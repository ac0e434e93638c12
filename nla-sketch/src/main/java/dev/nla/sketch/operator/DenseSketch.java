package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.core.random.ScalarDistribution;
import java.util.Objects;

/**
 * A dense sketch with independent, identically distributed entries: \(S = \alpha R\), where \(R
 * \in \mathbb{R}^{d \times m}\) has iid entries of mean 0 and variance 1 (Gaussian, Rademacher
 * \(\pm 1\), or uniform on \((-\sqrt 3, \sqrt 3)\)) and \(\alpha\) is the scale, by default
 * \(1/\sqrt d\), which makes \(S\) isotropic: \(\mathbb{E}[S^{\mathsf T}S] = I_m\).
 *
 * <p><b>Entries.</b> \(R = M^{\mathsf T}\) for the random matrix \(M\) that {@link
 * dev.nla.core.random.RandomMatrices} defines for the state and law: \(R[i, j] = M[j, i]\) is
 * {@code RandomMatrices.entry(j, i, law, state)}. So row \(i\) of \(S\) (column \(i\) of the test
 * matrix \(\Omega = S^{\mathsf T}\)) is column \(i\) of {@code RandomMatrices.generate(m, d, law,
 * state)}: the range-finder product {@code applyRight(A)} \(= A\Omega\) equals \(\alpha A\) times that
 * matrix. Every entry depends on the state and its position only, so the sketch can grow and shrink
 * along both axes ({@link SketchingOperator#resize}) and any block can be generated alone.
 *
 * <p><b>Cost.</b> {@code applyLeft} (\(SA\), \(A \in \mathbb{R}^{m \times n}\)): \(2dmn\) flops in
 * GEMMs plus generating the \(dm\) entries, in column blocks of \(S\) of about \(2^{20}\) entries that
 * are generated (in parallel) and multiplied at once, never the whole of \(S\) (fused
 * generate-and-multiply). {@code applyRight}: the same. Sparse \(A\): \(2d\,\mathrm{nnz}(A)\) flops plus
 * generating the blocks of \(S\) that meet a nonzero row. Gaussian entries cost a logarithm, a sine
 * and a cosine per pair ({@link StrictMath}, for reproducibility); Rademacher entries come from raw
 * bits (128 per Philox block) and are much cheaper; uniform ones lie in between.
 *
 * <p><b>When to use it.</b> Gaussian: the default test matrix of range finders and low-rank
 * approximation (best-understood constants, [HMT 2011]), and whenever \(\Theta(dmn)\) flops are
 * affordable anyway. Rademacher or uniform: the same behaviour in practice at a lower generation
 * cost; Rademacher vectors also give Hutchinson's minimum-variance trace estimator.
 *
 * @param rows    \(d \ge 1\)
 * @param cols    \(m \ge 1\)
 * @param entries the law of the entries of \(R\)
 * @param scale   \(\alpha\), finite and nonzero
 */
public record DenseSketch(int rows, int cols, Entries entries, double scale) implements SketchingDistribution {
    /** The law of the entries of \(R\); each has mean 0 and variance 1. */
    public enum Entries {
        /** Standard normal, by Box–Muller ({@link ScalarDistribution#GAUSSIAN}). */
        GAUSSIAN(ScalarDistribution.GAUSSIAN),
        /** \(\pm 1\) with probability 1/2 each, from raw bits ({@link ScalarDistribution#RADEMACHER}). */
        RADEMACHER(ScalarDistribution.RADEMACHER),
        /** Uniform on \((-\sqrt 3, \sqrt 3)\) ({@link ScalarDistribution#UNIFORM}). */
        UNIFORM(ScalarDistribution.UNIFORM);

        private final ScalarDistribution law;

        Entries(ScalarDistribution law) {
            this.law = law;
        }

        /**
         * The scalar law of {@code nla-core} that generates these entries.
         *
         * @return the law
         */
        public ScalarDistribution law() {
            return law;
        }
    }

    /**
     * Validates the parameters.
     *
     * @param rows    \(d \ge 1\)
     * @param cols    \(m \ge 1\)
     * @param entries the law of the entries
     * @param scale   \(\alpha\), finite and nonzero
     * @throws NullPointerException     if {@code entries} is null
     * @throws IllegalArgumentException if {@code rows < 1}, {@code cols < 1}, or {@code scale} is 0,
     *     NaN or infinite; the message names the value
     */
    public DenseSketch {
        Sketching.positive("rows (sketch size d)", rows);
        Sketching.positive("cols (dimension m)", cols);
        Objects.requireNonNull(entries, "entries");
        Sketching.scale(scale);
    }

    /**
     * The isotropic dense sketch with the given entries: scale \(1/\sqrt d\).
     *
     * @param entries the law of the entries
     * @param rows    \(d \ge 1\)
     * @param cols    \(m \ge 1\)
     * @return the distribution
     * @throws NullPointerException     if {@code entries} is null
     * @throws IllegalArgumentException if {@code rows < 1} or {@code cols < 1}
     */
    public static DenseSketch of(Entries entries, int rows, int cols) {
        Sketching.positive("rows (sketch size d)", rows);
        return new DenseSketch(rows, cols, entries, 1.0 / Math.sqrt(rows));
    }

    /**
     * The isotropic Gaussian sketch \(S = G/\sqrt d\), \(G_{ij} \sim N(0, 1)\) iid.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if {@code rows < 1} or {@code cols < 1}
     */
    public static DenseSketch gaussian(int rows, int cols) {
        return of(Entries.GAUSSIAN, rows, cols);
    }

    /**
     * The isotropic Rademacher sketch \(S = R/\sqrt d\), \(R_{ij} = \pm 1\) iid.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if {@code rows < 1} or {@code cols < 1}
     */
    public static DenseSketch rademacher(int rows, int cols) {
        return of(Entries.RADEMACHER, rows, cols);
    }

    /**
     * The isotropic uniform sketch \(S = U/\sqrt d\), \(U_{ij}\) uniform on \((-\sqrt 3, \sqrt 3)\)
     * iid.
     *
     * @param rows \(d \ge 1\)
     * @param cols \(m \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if {@code rows < 1} or {@code cols < 1}
     */
    public static DenseSketch uniform(int rows, int cols) {
        return of(Entries.UNIFORM, rows, cols);
    }

    /**
     * The same law and scale with another size (the scale is kept, not recomputed).
     *
     * @param newRows \(d' \ge 1\)
     * @param newCols \(m' \ge 1\)
     * @return the distribution
     * @throws IllegalArgumentException if a size is below 1
     */
    public DenseSketch withSize(int newRows, int newCols) {
        return new DenseSketch(newRows, newCols, entries, scale);
    }

    /**
     * An operator with entries \(\alpha M[j, i]\); lazy (generates nothing).
     *
     * @param state the position in the random stream; not modified
     * @return the operator and the next state (an independent child of {@code state})
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        return new Sampled<>(new DenseOperator(this, state, 0, 0, rows, cols), Sketching.next(state));
    }
}
