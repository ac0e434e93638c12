package dev.nla.bench.jmh;

import java.util.List;
import java.util.Objects;

/**
 * A named group of benchmark classes run together by {@code nla bench <suite>}.
 *
 * @param name        the suite name on the command line, e.g. {@code gemm}
 * @param description one line for {@code nla list}
 * @param targets     the benchmark classes, run in this order
 */
public record BenchSuite(String name, String description, List<BenchTarget> targets) {
    /**
     * Validates and copies the components.
     *
     * @param name        the suite name on the command line, e.g. {@code gemm}
     * @param description one line for {@code nla list}
     * @param targets     the benchmark classes, run in this order
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if {@code targets} is empty
     */
    public BenchSuite {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        targets = List.copyOf(targets);
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("suite " + name + " has no benchmarks");
        }
    }

    /**
     * Convenience constructor.
     *
     * @param name        the suite name
     * @param description one line for {@code nla list}
     * @param targets     the benchmark classes, at least one
     * @return the suite
     * @throws IllegalArgumentException if no target is given
     */
    public static BenchSuite of(String name, String description, BenchTarget... targets) {
        return new BenchSuite(name, description, List.of(targets));
    }
}
