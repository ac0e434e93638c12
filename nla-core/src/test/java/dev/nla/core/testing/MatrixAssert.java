package dev.nla.core.testing;

import dev.nla.core.matrix.Matrix;
import org.assertj.core.api.AbstractAssert;

/**
 * AssertJ assertions for matrices. Failure messages give the shapes, the worst entry and the
 * tolerance. The checks are naive loops, independent of the kernels under test.
 */
public final class MatrixAssert extends AbstractAssert<MatrixAssert, Matrix> {
    private MatrixAssert(Matrix actual) {
        super(actual, MatrixAssert.class);
    }

    /**
     * Entry point.
     *
     * @param actual the matrix under test
     * @return the assertion
     */
    public static MatrixAssert assertThatMatrix(Matrix actual) {
        return new MatrixAssert(actual);
    }

    /**
     * Asserts the shape.
     *
     * @param rows expected rows
     * @param cols expected columns
     * @return this
     */
    public MatrixAssert hasShape(int rows, int cols) {
        isNotNull();
        if (actual.rows() != rows || actual.cols() != cols) {
            failWithMessage("expected shape %dx%d but was %dx%d", rows, cols, actual.rows(), actual.cols());
        }
        return this;
    }

    /**
     * Asserts every entry equal to {@code expected}'s bit for bit ({@link Double#compare} semantics:
     * NaN equals NaN, +0 differs from -0).
     *
     * @param expected the expected matrix
     * @return this
     */
    public MatrixAssert isBitwiseEqualTo(Matrix expected) {
        hasShape(expected.rows(), expected.cols());
        for (int j = 0; j < actual.cols(); j++) {
            for (int i = 0; i < actual.rows(); i++) {
                if (Double.compare(actual.get(i, j), expected.get(i, j)) != 0) {
                    failWithMessage(
                            "entry (%d, %d) differs: expected %s but was %s",
                            i, j, expected.get(i, j), actual.get(i, j));
                }
            }
        }
        return this;
    }

    /**
     * Asserts \(\|A - E\|_F \le \mathrm{tol}\).
     *
     * @param expected the expected matrix \(E\)
     * @param tol      the tolerance on the Frobenius norm of the difference
     * @return this
     */
    public MatrixAssert isCloseTo(Matrix expected, double tol) {
        hasShape(expected.rows(), expected.cols());
        double s = 0;
        double worst = -1;
        int wi = -1;
        int wj = -1;
        for (int j = 0; j < actual.cols(); j++) {
            for (int i = 0; i < actual.rows(); i++) {
                double d = actual.get(i, j) - expected.get(i, j);
                s += d * d;
                if (!(Math.abs(d) <= worst)) {
                    worst = Math.abs(d);
                    wi = i;
                    wj = j;
                }
            }
        }
        double dist = Math.sqrt(s);
        if (!(dist <= tol)) {
            failWithMessage(
                    "||actual - expected||_F = %s exceeds %s; worst entry (%d, %d): expected %s but was %s",
                    dist, tol, wi, wj, expected.get(wi, wj), actual.get(wi, wj));
        }
        return this;
    }

    /**
     * Asserts \(|a_{ij} - e_{ij}| \le b_{ij}\) for every entry.
     *
     * @param expected the expected matrix
     * @param bound    entrywise bound, same shape
     * @return this
     */
    public MatrixAssert isCloseEntrywise(Matrix expected, Matrix bound) {
        hasShape(expected.rows(), expected.cols());
        for (int j = 0; j < actual.cols(); j++) {
            for (int i = 0; i < actual.rows(); i++) {
                double d = Math.abs(actual.get(i, j) - expected.get(i, j));
                if (!(d <= bound.get(i, j))) {
                    failWithMessage(
                            "entry (%d, %d): |%s - %s| = %s exceeds the bound %s",
                            i, j, actual.get(i, j), expected.get(i, j), d, bound.get(i, j));
                }
            }
        }
        return this;
    }

    /**
     * Asserts \(\|Q^{\mathsf T}Q - I\|_F \le \mathrm{tol}\).
     *
     * @param tol tolerance
     * @return this
     */
    public MatrixAssert hasOrthonormalColumns(double tol) {
        isNotNull();
        int n = actual.cols();
        double s = 0;
        for (int a = 0; a < n; a++) {
            for (int b = 0; b < n; b++) {
                double dot = 0;
                for (int i = 0; i < actual.rows(); i++) {
                    dot += actual.get(i, a) * actual.get(i, b);
                }
                double d = dot - (a == b ? 1 : 0);
                s += d * d;
            }
        }
        double dist = Math.sqrt(s);
        if (!(dist <= tol)) {
            failWithMessage("||Q^T Q - I||_F = %s exceeds %s for a %dx%d Q", dist, tol, actual.rows(), n);
        }
        return this;
    }
}
