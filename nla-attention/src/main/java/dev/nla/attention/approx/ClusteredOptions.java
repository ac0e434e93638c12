package dev.nla.attention.approx;

import dev.nla.attention.Scaling;
import dev.nla.core.error.Require;
import java.util.Objects;

/**
 * Options of {@link ClusteredAttention}.
 *
 * @param clusters   number of centroids \(c \ge 1\) (the method's size parameter; the Routing
 *     Transformer takes \(c \approx \sqrt n\))
 * @param iterations Lloyd iterations \(\ge 0\) of spherical k-means (default {@value
 *     #DEFAULT_ITERATIONS}; 0 keeps the sampled initial centroids)
 * @param keys       how keys are placed (default {@link KeyRouting#QUERY_MEANS})
 * @param scaling    the score scale (default \(1/\sqrt d\))
 */
public record ClusteredOptions(int clusters, int iterations, KeyRouting keys, Scaling scaling) {
    /** How keys are placed in the clusters (see {@link ClusteredAttention}). */
    public enum KeyRouting {
        /** k-means on the queries; each key joins the cluster whose mean query scores it highest. */
        QUERY_MEANS,
        /** k-means on queries and keys together (queries only under a causal mask). */
        JOINT_KMEANS
    }

    /** Default Lloyd iterations. */
    public static final int DEFAULT_ITERATIONS = 10;

    /**
     * Validates the options.
     *
     * @param clusters   \(c\)
     * @param iterations iterations
     * @param keys       key placement
     * @param scaling    the scaling
     * @throws IllegalArgumentException if {@code clusters < 1} or {@code iterations < 0}
     * @throws NullPointerException     if {@code keys} or {@code scaling} is null
     */
    public ClusteredOptions {
        Require.positive("clusters", clusters);
        Require.nonNegative("iterations", iterations);
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * \(c\) clusters, {@value #DEFAULT_ITERATIONS} iterations, scaling \(1/\sqrt d\).
     *
     * @param clusters \(c \ge 1\)
     * @return the options
     * @throws IllegalArgumentException if {@code clusters < 1}
     */
    public static ClusteredOptions of(int clusters) {
        return new ClusteredOptions(
                clusters, DEFAULT_ITERATIONS, KeyRouting.QUERY_MEANS, Scaling.inverseSqrtDimension());
    }

    /**
     * These options with another number of iterations.
     *
     * @param it iterations \(\ge 0\)
     * @return new options
     * @throws IllegalArgumentException if {@code it < 0}
     */
    public ClusteredOptions withIterations(int it) {
        return new ClusteredOptions(clusters, it, keys, scaling);
    }

    /**
     * These options with another key placement.
     *
     * @param routing the placement
     * @return new options
     * @throws NullPointerException if {@code routing} is null
     */
    public ClusteredOptions withKeys(KeyRouting routing) {
        return new ClusteredOptions(clusters, iterations, routing, scaling);
    }

    /**
     * These options with another scaling.
     *
     * @param s the scaling
     * @return new options
     * @throws NullPointerException if {@code s} is null
     */
    public ClusteredOptions withScaling(Scaling s) {
        return new ClusteredOptions(clusters, iterations, keys, s);
    }
}
