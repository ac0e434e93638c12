package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Transpose;
import dev.nla.core.decomp.Decompositions;
import dev.nla.core.decomp.EigenOrder;
import dev.nla.core.decomp.EigenResult;
import dev.nla.core.decomp.SymmetricEigen;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.core.random.RngState;
import dev.nla.core.random.Sampled;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.internal.Symmetry;
import dev.nla.sketch.rangefinder.QbResult;
import dev.nla.sketch.rangefinder.SubspaceIteration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Randomized eigendecomposition of a symmetric matrix, \(A \approx U\Lambda U^{\mathsf T}\) [HMT
 * 2011, Alg. 5.3; Martinsson and Tropp 2020, §11.4].
 *
 * <p><b>Algorithm.</b> Subspace iteration gives \(A \approx QB\), \(Q \in \mathbb{R}^{n \times \ell}\),
 * \(B = Q^{\mathsf T}A\); the Rayleigh quotient \(T = BQ = Q^{\mathsf T}AQ\) (symmetrized) is
 * diagonalized, \(T = W\Theta W^{\mathsf T}\), the \(k\) eigenpairs chosen by the {@link
 * EigenSelection} are kept and \(U = QW_k\). Passes: \(2q + 2\); extra flops \(O(n\ell^2)\).
 *
 * <p><b>Accuracy.</b> \(\|A - QTQ^{\mathsf T}\|\) is at most twice the range-finder error \(\|A -
 * QQ^{\mathsf T}A\|\) [HMT 2011, §5.3], so the bounds of {@link RandomizedSvd} apply with a factor
 * 2. The error estimate for explicit matrices is \((\|A\|_F^2 - \sum_{j \le k}\lambda_j^2)^{1/2}\),
 * exact for the returned approximation (up to the subtraction, resolving about \(10^{-7}\|A\|_F\)).
 *
 * <p><b>Input.</b> A square, symmetric operator: explicit matrices are checked for symmetry up to
 * \(2^{-40}\max|a_{ij}|\); a matrix-free operator is taken as symmetric. Eigenvectors have the
 * largest-magnitude entry of each column positive.
 */
public final class RandomizedEigen {
    private final RandomizedEigenOptions options;
    private final SymmetricEigen eigen;

    /**
     * The algorithm with the pure-Java symmetric eigensolver.
     *
     * @param options the options
     * @throws NullPointerException if {@code options} is null
     */
    public RandomizedEigen(RandomizedEigenOptions options) {
        this(options, Decompositions.symmetricEigen());
    }

    /**
     * The algorithm with a given dense symmetric eigensolver for the \(\ell \times \ell\) Rayleigh
     * quotient.
     *
     * @param options the options
     * @param eigen   the eigensolver
     * @throws NullPointerException if an argument is null
     */
    public RandomizedEigen(RandomizedEigenOptions options, SymmetricEigen eigen) {
        this.options = Objects.requireNonNull(options, "options");
        this.eigen = Objects.requireNonNull(eigen, "eigen");
    }

    /**
     * The options.
     *
     * @return the options
     */
    public RandomizedEigenOptions options() {
        return options;
    }

    /**
     * Computes the rank-\(k\) eigendecomposition of a dense or sparse symmetric matrix.
     *
     * @param a     \(A\), symmetric \(n \times n\); not modified; must be finite
     * @param state the random stream; not modified
     * @return the eigenpairs, error estimate and passes, with the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(A\) is not square
     * @throws IllegalArgumentException   if \(A\) is not symmetric, or \(k \gt n\)
     * @throws NonFiniteValueException    if {@code a} holds NaN or an infinity
     */
    public Sampled<LowRankEigen> compute(Matrix a, RngState state) {
        return compute(CheckedOperator.of(a, "a"), state);
    }

    /**
     * Computes the rank-\(k\) eigendecomposition of a symmetric operator.
     *
     * @param a     \(A\), a symmetric \(n \times n\) operator; not modified
     * @param state the random stream; not modified
     * @return the eigenpairs, error estimate and passes, with the state to use next
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if \(A\) is not square
     * @throws IllegalArgumentException   if an explicit \(A\) is not symmetric, or \(k \gt n\)
     * @throws NonFiniteValueException    if an explicit matrix holds NaN or an infinity
     */
    public Sampled<LowRankEigen> compute(LinearOperator a, RngState state) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Objects.requireNonNull(state, "state");
        Symmetry.require(ca, "a");
        int n = ca.rows();
        int k = options.rank();
        RandomizedSvd.checkRank(k, n, n);
        int ell = Math.min(k + options.oversampling(), n);
        Sampled<QbResult> run = new SubspaceIteration(options.rangeFinder()).find(ca, ell, state);
        QbResult qb = run.value();
        DenseMatrix q = qb.q();
        DenseMatrix t = Dense.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, qb.b(), q);
        int r = t.rows();
        DenseMatrix sym = DenseMatrix.zeros(r, r);
        for (int j = 0; j < r; j++) {
            for (int i = 0; i < r; i++) {
                sym.set(i, j, 0.5 * (t.get(i, j) + t.get(j, i)));
            }
        }
        EigenResult e = eigen.decompose(sym, EigenOrder.DESCENDING);
        double[] theta = e.eigenvalues();
        Integer[] order = new Integer[r];
        for (int i = 0; i < r; i++) {
            order[i] = i;
        }
        if (options.selection() == EigenSelection.LARGEST_MAGNITUDE) {
            Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.abs(theta[i])));
        }
        int kk = Math.min(k, r);
        DenseMatrix w = DenseMatrix.zeros(r, kk);
        double[] lambda = new double[kk];
        for (int j = 0; j < kk; j++) {
            lambda[j] = theta[order[j]];
            w.column(j).copyFrom(e.eigenvectors().column(order[j]));
        }
        DenseMatrix u = Dense.multiply(Transpose.NO_TRANSPOSE, Transpose.NO_TRANSPOSE, q, w);
        SignConvention.U_MAX_ABS.apply(u, null);
        OptionalDouble estimate = OptionalDouble.empty();
        if (ca.frobeniusNorm().isPresent()) {
            double norm = ca.frobeniusNorm().getAsDouble();
            double captured = 0;
            for (double l : lambda) {
                captured += l * l;
            }
            estimate = OptionalDouble.of(Math.sqrt(Math.max(0.0, norm * norm - captured)));
        }
        return new Sampled<>(new LowRankEigen(lambda, u, estimate, qb.passes(), qb.matvecs()), run.next());
    }

    @Override
    public String toString() {
        return "RandomizedEigen" + options;
    }
}
