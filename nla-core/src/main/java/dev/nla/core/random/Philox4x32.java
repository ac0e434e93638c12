package dev.nla.core.random;

import java.util.Objects;

/**
 * The Philox4x32-10 block function of Salmon, Moraes, Dror and Shaw [Salmon et al. 2011]: a keyed
 * bijection of 128-bit counters, used as a counter-based random number generator.
 *
 * <p><b>Definition.</b> A block is computed from four 32-bit counter words \((c_0, c_1, c_2,
 * c_3)\) and two 32-bit key words \((k_0, k_1)\) by ten rounds
 * \[ (c_0, c_1, c_2, c_3) \leftarrow \bigl(\operatorname{hi}(M_1 c_2) \oplus c_1 \oplus k_0,\;
 *    \operatorname{lo}(M_1 c_2),\; \operatorname{hi}(M_0 c_0) \oplus c_3 \oplus k_1,\;
 *    \operatorname{lo}(M_0 c_0)\bigr), \]
 * where \(\operatorname{hi}\) and \(\operatorname{lo}\) are the upper and lower 32 bits of the
 * exact 64-bit product of unsigned words, with multipliers \(M_0 = \mathtt{0xD2511F53}\) and \(M_1
 * = \mathtt{0xCD9E8D57}\). Between consecutive rounds the key is bumped by the Weyl constants
 * \(k_0 \mathrel{+}= \mathtt{0x9E3779B9}\), \(k_1 \mathrel{+}= \mathtt{0xBB67AE85}\) (modulo
 * \(2^{32}\)), so the first round uses the key as given and the tenth uses it bumped nine times.
 * The output is the counter after the tenth round. This is the {@code philox4x32_R(10, ctr, key)}
 * function of Random123; the class checks itself against the Random123 known-answer vectors in its
 * tests.
 *
 * <p><b>Word layout.</b> The methods taking {@code long} arguments use the layout of {@link
 * RngState}:
 *
 * <ul>
 *   <li>key words \(k_0\) = {@code (int) key}, \(k_1\) = {@code (int) (key >>> 32)};
 *   <li>counter words \(c_0\) = {@code (int) counterLow}, \(c_1\) = {@code (int) (counterLow >>>
 *       32)}, \(c_2\) = {@code (int) counterHigh}, \(c_3\) = {@code (int) (counterHigh >>> 32)};
 *       \(c_0\) is the least significant word, so the 128-bit counter is \(C = \)
 *       {@code counterHigh}\(\cdot 2^{64} + \){@code counterLow} (both read as unsigned);
 *   <li>output words \((x_0, x_1, x_2, x_3)\) in Random123's order; as two 64-bit words, {@code
 *       out[0]} \(= x_0 + 2^{32} x_1\) and {@code out[1]} \(= x_2 + 2^{32} x_3\) (\(x_0\) in the low
 *       half).
 * </ul>
 *
 * <p>The block function is stateless and thread-safe. The {@code block} methods write into a
 * caller-supplied array and allocate nothing, so a loop over counters costs ten rounds of two
 * multiplications per block and no garbage.
 *
 * @see RngState
 * @see RandomMatrices
 */
public final class Philox4x32 {
    /** Number of rounds, 10 (the variant Random123 recommends and its known answers use). */
    public static final int ROUNDS = 10;

    /** Round multiplier \(M_0\), applied to counter word \(c_0\). */
    public static final int MULTIPLIER_0 = 0xD2511F53;

    /** Round multiplier \(M_1\), applied to counter word \(c_2\). */
    public static final int MULTIPLIER_1 = 0xCD9E8D57;

    /** Key bump (Weyl constant) added to \(k_0\) between rounds: the golden ratio, \(\mathtt{0x9E3779B9}\). */
    public static final int KEY_BUMP_0 = 0x9E3779B9;

    /** Key bump (Weyl constant) added to \(k_1\) between rounds: \(\sqrt 3 - 1\), \(\mathtt{0xBB67AE85}\). */
    public static final int KEY_BUMP_1 = 0xBB67AE85;

    private static final long MASK = 0xFFFFFFFFL;
    private static final long M0 = MULTIPLIER_0 & MASK;
    private static final long M1 = MULTIPLIER_1 & MASK;

    private Philox4x32() {}

