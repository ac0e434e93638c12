package dev.nla.sketch.rangefinder;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;

/**
 * A randomized range finder: computes an orthonormal \(Q \in \mathbb{R}^{m \times r}\) whose range
 * approximates that of \(A \in \mathbb{R}^{m \times n}\), together with \(B = Q^{\mathsf T}A\), so
 * that \(A \approx QB\) with error \(\|A - QB\|_F = \|(I - QQ^{\mathsf T})A\|_F\) [HMT 2011, §4].
 *
 * <p>The size parameter \(\ell\) is interpreted by each finder: the basis size of a fixed-rank
 * finder ({@link SubspaceIteration}), the largest rank of an adaptive one ({@link AdaptiveQb}), the
 * block size of a Krylov finder ({@link BlockKrylov}). It is capped at \(\min(m, n)\).
 *
 * <p>Implementations are immutable and thread-safe; they draw all randomness from the given state.
 */
public interface RangeFinder {
    /**
     * Finds the range of an operator.
     *
     * @param a     \(A\), an \(m \times n\) operator (dense, sparse or matrix-free); not modified; an
     *     explicit matrix must be finite (it is scanned once)
     * @param size  \(\ell \ge 1\), interpreted by the finder (see the class comment)
     * @param state the random stream; not modified
     * @return the QB factorization and the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code size < 1} or \(A\) has no rows or columns
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    Sampled<QbResult> find(LinearOperator a, int size, RngState state);

    /**
     * Finds the range of a dense or sparse matrix: {@code find(LinearOperator.of(a), size, state)}.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param size  \(\ell \ge 1\)
     * @param state the random stream; not modified
     * @return the QB factorization and the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if {@code size < 1} or \(A\) has no rows or columns
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    default Sampled<QbResult> find(Matrix a, int size, RngState state) {
        return find(CheckedOperator.of(a, "a"), size, state);
    }
}
