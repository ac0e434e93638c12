package dev.nla.bench.experiments;

import dev.nla.bench.experiments.attention.AttentionAccuracyExperiment;
import dev.nla.bench.experiments.attention.AttentionCostExperiment;
import dev.nla.bench.experiments.attention.AttentionSpectrumExperiment;
import dev.nla.bench.experiments.attention.MlaConversionExperiment;
import dev.nla.bench.experiments.core.DecompAccuracyExperiment;
import dev.nla.bench.experiments.core.GemmScalingExperiment;
import dev.nla.bench.experiments.sketch.RandnlaLowRankExperiment;
import dev.nla.bench.experiments.sketch.RandnlaSolversExperiment;
import dev.nla.bench.experiments.tensor.TuckerCookieExperiment;
import dev.nla.bench.experiments.tensor.TuckerDgExperiment;
import dev.nla.bench.experiments.tensor.TuckerSyntheticExperiment;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The registry of experiments known to {@code nla reproduce} and {@code nla list}.
 *
 * <p><b>Adding an experiment</b> is one class implementing {@link Experiment} plus one line in
 * {@link #REGISTERED}. A plain list (rather than {@link java.util.ServiceLoader}) keeps the
 * registration in one place that works the same on the class path and the module path, and
 * fixes the order in which {@code nla reproduce all} runs them (cheap experiments first).
 *
 * <p><b>Groups</b> name several experiments at once (e.g. {@code randnla}: everything the issue of
 * {@code nla-sketch} asks {@code nla reproduce randnla} to show). {@code nla reproduce <group>} runs
 * the members, each into its own directory {@code DIR/<member>/} exactly as when run alone, and
 * writes the index {@code DIR/README.md} linking their reports. A group is not an experiment, so
 * {@code nla reproduce all} runs every experiment once.
 */
public final class Experiments {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Every experiment, in the order {@code reproduce all} runs them. Add new experiments here. */
    private static final List<Experiment> REGISTERED = List.of(
            // nla-core kernels and decompositions
            new GemmScalingExperiment(),
            new DecompAccuracyExperiment(),
            // nla-sketch low-rank approximation and sketch types; solvers and estimators
            new RandnlaLowRankExperiment(),
            new RandnlaSolversExperiment(),
            // nla-tensor
            new TuckerSyntheticExperiment(),
            new TuckerDgExperiment(),
            new TuckerCookieExperiment(),
            // nla-attention
            new AttentionSpectrumExperiment(),
            new MlaConversionExperiment(),
            new AttentionCostExperiment(),
            new AttentionAccuracyExperiment());

    /** Named groups of registered experiments, in the order {@code nla list} shows them. */
    private static final List<Group> GROUPS = List.of(new Group(
            "randnla",
            "randomized numerical linear algebra (nla-sketch): randnla-lowrank and randnla-solvers",
            List.of("randnla-lowrank", "randnla-solvers")));

    static {
        validate(REGISTERED);
        validateGroups(GROUPS, REGISTERED);
    }

    /**
     * A named group of experiments.
     *
     * @param name        the group's name on the command line; follows the experiment naming rule
     * @param description a one-line description for {@code nla list}
     * @param members     the names of the member experiments, in run order; at least one
     */
    public record Group(String name, String description, List<String> members) {
        /**
         * Validates and copies the members.
         *
         * @param name        the group's name
         * @param description the description
         * @param members     the member names; copied
         * @throws NullPointerException     if an argument or a member is null
         * @throws IllegalArgumentException if there are no members
         */
        public Group {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("experiment group '" + name + "' has no members");
            }
        }
    }

    private Experiments() {}

    /**
     * All registered experiments, in run order.
     *
     * @return an unmodifiable list
     */
    public static List<Experiment> all() {
        return REGISTERED;
    }

    /**
     * The names of all registered experiments, in run order.
     *
     * @return an unmodifiable list
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Experiment e : REGISTERED) {
            names.add(e.name());
        }
        return List.copyOf(names);
    }

    /**
     * The experiment with the given name.
     *
     * @param name an experiment name
     * @return the experiment, or empty if none has that name
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<Experiment> find(String name) {
        Objects.requireNonNull(name, "name");
        for (Experiment e : REGISTERED) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    /**
     * The registered groups, in the order {@code nla list} shows them.
     *
     * @return an unmodifiable list
     */
    public static List<Group> groups() {
        return GROUPS;
    }

    /**
     * The experiments a command-line name stands for: the experiment of that name, or the members
     * of the group of that name, in run order.
     *
     * @param name an experiment or group name
     * @return the experiments, or empty if the name is neither
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<List<Experiment>> select(String name) {
        Optional<Experiment> single = find(name);
        if (single.isPresent()) {
            return Optional.of(List.of(single.get()));
        }
        for (Group g : GROUPS) {
            if (g.name().equals(name)) {
                List<Experiment> members = new ArrayList<>();
                for (String member : g.members()) {
                    members.add(find(member).orElseThrow());
                }
                return Optional.of(List.copyOf(members));
            }
        }
        return Optional.empty();
    }

    /**
     * Checks groups against a list of experiments: well-formed names that no experiment and no
     * other group uses, and members that are experiments of the list (public so tests can check
     * their own lists).
     *
     * @param groups      the groups to check
     * @param experiments the experiments they may name
     * @throws NullPointerException     if a list or an element is null
     * @throws IllegalArgumentException if a group name is malformed, {@code all}, or taken, a
     *     description is blank, or a member is not in {@code experiments}
     */
    public static void validateGroups(List<Group> groups, List<Experiment> experiments) {
        Set<String> experimentNames = new HashSet<>();
        for (Experiment e : experiments) {
            experimentNames.add(e.name());
        }
        Set<String> seen = new HashSet<>();
        for (Group g : groups) {
            Objects.requireNonNull(g, "group");
            if (!NAME.matcher(g.name()).matches() || g.name().equals("all")) {
                throw new IllegalArgumentException("experiment group name '" + g.name()
                        + "' must be lower-case letters and digits separated by single hyphens, and not 'all'");
            }
            if (experimentNames.contains(g.name()) || !seen.add(g.name())) {
                throw new IllegalArgumentException(
                        "experiment group name '" + g.name() + "' is already taken by an experiment or a group");
            }
            if (g.description().isBlank()) {
                throw new IllegalArgumentException("experiment group '" + g.name() + "' needs a description");
            }
            for (String member : g.members()) {
                if (!experimentNames.contains(member)) {
                    throw new IllegalArgumentException(
                            "experiment group '" + g.name() + "' names unknown experiment '" + member + "'");
                }
            }
        }
    }

    /**
     * Checks that names are well formed and unique (run once for the registry; public so tests
     * and extensions can check their own lists).
     *
     * @param experiments the experiments to check
     * @throws NullPointerException     if the list or an element is null
     * @throws IllegalArgumentException if a name is malformed, duplicated or {@code all}, or a
     *     description is blank
     */
    public static void validate(List<Experiment> experiments) {
        Set<String> seen = new HashSet<>();
        for (Experiment e : experiments) {
            Objects.requireNonNull(e, "experiment");
            String name = e.name();
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException(
                        "experiment name '" + name + "' of " + e.getClass().getName()
                                + " must be lower-case letters and digits separated by single hyphens");
            }
            if (name.equals("all")) {
                throw new IllegalArgumentException("'all' is reserved and cannot name an experiment");
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("two experiments are named '" + name + "'");
            }
            if (e.description() == null || e.description().isBlank()) {
                throw new IllegalArgumentException("experiment '" + name + "' needs a description");
            }
        }
    }
}
