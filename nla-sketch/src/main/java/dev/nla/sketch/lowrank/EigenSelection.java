package dev.nla.sketch.lowrank;

/**
 * Which \(k\) eigenpairs a randomized eigensolver keeps from its Rayleigh–Ritz approximation
 * (scikit-learn's private {@code _randomized_eigsh} calls these {@code "module"} and {@code
 * "value"}).
 */
public enum EigenSelection {
    /**
     * The \(k\) eigenvalues of largest magnitude, ordered by decreasing \(|\lambda|\): the best
     * rank-\(k\) approximation of a symmetric matrix in any unitarily invariant norm, and what a
     * range finder captures.
     */
    LARGEST_MAGNITUDE,
    /**
     * The \(k\) algebraically largest eigenvalues, in decreasing order. Meaningful when the
     * dominant part of the spectrum is positive (the range finder captures large \(|\lambda|\)).
     */
    LARGEST_ALGEBRAIC
}
