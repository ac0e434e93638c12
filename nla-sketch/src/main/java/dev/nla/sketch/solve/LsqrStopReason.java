package dev.nla.sketch.solve;

/**
 * Why {@link Lsqr} stopped: the {@code istop} codes 0–7 of Paige and Saunders [Paige and Saunders
 * 1982, §6], in the same order. See {@link LsqrOptions} for the tests.
 */
public enum LsqrStopReason {
    /**
     * The starting point already solves the normal equations exactly: \(A^{\mathsf T}r_0 = 0\)
     * (for instance \(b = 0\) and no starting point). No iteration was run.
     */
    EXACT_START(true),
    /** Test 1: \(\|r\| \le \mathrm{btol}\,\|b\| + \mathrm{atol}\,\|A\|\,\|x\|\) (consistent system). */
    RESIDUAL_TOLERANCE(true),
    /** Test 2: \(\|A^{\mathsf T}r\| \le \mathrm{atol}\,\|A\|\,\|r\|\) (least-squares solution). */
    NORMAL_EQUATIONS_TOLERANCE(true),
    /** Test 3: the estimate of \(\operatorname{cond}(A)\) reached the condition limit. */
    CONDITION_LIMIT(false),
    /** Test 1 with \(\mathrm{btol}\) and \(\mathrm{atol}\) at machine precision. */
    RESIDUAL_MACHINE_PRECISION(true),
    /** Test 2 with \(\mathrm{atol}\) at machine precision. */
    NORMAL_EQUATIONS_MACHINE_PRECISION(true),
    /** Test 3 with the limit \(1/\varepsilon\): \(A\) is singular to working precision. */
    CONDITION_MACHINE_PRECISION(false),
    /** The iteration limit was reached before any test held. */
    ITERATION_LIMIT(false);

    private final boolean converged;

    LsqrStopReason(boolean converged) {
        this.converged = converged;
    }

    /**
     * Whether this reason means a solution to the requested (or machine) accuracy: true for the
     * tolerance and machine-precision tests on \(r\) and \(A^{\mathsf T}r\) and for {@link
     * #EXACT_START}; false for the condition tests and the iteration limit.
     *
     * @return whether the iteration converged
     */
    public boolean converged() {
        return converged;
    }
}
