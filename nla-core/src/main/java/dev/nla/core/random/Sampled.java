package dev.nla.core.random;

import java.util.Objects;

/**
 * A value produced from randomness, paired with the state that follows it.
 *
 * <p>Methods that consume randomness take an {@link RngState} and return a {@code Sampled}: the
 * caller feeds {@link #next()} to the next random step, so a chain of computations is reproducible
 * from its first state and no state is ever mutated.
 *
 * @param value the sampled value; never null
 * @param next  the state to use for the next random step; never null
 * @param <T>   type of the value
 */
public record Sampled<T>(T value, RngState next) {
    /**
     * Validates the components.
     *
     * @param value the sampled value; never null
     * @param next  the state to use for the next random step; never null
     * @throws NullPointerException if {@code value} or {@code next} is null
     */
    public Sampled {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(next, "next");
    }
}
