package dev.nla.sketch.lowrank;

import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import java.util.Objects;

/**
 * Randomized interpolative decompositions, one-sided \(A \approx A(:, J)X\) and two-sided \(A
 * \approx W\,A(I, J)\,X\) [HMT 2011, §5.2; Voronin and Martinsson 2017; Martinsson and Tropp 2020,
 * §13].
 *
 * <p><b>Algorithm.</b> A range finder gives \(A \approx QB\), \(B = Q^{\mathsf T}A \in
 * \mathbb{R}^{\ell \times n}\), \(\ell = k + p\) (the "sketch" of the row space). QR with column
 * pivoting of \(B\) stopped after \(k\) steps, \(BP = Q_B[R_{11}\ R_{12}]\), gives the skeleton
 * \(J\) = the first \(k\) pivots and \(X = [I\ \ R_{11}^{-1}R_{12}]P^{\mathsf T}\), so that \(B
 * \approx B(:, J)X\) and hence \(A \approx QB \approx QB(:, J)X \approx A(:, J)X\). The rank is
 * lowered to the numerical rank of \(B\) if that is below \(k\) (\(|r_{jj}| \le \max(\ell,
 * n)2^{-52}|r_{11}|\)). The two-sided ID then takes a column-pivoted QR of \(C^{\mathsf T} =
 * A(:, J)^{\mathsf T}\) (\(k \times m\), exact rank \(k\)) for the rows \(I\) and \(W\) with \(C =
 * W\,C(I, :)\).
 *
 * <p><b>Guarantee.</b> For the exact ID with a strong rank-revealing QR, \(\|A - A(:, J)X\|_2 \le
 * \sqrt{1 + k(n - k)}\,\sigma_{k+1}\) [Gu and Eisenstat 1996]; the randomized ID replaces
 * \(\sigma_{k+1}\) by the range-finder error \(\|A - QQ^{\mathsf T}A\|_2\) (bounded in {@link
 * RandomizedSvd}) up to the factor \(1 + \|X\|_2\) [HMT 2011, Lemma 5.1; Martinsson and Tropp 2020,
 * §13.2]. Businger–Golub pivoting (used here) meets the strong bound on all but adversarial (Kahan)
 * matrices.
 *
 * <p><b>Cost.</b> The range finder's \(2q + 2\) passes; QRCP of the \(\ell \times n\) matrix \(B\)
 * (\(O(n\ell k)\)); extracting \(A(:, J)\) and \(A(I, J)\) reads entries of an explicit matrix and
 * costs one pass each for a matrix-free operator.
 */
public final class InterpolativeDecomposition {
    private final InterpolativeOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public InterpolativeDecomposition(InterpolativeOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public InterpolativeOptions options() {
        return options;
    }

    /**
     * One-sided (column) ID of a dense or sparse matrix.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param state the random stream; not modified
     * @return the columns \(J\), \(C = A(:, J)\) and \(X\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<ColumnId> columns(Matrix a, RngState state) {
        return columns(CheckedOperator.of(a, "a"), state);
    }

    /**
     * One-sided (column) ID of an operator.
     *
     * @param a     \(A\), an \(m \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return the columns \(J\), \(C = A(:, J)\) and \(X\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    public Sampled<ColumnId> columns(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int k = options.rank();
        RandomizedSvd.checkRank(k, ca.rows(), ca.cols());
        int ell = Math.min(k + options.oversampling(), Math.min(ca.rows(), ca.cols()));
        Sampled<QbResult> qb = new SubspaceIteration(options.rangeFinder()).find(ca, ell, state);
        Skeletons.Interpolation id = Skeletons.columnInterpolation(qb.value().b(), k);
        DenseMatrix c = Skeletons.columns(ca, id.indices());
        boolean free = Skeletons.isMatrixFree(ca);
        ColumnId result = new ColumnId(
                id.indices(),
                c,
                id.coefficients(),
                qb.value().passes() + (free ? 1 : 0),
                qb.value().matvecs() + (free ? id.indices().length : 0));
        return new Sampled<>(result, qb.next());
    }

    /**
     * Two-sided ID of a dense or sparse matrix.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param state the random stream; not modified
     * @return \(I\), \(J\), \(W\), \(A(I, J)\) and \(X\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     * @throws ArithmeticException      if the skeleton columns are numerically dependent
     */
    public Sampled<TwoSidedId> twoSided(Matrix a, RngState state) {
        return twoSided(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Two-sided ID of an operator.
     *
     * @param a     \(A\), an \(m \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return \(I\), \(J\), \(W\), \(A(I, J)\) and \(X\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     * @throws ArithmeticException      if the skeleton columns are numerically dependent, so that no
     *     \(k\) rows interpolate them (only possible when \(A(:, J)\) is singular to working precision)
     */
    public Sampled<TwoSidedId> twoSided(LinearOperator a, RngState state) {
        Sampled<ColumnId> col = columns(a, state);
        ColumnId c = col.value();
        int t = c.rank();
        Skeletons.Interpolation rowId =
                Skeletons.columnInterpolation(c.skeleton().transpose(), t, false);
        int[] rows = rowId.indices();
        DenseMatrix skeleton = DenseMatrix.zeros(t, t);
        for (int j = 0; j < t; j++) {
            for (int i = 0; i < t; i++) {
                skeleton.set(i, j, c.skeleton().get(rows[i], j));
            }
        }
        TwoSidedId result = new TwoSidedId(
                rows,
                c.columns(),
                rowId.coefficients().transpose(),
                skeleton,
                c.interpolation(),
                c.passes(),
                c.matvecs());
        return new Sampled<>(result, col.next());
    }

    @Override
    public String toString() {
        return "InterpolativeDecomposition" + options;
    }
}
