package dev.nla.attention.exact;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link DenseAttention}.
 *
 * @param queryBlock rows of \(Q\) per block \(b_q \ge 1\) (default {@value #DEFAULT_QUERY_BLOCK}):
 *     the unit of parallel work and the height of the \(b_q \times m\) score tile; it changes the
 *     memory, not the result beyond rounding
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record DenseAttentionOptions(int queryBlock, Scaling scaling) {
    /**
     * Default query block: a \(64 \times 4096\) score tile is 2 MiB (the L2 size of the build machine),
     * and taller blocks amortise the packing of \(K\) and \(V\) in the two GEMMs (at \(n = 4096\) one
     * thread takes 0.12 s with 64 rows, 0.29 s with 32).
     */
    public static final int DEFAULT_QUERY_BLOCK = 64;

    /**
     * Validates the options.
     *
     * @param queryBlock \(b_q\)
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code queryBlock < 1}
     * @throws NullPointerException     if {@code scaling} is null
     */
    public DenseAttentionOptions {
        Require.positive("queryBlock", queryBlock);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The defaults: query block {@value #DEFAULT_QUERY_BLOCK}, scaling \(1/\sqrt d\).
     *
     * @return the default options
     */
    public static DenseAttentionOptions defaults() {
        return new DenseAttentionOptions(DEFAULT_QUERY_BLOCK, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another query block.
     *
     * @param rows \(b_q \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public DenseAttentionOptions withQueryBlock(int rows) {
        return new DenseAttentionOptions(rows, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public DenseAttentionOptions withScaling(Scaling s) {
        return new DenseAttentionOptions(queryBlock, s);
    }
}
