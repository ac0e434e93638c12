package dev.nla.attention.analysis;

/**
 * A value with the cost of computing it.
 *
 * @param value the result
 * @param cost  its cost
 * @param <T>   the type of the result
 */
public record Measured<T>(T value, Cost cost) {}
