package dev.nla.tensor.sum;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * The summation strategies of {@link TuckerSummation}, selectable by name ({@link #byName}). The
 * letters refer to the algorithms of the Tucker-summation spec ({@code docs/tucker-summation.md}).
 */
public enum SummationStrategy {
    /**
     * B1: form the full tensor \(\sum_j \alpha_j \operatorname{full}(\mathcal X_j)\), then ST-HOSVD.
     * Memory \(\prod_k n_k\): refuses above {@link SummationOptions#sizeLimit()}.
     */
    DIRECT,
    /**
     * B2: formal sum, QR of the concatenated factors, dense core of \(\prod_k \min(n_k, R_k)\) entries,
     * ST-HOSVD of the core. Deterministic; the baseline the sketched strategies are measured against.
     */
    FORMAL_QR_ROUNDING,
    /** B3: Khatri–Rao sketches of every unfolding, exact core projection, fixed target rank. */
    SKETCHED,
    /** B3s: as {@link #SKETCHED} but mode by mode on the progressively compressed sum (randomized ST-HOSVD). */
    SKETCHED_SEQUENTIAL,
    /** B4: one pass, summands streamed and not kept; Khatri–Rao factor sketches plus a Kronecker core sketch. */
    ONE_PASS,
    /** B5: tolerance-driven; grows each basis blockwise until a randomized error estimate meets the tolerance. */
    ADAPTIVE;

    /**
     * The strategy with the given name, ignoring case and treating {@code -} like {@code _} (so
     * {@code "formal-qr-rounding"} and {@code "FORMAL_QR_ROUNDING"} both work).
     *
     * @param name the name
     * @return the strategy
     * @throws NullPointerException     if {@code name} is null
     * @throws IllegalArgumentException if no strategy has that name (the message lists the names)
     */
    public static SummationStrategy byName(String name) {
        Objects.requireNonNull(name, "name");
        String key = name.trim().replace('-', '_').toUpperCase(Locale.ROOT);
        for (SummationStrategy s : values()) {
            if (s.name().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException(
                "unknown summation strategy '" + name + "'; known: " + Arrays.toString(values()));
    }

    /**
     * Whether the strategy draws random numbers (and so depends on the state passed to {@link
     * TuckerSummation#sum}).
     *
     * @return false for {@link #DIRECT} and {@link #FORMAL_QR_ROUNDING}
     */
    public boolean isRandomized() {
        return this != DIRECT && this != FORMAL_QR_ROUNDING;
    }

    /**
     * Whether the strategy needs target ranks in the {@link dev.nla.tensor.decomp.Truncation}.
     *
     * @return true for the fixed-rank sketched strategies
     */
    public boolean needsRanks() {
        return this == SKETCHED || this == SKETCHED_SEQUENTIAL || this == ONE_PASS;
    }

    /**
     * The lower-case hyphenated name, e.g. {@code "formal-qr-rounding"}.
     *
     * @return the display name
     */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
