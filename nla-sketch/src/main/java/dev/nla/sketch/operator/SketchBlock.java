package dev.nla.sketch.operator;

import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import java.util.Objects;

/**
 * The law of a sub-block \(S[r_0 : r_0 + p,\; c_0 : c_0 + q]\) of a sketch \(S\) drawn from {@code
 * parent}: the distribution of the operators made by {@link SketchingOperator#block}. Sampling it
 * samples the parent with the same state and cuts the block, so its entries equal the parent's
 * bitwise and its next state is the parent's.
 *
 * @param parent    the distribution of the whole sketch
 * @param rowOffset \(r_0 \ge 0\)
 * @param colOffset \(c_0 \ge 0\)
 * @param rows      \(p \ge 1\), \(r_0 + p \le\) {@code parent.rows()}
 * @param cols      \(q \ge 1\), \(c_0 + q \le\) {@code parent.cols()}
 */
public record SketchBlock(SketchingDistribution parent, int rowOffset, int colOffset, int rows, int cols)
        implements SketchingDistribution {
    /**
     * Validates the block.
     *
     * @param parent    the distribution of the whole sketch
     * @param rowOffset \(r_0 \ge 0\)
     * @param colOffset \(c_0 \ge 0\)
     * @param rows      \(p \ge 1\)
     * @param cols      \(q \ge 1\)
     * @throws NullPointerException      if {@code parent} is null
     * @throws IllegalArgumentException  if {@code rows < 1} or {@code cols < 1}
     * @throws IndexOutOfBoundsException if the block does not lie inside the parent's shape
     */
    public SketchBlock {
        Objects.requireNonNull(parent, "parent");
        Sketching.checkBlock(parent.rows(), parent.cols(), rowOffset, colOffset, rows, cols);
    }

    /**
     * Samples the parent with {@code state} and cuts the block. Lazy, as the parent's sampling.
     *
     * @param state the position in the random stream; not modified
     * @return the block operator and the parent's next state
     * @throws NullPointerException if {@code state} is null
     */
    @Override
    public Sampled<SketchingOperator> sample(RngState state) {
        Objects.requireNonNull(state, "state");
        Sampled<SketchingOperator> whole = parent.sample(state);
        return new Sampled<>(whole.value().block(rowOffset, colOffset, rows, cols), whole.next());
    }
}
