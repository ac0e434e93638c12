package dev.nla.sketch.internal;

import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import dev.nla.core.matrix.SparseMatrix;
import dev.nla.core.operator.LinearOperator;

/** Checks of the symmetric and positive semidefinite inputs of the drivers. */
public final class Symmetry {
    /** Relative asymmetry tolerated: \(|a_{ij} - a_{ji}| \le \tau\max_{kl}|a_{kl}|\). */
    public static final double TOLERANCE = 0x1.0p-40;

    private Symmetry() {}

    /**
     * Requires a square operator, and an explicit matrix to be symmetric up to \(2^{-40}\max|a|\)
     * (rounding in the formation of a symmetric matrix is tolerated; a nonsymmetric input is not).
     * Matrix-free operators cannot be checked cheaply and are taken as symmetric.
     *
     * @param a    the operator
     * @param name the parameter name
     * @throws DimensionMismatchException if {@code a} is not square
     * @throws IllegalArgumentException   if an explicit matrix is not symmetric; the message names
     *     an offending pair of entries
     */
    public static void require(LinearOperator a, String name) {
        if (a.rows() != a.cols()) {
            throw new DimensionMismatchException(name + " must be square, got " + a.shape());
        }
        if (a.matrix().isEmpty()) {
            return;
        }
        Matrix m = a.matrix().get();
        int n = m.rows();
        if (m instanceof DenseMatrix d) {
            double max = 0;
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    max = Math.max(max, Math.abs(d.get(i, j)));
                }
            }
            double tol = TOLERANCE * max;
            for (int j = 0; j < n; j++) {
                for (int i = j + 1; i < n; i++) {
                    check(name, i, j, d.get(i, j), d.get(j, i), tol);
                }
            }
        } else {
            SparseMatrix s = (SparseMatrix) m;
            double[] max = {0};
            s.forEachNonZero((i, j, v) -> max[0] = Math.max(max[0], Math.abs(v)));
            double tol = TOLERANCE * max[0];
            s.forEachNonZero((i, j, v) -> check(name, i, j, v, s.get(j, i), tol));
        }
    }

    private static void check(String name, int i, int j, double aij, double aji, double tol) {
        if (!(Math.abs(aij - aji) <= tol)) {
            throw new IllegalArgumentException(name + " must be symmetric, but " + name + "(" + i + ", " + j + ") = "
                    + aij + " and " + name + "(" + j + ", " + i + ") = " + aji);
        }
    }

    /**
     * The diagonal of an explicit matrix.
     *
     * @param m a square matrix
     * @return its diagonal
     */
    public static double[] diagonal(Matrix m) {
        double[] d = new double[m.rows()];
        if (m instanceof DenseMatrix dense) {
            for (int i = 0; i < d.length; i++) {
                d[i] = dense.get(i, i);
            }
        } else {
            ((SparseMatrix) m).forEachNonZero((i, j, v) -> {
                if (i == j) {
                    d[i] += v;
                }
            });
        }
        return d;
    }

    /**
     * Throws {@link dev.nla.core.error.NotPositiveDefiniteException} at the first negative diagonal
     * entry: a positive semidefinite matrix has \(a_{ii} \ge 0\).
     *
     * @param diagonal the diagonal
     * @param name     the parameter name
     */
    public static void requireNonNegativeDiagonal(double[] diagonal, String name) {
        for (int i = 0; i < diagonal.length; i++) {
            if (diagonal[i] < 0) {
                throw new dev.nla.core.error.NotPositiveDefiniteException(name + " is not positive semidefinite: "
                        + name + "(" + i + ", " + i + ") = " + diagonal[i] + " < 0");
            }
        }
    }
}
