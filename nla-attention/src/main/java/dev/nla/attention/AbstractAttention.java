package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * Base class of attention methods: {@link #compute} validates once with {@link AttentionChecks},
 * converts sparse inputs to dense, evaluates the scale and calls {@link #computeValidated}. A new
 * method extends this class, passes its registry entry (whose name and causal support are the
 * method's {@link #name()} and {@link #supportsCausal()}, so the two cannot disagree) and implements
 * {@link #computeValidated}.
 */
public abstract class AbstractAttention implements Attention {
    private final AttentionMethod method;
    private final Scaling scaling;

    /**
     * Creates the method.
     *
     * @param method  the registry entry of the method: its name and causal support
     * @param scaling the score scale
     * @throws NullPointerException if an argument is null
     */
    protected AbstractAttention(AttentionMethod method, Scaling scaling) {
        this.method = Objects.requireNonNull(method, "method");
        this.scaling = Objects.requireNonNull(scaling, "scaling");
    }

    /**
     * The registry name, {@link AttentionMethod#name()} of the entry given at construction.
     *
     * @return the name
     */
    @Override
    public final String name() {
        return method.name();
    }

    /**
     * Whether causal masks are supported, {@link AttentionMethod#supportsCausal()} of the entry given
     * at construction.
     *
     * @return true if causal masks are supported
     */
    @Override
    public final boolean supportsCausal() {
        return method.supportsCausal();
    }

    @Override
    public final Scaling scaling() {
        return scaling;
    }

    /**
     * Validates, then delegates to {@link #computeValidated}.
     *
     * @param q    \(Q\), \(n \times d\); not modified; must be finite
     * @param k    \(K\), \(m \times d\); not modified; must be finite
     * @param v    \(V\), \(m \times d_v\); not modified; must be finite
     * @param mask the mask
     * @return a new \(n \times d_v\) matrix
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an input has a NaN or infinite entry
     * @throws UnsupportedMaskException   if the mask is causal and the method does not support it
     */
    @Override
    public final DenseMatrix compute(Matrix q, Matrix k, Matrix v, AttentionMask mask) {
        AttentionShape shape = AttentionChecks.validate(name(), supportsCausal(), q, k, v, mask);
        return computeValidated(q.toDense(), k.toDense(), v.toDense(), mask, scaling.factor(shape.d()));
    }

    /**
     * The method proper, on validated inputs.
     *
     * @param q     \(Q\), \(n \times d\), finite; not modified (may be a view)
     * @param k     \(K\), \(m \times d\), finite; not modified (may be a view)
     * @param v     \(V\), \(m \times d_v\), finite; not modified (may be a view)
     * @param mask  a mask valid for \(n\) and \(m\), causal only if supported
     * @param scale the score scale \(s \gt 0\)
     * @return a new \(n \times d_v\) matrix
     */
    protected abstract DenseMatrix computeValidated(
            DenseMatrix q, DenseMatrix k, DenseMatrix v, AttentionMask mask, double scale);

    /**
     * A description: the name and the scaling.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return name() + "[scaling " + scaling + "]";
    }
}
