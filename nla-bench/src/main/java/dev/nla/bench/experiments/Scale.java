package dev.nla.bench.experiments;

import java.util.Locale;
import java.util.Objects;

/**
 * How big an experiment run is. Each experiment maps the scale to its own problem sizes and
 * repetition counts and documents the mapping.
 */
public enum Scale {
    /** Seconds: the smallest sizes, to check that the wiring works (tests and CI). Results are not meaningful. */
    SMOKE,
    /** About a minute or less per experiment: the default, shows the trends. */
    QUICK,
    /** The sizes of the papers' figures: minutes to hours. */
    PAPER;

    /**
     * The lower-case name used on the command line and in manifests.
     *
     * @return {@code smoke}, {@code quick} or {@code paper}
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a label, ignoring case and surrounding white space.
     *
     * @param label {@code smoke}, {@code quick} or {@code paper}
     * @return the scale
     * @throws NullPointerException     if {@code label} is null
     * @throws IllegalArgumentException if the label names no scale; the message lists the valid ones
     */
    public static Scale parse(String label) {
        Objects.requireNonNull(label, "label");
        for (Scale s : values()) {
            if (s.label().equals(label.strip().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown scale '" + label + "'; valid: smoke, quick, paper");
    }
}
