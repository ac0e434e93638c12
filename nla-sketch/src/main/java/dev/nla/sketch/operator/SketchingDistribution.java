package dev.nla.sketch.operator;

import dev.nla.core.matrix.Shape;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;

/**
 * The law of a random \(d \times m\) sketching matrix \(S\), together with its parameters: an
 * immutable value (RandBLAS' {@code DenseDist} / {@code SparseDist}).
 *
 * <p>\(d\) = {@link #rows()} is the sketch size and \(m\) = {@link #cols()} the dimension being
 * compressed: \(S\) maps \(\mathbb{R}^m\) to \(\mathbb{R}^d\), so \(SA\) has \(d\) rows for an
 * \(A\) with \(m\) rows, and \(AS^{\mathsf T}\) has \(d\) columns for an \(A\) with \(m\) columns.
 *
 * <p>{@link #sample(RngState)} is lazy: it records the state and returns at once; the entries are
 * generated (or regenerated) when the operator is applied. Sampling the same distribution with the
 * same state gives operators with bitwise-identical entries.
 *
 * <p>Unless stated otherwise, the distributions of this package are scaled to be isotropic,
 * \(\mathbb{E}[S^{\mathsf T}S] = I_m\), so that \(\mathbb{E}\|Sx\|_2^2 = \|x\|_2^2\); each states
 * its scale factor, which is a parameter of the distribution.
 */
public interface SketchingDistribution {
    /**
     * The sketch size \(d\): the number of rows of \(S\).
     *
     * @return \(d \ge 1\)
     */
    int rows();

    /**
     * The compressed dimension \(m\): the number of columns of \(S\).
     *
     * @return \(m \ge 1\)
     */
    int cols();

    /**
     * The shape \(d \times m\).
     *
     * @return {@code rows() x cols()}
     */
    default Shape shape() {
        return new Shape(rows(), cols());
    }

    /**
     * Draws an operator from this distribution. Lazy: nothing heavy is generated here.
     *
     * <p>The returned next state is an independent child stream of {@code state} (a {@link
     * RngState#split(long) split} with an index reserved for sketching, see {@code
     * docs/sketching.md}), so it never meets the streams of this operator, however far the operator
     * is later grown.
     *
     * @param state the position in the random stream; not modified (states are values)
     * @return the operator and the state to use for the next random draw
     * @throws NullPointerException if {@code state} is null
     */
    Sampled<SketchingOperator> sample(RngState state);
}
