package dev.nla.bench.experiments;

import dev.nla.bench.experiments.attention.AttentionAccuracyExperiment;
import dev.nla.bench.experiments.core.DecompAccuracyExperiment;
import dev.nla.bench.experiments.core.GemmScalingExperiment;
import dev.nla.bench.experiments.sketch.RandnlaSolversExperiment;
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
 */
public final class Experiments {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** Every experiment, in the order {@code reproduce all} runs them. Add new experiments here. */
    private static final List<Experiment> REGISTERED = List.of(
            // nla-core kernels and decompositions
            new GemmScalingExperiment(),
            new DecompAccuracyExperiment(),
            // nla-sketch solvers and estimators
            new RandnlaSolversExperiment(),
            // nla-tensor
            new TuckerSyntheticExperiment(),
            // nla-attention
            new AttentionAccuracyExperiment());

    static {
        validate(REGISTERED);
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
