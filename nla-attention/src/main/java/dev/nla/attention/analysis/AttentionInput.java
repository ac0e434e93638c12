package dev.nla.attention.analysis;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;

/**
 * One synthetic attention problem: queries, keys and values with a description of how they were
 * made.
 *
 * @param description the generator and its parameters, e.g. {@code "LowRankQK(n=1024, d=64, r=32,
 *     beta=1.0)"}
 * @param q           \(Q\), \(n \times d\)
 * @param k           \(K\), \(m \times d\)
 * @param v           \(V\), \(m \times d_v\)
 */
public record AttentionInput(String description, DenseMatrix q, DenseMatrix k, DenseMatrix v) {
    /**
     * Validates the shapes.
     *
     * @param description the description
     * @param q           \(Q\)
     * @param k           \(K\)
     * @param v           \(V\)
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(Q, K\) differ in columns or \(K, V\) in rows
     */
    public AttentionInput {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        if (q.cols() != k.cols() || k.rows() != v.rows()) {
            throw new DimensionMismatchException("attention input needs Q n x d, K m x d, V m x d_v; got Q "
                    + q.rows() + "x" + q.cols() + ", K " + k.rows() + "x" + k.cols() + ", V " + v.rows() + "x"
                    + v.cols());
        }
    }

    /**
     * Number of queries \(n\).
     *
     * @return \(n\)
     */
    public int n() {
        return q.rows();
    }

    /**
     * Key dimension \(d\).
     *
     * @return \(d\)
     */
    public int d() {
        return q.cols();
    }
}
