package dev.nla.attention;

import dev.nla.attention.approx.BigBirdAttention;
import dev.nla.attention.approx.ClusteredAttention;
import dev.nla.attention.approx.CosformerAttention;
import dev.nla.attention.approx.HyperAttention;
import dev.nla.attention.approx.KdeformerAttention;
import dev.nla.attention.approx.LinearAttention;
import dev.nla.attention.approx.LinformerAttention;
import dev.nla.attention.approx.NystromformerAttention;
import dev.nla.attention.approx.PerformerAttention;
import dev.nla.attention.approx.RandomFeatureAttention;
import dev.nla.attention.approx.ReformerAttention;
import dev.nla.attention.approx.SamplingAttention;
import dev.nla.attention.approx.SkyformerAttention;
import dev.nla.attention.approx.SlidingWindowAttention;
import dev.nla.attention.approx.SvdOracleAttention;
import dev.nla.attention.approx.TopKAttention;
import dev.nla.attention.exact.DenseAttention;
import dev.nla.attention.exact.OnlineSoftmaxAttention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of attention methods by name, a plain list as for experiments and benchmark suites
 * (decision 0010): a new method adds its {@code METHOD} constant here and appears in every experiment
 * and command that iterates over {@link #all()}.
 */
public final class AttentionMethods {
    private static final List<AttentionMethod> REGISTERED = List.of(
            // exact
            DenseAttention.METHOD,
            OnlineSoftmaxAttention.METHOD,
            // approximations and kernel reformulations (approx, part B)
            LinformerAttention.METHOD,
            NystromformerAttention.METHOD,
            SkyformerAttention.METHOD,
            PerformerAttention.METHOD,
            RandomFeatureAttention.METHOD,
            LinearAttention.METHOD,
            CosformerAttention.METHOD,
            SvdOracleAttention.METHOD,
            // approximations, sparsity and clustering (issue 8, part A)
            SlidingWindowAttention.METHOD,
            BigBirdAttention.METHOD,
            TopKAttention.METHOD,
            ReformerAttention.METHOD,
            ClusteredAttention.METHOD,
            // approximations, sampling (issue 8, part A)
            SamplingAttention.METHOD,
            KdeformerAttention.METHOD,
            HyperAttention.METHOD);

    static {
        validate(REGISTERED);
    }

    private AttentionMethods() {}

    /**
     * Every registered method, in registry order (exact methods first).
     *
     * @return an unmodifiable list
     */
    public static List<AttentionMethod> all() {
        return REGISTERED;
    }

    /**
     * The names of the registered methods.
     *
     * @return an unmodifiable list of names, in registry order
     */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (AttentionMethod m : REGISTERED) {
            names.add(m.name());
        }
        return List.copyOf(names);
    }

    /**
     * The method with the given name.
     *
     * @param name the registry name
     * @return the method, or empty if none has that name
     * @throws NullPointerException if {@code name} is null
     */
    public static Optional<AttentionMethod> find(String name) {
        Objects.requireNonNull(name, "name");
        return REGISTERED.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * Checks that the names of a list of methods are unique.
     *
     * @param methods the methods
     * @throws IllegalArgumentException if two methods share a name
     * @throws NullPointerException     if an entry is null
     */
    public static void validate(List<AttentionMethod> methods) {
        Set<String> seen = new HashSet<>();
        for (AttentionMethod m : methods) {
            Objects.requireNonNull(m, "method");
            if (!seen.add(m.name())) {
                throw new IllegalArgumentException("two attention methods are named '" + m.name() + "'");
            }
        }
    }
}
