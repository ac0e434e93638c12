package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CompactQr;
import dev.nla.core.decomp.SvdVectors;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

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

    /**
     * Validates the arguments of {@link dev.nla.core.decomp.Qr#applyQ}: none null, \(C\)'s order on
     * the side of \(Q\) equal to \(m\), and \(C\) not sharing storage with the factors.
     *
     * @throws NullPointerException       naming a null argument
     * @throws DimensionMismatchException if \(C\) has the wrong order on that side
     * @throws IllegalArgumentException   if \(C\) shares storage with the factors
     */
    static void applyQArguments(CompactQr qr, Side side, Transpose trans, DenseMatrix c) {
        Objects.requireNonNull(qr, "qr");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(c, "overwrittenC");
        int m = qr.rows();
        int order = side == Side.LEFT ? c.rows() : c.cols();
        if (order != m) {
            throw new DimensionMismatchException(
                    "applyQ: Q is " + m + "x" + m + " but c is " + c.shape() + " (Q on the " + side + ")");
        }
        if (sharesStorage(qr.factors(), c)) {
            throw new IllegalArgumentException("applyQ: c shares storage with the factors of the QR");
        }
    }

    /**
     * Refuses an SVD whose \(U\) or \(V^{\mathsf T}\) would exceed the array limit, before
     * allocating.
     *
     * @throws dev.nla.core.error.SizeLimitExceededException naming the factor
     */
    static void svdSizes(int m, int n, SvdVectors vectors) {
        boolean full = vectors == SvdVectors.FULL;
        int k = Math.min(m, n);
        Require.sizeWithin("U of the SVD", (long) m * (full ? m : k), DenseMatrix.MAX_ELEMENTS);
        Require.sizeWithin("Vt of the SVD", (long) n * (full ? n : k), DenseMatrix.MAX_ELEMENTS);
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
