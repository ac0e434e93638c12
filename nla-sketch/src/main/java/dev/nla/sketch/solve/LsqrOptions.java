package dev.nla.sketch.solve;

import dev.nla.core.error.Require;

/**
 * Stopping rules of {@link Lsqr} [Paige and Saunders 1982, §6].
 *
 * <p>With \(r_k = b - Ax_k\) and the running estimates \(\|A\|\) (Frobenius norm of the
 * bidiagonal matrix built so far, \(\le \|A\|_F\)) and \(\operatorname{cond}(A)\), the iteration stops
 * at the first \(k\) where
 *
 * <ol>
 *   <li>\(\|r_k\| \le \mathrm{btol}\,\|b\| + \mathrm{atol}\,\|A\|\,\|x_k\|\) (a solution of a
 *       consistent system, to the accuracy of the data), or
 *   <li>\(\|A^{\mathsf T}r_k\| \le \mathrm{atol}\,\|A\|\,\|r_k\|\) (a least-squares solution: the
 *       residual is orthogonal to the range of \(A\) up to \(\mathrm{atol}\)), or
 *   <li>\(\operatorname{cond}(A) \ge \mathrm{conditionLimit}\), or one of the three tests above
 *       with the tolerance replaced by machine precision holds, or \(k = \mathrm{maxIterations}\).
 * </ol>
 *
 * <p>Paige and Saunders advise setting \(\mathrm{atol}\) and \(\mathrm{btol}\) to the relative
 * accuracy of \(A\) and \(b\): the forward error of the result is then about \(\mathrm{atol}\cdot
 * \operatorname{cond}(A)\). The defaults ({@link #defaults()}) are \(\mathrm{atol} = \mathrm{btol} =
 * 10^{-10}\), \(\mathrm{conditionLimit} = 10^8\) (Paige and Saunders', SciPy's) and at most 1000
 * iterations. {@link SketchAndPrecondition} uses tighter ones ({@link #preconditioned()}), since
 * there \(A\) is the well-conditioned \(AR^{-1}\).
 *
 * @param atol           relative accuracy of \(A\), \(\ge 0\), finite
 * @param btol           relative accuracy of \(b\), \(\ge 0\), finite
 * @param conditionLimit stop when the estimate of \(\operatorname{cond}(A)\) reaches this, \(\gt 0\);
 *     {@code Double.POSITIVE_INFINITY} disables the test
 * @param maxIterations  most iterations \(\ge 0\) (each costs one product with \(A\) and one with
 *     \(A^{\mathsf T}\)); 0 returns the starting point
 */
public record LsqrOptions(double atol, double btol, double conditionLimit, int maxIterations) {
    /** Default {@link #atol()} and {@link #btol()}. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    /** Default {@link #conditionLimit()}. */
    public static final double DEFAULT_CONDITION_LIMIT = 1e8;

    /** Default {@link #maxIterations()}. */
    public static final int DEFAULT_MAX_ITERATIONS = 1000;

    /** {@link #atol()} and {@link #btol()} of {@link #preconditioned()}. */
    public static final double PRECONDITIONED_TOLERANCE = 1e-14;

    /** {@link #maxIterations()} of {@link #preconditioned()}. */
    public static final int PRECONDITIONED_MAX_ITERATIONS = 100;

    /**
     * Validates the options.
     *
     * @param atol           relative accuracy of \(A\), \(\ge 0\), finite
     * @param btol           relative accuracy of \(b\), \(\ge 0\), finite
     * @param conditionLimit \(\gt 0\), may be infinite
     * @param maxIterations  \(\ge 0\)
     * @throws IllegalArgumentException if a tolerance is negative, NaN or infinite, {@code
     *     conditionLimit} is not positive (or NaN), or {@code maxIterations} is negative; the
     *     message names the value
     */
    public LsqrOptions {
        Require.nonNegative("atol", atol);
        Require.nonNegative("btol", btol);
        if (!(conditionLimit > 0)) {
            throw new IllegalArgumentException("conditionLimit must be positive, got " + conditionLimit);
        }
        Require.nonNegative("maxIterations", maxIterations);
    }

    /**
     * The defaults for a general operator: \(\mathrm{atol} = \mathrm{btol} = 10^{-10}\),
     * \(\mathrm{conditionLimit} = 10^8\), 1000 iterations.
     *
     * @return the options
     */
    public static LsqrOptions defaults() {
        return new LsqrOptions(DEFAULT_TOLERANCE, DEFAULT_TOLERANCE, DEFAULT_CONDITION_LIMIT, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * The defaults of {@link SketchAndPrecondition}: \(\mathrm{atol} = \mathrm{btol} = 10^{-14}\)
     * (near machine precision, so that the result matches a direct solve), no condition limit, at
     * most 100 iterations. The preconditioned operator has condition number about \((1 +
     * \varepsilon)/(1 - \varepsilon)\) for a sketch of distortion \(\varepsilon\), so LSQR gains a
     * fixed number of digits per iteration and 100 iterations are a safety net (measured: about 36
     * with the default sketch size \(d = 4n\), 57 with \(d = 2n\)).
     *
     * @return the options
     */
    public static LsqrOptions preconditioned() {
        return new LsqrOptions(
                PRECONDITIONED_TOLERANCE,
                PRECONDITIONED_TOLERANCE,
                Double.POSITIVE_INFINITY,
                PRECONDITIONED_MAX_ITERATIONS);
    }

    /**
     * A copy with both tolerances set to {@code tolerance}.
     *
     * @param tolerance \(\mathrm{atol} = \mathrm{btol}\), \(\ge 0\), finite
     * @return the new options
     * @throws IllegalArgumentException if {@code tolerance} is negative, NaN or infinite
     */
    public LsqrOptions withTolerance(double tolerance) {
        return new LsqrOptions(tolerance, tolerance, conditionLimit, maxIterations);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param iterations \(\ge 0\)
     * @return the new options
     * @throws IllegalArgumentException if {@code iterations} is negative
     */
    public LsqrOptions withMaxIterations(int iterations) {
        return new LsqrOptions(atol, btol, conditionLimit, iterations);
    }

    /**
     * A copy with another condition limit.
     *
     * @param limit \(\gt 0\), may be infinite
     * @return the new options
     * @throws IllegalArgumentException if {@code limit} is not positive
     */
    public LsqrOptions withConditionLimit(double limit) {
        return new LsqrOptions(atol, btol, limit, maxIterations);
    }
}
