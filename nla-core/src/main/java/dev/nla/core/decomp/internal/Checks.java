package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Triangle;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;

/** Input scans and small helpers shared by the decompositions. */
final class Checks {
    private Checks() {}

    /** Throws unless {@code a} is square. */
    static void square(String op, String name, Matrix a) {
        if (a.rows() != a.cols()) {
            throw new DimensionMismatchException(op + ": " + name + " must be square, got " + a.shape());
        }
    }

    /** Throws unless {@code b.rows() == rows}. */
    static void rows(String op, String name, Matrix b, int rows) {
        if (b.rows() != rows) {
            throw new DimensionMismatchException(op + ": " + name + " must have " + rows + " rows, got " + b.shape());
        }
    }

    /**
     * Scans one triangle of a square matrix (diagonal included) for NaN and infinities.
     *
     * @throws NonFiniteValueException naming the first offending position, column by column
     */
    static void finiteTriangle(String name, DenseMatrix a, Triangle triangle) {
        int n = a.rows();
        double[] d = a.data();
        for (int j = 0; j < a.cols(); j++) {
            int from = triangle == Triangle.LOWER ? j : 0;
            int to = triangle == Triangle.LOWER ? n : Math.min(j + 1, n);
            int col = a.offset() + j * a.ld();
            for (int i = from; i < to; i++) {
                double v = d[col + i];
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException(name, i, j, v);
                }
            }
        }
    }

    /** A compact dense copy of any matrix. */
    static DenseMatrix copyOf(Matrix a) {
        DenseMatrix copy = DenseMatrix.zeros(a.rows(), a.cols());
        copy.copyFrom(a);
        return copy;
    }

    /** \(\|A\|_1\) of the symmetric matrix whose lower triangle {@code a} holds. */
    static double symmetricNormOne(DenseMatrix a) {
        int n = a.rows();
        double[] sums = new double[n];
        for (int j = 0; j < n; j++) {
            sums[j] += Math.abs(a.get(j, j));
            for (int i = j + 1; i < n; i++) {
                double v = Math.abs(a.get(i, j));
                sums[j] += v;
                sums[i] += v;
            }
        }
        double best = 0;
        for (double s : sums) {
            best = Math.max(best, s);
        }
        return best;
    }

    /** \(\|A\|_1 = \max_j \sum_i |a_{ij}|\). */
    static double normOne(DenseMatrix a) {
        double best = 0;
        double[] d = a.data();
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            int col = a.offset() + j * a.ld();
            for (int i = 0; i < a.rows(); i++) {
                s += Math.abs(d[col + i]);
            }
            best = Math.max(best, s);
        }
        return best;
    }

    /** Whether two matrices share a storage array (and both are non-empty). */
    static boolean sharesStorage(DenseMatrix x, DenseMatrix y) {
        return x.data() == y.data() && x.rows() > 0 && x.cols() > 0 && y.rows() > 0 && y.cols() > 0;
    }
}
