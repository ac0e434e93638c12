package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.PseudoInverse;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import java.util.Objects;

/**
 * Randomized CUR decomposition \(A \approx CUR\), \(C = A(:, J)\), \(R = A(I, :)\), with \(k\)
 * columns and \(k\) rows chosen by a {@link CurSelection}, and the core
 * \[ U = C^{\dagger}AR^{\dagger}, \]
 * the best core for the chosen \(C\) and \(R\) in the Frobenius norm [Mahoney and Drineas 2009].
 *
 * <p><b>Selections.</b> {@link CurSelection#INTERPOLATIVE}: column skeleton of the sketch \(B =
 * Q^{\mathsf T}A\) and row skeleton of \(A(:, J)\), as in {@link InterpolativeDecomposition}
 * [Voronin and Martinsson 2017]. {@link CurSelection#DEIM}: DEIM indices of the top-\(k\) singular
 * vectors of a {@link RandomizedSvd} [Sorensen and Embree 2016]; with exact singular vectors and
 * \(U = C^\dagger AR^\dagger\), \(\|A - CUR\|_2 \le (\eta_p + \eta_q)\sigma_{k+1}\), \(\eta_p =
 * \|U_k(I, :)^{-1}\|_2\), \(\eta_q = \|V_k(J, :)^{-1}\|_2\) [Sorensen and Embree 2016, Thm 4.1].
 * {@link CurSelection#LEVERAGE_SCORES}: indices drawn without replacement proportionally to the
 * leverage scores of the same singular vectors [Mahoney and Drineas 2009].
 *
 * <p><b>Cost.</b> The sketch or randomized SVD (\(2q + 2\) passes), then one pass for \(AR^\dagger\)
 * (and one each for \(C\) and \(R\) on matrix-free operators), plus pseudo-inverses of the \(m \times
 * k\) and \(k \times n\) skeletons (\(O((m + n)k^2)\)).
 */
public final class Cur {
    private final CurOptions options;

    /**
     * The algorithm.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public Cur(CurOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public CurOptions options() {
        return options;
    }

    /**
     * Computes the CUR decomposition of a dense or sparse matrix.
     *
     * @param a     \(A\), \(m \times n\); not modified; must be finite
     * @param state the random stream; not modified
     * @return \(J\), \(I\), \(C\), \(U\), \(R\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if {@code a} holds NaN or an infinity
     */
    public Sampled<CurDecomposition> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the CUR decomposition of an operator.
     *
     * @param a     \(A\), an \(m \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return \(J\), \(I\), \(C\), \(U\), \(R\), with the state to use next
     * @throws NullPointerException     if an argument is null
     * @throws IllegalArgumentException if \(k \gt \min(m, n)\)
     * @throws NonFiniteValueException  if an explicit matrix holds NaN or an infinity
     */
    public Sampled<CurDecomposition> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        int m = ca.rows();
        int n = ca.cols();
        int k = options.rank();
        RandomizedSvd.checkRank(k, m, n);
        int ell = Math.min(k + options.oversampling(), Math.min(m, n));
        int[] columns;
        int[] rows;
        int passes;
        long matvecs;
        RngState next;
        DenseMatrix c;
        if (options.selection() == CurSelection.INTERPOLATIVE) {
            Sampled<QbResult> qb = new SubspaceIteration(options.rangeFinder()).find(ca, ell, state);
            columns = Skeletons.columnInterpolation(qb.value().b(), k).indices();
            c = Skeletons.columns(ca, columns);
            rows = Skeletons.columnInterpolation(c.transpose(), columns.length, true)
                    .indices();
            passes = qb.value().passes();
            matvecs = qb.value().matvecs();
            next = qb.next();
        } else {
            RandomizedSvdOptions svdOptions = RandomizedSvdOptions.builder(k)
                    .oversampling(options.oversampling())
                    .build();
            Sampled<LowRankSvd> run = new RandomizedSvd(
                            svdOptions, new SubspaceIteration(options.rangeFinder()), Decompositions.svd())
                    .compute(ca, state);
            DenseMatrix uk = run.value().u();
            DenseMatrix vk = run.value().vt().transpose();
            if (options.selection() == CurSelection.DEIM) {
                columns = Skeletons.deim(vk);
                rows = Skeletons.deim(uk);
            } else {
                columns = Skeletons.sampleWithoutReplacement(Dense.rowNormsSquared(vk), k, state.split(1));
                rows = Skeletons.sampleWithoutReplacement(Dense.rowNormsSquared(uk), k, state.split(2));
            }
            c = Skeletons.columns(ca, columns);
            passes = run.value().passes();
            matvecs = run.value().matvecs();
            next = run.next();
        }
        DenseMatrix r = Skeletons.rows(ca, rows);
        boolean free = Skeletons.isMatrixFree(ca);
        if (free) {
            passes += 2;
            matvecs += columns.length + rows.length;
        }
        PseudoInverse pinv = PseudoInverse.withDefaults();
        DenseMatrix ar = Dense.apply(ca, Transpose.NO_TRANSPOSE, pinv.compute(r));
        passes++;
        matvecs += rows.length;
        DenseMatrix u = Dense.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, pinv.compute(c), ar);
        return new Sampled<>(new CurDecomposition(columns, rows, c, u, r, passes, matvecs), next);
    }

    @Override
    public String toString() {
        return "Cur" + options;
    }
}
