package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;

/**
 * An attention method with a single-precision path: inputs, intermediate scores, softmax weights,
 * accumulators and output are all {@code float}. Implemented by the exact methods; compare against
 * the double path to measure float32 error (spec test 21).
 */
public interface FloatAttention {
    /**
     * Single-precision attention, same definition and validation as {@link Attention#compute}.
     *
     * @param q    \(Q\), \(n \times d\); not modified; must be finite
     * @param k    \(K\), \(m \times d\); not modified; must be finite
     * @param v    \(V\), \(m \times d_v\); not modified; must be finite
     * @param mask the mask
     * @return a new \(n \times d_v\) float matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     * @throws UnsupportedMaskException   if the mask is causal and the method does not support it
     */
    FloatMatrix computeFloat(FloatMatrix q, FloatMatrix k, FloatMatrix v, AttentionMask mask);
}
