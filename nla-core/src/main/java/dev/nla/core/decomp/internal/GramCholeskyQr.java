package dev.nla.core.decomp.internal;

import dev.nla.core.blas.Backend;
import dev.nla.core.blas.Backends;
import dev.nla.core.blas.Blas;
import dev.nla.core.blas.Diagonal;
import dev.nla.core.blas.Side;
import dev.nla.core.blas.Transpose;
import dev.nla.core.blas.Triangle;
import dev.nla.core.decomp.CholeskyQr;
import dev.nla.core.decomp.CholeskyQrBreakdownException;
import dev.nla.core.decomp.QrResult;
import dev.nla.core.error.DimensionMismatchException;
import dev.nla.core.error.NotPositiveDefiniteException;
import dev.nla.core.error.Require;
import dev.nla.core.matrix.DenseMatrix;
import dev.nla.core.matrix.Matrix;
import java.util.Objects;

/**
 * CholeskyQR2 and shifted CholeskyQR3 on the {@link Blas} kernels (see {@link CholeskyQr} for the
 * mathematics and the failure mode).
 *
 * <p>Each pass: \(G = Q^{\mathsf T}Q\) ({@code syrk}, lower triangle), \(G = LL^{\mathsf T}\)
 * ({@link RecursiveCholesky}), \(Q \leftarrow QL^{-\mathsf T}\) ({@code trsm}), \(R \leftarrow
 * L^{\mathsf T}R\) ({@code trmm}). Before the last pass the Gram matrix is checked: \(\|G -
 * I\|_F \ge 1/2\) means the current factor is too far from orthonormal for one more pass to reach
 * \(O(u)\) orthogonality [Yamamoto et al. 2015, §3], so the method stops with {@link
 * CholeskyQrBreakdownException}.
 */
public final class GramCholeskyQr implements CholeskyQr {
    /** Largest \(\|Q^{\mathsf T}Q - I\|_F\) before the final pass that the final pass can repair. */
    static final double MAX_DEFECT = 0.5;

    private final boolean shifted;
    private final Backend backend;

    /**
     * Creates the algorithm on the process-wide active backend.
     *
     * @param shifted {@code false} for CholeskyQR2, {@code true} for shifted CholeskyQR3
     */
    public GramCholeskyQr(boolean shifted) {
        this.shifted = shifted;
        this.backend = null;
    }

    /**
     * Creates the algorithm on a given backend.
     *
     * @param shifted {@code false} for CholeskyQR2, {@code true} for shifted CholeskyQR3
     * @param backend the kernels to use
     * @throws NullPointerException if {@code backend} is null
     */
    public GramCholeskyQr(boolean shifted, Backend backend) {
        this.shifted = shifted;
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    private String name() {
        return shifted ? "shifted CholeskyQR3" : "CholeskyQR2";
    }

    @Override
    public QrResult decompose(Matrix a) {
        Objects.requireNonNull(a, "a");
        int m = a.rows();
        int n = a.cols();
        if (m < n) {
            throw new DimensionMismatchException(name() + " needs rows >= cols, got " + a.shape());
        }
        Require.allFinite("a", a);
        Backend be = backend != null ? backend : Backends.active();
        DenseMatrix q = Checks.copyOf(a);
        DenseMatrix r = DenseMatrix.identity(n);
        if (n == 0) {
            return new QrResult(q, r);
        }
        int pass = 1;
        if (shifted) {
            double norm = Blas.nrm2(be, q);
            double shift = 11.0 * ((double) m * n + (double) n * (n + 1)) * 0x1.0p-53 * norm * norm;
            pass(be, q, r, shift, pass++, false);
        }
        pass(be, q, r, 0.0, pass++, false);
        pass(be, q, r, 0.0, pass, true);
        return new QrResult(q, r);
    }

    /**
     * One CholeskyQR pass on {@code q} in place; accumulates the triangular factor into {@code r}.
     *
     * @param checkDefect whether this is the last pass, whose Gram matrix must be close to the
     *     identity
     */
    private void pass(Backend be, DenseMatrix q, DenseMatrix r, double shift, int pass, boolean checkDefect) {
        int n = q.cols();
        DenseMatrix g = DenseMatrix.zeros(n, n);
        Blas.syrk(be, Triangle.LOWER, Transpose.TRANSPOSE, 1.0, q, 0.0, g);
        if (checkDefect) {
            double defect = lowerDefect(g);
            if (!(defect < MAX_DEFECT)) {
                throw new CholeskyQrBreakdownException(name() + ": after pass " + (pass - 1) + " ||Q^T Q - I||_F = "
                        + defect + " >= " + MAX_DEFECT + ", too far from orthonormal to repair: the matrix is too"
                        + " ill-conditioned for " + name() + (shifted ? "" : " (try shifted CholeskyQR3)"));
            }
        }
        for (int i = 0; i < n; i++) {
            g.add(i, i, shift);
        }
        try {
            RecursiveCholesky.factorLower(be, g, 0);
        } catch (NotPositiveDefiniteException e) {
            throw new CholeskyQrBreakdownException(name() + ": the Gram matrix of pass " + pass
                    + " is not numerically positive definite (" + e.getMessage() + "): the matrix is too"
                    + " ill-conditioned for " + name() + (shifted ? "" : " (try shifted CholeskyQR3)"));
        }
        Blas.trsm(be, Side.RIGHT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, g, q);
        Blas.trmm(be, Side.LEFT, Triangle.LOWER, Transpose.TRANSPOSE, Diagonal.NON_UNIT, 1.0, g, r);
    }

    /** \(\|G - I\|_F\) of the symmetric matrix whose lower triangle {@code g} holds. */
    private static double lowerDefect(DenseMatrix g) {
        int n = g.rows();
        double s = 0;
        for (int j = 0; j < n; j++) {
            double d = g.get(j, j) - 1.0;
            s += d * d;
            for (int i = j + 1; i < n; i++) {
                double v = g.get(i, j);
                s += 2 * v * v;
            }
        }
        return Math.sqrt(s);
    }
}
