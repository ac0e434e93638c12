package dev.nla.attention;

/**
 * The dimensions of one attention problem, as established by {@link AttentionChecks}.
 *
 * @param n  number of queries
 * @param m  number of keys (and values)
 * @param d  query/key dimension
 * @param dv value dimension
 */
public record AttentionShape(int n, int m, int d, int dv) {}
