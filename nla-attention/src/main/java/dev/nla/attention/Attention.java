package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/**
 * An attention method: \(O \approx \operatorname{softmax}_{\text{row}}(sQK^{\mathsf T} + M)\,V\),
 * exact or approximate.
 *
 * <p>Shapes (row convention): \(Q \in \mathbb{R}^{n \times d}\), \(K \in \mathbb{R}^{m \times d}\),
 * \(V \in \mathbb{R}^{m \times d_v}\), output \(n \times d_v\), with \(n, m, d, d_v \ge 1\). The scale
 * \(s\) is {@link #scaling()}{@code .factor(d)}; \(M\) is the {@link AttentionMask}.
 *
 * <p>Every implementation validates its inputs once (shapes, finiteness, mask) before any work, with
 * the exceptions listed below; {@link AbstractAttention} does this for subclasses, so a new method is
 * one class that extends it. Randomized methods receive their {@code RngState} when they are created,
 * so {@link #compute} is a deterministic function of its arguments and the method object.
 */
public interface Attention {
    /**
     * The method's registry name, lower-case words joined by hyphens (e.g. {@code "online-softmax"}).
     *
     * @return the name
     */
    String name();

    /**
     * Whether the method honours a causal mask exactly (query \(i\) never depends on keys or values
     * after position \(i\)). Methods that cannot refuse causal masks with {@link
     * UnsupportedMaskException}.
     *
     * @return {@code true} if causal masks are supported
     */
    boolean supportsCausal();

    /**
     * The score scale.
     *
     * @return the scaling (default \(1/\sqrt d\))
     */
    Scaling scaling();

    /**
     * Attention of \(n\) queries over \(m\) keys and values.
     *
     * @param q    \(Q\), \(n \times d\); not modified; must be finite
     * @param k    \(K\), \(m \times d\); not modified; must be finite
     * @param v    \(V\), \(m \times d_v\); not modified; must be finite
     * @param mask the mask; {@link AttentionMask#NONE} for none
     * @return a new \(n \times d_v\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if \(n\), \(m\), \(d\) or \(d_v\) is 0, or the mask leaves a
     *     query without keys
     * @throws DimensionMismatchException if \(Q\) and \(K\) differ in columns, \(K\) and \(V\) in
     *     rows, or the padding mask does not have \(m\) flags
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     * @throws UnsupportedMaskException   if the mask is causal and {@link #supportsCausal()} is false
     */
    DenseMatrix compute(Matrix q, Matrix k, Matrix v, AttentionMask mask);

    /**
     * Unmasked attention, {@code compute(q, k, v, AttentionMask.NONE)}.
     *
     * @param q \(Q\), \(n \times d\); not modified; must be finite
     * @param k \(K\), \(m \times d\); not modified; must be finite
     * @param v \(V\), \(m \times d_v\); not modified; must be finite
     * @return a new \(n \times d_v\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     */
    default DenseMatrix compute(Matrix q, Matrix k, Matrix v) {
        return compute(q, k, v, AttentionMask.NONE);
    }
}