    /**
     * Computes one block from 32-bit words, in Random123's argument order.
     *
     * @param c0     counter word 0 (least significant)
     * @param c1     counter word 1
     * @param c2     counter word 2
     * @param c3     counter word 3 (most significant)
     * @param k0     key word 0
     * @param k1     key word 1
     * @param out    receives the output words \(x_0, x_1, x_2, x_3\) at {@code out[offset ..
     *     offset + 3]}; overwritten there, not modified elsewhere
     * @param offset index of \(x_0\) in {@code out}
     * @throws NullPointerException      if {@code out} is null
     * @throws IndexOutOfBoundsException if {@code offset < 0} or {@code offset + 4 > out.length}
     */
    public static void block(int c0, int c1, int c2, int c3, int k0, int k1, int[] out, int offset) {
        Objects.checkFromIndexSize(offset, 4, Objects.requireNonNull(out, "out").length);
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                k0 += KEY_BUMP_0;
                k1 += KEY_BUMP_1;
            }
            long p0 = (c0 & MASK) * M0;
            long p1 = (c2 & MASK) * M1;
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
        }
        out[offset] = c0;
        out[offset + 1] = c1;
        out[offset + 2] = c2;
        out[offset + 3] = c3;
    }

    /**
     * Computes the block at a 128-bit counter as four 32-bit words (layout in the class comment).
     *
     * @param key         the 64-bit key, \(k_0\) in the low half
     * @param counterHigh upper 64 bits of the counter
     * @param counterLow  lower 64 bits of the counter
     * @param out         receives \(x_0, x_1, x_2, x_3\) at {@code out[offset .. offset + 3]};
     *     overwritten there, not modified elsewhere
     * @param offset      index of \(x_0\) in {@code out}
     * @throws NullPointerException      if {@code out} is null
     * @throws IndexOutOfBoundsException if {@code offset < 0} or {@code offset + 4 > out.length}
     */
    public static void block(long key, long counterHigh, long counterLow, int[] out, int offset) {
        block(
                (int) counterLow,
                (int) (counterLow >>> 32),
                (int) counterHigh,
                (int) (counterHigh >>> 32),
                (int) key,
                (int) (key >>> 32),
                out,
                offset);
    }

    /**
     * Computes the block at a 128-bit counter as two 64-bit words: {@code out[offset]} \(= x_0 +
     * 2^{32} x_1\) and {@code out[offset + 1]} \(= x_2 + 2^{32} x_3\) (layout in the class comment).
     *
     * @param key         the 64-bit key, \(k_0\) in the low half
     * @param counterHigh upper 64 bits of the counter
     * @param counterLow  lower 64 bits of the counter
     * @param out         receives the two words at {@code out[offset]} and {@code out[offset + 1]};
     *     overwritten there, not modified elsewhere
     * @param offset      index of the first word in {@code out}
     * @throws NullPointerException      if {@code out} is null
     * @throws IndexOutOfBoundsException if {@code offset < 0} or {@code offset + 2 > out.length}
     */
    public static void block(long key, long counterHigh, long counterLow, long[] out, int offset) {
        Objects.checkFromIndexSize(offset, 2, Objects.requireNonNull(out, "out").length);
        int c0 = (int) counterLow;
        int c1 = (int) (counterLow >>> 32);
        int c2 = (int) counterHigh;
        int c3 = (int) (counterHigh >>> 32);
        int k0 = (int) key;
        int k1 = (int) (key >>> 32);
        for (int round = 0; round < ROUNDS; round++) {
            if (round > 0) {
                k0 += KEY_BUMP_0;
                k1 += KEY_BUMP_1;
            }
            long p0 = (c0 & MASK) * M0;
            long p1 = (c2 & MASK) * M1;
            int n0 = (int) (p1 >>> 32) ^ c1 ^ k0;
            int n2 = (int) (p0 >>> 32) ^ c3 ^ k1;
            c0 = n0;
            c1 = (int) p1;
            c2 = n2;
            c3 = (int) p0;
        }
        out[offset] = (c0 & MASK) | ((long) c1 << 32);
        out[offset + 1] = (c2 & MASK) | ((long) c3 << 32);
    }

    /**
     * Computes the block at the counter of {@code state} under its key, as two 64-bit words (see
     * {@link #block(long, long, long, long[], int)}).
     *
     * @param state  key and counter; not modified (records are immutable)
     * @param out    receives the two words; overwritten at {@code out[offset]} and {@code out[offset
     *     + 1]}
     * @param offset index of the first word in {@code out}
     * @throws NullPointerException      if {@code state} or {@code out} is null
     * @throws IndexOutOfBoundsException if {@code offset < 0} or {@code offset + 2 > out.length}
     */
    public static void block(RngState state, long[] out, int offset) {
        Objects.requireNonNull(state, "state");
        block(state.key(), state.counterHigh(), state.counterLow(), out, offset);
    }
}
