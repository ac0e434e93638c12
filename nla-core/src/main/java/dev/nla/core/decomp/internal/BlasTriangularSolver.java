package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.TriangularSolver;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NonFiniteValueException;
import dev.nla.core.error.Require;
import dev.nla.core.error.SingularMatrixException;
import dev.nla.core.matrix.DenseMatrix;
import java.util.Objects;
import java.util.function.Consumer;

/** Triangular solves on {@link Blas#trsm} with input checks, and the 1-norm condition estimate. */
public final class BlasTriangularSolver implements TriangularSolver {
    private final Backend backend;

    /** Creates the solver on the process-wide active backend (looked up at each call). */
    public BlasTriangularSolver() {
        this.backend = null;
    }

    /**
     * Creates the solver on a given backend.
     *
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public BlasTriangularSolver(Backend backend) {
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private Backend backend() {
        return backend != null ? backend : Backends.active();
    }

    @Override
    public void solveInPlace(
            Side side, Triangle triangle, Transpose trans, Diagonal diag, DenseMatrix t, DenseMatrix overwrittenB) {
        checkSolve(side, triangle, trans, diag, t, overwrittenB);
        Blas.trsm(backend(), side, triangle, trans, diag, 1.0, t, overwrittenB);
    }

    @Override
    public double reciprocalCondition(Triangle triangle, Diagonal diag, DenseMatrix t) {
        checkTriangle(triangle, diag, t);
        int n = t.rows();
        if (n == 0) {
            return 1.0;
        }
        if (hasZeroDiagonal(diag, t)) {
            return 0.0;
        }
        Backend be = backend();
        Consumer<double[]> solve = x ->
                Blas.trsm(be, Side.LEFT, triangle, Transpose.NO_TRANSPOSE, diag, 1.0, t, DenseMatrix.wrap(n, 1, x));
        Consumer<double[]> solveTrans =
                x -> Blas.trsm(be, Side.LEFT, triangle, Transpose.TRANSPOSE, diag, 1.0, t, DenseMatrix.wrap(n, 1, x));
        return OneNormEstimator.reciprocal(
                n, triangularNormOne(triangle, diag, t), OneNormEstimator.estimate(n, solve, solveTrans));
    }

    /** All checks of a solve, in the documented order; nothing is modified. */
    static void checkSolve(Side side, Triangle triangle, Transpose trans, Diagonal diag, DenseMatrix t, DenseMatrix b) {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(trans, "trans");
        Objects.requireNonNull(b, "b");
        checkTriangle(triangle, diag, t);
        int order = side == Side.LEFT ? b.rows() : b.cols();
        if (order != t.rows()) {
            throw new DimensionMismatchException(
                    "triangular solve: t is " + t.shape() + " but b is " + b.shape() + " (t on the " + side + ")");
        }
        if (Checks.sharesStorage(t, b)) {
            throw new IllegalArgumentException("triangular solve: b shares storage with t");
        }
        Require.allFinite("b", b);
        if (diag == Diagonal.NON_UNIT) {
            for (int i = 0; i < t.rows(); i++) {
                if (t.get(i, i) == 0.0) {
                    throw new SingularMatrixException(
                            "triangular solve: t is singular, its diagonal entry (" + i + ", " + i + ") is 0");
                }
            }
        }
    }

    /** Null, shape and finiteness checks of the triangle (the diagonal only if non-unit). */
    static void checkTriangle(Triangle triangle, Diagonal diag, DenseMatrix t) {
        Objects.requireNonNull(triangle, "triangle");
        Objects.requireNonNull(diag, "diag");
        Objects.requireNonNull(t, "t");
        Checks.square("triangular solve", "t", t);
        int n = t.rows();
        for (int j = 0; j < n; j++) {
            int from = triangle == Triangle.LOWER ? j : 0;
            int to = triangle == Triangle.LOWER ? n : j + 1;
            for (int i = from; i < to; i++) {
                if (i == j && diag == Diagonal.UNIT) {
                    continue;
                }
                double v = t.get(i, j);
                if (!Double.isFinite(v)) {
                    throw new NonFiniteValueException("t", i, j, v);
                }
            }
        }
    }

    static boolean hasZeroDiagonal(Diagonal diag, DenseMatrix t) {
        if (diag == Diagonal.UNIT) {
            return false;
        }
        for (int i = 0; i < t.rows(); i++) {
            if (t.get(i, i) == 0.0) {
                return true;
            }
        }
        return false;
    }

    /** \(\|T\|_1\) of the referenced triangle, with ones on the diagonal if unit. */
    static double triangularNormOne(Triangle triangle, Diagonal diag, DenseMatrix t) {
        int n = t.rows();
        double best = 0;
        for (int j = 0; j < n; j++) {
            int from = triangle == Triangle.LOWER ? j : 0;
            int to = triangle == Triangle.LOWER ? n : j + 1;
            double s = 0;
            for (int i = from; i < to; i++) {
                s += i == j && diag == Diagonal.UNIT ? 1.0 : Math.abs(t.get(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }
}
