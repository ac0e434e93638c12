package dev.nla.attention;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * The one validation every attention method runs before any work: non-null arguments, \(n, m, d, d_v
 * \ge 1\), \(Q\) and \(K\) with the same number of columns, \(K\) and \(V\) with the same number of
 * rows, finite entries (one \(O((n+m)d)\) scan, cheap next to the \(O(nmd)\) work), a mask that fits
 * and that the method supports.
 */
public final class AttentionChecks {
    private AttentionChecks() {}

    /**
     * Validates a double-precision problem.
     *
     * @param method         name of the method, for messages
     * @param supportsCausal whether the method honours causal masks
     * @param q              \(Q\); not modified
     * @param k              \(K\); not modified
     * @param v              \(V\); not modified
     * @param mask           the mask
     * @return the dimensions
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     * @throws UnsupportedMaskException   if the mask is causal and the method does not support it
     */
    public static AttentionShape validate(
            String method, boolean supportsCausal, Matrix q, Matrix k, Matrix v, AttentionMask mask) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        AttentionShape shape =
                shape(method, supportsCausal, q.rows(), q.cols(), k.rows(), k.cols(), v.rows(), v.cols(), mask);
        Require.allFinite("Q", q);
        Require.allFinite("K", k);
        Require.allFinite("V", v);
        return shape;
    }

    /**
     * Validates a single-precision problem.
     *
     * @param method         name of the method, for messages
     * @param supportsCausal whether the method honours causal masks
     * @param q              \(Q\); not modified
     * @param k              \(K\); not modified
     * @param v              \(V\); not modified
     * @param mask           the mask
     * @return the dimensions
     * @throws NullPointerException       if an argument is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws NonFiniteValueException    if an entry is NaN or infinite
     * @throws UnsupportedMaskException   if the mask is causal and the method does not support it
     */
    public static AttentionShape validate(
            String method, boolean supportsCausal, FloatMatrix q, FloatMatrix k, FloatMatrix v, AttentionMask mask) {
        Objects.requireNonNull(q, "q");
        Objects.requireNonNull(k, "k");
        Objects.requireNonNull(v, "v");
        AttentionShape shape =
                shape(method, supportsCausal, q.rows(), q.cols(), k.rows(), k.cols(), v.rows(), v.cols(), mask);
        q.requireFinite("Q");
        k.requireFinite("K");
        v.requireFinite("V");
        return shape;
    }

    /**
     * Validates the dimensions and the mask.
     *
     * @param method         name of the method, for messages
     * @param supportsCausal whether the method honours causal masks
     * @param qRows          \(n\)
     * @param qCols          columns of \(Q\)
     * @param kRows          \(m\)
     * @param kCols          columns of \(K\)
     * @param vRows          rows of \(V\)
     * @param vCols          \(d_v\)
     * @param mask           the mask
     * @return the dimensions
     * @throws NullPointerException       if {@code mask} is null
     * @throws IllegalArgumentException   if a dimension is 0 or the mask leaves a query without keys
     * @throws DimensionMismatchException if the shapes do not fit
     * @throws UnsupportedMaskException   if the mask is causal and the method does not support it
     */
    public static AttentionShape shape(
            String method,
            boolean supportsCausal,
            int qRows,
            int qCols,
            int kRows,
            int kCols,
            int vRows,
            int vCols,
            AttentionMask mask) {
        Objects.requireNonNull(mask, "mask");
        if (qCols != kCols) {
            throw new DimensionMismatchException(method + ": Q has d = " + qCols + " columns but K has " + kCols
                    + " (Q is " + qRows + "x" + qCols + ", K is " + kRows + "x" + kCols + ")");
        }
        if (kRows != vRows) {
            throw new DimensionMismatchException(method + ": K has m = " + kRows + " rows but V has " + vRows
                    + " (K is " + kRows + "x" + kCols + ", V is " + vRows + "x" + vCols + ")");
        }
        if (qRows == 0) {
            throw new IllegalArgumentException(method + ": no queries, n = 0 (Q is 0x" + qCols + ")");
        }
        if (kRows == 0) {
            throw new IllegalArgumentException(method + ": no keys, m = 0 (K is 0x" + kCols + ")");
        }
        if (qCols == 0) {
            throw new IllegalArgumentException(method + ": key dimension d = 0 (Q is " + qRows + "x0)");
        }
        if (vCols == 0) {
            throw new IllegalArgumentException(method + ": value dimension d_v = 0 (V is " + vRows + "x0)");
        }
        if (mask.isCausal() && !supportsCausal) {
            throw new UnsupportedMaskException(
                    method + " cannot honour a causal mask: its approximation mixes future keys into every query");
        }
        mask.validate(qRows, kRows);
        return new AttentionShape(qRows, kRows, qCols, vCols);
    }

    /**
     * Requires a size parameter of a method to be at most a size of the problem, e.g. the number of
     * samples at most the number of keys.
     *
     * @param method    the method's name, for the message
     * @param parameter the parameter, e.g. {@code "samples s"}
     * @param value     its value
     * @param bound     what bounds it, e.g. {@code "the number of keys m"}
     * @param limit     the bound's value
     * @throws IllegalArgumentException if {@code value > limit}; the message names both values
     */
    public static void requireAtMost(String method, String parameter, int value, String bound, int limit) {
        if (value > limit) {
            throw new IllegalArgumentException(
                    method + ": " + parameter + " = " + value + " exceeds " + bound + " = " + limit);
        }
    }
}
