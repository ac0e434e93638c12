package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import java.util.Arrays;
import java.util.Objects;

/**
 * Which keys each query may attend to: a causal mask, a key-padding mask, both, or neither. A masked
 * score is \(-\infty\), so its softmax weight is exactly 0.
 *
 * <ul>
 *   <li><b>Causal</b>, aligned at the bottom right (as in KV-cache decoding, where the \(n\) queries
 *       are the last \(n\) of the \(m\) positions): query \(i\) attends to key \(j\) iff \(j \le i +
 *       (m - n)\). For \(n = m\) this is \(j \le i\); for one query (\(n = 1\)) every key is visible.
 *   <li><b>Key padding</b>: a flag per key; keys whose flag is {@code false} are ignored by every
 *       query (padding tokens of a batch of sequences of different lengths).
 * </ul>
 *
 * <p>A query row with no visible key has no softmax; such masks are rejected by {@link
 * #validate(int, int)} instead of producing NaN or an arbitrary row. Instances are immutable.
 */
public final class AttentionMask {
    /** No mask: every query attends to every key. */
    public static final AttentionMask NONE = new AttentionMask(false, null);

    private static final AttentionMask CAUSAL = new AttentionMask(true, null);

    private final boolean causal;
    private final boolean[] keep;

    private AttentionMask(boolean causal, boolean[] keep) {
        this.causal = causal;
        this.keep = keep;
    }

    /**
     * The causal mask \(j \le i + (m - n)\).
     *
     * @return the causal mask
     */
    public static AttentionMask causal() {
        return CAUSAL;
    }

    /**
     * A key-padding mask.
     *
     * @param keep one flag per key, {@code true} = attend; copied
     * @return the mask
     * @throws NullPointerException if {@code keep} is null
     */
    public static AttentionMask keyPadding(boolean[] keep) {
        Objects.requireNonNull(keep, "keep");
        return new AttentionMask(false, keep.clone());
    }

    /**
     * A key-padding mask that keeps the first {@code validKeys} of {@code keys} keys (a right-padded
     * sequence).
     *
     * @param keys      \(m \ge 0\)
     * @param validKeys number of real keys, \(0 \le\) {@code validKeys} \(\le m\)
     * @return the mask
     * @throws IllegalArgumentException if the counts are out of range
     */
    public static AttentionMask validLength(int keys, int validKeys) {
        if (keys < 0 || validKeys < 0 || validKeys > keys) {
            throw new IllegalArgumentException(
                    "need 0 <= validKeys <= keys, got validKeys = " + validKeys + ", keys = " + keys);
        }
        boolean[] keep = new boolean[keys];
        Arrays.fill(keep, 0, validKeys, true);
        return new AttentionMask(false, keep);
    }

    /**
     * This mask with the causal constraint added.
     *
     * @return a causal mask with the same key padding
     */
    public AttentionMask withCausal() {
        return causal ? this : new AttentionMask(true, keep);
    }

    /**
     * Whether the causal constraint is on.
     *
     * @return {@code true} if causal
     */
    public boolean isCausal() {
        return causal;
    }

    /**
     * Whether some keys are masked by padding.
     *
     * @return {@code true} if a padding mask is present
     */
    public boolean hasKeyPadding() {
        return keep != null;
    }

    /**
     * Whether no constraint at all is set.
     *
     * @return {@code true} for {@link #NONE}-equivalent masks
     */
    public boolean isNone() {
        return !causal && keep == null;
    }

    /**
     * The padding flag of one key.
     *
     * @param j key index
     * @return {@code true} if key {@code j} is kept (always {@code true} without padding)
     * @throws IndexOutOfBoundsException if a padding mask is present and {@code j} is out of range
     */
    public boolean keeps(int j) {
        return keep == null || keep[j];
    }

    /**
     * The key-padding flags.
     *
     * @return a copy of the flags, or {@code null} if there is no padding mask
     */
    public boolean[] keyFlags() {
        return keep == null ? null : keep.clone();
    }

    /**
     * One past the last key query {@code i} may see under the causal constraint (padding aside).
     *
     * @param i query index, \(0 \le i \lt n\)
     * @param n number of queries
     * @param m number of keys
     * @return \(\min(m, i + m - n + 1)\) if causal (possibly \(\le 0\)), else \(m\)
     */
    public int keyEnd(int i, int n, int m) {
        if (!causal) {
            return m;
        }
        long end = (long) i + m - n + 1;
        return (int) Math.max(Math.min(end, m), Integer.MIN_VALUE);
    }

    /**
     * Whether query {@code i} may attend to key {@code j}.
     *
     * @param i query index
     * @param j key index
     * @param n number of queries
     * @param m number of keys
     * @return {@code true} if the score \((i, j)\) is kept
     */
    public boolean allows(int i, int j, int n, int m) {
        return j < keyEnd(i, n, m) && keeps(j);
    }

    /**
     * Checks the mask against \(n\) queries and \(m\) keys.
     *
     * @param n number of queries, \(\ge 1\)
     * @param m number of keys, \(\ge 1\)
     * @throws DimensionMismatchException if the padding mask does not have \(m\) flags
     * @throws IllegalArgumentException   if some query sees no key (the message names the first
     *     such row)
     */
    public void validate(int n, int m) {
        if (keep != null && keep.length != m) {
            throw new DimensionMismatchException(
                    "key-padding mask has " + keep.length + " flags but there are " + m + " keys");
        }
        int firstKept = 0;
        if (keep != null) {
            while (firstKept < m && !keep[firstKept]) {
                firstKept++;
            }
            if (firstKept == m) {
                throw new IllegalArgumentException("the key-padding mask masks all " + m + " keys");
            }
        }
        // Under the causal constraint the earliest rows see the fewest keys: row i sees the kept keys
        // below keyEnd(i), which grows with i, so row 0 is the first to see nothing.
        if (keyEnd(0, n, m) <= firstKept) {
            long lastBlind = (long) firstKept - (m - n) - 1;
            throw new IllegalArgumentException("query rows 0 to " + Math.min(lastBlind, n - 1L)
                    + " see no key: causal mask with n = " + n + " queries and m = " + m
                    + " keys, first unmasked key " + firstKept);
        }
    }

    /**
     * A description, e.g. {@code AttentionMask[causal, padding 3 of 10 masked]}.
     *
     * @return a description
     */
    @Override
    public String toString() {
        if (isNone()) {
            return "AttentionMask[none]";
        }
        StringBuilder sb = new StringBuilder("AttentionMask[");
        if (causal) {
            sb.append("causal");
        }
        if (keep != null) {
            int masked = 0;
            for (boolean k : keep) {
                masked += k ? 0 : 1;
            }
            sb.append(causal ? ", " : "")
                    .append("padding ")
                    .append(masked)
                    .append(" of ")
                    .append(keep.length);
            sb.append(" masked");
        }
        return sb.append(']').toString();
    }
}
