package dev.nla.attention;

import dev.nla.core.random.RngState;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A registry entry: how to create an attention method by name, with the facts experiments need to
 * treat every method alike (family, causal support, whether it is random, what its size parameter
 * means). Each method class declares its entry as a constant ({@code public static final
 * AttentionMethod METHOD}) and {@link AttentionMethods} lists it: one class plus one line.
 *
 * @param name           registry name, lower-case words joined by hyphens
 * @param description    one line: the formula or the idea
 * @param family         the numerical principle (the survey's taxonomy)
 * @param supportsCausal whether created instances honour causal masks
 * @param randomized     whether the instances depend on the {@link RngState} given to {@link
 *     #create}
 * @param parameter      what the integer given to {@link #create} means (e.g. {@code "rank"}, {@code
 *     "features"}, {@code "window"}), or {@code "none"} if it is ignored
 * @param factory        creates an instance
 */
public record AttentionMethod(
        String name,
        String description,
        Family family,
        boolean supportsCausal,
        boolean randomized,
        String parameter,
        Factory factory) {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** The value of {@link #parameter()} for methods without a size parameter. */
    public static final String NO_PARAMETER = "none";

    /**
     * Validates the entry.
     *
     * @param name           the name
     * @param description    the description
     * @param family         the family
     * @param supportsCausal causal support
     * @param randomized     whether random
     * @param parameter      the parameter's meaning
     * @param factory        the factory
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if the name is not lower-case words joined by hyphens or the
     *     description is blank
     */
    public AttentionMethod {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(parameter, "parameter");
        Objects.requireNonNull(factory, "factory");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "method name '" + name + "' must be lower-case letters and digits joined by single hyphens");
        }
        if (description.isBlank()) {
            throw new IllegalArgumentException("method '" + name + "' needs a description");
        }
    }

    /**
     * Creates an instance.
     *
     * @param size  the size parameter (rank, features, window, ...); ignored if {@link #parameter()}
     *     is {@value #NO_PARAMETER}
     * @param state randomness for randomized methods; ignored by deterministic ones
     * @return the method
     * @throws NullPointerException     if {@code state} is null
     * @throws IllegalArgumentException if the factory rejects {@code size}
     */
    public Attention create(int size, RngState state) {
        Objects.requireNonNull(state, "state");
        return factory.create(size, state);
    }

    /** The numerical principle a method exploits. */
    public enum Family {
        /** Exact attention (dense, streaming, cached). */
        EXACT,
        /** Sparsity and clustering: windows, block sparsity, top-k, LSH buckets, clusters. */
        SPARSITY_AND_CLUSTERING,
        /** Low-rank and subspace projection: Nyström-like skeletons, truncated SVD. */
        LOW_RANK,
        /** Randomized sketching and sampling along the sequence axis. */
        SKETCHING_AND_SAMPLING,
        /** Kernel reformulations and random features: linear attention, Performer, cosFormer. */
        KERNEL,
        /** Tensor decompositions. */
        TENSOR
    }

    /** Creates a method instance from its size parameter and random state. */
    @FunctionalInterface
    public interface Factory {
        /**
         * Creates the method.
         *
         * @param size  the size parameter
         * @param state the random state
         * @return the method
         */
        Attention create(int size, RngState state);
    }
}
