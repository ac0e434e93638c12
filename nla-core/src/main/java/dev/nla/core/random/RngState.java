package dev.nla.core.random;

import dev.nla.core.error.Require;

/**
 * Immutable position in a Philox4x32-10 stream: a 64-bit key selects the stream, a 128-bit
 * counter \(C = \){@code counterHigh}\(\cdot 2^{64} + \){@code counterLow} (both halves read as
 * unsigned) selects the block within it. The block at the state is {@link
 * Philox4x32#block(long, long, long, long[], int) Philox4x32.block(key, counterHigh, counterLow,
 * ...)}.
 *
 * <p>A state is a value (as in RandBLAS' {@code RNGState} and JAX's keys): sampling methods never
 * mutate it, they return the state to use next in a {@link Sampled}. Passing the same state twice
 * gives the same numbers twice. Counter arithmetic is modulo \(2^{128}\), the period of a stream;
 * no computation in this library comes near wrapping it.
 *
 * @param key         the stream key (any 64-bit value)
 * @param counterHigh upper 64 bits of the counter; {@link RandomMatrices} uses it for the column
 *     index
 * @param counterLow  lower 64 bits of the counter; {@link RandomMatrices} uses it for the row block
 */
public record RngState(long key, long counterHigh, long counterLow) {
    /**
     * Key tweak of the first hashing block of {@link #split}, so that the hash never evaluates a
     * block of the stream being split. The value spells {@code "nlaSPLIT"} in ASCII.
     */
    static final long SPLIT_TWEAK = 0x6E6C_6153_504C_4954L;

    /**
     * The start of the stream with the given key: counter zero.
     *
     * @param key any 64-bit value; different keys give streams that are independent for all
     *     practical purposes
     * @return {@code new RngState(key, 0, 0)}
     */
    public static RngState seed(long key) {
        return new RngState(key, 0L, 0L);
    }

    /**
     * The state \(\text{blocks}\) blocks further on: counter \(C + \text{blocks}\) modulo
     * \(2^{128}\), with the carry from the low into the high word.
     *
     * @param blocks number of 128-bit blocks to skip, {@code >= 0}
     * @return the advanced state (same key)
     * @throws IllegalArgumentException if {@code blocks < 0}
     */
    public RngState advance(long blocks) {
        Require.nonNegative("blocks", blocks);
        long low = counterLow + blocks;
        long carry = Long.compareUnsigned(low, counterLow) < 0 ? 1L : 0L;
        return new RngState(key, counterHigh + carry, low);
    }

    /**
     * The state after {@code columns} columns of a random matrix: counter \(C + \text{columns}
     * \cdot 2^{64}\) modulo \(2^{128}\), i.e. {@code counterHigh + columns} with {@code counterLow}
     * unchanged. This is the state {@link RandomMatrices#generate} returns after drawing that many
     * columns.
     *
     * @param columns number of columns to skip, {@code >= 0}
     * @return the advanced state (same key)
     * @throws IllegalArgumentException if {@code columns < 0}
     */
    public RngState advanceColumns(long columns) {
        Require.nonNegative("columns", columns);
        return new RngState(key, counterHigh + columns, counterLow);
    }

    /**
     * An independent stream for the child computation number {@code index}: the state with key
     * \(k' = h(k, C, \text{index})\) and counter zero.
     *
     * <p>The hash \(h\) is Philox itself, in two blocks. First \((a, b)\) = the two 64-bit words
     * of the block at this state's counter \(C\) under the tweaked key \(k \oplus \tau\), where
     * \(\tau\) = {@code 0x6E6C6153504C4954} keeps the hash off the stream being split; then \(k'\)
     * is the first 64-bit word of the block with key \(a\) at counter {@code (counterHigh,
     * counterLow) = (b, index)}. The child therefore depends on the whole state: a state and an
     * advanced copy of it have different children, so a loop that advances its state may split it
     * with the same index every iteration.
     *
     * <p><b>Collisions.</b> For a fixed key Philox is a bijection of counters whose outputs pass the
     * BigCrush battery across counters and keys [Salmon et al. 2011], so child keys of distinct
     * (state, index) pairs behave as independent uniform 64-bit values. Two child streams coincide
     * only if their keys collide: among \(N\) keys in use this has probability at most
     * \(N(N-1)/2^{65}\) (birthday bound), below \(3 \cdot 10^{-8}\) for a million keys (but about \(3
     * \cdot 10^{-2}\) for a billion: 64-bit keys do not suit that many streams). Streams with distinct keys are unrelated
     * whatever their counters, and a child differs from its parent unless \(k' = k\) (probability
     * \(2^{-64}\)).
     *
     * @param index child number; any 64-bit value (read as unsigned)
     * @return the child state {@code (k', 0, 0)}
     */
    public RngState split(long index) {
        long[] words = new long[2];
        Philox4x32.block(key ^ SPLIT_TWEAK, counterHigh, counterLow, words, 0);
        Philox4x32.block(words[0], words[1], index, words, 0);
        return seed(words[0]);
    }

    /**
     * The key and counter in hexadecimal, e.g. {@code RngState[key=0x2a, counter=0x1:0x0]}.
     *
     * @return a description of the state
     */
    @Override
    public String toString() {
        return "RngState[key=0x" + Long.toHexString(key) + ", counter=0x" + Long.toHexString(counterHigh) + ":0x"
                + Long.toHexString(counterLow) + "]";
    }
}
