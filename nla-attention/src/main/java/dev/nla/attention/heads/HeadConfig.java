package dev.nla.attention.heads;

import dev.nla.core.error.Require;

/**
 * The head layout of an attention layer: \(h\) query heads sharing \(g\) key-value heads of dimension
 * \(d_h\) each. MHA is \(g = h\), MQA is \(g = 1\), GQA is any \(g\) dividing \(h\) [Shazeer 2019;
 * Ainslie et al. 2023]. Query head \(i\) reads key-value head \(\gamma(i) = \lfloor ig/h \rfloor\),
 * i.e. consecutive groups of \(h/g\) query heads share one key-value head.
 *
 * @param heads   number of query heads \(h \ge 1\)
 * @param kvHeads number of key-value heads \(g \ge 1\), a divisor of \(h\)
 * @param headDim head dimension \(d_h \ge 1\)
 */
public record HeadConfig(int heads, int kvHeads, int headDim) {
    /**
     * Validates the layout.
     *
     * @param heads   \(h\)
     * @param kvHeads \(g\)
     * @param headDim \(d_h\)
     * @throws IllegalArgumentException if a count is below 1 or \(g\) does not divide \(h\)
     */
    public HeadConfig {
        Require.positive("heads", heads);
        Require.positive("kvHeads", kvHeads);
        Require.positive("headDim", headDim);
        if (heads % kvHeads != 0) {
            throw new IllegalArgumentException("the number of key-value heads g = " + kvHeads
                    + " must divide the number of query heads h = " + heads);
        }
    }

    /**
     * Multi-head attention, \(g = h\).
     *
     * @param heads   \(h \ge 1\)
     * @param headDim \(d_h \ge 1\)
     * @return the layout
     * @throws IllegalArgumentException if a count is below 1
     */
    public static HeadConfig mha(int heads, int headDim) {
        return new HeadConfig(heads, heads, headDim);
    }

    /**
     * Multi-query attention, \(g = 1\).
     *
     * @param heads   \(h \ge 1\)
     * @param headDim \(d_h \ge 1\)
     * @return the layout
     * @throws IllegalArgumentException if a count is below 1
     */
    public static HeadConfig mqa(int heads, int headDim) {
        return new HeadConfig(heads, 1, headDim);
    }

    /**
     * The key-value head of query head {@code i}, \(\gamma(i) = \lfloor ig/h \rfloor\).
     *
     * @param i query head, \(0 \le i \lt h\)
     * @return \(\gamma(i)\)
     * @throws IndexOutOfBoundsException if {@code i} is out of range
     */
    public int groupOf(int i) {
        if (i < 0 || i >= heads) {
            throw new IndexOutOfBoundsException("query head " + i + " out of range [0, " + heads + ")");
        }
        return i / (heads / kvHeads);
    }

    /**
     * Width of the concatenated query heads, \(hd_h\).
     *
     * @return \(hd_h\)
     */
    public int queryWidth() {
        return heads * headDim;
    }

    /**
     * Width of the concatenated key (or value) heads, \(gd_h\).
     *
     * @return \(gd_h\)
     */
    public int kvWidth() {
        return kvHeads * headDim;
    }

    /**
     * Numbers cached per token by a KV cache: keys and values of the \(g\) key-value heads,
     * \(2gd_h\).
     *
     * @return \(2gd_h\)
     */
    public long cacheFloatsPerToken() {
        return 2L * kvHeads * headDim;
    }

    /**
     * {@code "MHA"}, {@code "MQA"} or {@code "GQA"}.
     *
     * @return the kind of layout
     */
    public String kind() {
        return kvHeads == heads ? "MHA" : kvHeads == 1 ? "MQA" : "GQA";
    }
}
