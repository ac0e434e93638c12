package dev.nla.attention.exact;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link OnlineSoftmaxAttention}.
 *
 * @param queryBlock rows of \(Q\) per block \(b_q \ge 1\) (default {@value #DEFAULT_QUERY_BLOCK}),
 *     the unit of parallel work
 * @param keyBlock   keys per block \(b_k \ge 1\) (default {@value #DEFAULT_KEY_BLOCK}); the score
 *     tile is \(b_q \times b_k\)
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record OnlineSoftmaxOptions(int queryBlock, int keyBlock, Scaling scaling) {
    /**
     * Default query block. Measured on the 2-core AVX-512 build machine at \(n = 4096\), \(d = 64\), one
     * thread: 0.108 s for \(b_q = 128\) with \(b_k \in [128, 1024]\), 0.12 s for \(b_q = 64\), 0.22 s for
     * \(b_q = 32\) (each tile GEMM packs its \(K_J\) and \(V_J\) panels, so taller query blocks amortise
     * the packing).
     */
    public static final int DEFAULT_QUERY_BLOCK = 128;

    /** Default key block: a \(128 \times 256\) tile is 256 KiB and stays in L2. */
    public static final int DEFAULT_KEY_BLOCK = 256;

    /**
     * Validates the options.
     *
     * @param queryBlock \(b_q\)
     * @param keyBlock   \(b_k\)
     * @param scaling    the scaling
     * @throws IllegalArgumentException if a block size is below 1
     * @throws NullPointerException     if {@code scaling} is null
     */
    public OnlineSoftmaxOptions {
        Require.positive("queryBlock", queryBlock);
        Require.positive("keyBlock", keyBlock);
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The defaults: blocks {@value #DEFAULT_QUERY_BLOCK} by {@value #DEFAULT_KEY_BLOCK}, scaling
     * \(1/\sqrt d\).
     *
     * @return the default options
     */
    public static OnlineSoftmaxOptions defaults() {
        return new OnlineSoftmaxOptions(DEFAULT_QUERY_BLOCK, DEFAULT_KEY_BLOCK, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with \(b_q = b_k = \) {@code size}.
     *
     * @param size the block size, \(\ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code size < 1}
     */
    public OnlineSoftmaxOptions withBlockSize(int size) {
        return new OnlineSoftmaxOptions(size, size, scaling);
    }

    /**
     * These options with another query block.
     *
     * @param rows \(b_q \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code rows < 1}
     */
    public OnlineSoftmaxOptions withQueryBlock(int rows) {
        return new OnlineSoftmaxOptions(rows, keyBlock, scaling);
    }

    /**
     * These options with another key block.
     *
     * @param keys \(b_k \ge 1\)
     * @return new options
     * @throws IllegalArgumentException if {@code keys < 1}
     */
    public OnlineSoftmaxOptions withKeyBlock(int keys) {
        return new OnlineSoftmaxOptions(queryBlock, keys, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public OnlineSoftmaxOptions withScaling(Scaling s) {
        return new OnlineSoftmaxOptions(queryBlock, keyBlock, s);
    }
}
