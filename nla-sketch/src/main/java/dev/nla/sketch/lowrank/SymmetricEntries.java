package dev.nla.sketch.lowrank;

import dev.nla.core.blas.Transpose;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.operator.LinearOperator;
import dev.nla.sketch.internal.CheckedOperator;
import dev.nla.sketch.internal.Dense;
import dev.nla.sketch.internal.Symmetry;
import java.util.Objects;

/**
 * Entry access to a symmetric positive semidefinite \(n \times n\) matrix, for methods that read
 * only its diagonal and a few columns (randomly pivoted Cholesky): an explicit matrix, a kernel
 * function \((i, j) \mapsto a_{ij}\) evaluated on demand, or an operator with a known diagonal.
 */
public interface SymmetricEntries {
    /**
     * The order \(n\).
     *
     * @return \(n \ge 0\)
     */
    int order();

    /**
     * The diagonal \(a_{11}, \dots, a_{nn}\).
     *
     * @return a new array of length \(n\)
     */
    double[] diagonal();

    /**
     * Columns \(A(:, J)\).
     *
     * @param indices the column indices \(J\), each in \([0, n)\); not modified
     * @return a new \(n \times |J|\) matrix
     */
    DenseMatrix columns(int[] indices);

    /** A function \((i, j) \mapsto a_{ij}\). */
    @FunctionalInterface
    interface Kernel {
        /**
         * The entry \(a_{ij} = a_{ji}\).
         *
         * @param i row index
         * @param j column index
         * @return the entry
         */
        double entry(int i, int j);
    }

    /**
     * An explicit dense or sparse matrix, checked once: finite, symmetric (up to \(2^{-40}\max|a|\)).
     *
     * @param a the symmetric \(n \times n\) matrix; not modified (and not copied: do not change it
     *     while in use)
     * @return the entries
     * @throws NullPointerException       if {@code a} is null
     * @throws DimensionMismatchException if {@code a} is not square
     * @throws IllegalArgumentException   if {@code a} is not symmetric
     * @throws NonFiniteValueException    if {@code a} holds NaN or an infinity
     */
    static SymmetricEntries of(Matrix a) {
        CheckedOperator ca = CheckedOperator.of(a, "a");
        Symmetry.require(ca, "a");
        double[] diagonal = Symmetry.diagonal(a);
        return new SymmetricEntries() {
            @Override
            public int order() {
                return a.rows();
            }

            @Override
            public double[] diagonal() {
                return diagonal.clone();
            }

            @Override
            public DenseMatrix columns(int[] indices) {
                return Skeletons.columns(ca, indices);
            }
        };
    }

    /**
     * A kernel matrix \(a_{ij} = \kappa(i, j)\) evaluated on demand (\(n\) evaluations for the
     * diagonal, \(n\) per column). The kernel must be symmetric and positive semidefinite; it is not
     * checked beyond the diagonal.
     *
     * @param n      the order \(n \ge 0\)
     * @param kernel \(\kappa\); must return finite values
     * @return the entries
     * @throws NullPointerException     if {@code kernel} is null
     * @throws IllegalArgumentException if {@code n < 0}
     */
    static SymmetricEntries fromKernel(int n, Kernel kernel) {
        Require.nonNegative("n", n);
        Objects.requireNonNull(kernel, "kernel");
        return new SymmetricEntries() {
            @Override
            public int order() {
                return n;
            }

            @Override
            public double[] diagonal() {
                double[] d = new double[n];
                for (int i = 0; i < n; i++) {
                    d[i] = kernel.entry(i, i);
                }
                return d;
            }

            @Override
            public DenseMatrix columns(int[] indices) {
                DenseMatrix c = DenseMatrix.zeros(n, indices.length);
                for (int t = 0; t < indices.length; t++) {
                    for (int i = 0; i < n; i++) {
                        c.set(i, t, kernel.entry(i, indices[t]));
                    }
                }
                return c;
            }
        };
    }

    /**
     * A matrix-free symmetric operator with a known diagonal: columns are \(AE_J\) (one application
     * of \(A\) to \(|J|\) unit vectors).
     *
     * @param a        the symmetric \(n \times n\) operator; not modified
     * @param diagonal its diagonal, length \(n\); copied
     * @return the entries
     * @throws NullPointerException       if an argument is null
     * @throws DimensionMismatchException if {@code a} is not square or the diagonal has the wrong
     *     length
     * @throws NonFiniteValueException    if the diagonal holds NaN or an infinity
     */
    static SymmetricEntries of(LinearOperator a, double[] diagonal) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(diagonal, "diagonal");
        if (a.rows() != a.cols() || diagonal.length != a.rows()) {
            throw new DimensionMismatchException("a must be square with a diagonal of its order, got a " + a.shape()
                    + " and " + diagonal.length + " diagonal entries");
        }
        Require.allFinite("diagonal", diagonal);
        double[] d = diagonal.clone();
        return new SymmetricEntries() {
            @Override
            public int order() {
                return a.rows();
            }

            @Override
            public double[] diagonal() {
                return d.clone();
            }

            @Override
            public DenseMatrix columns(int[] indices) {
                DenseMatrix e = DenseMatrix.zeros(a.cols(), indices.length);
                for (int t = 0; t < indices.length; t++) {
                    e.set(indices[t], t, 1.0);
                }
                return Dense.apply(a, Transpose.NO_TRANSPOSE, e);
            }
        };
    }
}
